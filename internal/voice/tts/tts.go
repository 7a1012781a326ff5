// Package tts turns reply text into speech: local synthesiser programs run as
// processes (espeak-ng, flite; no GPL code is linked into Parley) and an
// OpenAI-compatible /v1/audio/speech client.
package tts

import (
	"context"

	"github.com/parleyhq/parley/internal/voice/audio"
)

// Synthesizer speaks text.
type Synthesizer interface {
	// Synthesize returns text spoken as PCM (mono, the engine's own rate).
	// Errors: apperr.Invalid for empty or over-long text, apperr.Unavailable
	// when the engine is missing or down, apperr.Internal when it fails.
	Synthesize(ctx context.Context, text string) (audio.PCM, error)
}

// MaxTextBytes bounds one synthesis request; replies are split into
// sentences (see Sentences) well below it.
const MaxTextBytes = 4096
