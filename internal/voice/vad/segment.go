package vad

import (
	"errors"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/voice/audio"
)

// ErrNoSpeech is the cause of the apperr.Invalid that Trim returns for audio
// in which no speech was found (silence, or only noise).
var ErrNoSpeech = errors.New("vad: no speech")

// Segment is a stretch of speech, [Start, End) from the start of the audio.
type Segment struct {
	Start, End time.Duration
}

// Detect classifies every whole frame of mono p. Unlike a live stream it can
// look back, so each speech onset is extended over the frames that confirmed
// it. Errors: apperr.Invalid for multi-channel input or a bad Config.
func Detect(p audio.PCM, cfg Config) ([]Frame, error) {
	if p.Channels != 1 {
		return nil, apperr.New(apperr.Invalid, "vad: want mono audio, got %d channels", p.Channels)
	}
	cfg.Rate = p.Rate
	d, err := New(cfg)
	if err != nil {
		return nil, err
	}
	frames := d.Push(p.Samples)
	for i := 1; i < len(frames); i++ {
		if frames[i].Speech && !frames[i-1].Speech {
			for j := i - 1; j >= 0 && j > i-d.onset && frames[j].Voiced; j-- {
				frames[j].Speech = true
			}
		}
	}
	return frames, nil
}

// Segments joins consecutive speech frames into segments.
func Segments(frames []Frame, frame time.Duration) []Segment {
	var out []Segment
	for i, f := range frames {
		switch {
		case f.Speech && (i == 0 || !frames[i-1].Speech):
			out = append(out, Segment{Start: f.Start, End: f.Start + frame})
		case f.Speech:
			out[len(out)-1].End = f.Start + frame
		}
	}
	return out
}

// Trim returns the part of mono p from the first speech to the end of the
// last, widened by pad on each side (clamped to the audio), and that span.
// Errors: apperr.Invalid wrapping ErrNoSpeech when no speech is found.
func Trim(p audio.PCM, cfg Config, pad time.Duration) (audio.PCM, Segment, error) {
	frames, err := Detect(p, cfg)
	if err != nil {
		return audio.PCM{}, Segment{}, err
	}
	c, _ := cfg.withDefaults()
	segs := Segments(frames, c.Frame)
	if len(segs) == 0 {
		return audio.PCM{}, Segment{}, apperr.Wrap(apperr.Invalid, ErrNoSpeech, "no speech was heard in the audio")
	}
	span := Segment{Start: max(0, segs[0].Start-pad), End: min(p.Duration(), segs[len(segs)-1].End+pad)}
	lo := int(int64(span.Start) * int64(p.Rate) / int64(time.Second))
	hi := int(int64(span.End) * int64(p.Rate) / int64(time.Second))
	hi = min(hi, len(p.Samples))
	return audio.PCM{Rate: p.Rate, Channels: 1, Samples: p.Samples[lo:hi]}, span, nil
}
