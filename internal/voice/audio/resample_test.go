package audio_test

import (
	"math"
	"testing"

	"github.com/parleyhq/parley/internal/voice/audio"
	at "github.com/parleyhq/parley/internal/voice/audio/audiotest"
)

// goertzel measures the amplitude of freq in s (a single-bin DFT).
func goertzel(s []int16, rate int, freq float64) float64 {
	w := 2 * math.Pi * freq / float64(rate)
	c := 2 * math.Cos(w)
	var s1, s2 float64
	for _, v := range s {
		s0 := float64(v) + c*s1 - s2
		s2, s1 = s1, s0
	}
	power := s1*s1 + s2*s2 - c*s1*s2
	return 2 * math.Sqrt(power) / float64(len(s))
}

func TestResamplePreservesInBandTone(t *testing.T) {
	tests := []struct {
		from, to int
		freq     float64
	}{
		{48000, 16000, 1000},
		{44100, 16000, 440},
		{44100, 16000, 3000},
		{22050, 16000, 2500},
		{8000, 16000, 1000},
		{11025, 16000, 700},
		{16000, 8000, 1500},
		{44056, 16000, 1000}, // odd rate: large reduced ratio, no table
	}
	for _, tt := range tests {
		in := audio.PCM{Rate: tt.from, Channels: 1, Samples: at.Sine(tt.from, tt.from/2, tt.freq, 10000)}
		out := audio.Resample(in, tt.to)
		wantLen := (len(in.Samples)*tt.to + tt.from - 1) / tt.from
		if out.Rate != tt.to || len(out.Samples) != wantLen {
			t.Errorf("%d->%d: rate %d len %d, want %d len %d", tt.from, tt.to, out.Rate, len(out.Samples), tt.to, wantLen)
			continue
		}
		// Skip the filter's start-up and tail.
		mid := out.Samples[len(out.Samples)/8 : len(out.Samples)*7/8]
		amp := goertzel(mid, tt.to, tt.freq)
		if math.Abs(amp-10000)/10000 > 0.02 {
			t.Errorf("%d->%d %g Hz: amplitude %.0f, want 10000 ±2%%", tt.from, tt.to, tt.freq, amp)
		}
		// Everything else (distortion, images) should be small next to the tone.
		if rms, ideal := at.RMS(mid), 10000/math.Sqrt2; math.Abs(rms-ideal)/ideal > 0.03 {
			t.Errorf("%d->%d %g Hz: rms %.0f, want %.0f ±3%%", tt.from, tt.to, tt.freq, rms, ideal)
		}
	}
}

func TestResampleRejectsAliases(t *testing.T) {
	// A 12 kHz tone cannot exist at 16 kHz; a naive decimator would fold it
	// to 4 kHz. The filter must remove it.
	for _, from := range []int{48000, 44100, 32000} {
		in := audio.PCM{Rate: from, Channels: 1, Samples: at.Sine(from, from/2, 12000, 10000)}
		out := audio.Resample(in, 16000)
		mid := out.Samples[len(out.Samples)/8 : len(out.Samples)*7/8]
		if rms := at.RMS(mid); rms > 10000*math.Pow(10, -50.0/20) {
			t.Errorf("%d->16000: 12 kHz tone leaves rms %.1f, want < -50 dB of 10000", from, rms)
		}
	}
}

func TestResampleIdentityAndEmpty(t *testing.T) {
	s := at.Noise(3, 100, 1000)
	if out := audio.Resample(audio.PCM{Rate: 16000, Channels: 1, Samples: s}, 16000); len(out.Samples) != 100 || out.Samples[7] != s[7] {
		t.Errorf("same-rate resample changed the samples")
	}
	if out := audio.Resample(audio.PCM{Rate: 44100, Channels: 1}, 16000); len(out.Samples) != 0 || out.Rate != 16000 {
		t.Errorf("empty resample = %+v", out)
	}
}

func TestForSpeechDownmixesAndResamples(t *testing.T) {
	l := at.Sine(48000, 48000, 500, 8000)
	st := make([]int16, 2*len(l))
	for i, v := range l {
		st[2*i], st[2*i+1] = v, v
	}
	out := audio.PCM{Rate: 48000, Channels: 2, Samples: st}.ForSpeech()
	if out.Rate != 16000 || out.Channels != 1 || len(out.Samples) != 16000 {
		t.Fatalf("ForSpeech = rate %d ch %d len %d", out.Rate, out.Channels, len(out.Samples))
	}
	if amp := goertzel(out.Samples[2000:14000], 16000, 500); math.Abs(amp-8000) > 160 {
		t.Errorf("500 Hz amplitude %.0f, want 8000", amp)
	}
}

func BenchmarkResample48kTo16k(b *testing.B) {
	in := audio.PCM{Rate: 48000, Channels: 1, Samples: at.Noise(4, 48000*3, 10000)}
	b.SetBytes(int64(2 * len(in.Samples)))
	for b.Loop() {
		audio.Resample(in, 16000)
	}
}

func BenchmarkResample44kTo16k(b *testing.B) {
	in := audio.PCM{Rate: 44100, Channels: 1, Samples: at.Noise(4, 44100*3, 10000)}
	b.SetBytes(int64(2 * len(in.Samples)))
	for b.Loop() {
		audio.Resample(in, 16000)
	}
}
