package turn

import (
	"strings"
	"time"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/voice/numwords"
	"github.com/parleyhq/parley/internal/voice/stt"
)

// pick is the primary recogniser (biased) and pocketsphinx with the
// profile's model run side by side, the transcript kept being the one the
// engine, in the session's current state, understands better.
func (s *Service) pick(idx *converse.Index, key string, state converse.State, now time.Time) stt.Transcriber {
	terms := termSet(profileTerms(idx))
	return stt.Pick{
		Candidates: []stt.Transcriber{s.biased(idx, key), profileSphinx{s: s, idx: idx, key: key}},
		Score: func(tr stt.Transcript) int {
			// Scored as the engine will read it: corrected and with
			// numbers as digits, exactly as Transcribe hands it on.
			text := numwords.Normalize(s.correct(idx, key, tr.Provider, tr.Text))
			return understanding(text, terms, func(q string) string {
				reply, _ := idx.Turn(state, q, now)
				return reply.Intent
			})
		},
	}
}

// notUnderstood are the engine's intents for a question it could not map
// to anything in the profile: an answer from them is a guess or a refusal
// to guess, so a transcript that reaches any other intent is preferred.
var notUnderstood = map[string]bool{
	"": true, "unknown": true, "off_topic": true, "search": true,
	"empty": true, "too_long": true, "injection": true,
}

// understanding rates how well the engine understands text: 2 when intent
// (the engine's reading of it) is one it answers from the profile, and 1
// more when text also names one of the profile's terms. A term alone does
// not count: pocketsphinx, held to the profile's model, names terms in
// almost everything it hears, right or not.
func understanding(text string, terms map[string]bool, intent func(string) string) int {
	if strings.TrimSpace(text) == "" || notUnderstood[intent(text)] {
		return 0
	}
	score := 2
	if namesTerm(text, terms) {
		score++
	}
	return score
}

// termSet holds the profile's terms normalised as transcripts are
// (stt.Normalize), for whole-word matching.
func termSet(terms []string) map[string]bool {
	set := make(map[string]bool, len(terms))
	for _, t := range terms {
		if n := stt.Normalize(t); n != "" {
			set[n] = true
		}
	}
	return set
}

// namesTerm reports whether text holds one of terms as whole words
// ("Go" in "do you know go", not in "good").
func namesTerm(text string, terms map[string]bool) bool {
	words := strings.Fields(stt.Normalize(text))
	for i := range words {
		for j := i + 1; j <= len(words) && j-i <= 4; j++ {
			if terms[strings.Join(words[i:j], " ")] {
				return true
			}
		}
	}
	return false
}
