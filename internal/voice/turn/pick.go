package turn

import (
	"context"
	"strings"
	"time"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/numwords"
	"github.com/parleyhq/parley/internal/voice/stt"
)

// pick is the primary recogniser (biased) and pocketsphinx with the
// profile's model run side by side, the transcript kept being the one the
// engine, in the session's current state, understands better.
func (s *Service) pick(ctx context.Context, idx *converse.Index, key string, state converse.State, now time.Time) stt.Transcriber {
	return stt.Pick{
		Candidates: []stt.Transcriber{s.biased(idx, key), profileSphinx{s: s, idx: idx, key: key}},
		Score: func(tr stt.Transcript) int {
			// Scored as the engine will read it: corrected and with
			// numbers as digits, exactly as Transcribe hands it on.
			text := numwords.Normalize(s.correct(ctx, idx, key, tr.Provider, tr.Text))
			return understanding(text, func(q string) string {
				reply, _ := idx.Turn(state, q, now)
				return reply.Intent
			})
		},
	}
}

// notUnderstood are the engine's intents for a question it could not map
// to anything: its answer is a guess (a search) or a request to rephrase,
// so a transcript that reaches any other intent is preferred. Off-topic and
// injection are readings, not failures: a guardrail question misheard by
// pocketsphinx as a profile question must not win over Moonshine's.
var notUnderstood = map[string]bool{
	"": true, "unknown": true, "search": true, "empty": true,
}

// understanding rates how well the engine understands text: 1 when intent
// (the engine's reading of it) is one it answers from the profile or
// knowingly declines (off topic, an injection), 0 when it could not map
// the question to anything. Naming one of the profile's terms earned a
// point too at first, and measured worse (docs/benchmarks-log.md): pocketsphinx,
// held to the profile's model, names terms in almost everything it hears.
func understanding(text string, intent func(string) string) int {
	if strings.TrimSpace(text) == "" || notUnderstood[intent(text)] {
		return 0
	}
	return 1
}
