package vad

import "time"

// State is where an Endpointer is in an utterance.
type State int

// The states, in the order they happen.
const (
	// Waiting: no speech yet.
	Waiting State = iota
	// Speaking: speech has started and has not yet ended.
	Speaking
	// Ended: speech was followed by the configured silence; the utterance
	// is complete and later audio is ignored until Reset.
	Ended
	// TimedOut: no speech started within the configured wait.
	TimedOut
)

// String names the state for logs.
func (s State) String() string {
	return [...]string{"waiting", "speaking", "ended", "timed_out"}[s]
}

// EndpointConfig adds the endpointing times to the frame detector's Config.
type EndpointConfig struct {
	Config
	// EndSilence is how long the speaker must stay silent after speech for
	// the utterance to end (700 ms); measured from the last voiced frame.
	EndSilence time.Duration
	// NoInput ends a stream with TimedOut when no speech starts within it
	// (0: wait for ever).
	NoInput time.Duration
	// MaxSpeech ends an utterance that goes on this long (0: no limit).
	MaxSpeech time.Duration
}

// Endpointer follows a live stream and says when the utterance ends.
// It is not safe for concurrent use.
type Endpointer struct {
	det       *Detector
	cfg       EndpointConfig
	state     State
	start     time.Duration // first speech frame
	lastVoice time.Duration // end of the last voiced frame
	now       time.Duration // end of the last frame seen
}

// NewEndpointer returns an endpointer; errors as New.
func NewEndpointer(cfg EndpointConfig) (*Endpointer, error) {
	if cfg.EndSilence <= 0 {
		cfg.EndSilence = 700 * time.Millisecond
	}
	d, err := New(cfg.Config)
	if err != nil {
		return nil, err
	}
	return &Endpointer{det: d, cfg: cfg}, nil
}

// Push feeds samples and returns the state after them. Once Ended or
// TimedOut, further samples are ignored until Reset.
func (e *Endpointer) Push(samples []int16) State {
	if e.state == Ended || e.state == TimedOut {
		return e.state
	}
	for _, f := range e.det.Push(samples) {
		e.now = f.Start + e.det.cfg.Frame
		if f.Voiced {
			e.lastVoice = e.now
		}
		switch e.state {
		case Waiting:
			if f.Speech {
				e.state = Speaking
				e.start = f.Start - time.Duration(e.det.onset-1)*e.det.cfg.Frame
			} else if e.cfg.NoInput > 0 && e.now >= e.cfg.NoInput {
				e.state = TimedOut
			}
		case Speaking:
			if e.now-e.lastVoice >= e.cfg.EndSilence ||
				(e.cfg.MaxSpeech > 0 && e.now-e.start >= e.cfg.MaxSpeech) {
				e.state = Ended
			}
		}
		if e.state == Ended || e.state == TimedOut {
			break
		}
	}
	return e.state
}

// State is the current state.
func (e *Endpointer) State() State { return e.state }

// Speech is the span of the current utterance: from its first voiced frame to
// the end of its last one. It is meaningful once the state is Speaking.
func (e *Endpointer) Speech() Segment { return Segment{Start: max(0, e.start), End: e.lastVoice} }

// Reset starts a new utterance, keeping the learnt noise floor.
func (e *Endpointer) Reset() {
	e.state = Waiting
	e.det.run, e.det.hang, e.det.speech = 0, 0, false
	e.start, e.lastVoice = e.now, e.now
}
