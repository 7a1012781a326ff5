// Package stt turns speech into text: an offline recogniser run as a process
// (CMU pocketsphinx from Debian, adaptable to a profile with a language model
// built here), an OpenAI-compatible /v1/audio/transcriptions client, and a
// fallback chain over them.
package stt

import (
	"context"
	"errors"
	"strings"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/voice/audio"
)

// Transcript is what a recogniser heard.
type Transcript struct {
	// Text is the recognised words, "" when nothing was recognised.
	Text string
	// Provider names the recogniser that produced it.
	Provider string
}

// Transcriber recognises speech.
type Transcriber interface {
	// Transcribe recognises pcm, which must be 16 kHz mono
	// (audio.PCM.ForSpeech). Errors: apperr.Invalid for other formats or
	// empty audio, apperr.Unavailable when the recogniser is missing or
	// down (the caller may fall back), apperr.Internal when it fails.
	Transcribe(ctx context.Context, pcm audio.PCM) (Transcript, error)
}

// checkInput rejects audio that no recogniser here takes.
func checkInput(pcm audio.PCM) error {
	if pcm.Rate != audio.SpeechRate || pcm.Channels != 1 {
		return apperr.New(apperr.Invalid, "speech recognition needs %d Hz mono, got %d Hz %d ch", audio.SpeechRate, pcm.Rate, pcm.Channels)
	}
	if len(pcm.Samples) == 0 {
		return apperr.New(apperr.Invalid, "no audio to recognise")
	}
	return nil
}

// Chain tries each transcriber in turn, moving on only when one is
// Unavailable (missing, down, rate limited): a recogniser that ran and heard
// nothing is an answer, not a failure.
type Chain []Transcriber

var _ Transcriber = Chain(nil)

// Transcribe returns the first available transcriber's result. Errors: the
// last Unavailable error when all are unavailable, or the first other error.
func (c Chain) Transcribe(ctx context.Context, pcm audio.PCM) (Transcript, error) {
	var errs []error
	for _, t := range c {
		tr, err := t.Transcribe(ctx, pcm)
		if err == nil || apperr.CodeOf(err) != apperr.Unavailable || ctx.Err() != nil {
			return tr, err
		}
		errs = append(errs, err)
	}
	if len(errs) == 0 {
		return Transcript{}, apperr.New(apperr.Unavailable, "no speech recogniser is configured")
	}
	return Transcript{}, apperr.Wrap(apperr.Unavailable, errors.Join(errs...), "no speech recogniser is available: %s", errs[len(errs)-1].Error())
}

// Normalize lower-cases text, keeps letters, digits and apostrophes inside
// words, and collapses everything else to single spaces: the form word error
// rates are counted on.
func Normalize(s string) string {
	var b strings.Builder
	space := true
	for _, r := range strings.ToLower(s) {
		ok := r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 && r != '\u2019' || r == '\''
		if !ok {
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		b.WriteRune(r)
		space = false
	}
	return strings.TrimSpace(b.String())
}

// WER is the word error rate of hyp against ref: (substitutions + deletions
// + insertions) / words in ref, on Normalize'd text. An empty reference
// gives 0 for an empty hypothesis and 1 otherwise.
func WER(ref, hyp string) float64 {
	r, h := strings.Fields(Normalize(ref)), strings.Fields(Normalize(hyp))
	if len(r) == 0 {
		if len(h) == 0 {
			return 0
		}
		return 1
	}
	prev := make([]int, len(h)+1)
	cur := make([]int, len(h)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(r); i++ {
		cur[0] = i
		for j := 1; j <= len(h); j++ {
			sub := prev[j-1]
			if r[i-1] != h[j-1] {
				sub++
			}
			cur[j] = min(sub, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return float64(prev[len(h)]) / float64(len(r))
}
