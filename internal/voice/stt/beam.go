package stt

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleyhq/parley/internal/apperr"
)

// beamLengthAlpha is the length penalty's exponent, GNMT's
// ((5+n)/6)^alpha: log-probabilities only fall with length, so without it
// the search prefers hypotheses that stop early. Chosen on the public set
// (0.6 and 1.5 measured; docs/benchmarks-log.md). Each hypothesis is expanded
// with its biasCandidates likeliest tokens, so a token the greedy bias
// could pick is one the beam can keep.
const beamLengthAlpha = 1.0

// beamModel is the decoder as the beam search drives it: a batch of
// hypotheses whose state (Moonshine's KV cache) the model keeps, one row
// each.
type beamModel interface {
	// step continues row parents[i] of the previous batch with tokens[i],
	// for every i (the new batch has len(parents) rows), and returns each
	// new row's logits over the vocabulary. pos is the tokens' position;
	// at pos 0 there is one row, the start token, and no previous batch.
	step(parents, tokens []int, pos int) ([][]float32, error)
}

// beamSearch is Moonshine's decoding with width hypotheses kept at each
// step, scored by the model's log-probability plus bias's rescoring of
// whole words (see hyp): unlike greedy decoding, a hypothesis a boost
// pushed ahead falls back when its word turns out not to be one of the
// phrases. It stops when width hypotheses have ended (EOS), the budget is
// spent or ctx ends, and returns the best ended one by length-normalised
// score (the live ones count as ended at the budget), EOS excluded.
// piece gives a token's text as the bias sees it (Vocab.text).
func beamSearch(ctx context.Context, budget, width int, m beamModel, bias *Bias, piece func(int) string) ([]int, error) {
	width = max(width, 1)
	live := []hyp{{}}
	parents, tokens := []int{0}, []int{moonshineStart}
	var done []hyp
	for pos := 0; pos < budget && len(live) > 0 && len(done) < width; pos++ {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("moonshine: %w", err)
		}
		rows, err := m.step(parents, tokens, pos)
		if err != nil {
			return nil, apperr.Wrap(apperr.Internal, err, "moonshine decoder failed at token %d", pos)
		}
		if len(rows) != len(live) {
			return nil, apperr.New(apperr.Internal, "moonshine decoder returned %d rows for %d hypotheses", len(rows), len(live))
		}
		var cands []hyp
		for i, h := range live {
			logits := rows[i]
			if pos == 0 && len(logits) > moonshineEOS {
				// Voice detection passed: the transcript is not empty.
				logits[moonshineEOS] = float32(math.Inf(-1))
			}
			norm := logSumExp(logits)
			for _, id := range topK(logits, biasCandidates) {
				cands = append(cands, h.extend(i, id, float64(logits[id])-norm, bias, piece))
			}
		}
		// Ranked by raw score, as in the usual beam search: an ending
		// within the first width candidates is kept, and the best
		// non-ending ones go on.
		slices.SortStableFunc(cands, func(a, b hyp) int { return cmpDesc(a.score(), b.score()) })
		live, parents, tokens = live[:0:0], parents[:0], tokens[:0]
		for rank, c := range cands {
			if len(live) == width {
				break
			}
			if c.ended {
				if rank < width {
					done = append(done, c)
				}
				continue
			}
			live = append(live, c)
			parents = append(parents, c.parent)
			tokens = append(tokens, c.ids[len(c.ids)-1])
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("moonshine: %w", err)
	}
	for _, h := range live {
		done = append(done, h.end(bias))
	}
	if len(done) == 0 {
		return nil, nil
	}
	best := done[0]
	for _, h := range done[1:] {
		if h.final() > best.final() {
			best = h
		}
	}
	return best.ids, nil
}

// hyp is one hypothesis: its tokens (EOS excluded), its text as the bias
// sees it, the model's log-probability and the bias's rescoring. The bias
// earns each token the boost the greedy decoder would add to its logit,
// but keeps it pending while the word is open; when the word ends (the
// next token starts a word or is punctuation, or EOS) the pending boost is
// kept if the text then ends in a whole word of a phrase, and taken back
// otherwise ("java" kept before " developer", taken back before "rah").
type hyp struct {
	ids     []int
	text    string
	logp    float64
	bias    float64
	pending float64
	parent  int  // the row it continues in the previous batch
	ended   bool // EOS was chosen
}

func (h hyp) score() float64 { return h.logp + h.bias + h.pending }

// final is the score normalised for length, which ranks ended hypotheses.
func (h hyp) final() float64 {
	n := float64(len(h.ids) + 1) // EOS counts
	return h.score() / math.Pow((5+n)/6, beamLengthAlpha)
}

// extend is h followed by token id of log-probability lp, h being row
// parent of the batch.
func (h hyp) extend(parent, id int, lp float64, bias *Bias, piece func(int) string) hyp {
	h.parent = parent
	h.logp += lp
	if id == moonshineEOS {
		return h.end(bias)
	}
	p := piece(id)
	if wordBoundary(p) {
		h = h.settle(bias)
	}
	h.pending += float64(bias.Boost(h.text, p))
	h.text += strings.ToLower(p)
	h.ids = append(h.ids[:len(h.ids):len(h.ids)], id)
	return h
}

// end closes h's last word.
func (h hyp) end(bias *Bias) hyp {
	h = h.settle(bias)
	h.ended = true
	return h
}

// settle keeps or takes back the pending boost as the word now ends.
func (h hyp) settle(bias *Bias) hyp {
	if h.pending != 0 && bias.wholeWord(h.text) {
		h.bias += h.pending
	}
	h.pending = 0
	return h
}

// wordBoundary tells whether a piece ends the word before it: it starts
// a word (a space) or is punctuation; an apostrophe continues the word
// ("what's"). Byte and control tokens ("") end nothing.
func wordBoundary(piece string) bool {
	r, _ := utf8.DecodeRuneInString(piece)
	return r == ' ' || r != '\'' && r != utf8.RuneError && (unicode.IsPunct(r) || unicode.IsSymbol(r))
}

// logSumExp is log Σ exp(x), the log-softmax's normaliser.
func logSumExp(xs []float32) float64 {
	m := float32(math.Inf(-1))
	for _, x := range xs {
		m = max(m, x)
	}
	if math.IsInf(float64(m), -1) {
		return float64(m)
	}
	var s float64
	for _, x := range xs {
		s += math.Exp(float64(x - m))
	}
	return float64(m) + math.Log(s)
}

func cmpDesc(a, b float64) int {
	switch {
	case a > b:
		return -1
	case a < b:
		return 1
	}
	return 0
}
