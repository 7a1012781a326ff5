// Package audio decodes, converts and encodes the uncompressed audio that the
// voice pipeline works on: WAV in (integer PCM of 8 to 32 bits, float, A-law
// or µ-law, any common rate) as 16-bit PCM; 16 kHz mono out for the
// recognisers; 16-bit WAV out for the spoken replies.
package audio

import "time"

// SpeechRate is the sample rate every recogniser here expects.
const SpeechRate = 16000

// Rates accepted from callers. Outside this range a file is far more likely a
// mistake (or an attack on the resampler's table size) than real speech.
const (
	MinRate = 8000
	MaxRate = 192000
)

// PCM is 16-bit linear PCM held in memory, channels interleaved.
type PCM struct {
	// Rate is the sample rate in Hz.
	Rate int
	// Channels is 1 (mono) or 2 (stereo, interleaved left, right).
	Channels int
	// Samples holds Frames()*Channels values.
	Samples []int16
}

// Frames is the number of sample frames (one value per channel each).
func (p PCM) Frames() int {
	if p.Channels <= 0 {
		return 0
	}
	return len(p.Samples) / p.Channels
}

// Duration is the playing time of p.
func (p PCM) Duration() time.Duration {
	if p.Rate <= 0 {
		return 0
	}
	return time.Duration(p.Frames()) * time.Second / time.Duration(p.Rate)
}

// Mono averages the channels into one. A mono PCM is returned as is (the
// slice is shared, not copied).
func (p PCM) Mono() PCM {
	if p.Channels <= 1 {
		return PCM{Rate: p.Rate, Channels: 1, Samples: p.Samples}
	}
	n := p.Frames()
	out := make([]int16, n)
	for i := range n {
		sum := 0
		for c := range p.Channels {
			sum += int(p.Samples[i*p.Channels+c])
		}
		out[i] = int16(sum / p.Channels)
	}
	return PCM{Rate: p.Rate, Channels: 1, Samples: out}
}

// ForSpeech returns p as 16 kHz mono, the form the VAD and recognisers take.
func (p PCM) ForSpeech() PCM {
	return Resample(p.Mono(), SpeechRate)
}
