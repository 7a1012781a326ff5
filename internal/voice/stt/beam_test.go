package stt

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/parleyhq/parley/internal/apperr"
)

// fakeModel is a decoder with deterministic logits: each row keeps its
// prefix (the tokens after the start one), and the logits are looked up
// by that prefix, so a beam search that loses track of which row a
// hypothesis continues gets the wrong logits. Unknown prefixes get
// fallback, or make EOS likely.
type fakeModel struct {
	vocab    int
	logits   map[string]map[int]float32 // prefix ("3 4") -> token -> logit; the rest -10
	fallback map[int]float32
	rows     [][]int
	steps    int
	before   func(pos int) error // run before each step
}

func (f *fakeModel) step(parents, tokens []int, pos int) ([][]float32, error) {
	if f.before != nil {
		if err := f.before(pos); err != nil {
			return nil, err
		}
	}
	f.steps++
	var rows [][]int
	for i, p := range parents {
		var prefix []int
		if pos > 0 {
			prefix = append(prefix, f.rows[p]...)
		}
		if tokens[i] != moonshineStart {
			prefix = append(prefix, tokens[i])
		}
		rows = append(rows, prefix)
	}
	f.rows = rows
	out := make([][]float32, len(rows))
	for i, prefix := range rows {
		out[i] = make([]float32, f.vocab)
		for j := range out[i] {
			out[i][j] = -10
		}
		table, ok := f.logits[key(prefix)]
		if !ok {
			table = f.fallback
		}
		if table == nil {
			table = map[int]float32{moonshineEOS: 5}
		}
		for id, l := range table {
			out[i][id] = l
		}
	}
	return out, nil
}

func key(ids []int) string { return strings.Trim(fmt.Sprint(ids), "[]") }

// The pieces of the fake vocabulary (ids 0-2: <unk>, <s>, </s>).
var fakePieces = map[int]string{3: " have", 4: " jav", 5: "rah", 6: "ascript", 7: " it", 8: " a", 9: " job", 10: "?"}

func fakePiece(id int) string { return fakePieces[id] }

func TestBeamSearchRecoversWhatGreedyMisses(t *testing.T) {
	tests := []struct {
		name       string
		logits     map[string]map[int]float32
		bias       *Bias
		wantGreedy []int
		wantBeam   []int
	}{
		{
			// " have" is likelier alone, but every continuation of it is
			// doubtful, while " a" is followed by " job" for sure.
			name: "model only",
			logits: map[string]map[int]float32{
				"":    {3: 2, 8: 1.5},
				"3":   {7: 1, 9: 1, 10: 1, moonshineEOS: 1},
				"3 7": {moonshineEOS: 5}, "3 9": {moonshineEOS: 5}, "3 10": {moonshineEOS: 5},
				"8":   {9: 8},
				"8 9": {moonshineEOS: 8},
			},
			wantGreedy: []int{3},
			wantBeam:   []int{8, 9},
		},
		{
			// The boost makes greedy take " jav", and then the model
			// insists on "rah": "javrah". The beam takes the boost back
			// when the word is not "javascript".
			name: "a boost taken back",
			logits: map[string]map[int]float32{
				"":    {3: 2, 4: 1},
				"3":   {7: 4},
				"3 7": {moonshineEOS: 5},
				"4":   {5: 3, 6: -1},
				"4 5": {moonshineEOS: 5},
			},
			bias:       NewBias([]string{"JavaScript"}, 2),
			wantGreedy: []int{4, 5},
			wantBeam:   []int{3, 7},
		},
		{
			// The same boost kept when the word is the term.
			name: "a boost kept",
			logits: map[string]map[int]float32{
				"":    {3: 2, 4: 1},
				"3":   {7: 4},
				"3 7": {moonshineEOS: 5},
				"4":   {5: 1, 6: 0.5},
				"4 5": {moonshineEOS: 5},
				"4 6": {moonshineEOS: 5},
			},
			bias:       NewBias([]string{"JavaScript"}, 2),
			wantGreedy: []int{4, 6},
			wantBeam:   []int{4, 6},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			greedyModel := &fakeModel{vocab: 11, logits: tt.logits}
			got, err := greedy(context.Background(), 10, func(prev, pos int) (int, error) {
				rows, err := greedyModel.step([]int{0}, []int{prev}, pos)
				if err != nil {
					return 0, err
				}
				v := Vocab{"<unk>", "<s>", "</s>", " have", " jav", "rah", "ascript", " it", " a", " job", "?"}
				text := ""
				for _, id := range greedyModel.rows[0] {
					text += v.text(id)
				}
				return pick(rows[0], pos, tt.bias, text, v), nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.wantGreedy, got); diff != "" {
				t.Errorf("greedy (-want +got):\n%s", diff)
			}
			got, err = beamSearch(context.Background(), 10, 3, &fakeModel{vocab: 11, logits: tt.logits}, tt.bias, fakePiece)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.wantBeam, got); diff != "" {
				t.Errorf("beam (-want +got):\n%s", diff)
			}
		})
	}
}

