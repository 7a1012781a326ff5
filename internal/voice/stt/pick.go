package stt

import (
	"context"
	"errors"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/voice/audio"
)

// Pick runs several recognisers on the same audio at once and keeps the
// transcript that Score rates highest: two recognisers with different
// failure modes (Moonshine mishears names, pocketsphinx with the profile's
// model forces everything into the profile's words) are each right on
// turns the other gets wrong, and the engine that answers can tell which
// transcript it understands. Earlier candidates win ties, so the first is
// the preferred recogniser.
type Pick struct {
	Candidates []Transcriber
	// Score rates a transcript; higher is better understood. It must be
	// cheap and must not block: it runs once per candidate that answered.
	Score func(Transcript) int
}

var _ Transcriber = Pick{}

type picked struct {
	i   int
	tr  Transcript
	err error
}

// Transcribe runs every candidate concurrently and returns the
// best-scored transcript of those that succeeded. When ctx ends before all
// have answered, it picks among those that had; with none, it returns the
// first candidate's error, which carries ctx's. Errors: when
// every candidate failed, the first candidate's error if none was
// Unavailable, else apperr.Unavailable naming them all.
func (p Pick) Transcribe(ctx context.Context, pcm audio.PCM) (Transcript, error) {
	if len(p.Candidates) == 0 {
		return Transcript{}, apperr.New(apperr.Unavailable, "no speech recogniser is configured")
	}
	if len(p.Candidates) == 1 {
		return p.Candidates[0].Transcribe(ctx, pcm)
	}
	results := make(chan picked, len(p.Candidates))
	for i, t := range p.Candidates {
		go func() {
			tr, err := t.Transcribe(ctx, pcm)
			results <- picked{i: i, tr: tr, err: err}
		}()
	}
	// Every candidate honours ctx (the Transcriber contract), so waiting
	// for all is bounded by the turn's context: when it ends, the ones
	// still decoding fail with its error and those that finished are kept.
	got := make([]picked, len(p.Candidates))
	for range p.Candidates {
		r := <-results
		got[r.i] = r
	}
	best, bestScore := -1, 0
	for i, r := range got {
		if r.err != nil {
			continue
		}
		if sc := p.Score(r.tr); best < 0 || sc > bestScore {
			best, bestScore = i, sc
		}
	}
	if best >= 0 {
		return got[best].tr, nil
	}
	if ctx.Err() != nil {
		return Transcript{}, got[0].err // the context's end, as the preferred recogniser saw it
	}
	var errs []error
	unavailable := false
	for _, r := range got {
		if r.err != nil {
			errs = append(errs, r.err)
			unavailable = unavailable || apperr.CodeOf(r.err) == apperr.Unavailable
		}
	}
	if !unavailable {
		return Transcript{}, errs[0]
	}
	return Transcript{}, apperr.Wrap(apperr.Unavailable, errors.Join(errs...), "no speech recogniser is available: %s", errs[len(errs)-1].Error())
}
