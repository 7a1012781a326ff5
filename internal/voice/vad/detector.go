package vad

import (
	"math/bits"
	"time"
)

// Frame is the decision for one analysis frame.
type Frame struct {
	// Start is the frame's offset from the start of the stream.
	Start time.Duration
	// Speech is the smoothed decision (onset and hangover applied).
	Speech bool
	// Voiced is the raw per-frame decision before smoothing.
	Voiced bool
	// LevelDB is the frame's RMS level in dBFS; FloorDB the noise floor
	// estimate it was compared with.
	LevelDB, FloorDB float64
}

// Detector classifies a stream of samples frame by frame. It is not safe for
// concurrent use; give each stream its own.
type Detector struct {
	cfg            Config
	frameLen       int
	scratch        []complex128
	lo, hi         int // spectrum bins used for flatness (~100 Hz .. 4 kHz)
	pending        []int16
	n              int // frames emitted
	floor          float64
	primed         bool
	run            int // consecutive voiced frames
	hang           int // frames of hangover left
	speech         bool
	onset, hangLen int
}

// New returns a detector for cfg (see Config for defaults). Errors:
// apperr.Invalid for a rate or frame length out of range.
func New(cfg Config) (*Detector, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	frameLen := int(int64(cfg.Rate) * int64(cfg.Frame) / int64(time.Second))
	size := 1 << bits.Len(uint(frameLen-1))
	binHz := float64(cfg.Rate) / float64(size)
	d := &Detector{
		cfg:      cfg,
		frameLen: frameLen,
		scratch:  make([]complex128, size),
		lo:       max(1, int(100/binHz)),
		hi:       min(size/2, int(4000/binHz)+1),
		onset:    framesIn(cfg.Onset, cfg.Frame),
		hangLen:  framesIn(cfg.Hangover, cfg.Frame),
	}
	return d, nil
}

// FrameDuration is the analysis frame length in use.
func (d *Detector) FrameDuration() time.Duration { return d.cfg.Frame }

// Push feeds samples and returns the decisions for every frame completed by
// them; a partial frame waits for the next Push.
func (d *Detector) Push(samples []int16) []Frame {
	var out []Frame
	d.pending = append(d.pending, samples...)
	for len(d.pending) >= d.frameLen {
		out = append(out, d.step(d.pending[:d.frameLen]))
		d.pending = d.pending[d.frameLen:]
	}
	// Keep the buffer from growing without bound across pushes.
	if cap(d.pending) > 4*d.frameLen {
		d.pending = append([]int16(nil), d.pending...)
	}
	return out
}

// step classifies one full frame.
func (d *Detector) step(frame []int16) Frame {
	f := measure(frame, d.scratch, d.lo, d.hi)
	if !d.primed {
		d.floor, d.primed = f.energyDB, true
	}
	above := f.energyDB - d.floor
	voiced := f.energyDB >= d.cfg.MinLevelDB &&
		(above >= d.cfg.StrongDB || (above >= d.cfg.WeakDB && f.flatness <= d.cfg.TonalFlatness))
	d.track(f.energyDB, voiced)
	if voiced {
		d.run++
	} else {
		d.run = 0
	}
	switch {
	case voiced && (d.speech || d.run >= d.onset):
		d.speech, d.hang = true, d.hangLen
	case d.speech && !voiced:
		d.hang--
		if d.hang <= 0 {
			d.speech = false
		}
	}
	fr := Frame{
		Start:   time.Duration(d.n) * d.cfg.Frame,
		Speech:  d.speech,
		Voiced:  voiced,
		LevelDB: f.energyDB,
		FloorDB: d.floor,
	}
	d.n++
	return fr
}

// track updates the noise floor: it falls quickly to quieter frames and
// rises slowly through unvoiced ones, and creeps up even during speech so a
// step up in background noise is eventually learnt rather than taken for
// never-ending speech.
func (d *Detector) track(level float64, voiced bool) {
	switch {
	case level < d.floor:
		d.floor += 0.5 * (level - d.floor)
	case !voiced:
		d.floor += 0.05 * (level - d.floor)
	default:
		d.floor += 0.002 * (level - d.floor)
	}
}