func TestBeamSearchWidthOneIsGreedy(t *testing.T) {
	logits := map[string]map[int]float32{
		"":    {3: 2, 8: 1.5},
		"3":   {7: 1, 9: 1.2, moonshineEOS: 1},
		"3 9": {moonshineEOS: 5},
		"8":   {9: 8},
	}
	for _, width := range []int{0, 1} {
		got, err := beamSearch(context.Background(), 10, width, &fakeModel{vocab: 11, logits: logits}, nil, fakePiece)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]int{3, 9}, got); diff != "" {
			t.Errorf("width %d (-want +got):\n%s", width, diff)
		}
	}
}

// TestBeamSearchStops checks the stopping rules: enough ended hypotheses,
// the token budget, a cancelled context and a failing step.
func TestBeamSearchStops(t *testing.T) {
	boom := errors.New("boom")
	// A loop: " it" forever, and EOS never likely.
	loop := map[string]map[int]float32{}
	tests := []struct {
		name      string
		logits    map[string]map[int]float32
		budget    int
		failAt    int // -1: none
		cancelAt  int // -1: none
		want      []int
		wantSteps int
		wantCode  apperr.Code
		wantCtx   bool
	}{
		{"eos ends", map[string]map[int]float32{"": {3: 5}, "3": {7: 5}, "3 7": {moonshineEOS: 9}}, 10, -1, -1, []int{3, 7}, 3, "", false},
		{"eos barred first", map[string]map[int]float32{"": {moonshineEOS: 9, 3: 1}}, 10, -1, -1, []int{3}, 2, "", false},
		{"budget ends a loop", loop, 4, -1, -1, []int{7, 7, 7, 7}, 4, "", false},
		{"no budget", loop, 0, -1, -1, nil, 0, "", false},
		{"cancelled", loop, 10, -1, 2, nil, 2, "", true},
		{"step fails", loop, 10, 1, -1, nil, 1, apperr.Internal, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			m := &fakeModel{vocab: 11, logits: tt.logits}
			if len(tt.logits) == 0 {
				m.fallback = map[int]float32{7: 5, 3: 1}
			}
			m.before = func(pos int) error {
				if pos == tt.failAt {
					return boom
				}
				if pos+1 == tt.cancelAt {
					cancel()
				}
				return nil
			}
			got, err := beamSearch(ctx, tt.budget, 3, m, nil, fakePiece)
			switch {
			case tt.wantCtx:
				if !errors.Is(err, context.Canceled) {
					t.Fatalf("err = %v, want context.Canceled", err)
				}
			case tt.wantCode != "":
				if apperr.CodeOf(err) != tt.wantCode || !errors.Is(err, boom) {
					t.Fatalf("err = %v, want %s wrapping boom", err, tt.wantCode)
				}
			case err != nil:
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("tokens (-want +got):\n%s", diff)
			}
			if m.steps != tt.wantSteps {
				t.Errorf("%d steps run, want %d", m.steps, tt.wantSteps)
			}
		})
	}
}

