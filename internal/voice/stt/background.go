package stt

import (
	"context"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/voice/audio"
)

// Background is a recogniser whose model loads off the start-up path:
// loading Moonshine takes seconds, and nothing but a voice turn needs it,
// so `parley serve` listens at once. A turn that arrives during the load
// waits for it (or for its own context); a load that failed answers
// apperr.Unavailable, so that a Chain or Pick falls back as it does for a
// recogniser that is not installed.
type Background struct {
	done chan struct{}
	t    Transcriber
	err  error
}

var _ Transcriber = (*Background)(nil)

// LoadInBackground starts load in a goroutine and returns at once. report,
// when not nil, is called once with the outcome and the load's duration
// (for the log), before any waiting turn goes on.
func LoadInBackground(load func() (Transcriber, error), report func(Transcriber, time.Duration, error)) *Background {
	b := &Background{done: make(chan struct{})}
	go func() {
		start := time.Now()
		t, err := load()
		if err == nil && t == nil {
			err = apperr.New(apperr.Unavailable, "speech recogniser: the load returned none")
		}
		if err != nil && apperr.CodeOf(err) != apperr.Unavailable {
			err = apperr.Wrap(apperr.Unavailable, err, "speech recogniser could not be loaded")
		}
		b.t, b.err = t, err
		if report != nil {
			report(t, time.Since(start), err)
		}
		close(b.done)
	}()
	return b
}

// Wait returns the loaded recogniser once the load has finished. Errors:
// ctx's when it ends first; apperr.Unavailable when the load failed.
func (b *Background) Wait(ctx context.Context) (Transcriber, error) {
	select {
	case <-b.done:
		return b.t, b.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// Transcribe waits for the model, then recognises pcm with it.
func (b *Background) Transcribe(ctx context.Context, pcm audio.PCM) (Transcript, error) {
	t, err := b.Wait(ctx)
	if err != nil {
		return Transcript{}, err
	}
	return t.Transcribe(ctx, pcm)
}

// WithBias is the loaded recogniser steered by bias (see Moonshine.WithBias),
// or the loaded one as it is when it cannot be steered.
func (b *Background) WithBias(bias *Bias) Transcriber {
	return backgroundBiased{b: b, bias: bias}
}

type backgroundBiased struct {
	b    *Background
	bias *Bias
}

func (p backgroundBiased) Transcribe(ctx context.Context, pcm audio.PCM) (Transcript, error) {
	t, err := p.b.Wait(ctx)
	if err != nil {
		return Transcript{}, err
	}
	if s, ok := t.(interface{ WithBias(*Bias) Transcriber }); ok {
		t = s.WithBias(p.bias)
	}
	return t.Transcribe(ctx, pcm)
}
