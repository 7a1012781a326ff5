package vad_test

import (
	"os/exec"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/testenv"

	"github.com/parleyhq/parley/internal/voice/audio"
	at "github.com/parleyhq/parley/internal/voice/audio/audiotest"
	"github.com/parleyhq/parley/internal/voice/vad"
)

// feed pushes p in 10 ms chunks (as a browser would stream) and returns the
// state after each chunk with the stream time it was reached at.
func feed(e *vad.Endpointer, p audio.PCM) (vad.State, time.Duration) {
	chunk := rate / 100
	for i := 0; i < len(p.Samples); i += chunk {
		if st := e.Push(p.Samples[i:min(len(p.Samples), i+chunk)]); st == vad.Ended || st == vad.TimedOut {
			return st, time.Duration(min(len(p.Samples), i+chunk)) * time.Second / rate
		}
	}
	return e.State(), p.Duration()
}

func TestEndpointer(t *testing.T) {
	speech := []event{{dur: 500 * ms}, {dur: 800 * ms, speech: true, gen: vowel(130, 8000)}, {dur: 150 * ms}, {dur: 500 * ms, speech: true, gen: vowel(180, 8000)}, {dur: 2000 * ms}}
	tests := []struct {
		name   string
		cfg    vad.EndpointConfig
		events []event
		want   vad.State
		// at is when the state is reached (±30 ms); 0 means not checked.
		at time.Duration
	}{
		{"ends after 700 ms of silence, short pause bridged", vad.EndpointConfig{}, speech, vad.Ended, 1950*ms + 700*ms},
		{"shorter end silence", vad.EndpointConfig{EndSilence: 300 * ms}, speech, vad.Ended, 1950*ms + 300*ms},
		{"max speech cuts a monologue", vad.EndpointConfig{MaxSpeech: 1000 * ms}, []event{{dur: 300 * ms}, {dur: 3000 * ms, speech: true, gen: vowel(130, 8000)}}, vad.Ended, 1300 * ms},
		{"noise only keeps waiting", vad.EndpointConfig{}, []event{{dur: 3000 * ms}}, vad.Waiting, 0},
		{"no input times out", vad.EndpointConfig{NoInput: 1500 * ms}, []event{{dur: 3000 * ms}}, vad.TimedOut, 1500 * ms},
		{"still speaking at end of stream", vad.EndpointConfig{}, []event{{dur: 300 * ms}, {dur: 1000 * ms, speech: true, gen: vowel(130, 8000)}}, vad.Speaking, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := vad.NewEndpointer(tt.cfg)
			if err != nil {
				t.Fatal(err)
			}
			p, _ := scene(7, 300, tt.events)
			st, when := feed(e, p)
			if st != tt.want {
				t.Fatalf("state %v at %v, want %v", st, when, tt.want)
			}
			if tt.at != 0 && (when < tt.at-30*ms || when > tt.at+30*ms) {
				t.Errorf("reached %v at %v, want %v ±30ms", st, when, tt.at)
			}
		})
	}
}

func TestEndpointerSpanAndReset(t *testing.T) {
	e, err := vad.NewEndpointer(vad.EndpointConfig{})
	if err != nil {
		t.Fatal(err)
	}
	p, truth := scene(8, 300, []event{{dur: 600 * ms}, {dur: 700 * ms, speech: true, gen: vowel(150, 8000)}, {dur: 1000 * ms}})
	if st, _ := feed(e, p); st != vad.Ended {
		t.Fatalf("state %v", st)
	}
	span := e.Speech()
	if d := span.Start - truth[0].Start; d < -40*ms || d > 40*ms {
		t.Errorf("speech starts %v, want %v", span.Start, truth[0].Start)
	}
	if d := span.End - truth[0].End; d < -40*ms || d > 40*ms {
		t.Errorf("speech ends %v, want %v", span.End, truth[0].End)
	}
	e.Reset()
	if st := e.State(); st != vad.Waiting {
		t.Errorf("after Reset: %v", st)
	}
	if st, _ := feed(e, p); st != vad.Ended {
		t.Errorf("second utterance: %v", st)
	}
}

// TestFrameAccuracyOnSynthesisedSpeech scores the detector on espeak-ng
// speech laid over noise; the truth is taken from the clean speech (frames
// above -45 dBFS), so pauses between words count as silence.
func TestFrameAccuracyOnSynthesisedSpeech(t *testing.T) {
	bin := testenv.Tool(t, "espeak-ng", "apt-get install espeak-ng")
	out, err := exec.Command(bin, "--stdout", "-v", "en-us", "-s", "160", "What did she build at her last job? Tell me about her Go experience.").Output()
	if err != nil {
		t.Fatal(err)
	}
	speech, err := audio.ParseWAV(out, audio.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	speech = speech.ForSpeech()
	lead := make([]int16, rate)
	clean := append(append(lead, speech.Samples...), make([]int16, rate)...)
	var truth []vad.Segment
	for i := 0; i+320 <= len(clean); i += 320 {
		if at.RMS(clean[i:i+320]) > 32768*0.0056 { // -45 dBFS
			start := time.Duration(i/320) * 20 * ms
			if n := len(truth); n > 0 && truth[n-1].End == start {
				truth[n-1].End += 20 * ms
			} else {
				truth = append(truth, vad.Segment{Start: start, End: start + 20*ms})
			}
		}
	}
	for _, noise := range []float64{300, 1500} {
		p := audio.PCM{Rate: rate, Channels: 1, Samples: at.Mix(clean, at.Noise(11, len(clean), noise))}
		frames, err := vad.Detect(p, vad.Config{})
		if err != nil {
			t.Fatal(err)
		}
		raw, smooth := scoreFrames(frames, 20*ms, truth, false), scoreFrames(frames, 20*ms, truth, true)
		t.Logf("espeak-ng over noise peak %.0f (%.1f dB): raw %s; smoothed %s", noise, snr(p, truth), raw, smooth)
		if smooth.recall() < 0.9 || raw.precision() < 0.9 {
			t.Errorf("espeak-ng over noise %.0f: smoothed recall %.3f, raw precision %.3f, want >= 0.9", noise, smooth.recall(), raw.precision())
		}
	}
}