func TestBeamSearchRowMismatch(t *testing.T) {
	_, err := beamSearch(context.Background(), 5, 2, rowsModel{}, nil, fakePiece)
	if apperr.CodeOf(err) != apperr.Internal {
		t.Errorf("err = %v, want Internal", err)
	}
}

// rowsModel returns one row too many.
type rowsModel struct{}

func (rowsModel) step(parents, _ []int, _ int) ([][]float32, error) {
	return make([][]float32, len(parents)+1), nil
}

func TestHypSettles(t *testing.T) {
	b := NewBias([]string{"JavaScript", "Acme Corp"}, 2).Add([]string{"does he know"}, 1)
	tests := []struct {
		name        string
		pieces      []string
		wantBias    float64
		wantPending float64
	}{
		{"term kept at the next word", []string{" java", "script", " well"}, 4, 0},
		{"term kept before punctuation", []string{" java", "script", "?"}, 4, 0},
		{"abandoned term taken back", []string{" java", "rah", " well"}, 0, 0},
		{"first word of a phrase kept", []string{" acme", " inc"}, 2, 0},
		{"open word of a phrase pending", []string{" does", " he", " kn"}, 2, 1},
		{"too short to match", []string{" kn"}, 0, 0},
		{"apostrophe continues the word", []string{" java", "'s"}, 0, 2},
		{"no bias", []string{" well"}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var h hyp
			for i, p := range tt.pieces {
				h = h.extend(0, 3+i, -1, b, func(int) string { return p })
			}
			if h.bias != tt.wantBias || h.pending != tt.wantPending {
				t.Errorf("bias %v pending %v, want %v and %v", h.bias, h.pending, tt.wantBias, tt.wantPending)
			}
			if h.logp != -float64(len(tt.pieces)) {
				t.Errorf("logp %v, want %d", h.logp, -len(tt.pieces))
			}
			// At the end the pending boost is settled too.
			e := h.extend(0, moonshineEOS, 0, b, nil)
			if !e.ended || e.pending != 0 || len(e.ids) != len(h.ids) {
				t.Errorf("after EOS: %+v", e)
			}
		})
	}
}

func TestBiasWholeWord(t *testing.T) {
	b := NewBias([]string{"JavaScript", "Acme Corp"}, 2)
	for _, tt := range []struct {
		text string
		want bool
	}{
		{" javascript", true},
		{" he knows javascript", true},
		{" acme", true},
		{" acme corp", true},
		{" acme co", false},
		{" java", false},
		{" javascripts", false},
		{" xjavascript", false},
		{"", false},
	} {
		if got := b.wholeWord(tt.text); got != tt.want {
			t.Errorf("wholeWord(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	if (*Bias)(nil).wholeWord(" javascript") {
		t.Error("nil bias has whole words")
	}
}

func TestWordBoundary(t *testing.T) {
	for _, tt := range []struct {
		piece string
		want  bool
	}{{" the", true}, {"?", true}, {",", true}, {"'s", false}, {"script", false}, {"", false}, {"2", false}} {
		if got := wordBoundary(tt.piece); got != tt.want {
			t.Errorf("wordBoundary(%q) = %v, want %v", tt.piece, got, tt.want)
		}
	}
}

func TestLogSumExp(t *testing.T) {
	if got := logSumExp([]float32{0, 0}); got < 0.6931 || got > 0.6932 {
		t.Errorf("logSumExp(0, 0) = %v, want ln 2", got)
	}
	if got := logSumExp([]float32{1000, 1000}); got < 1000.69 || got > 1000.70 {
		t.Errorf("logSumExp(1000, 1000) = %v: overflow", got)
	}
}
