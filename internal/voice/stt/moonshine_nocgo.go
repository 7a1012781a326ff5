//go:build !cgo

package stt

import (
	"context"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/voice/audio"
)

// Moonshine needs ONNX Runtime through cgo; a binary built with
// CGO_ENABLED=0 reports it Unavailable and falls back to pocketsphinx.
type Moonshine struct{}

var _ Transcriber = (*Moonshine)(nil)

// NewMoonshine always fails with apperr.Unavailable in this build.
func NewMoonshine(o MoonshineOptions) (*Moonshine, error) {
	if err := o.withDefaults().check(); err != nil {
		return nil, err
	}
	return nil, apperr.New(apperr.Unavailable, "Moonshine speech recognition needs a binary built with cgo (CGO_ENABLED=1)")
}

// Close does nothing.
func (m *Moonshine) Close() error { return nil }

// Transcribe always fails with apperr.Unavailable in this build.
func (m *Moonshine) Transcribe(context.Context, audio.PCM) (Transcript, error) {
	return Transcript{}, apperr.New(apperr.Unavailable, "Moonshine speech recognition needs a binary built with cgo")
}

// WithBias returns m: there is no decoder to steer in this build.
func (m *Moonshine) WithBias(*Bias) Transcriber { return m }

// MoonshineBuilt says whether this build can run Moonshine (it needs cgo).
const MoonshineBuilt = false
