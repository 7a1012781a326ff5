package llm

import (
	"context"
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleyhq/parley/internal/apperr"
)

// errStopStream ends a stream whose text already failed the grounding check.
var errStopStream = errors.New("llm stream stopped: ungrounded")

// AnswerStream is Answer with streaming. Text is released to onDelta a
// sentence at a time, and only once everything up to that sentence passes
// the grounding check, so nothing ungrounded ever reaches the visitor; a
// rejected stream stops early. On any error the caller must replace what
// was streamed with the deterministic answer (the final SSE event carries
// the whole reply anyway).
//
// Reasoning (<think>...</think>) is held back and dropped; the budget is
// AnswererOptions.Budget, as for Answer.
func (a *Answerer) AnswerStream(ctx context.Context, q Query, onDelta DeltaFunc) (Answer, error) {
	ctx, cancel := context.WithTimeoutCause(ctx, a.budget, ErrBudget)
	defer cancel()
	tn, req, err := a.request(q)
	if err != nil {
		return a.finish(ctx, Answer{}, err)
	}
	gate := &sentenceGate{a: a, tn: tn, out: onDelta}
	resp, err := a.provider.Stream(ctx, req, gate.add)
	if gate.rejected != nil {
		a.metrics.groundingResult(false)
		return a.finish(ctx, Answer{}, gate.rejected)
	}
	if err != nil {
		return a.finish(ctx, Answer{}, err)
	}
	ans, err := a.accept(tn, resp)
	if err != nil {
		return a.finish(ctx, Answer{}, err)
	}
	if rest := ans.Text[min(len(ans.Text), gate.sent):]; rest != "" {
		// The text after the last released sentence; the stream may have
		// carried leading whitespace that accept trimmed, so re-anchor.
		if err := onDelta(rest); err != nil {
			return a.finish(ctx, Answer{}, err)
		}
	}
	return a.finish(ctx, ans, nil)
}

// sentenceGate buffers streamed text and releases whole sentences that pass
// the grounding check.
type sentenceGate struct {
	a    *Answerer
	tn   *turn
	out  DeltaFunc
	buf  strings.Builder // everything received
	sent int             // bytes of the trimmed text released so far
	// thinkClosed: a "</think>" was seen.
	thinkClosed bool
	rejected    error
}

func (g *sentenceGate) add(delta string) error {
	g.buf.WriteString(delta)
	if !g.thinkClosed && strings.Contains(g.buf.String(), "</think>") {
		g.thinkClosed = true
		if g.sent > 0 {
			// A template opened the reasoning block in the prompt, so what
			// went out was reasoning; the caller replaces it with the
			// deterministic reply.
			g.rejected = apperr.Wrap(apperr.Unavailable, ErrIncomplete, "llm stream closed a reasoning block after text went out")
			return errStopStream
		}
	}
	full := strings.TrimLeftFunc(visibleText(g.buf.String()), unicode.IsSpace)
	end := lastSentenceEnd(full)
	if end <= g.sent {
		return nil
	}
	if !utf8.ValidString(full[:end]) || strings.ContainsRune(full[:end], utf8.RuneError) {
		g.rejected = apperr.Wrap(apperr.Unavailable, ErrIncomplete, "llm stream is not valid UTF-8")
		return errStopStream
	}
	if _, err := g.a.ground(g.tn, full[:end]); err != nil {
		g.rejected = err
		return errStopStream
	}
	chunk := full[g.sent:end]
	g.sent = end
	return g.out(chunk)
}

// lastSentenceEnd is the index just after the last sentence terminator that
// is followed by whitespace, or 0 when no sentence is complete yet.
func lastSentenceEnd(s string) int {
	for i := len(s) - 2; i >= 0; i-- {
		switch s[i] {
		case '.', '!', '?', '\n':
			if c := s[i+1]; c == ' ' || c == '\n' || c == '\t' {
				return i + 1
			}
		}
	}
	return 0
}
