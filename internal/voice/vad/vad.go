// Package vad finds speech in 16-bit PCM without a model: a frame is voiced
// when its energy stands well above an adaptive noise floor, or moderately
// above it with a tonal (non-flat) spectrum; onsets need a few voiced frames
// in a row and a hangover bridges the short pauses inside speech. On top of
// the frame decisions it trims silence and detects the end of an utterance.
package vad

import (
	"time"

	"github.com/parleyhq/parley/internal/apperr"
)

// Config tunes the detector. Zero values take the defaults in brackets.
type Config struct {
	// Rate is the sample rate of the audio (16000); 8000 to 48000.
	Rate int
	// Frame is the analysis frame length (20 ms); 10 to 50 ms.
	Frame time.Duration
	// Onset is how long frames must stay voiced before speech starts (60 ms).
	Onset time.Duration
	// Hangover keeps speech going after the last voiced frame (200 ms), so
	// stops and short pauses inside words do not split the utterance.
	Hangover time.Duration
	// StrongDB: a frame this far above the noise floor is voiced (12 dB).
	StrongDB float64
	// WeakDB: a frame this far above the floor is voiced if tonal (3 dB).
	WeakDB float64
	// TonalFlatness is the spectral flatness at or below which a frame
	// counts as tonal (0.4).
	TonalFlatness float64
	// MinLevelDB: quieter frames are never speech (-55 dBFS).
	MinLevelDB float64
}

func (c Config) withDefaults() (Config, error) {
	def := func(v *time.Duration, d time.Duration) {
		if *v <= 0 {
			*v = d
		}
	}
	deff := func(v *float64, d float64) {
		if *v == 0 {
			*v = d
		}
	}
	if c.Rate == 0 {
		c.Rate = 16000
	}
	def(&c.Frame, 20*time.Millisecond)
	def(&c.Onset, 60*time.Millisecond)
	def(&c.Hangover, 200*time.Millisecond)
	deff(&c.StrongDB, 12)
	deff(&c.WeakDB, 3)
	deff(&c.TonalFlatness, 0.4)
	deff(&c.MinLevelDB, -55)
	if c.Rate < 8000 || c.Rate > 48000 {
		return c, apperr.New(apperr.Invalid, "vad: sample rate %d Hz out of range", c.Rate)
	}
	if c.Frame < 10*time.Millisecond || c.Frame > 50*time.Millisecond {
		return c, apperr.New(apperr.Invalid, "vad: frame length %s out of range", c.Frame)
	}
	return c, nil
}

// framesIn is how many whole frames of length frame fit in d (at least 1).
func framesIn(d, frame time.Duration) int {
	return max(1, int((d+frame-1)/frame))
}
