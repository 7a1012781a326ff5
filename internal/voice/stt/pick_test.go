package stt_test

import (
	"context"
	"errors"
	"testing"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/voice/audio"
	"github.com/parleyhq/parley/internal/voice/stt"
)

// slow is a recogniser that answers only when release is closed, or fails
// with ctx's error when ctx ends first.
type slow struct {
	text    string
	release chan struct{}
}

func (s slow) Transcribe(ctx context.Context, _ audio.PCM) (stt.Transcript, error) {
	select {
	case <-s.release:
		return stt.Transcript{Text: s.text, Provider: "slow"}, nil
	case <-ctx.Done():
		return stt.Transcript{}, ctx.Err()
	}
}

// scoreTable is a fake understanding score: a fixed score per transcript
// text, 0 for any other.
func scoreTable(m map[string]int) func(stt.Transcript) int {
	return func(tr stt.Transcript) int { return m[tr.Text] }
}

func TestPick(t *testing.T) {
	heard := func(text string) *fake { return &fake{tr: stt.Transcript{Text: text, Provider: text}} }
	failing := func(code apperr.Code) *fake { return &fake{err: apperr.New(code, "recogniser %s", code)} }
	scores := map[string]int{"what about java": 3, "what about john": 0, "where did she work": 2, "wear did she walk": 2}
	tests := []struct {
		name     string
		cands    []*fake
		want     string
		wantCode apperr.Code // when an error is expected
	}{
		{"second understood better", []*fake{heard("what about john"), heard("what about java")}, "what about java", ""},
		{"first understood better", []*fake{heard("what about java"), heard("what about john")}, "what about java", ""},
		{"tie goes to the first", []*fake{heard("wear did she walk"), heard("where did she work")}, "wear did she walk", ""},
		{"tie goes to the first, reversed", []*fake{heard("where did she work"), heard("wear did she walk")}, "where did she work", ""},
		{"both unscored: first", []*fake{heard("mumble"), heard("grumble")}, "mumble", ""},
		{"first fails: second", []*fake{failing(apperr.Unavailable), heard("what about john")}, "what about john", ""},
		{"second fails: first", []*fake{heard("what about john"), failing(apperr.Internal)}, "what about john", ""},
		{"empty transcript still scored", []*fake{heard(""), heard("what about java")}, "what about java", ""},
		{"all unavailable", []*fake{failing(apperr.Unavailable), failing(apperr.Unavailable)}, "", apperr.Unavailable},
		{"one unavailable, one broken", []*fake{failing(apperr.Internal), failing(apperr.Unavailable)}, "", apperr.Unavailable},
		{"all broken: first error", []*fake{failing(apperr.Internal), failing(apperr.Invalid)}, "", apperr.Internal},
		{"single candidate passes through", []*fake{heard("what about john")}, "what about john", ""},
		{"none", nil, "", apperr.Unavailable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var cands []stt.Transcriber
			for _, f := range tt.cands {
				cands = append(cands, f)
			}
			got, err := stt.Pick{Candidates: cands, Score: scoreTable(scores)}.Transcribe(context.Background(), speech16k())
			if tt.wantCode != "" {
				if apperr.CodeOf(err) != tt.wantCode {
					t.Fatalf("err = %v (code %q), want code %q", err, apperr.CodeOf(err), tt.wantCode)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Text != tt.want {
				t.Errorf("picked %q, want %q", got.Text, tt.want)
			}
			for i, f := range tt.cands {
				if f.n != 1 {
					t.Errorf("candidate %d ran %d times, want once", i, f.n)
				}
			}
		})
	}
}

// TestPickContextEnds: when the turn's context ends, Pick keeps what was
// heard before it did, or returns the context's end when nothing was.
func TestPickContextEnds(t *testing.T) {
	tests := []struct {
		name      string
		first     stt.Transcriber
		want      string
		wantError bool
	}{
		{"second still decoding: first kept", &fake{tr: stt.Transcript{Text: "where did she work"}}, "where did she work", false},
		{"nothing finished", slow{text: "never", release: make(chan struct{})}, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			p := stt.Pick{
				// The better transcript is the one that never arrives.
				Candidates: []stt.Transcriber{tt.first, slow{text: "what about java", release: make(chan struct{})}},
				Score:      scoreTable(map[string]int{"what about java": 3}),
			}
			type result struct {
				tr  stt.Transcript
				err error
			}
			done := make(chan result, 1)
			go func() {
				tr, err := p.Transcribe(ctx, speech16k())
				done <- result{tr, err}
			}()
			cancel()
			got := <-done
			if tt.wantError {
				if !errors.Is(got.err, context.Canceled) {
					t.Fatalf("err = %v, want one carrying context.Canceled", got.err)
				}
				return
			}
			if got.err != nil {
				t.Fatal(got.err)
			}
			if got.tr.Text != tt.want {
				t.Errorf("picked %q, want %q", got.tr.Text, tt.want)
			}
		})
	}
}
