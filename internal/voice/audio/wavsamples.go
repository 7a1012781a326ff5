package audio

import (
	"encoding/binary"
	"math"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
)

// samples decodes the data chunk body under the duration limit into 16-bit
// PCM. A trailing partial frame (a recording cut mid-write, a writer that
// miscounted) is dropped, as ffmpeg and sox do: it is under a millisecond
// of sound, and refusing the whole file for it helps no one.
func samples(f format, body []byte, size uint32, lim Limits) (PCM, error) {
	n := len(body)
	switch {
	case size == 0 || size >= sizeStreaming:
		// unknown size: the data runs to the end of the file
	case uint64(size) > uint64(len(body)):
		return PCM{}, apperr.New(apperr.Invalid, "WAV data is truncated: header says %d bytes, file has %d", size, len(body))
	default:
		n = int(size)
	}
	frames := n / f.blockAlign
	if d := time.Duration(frames) * time.Second / time.Duration(f.rate); d > lim.MaxDuration {
		return PCM{}, apperr.New(apperr.TooLarge, "audio lasts %s, longer than the %s allowed", d.Round(time.Millisecond), lim.MaxDuration)
	}
	out := make([]int16, frames*f.channels)
	convert(f, body[:frames*f.blockAlign], out)
	if f.channels > 2 {
		return PCM{Rate: f.rate, Channels: 1, Samples: downmix(out, f.channels)}, nil
	}
	return PCM{Rate: f.rate, Channels: f.channels, Samples: out}, nil
}

// convert turns the little-endian samples in b into out, one per
// len(b)/len(out) bytes. Integers keep their top 16 bits (sign-extended;
// 8-bit PCM is unsigned around 128); floats are clamped to [-1, 1] and
// scaled by 32768 (NaN is silence); A-law and µ-law are expanded by the
// G.711 tables.
func convert(f format, b []byte, out []int16) {
	switch {
	case f.tag == formatPCM && f.bits == 8:
		for i, v := range b {
			out[i] = int16(int(v)-128) << 8
		}
	case f.tag == formatPCM && f.bits == 16:
		for i := range out {
			out[i] = int16(binary.LittleEndian.Uint16(b[2*i:]))
		}
	case f.tag == formatPCM && f.bits == 24:
		for i := range out {
			out[i] = int16(binary.LittleEndian.Uint16(b[3*i+1:]))
		}
	case f.tag == formatPCM && f.bits == 32:
		for i := range out {
			out[i] = int16(binary.LittleEndian.Uint16(b[4*i+2:]))
		}
	case f.tag == formatFloat && f.bits == 32:
		for i := range out {
			out[i] = floatToInt16(float64(math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))))
		}
	case f.tag == formatFloat && f.bits == 64:
		for i := range out {
			out[i] = floatToInt16(math.Float64frombits(binary.LittleEndian.Uint64(b[8*i:])))
		}
	case f.tag == formatALaw:
		for i, v := range b {
			out[i] = alawTable[v]
		}
	case f.tag == formatMuLaw:
		for i, v := range b {
			out[i] = mulawTable[v]
		}
	}
}

// floatToInt16 maps [-1, 1] onto the int16 range the way ffmpeg and
// libsndfile do (x*32768, rounded, the top clipped to 32767), so that
// 16-bit audio saved as float (x/32768) comes back exactly.
func floatToInt16(v float64) int16 {
	if math.IsNaN(v) {
		return 0
	}
	v = max(-1, min(1, v))
	return int16(min(math.MaxInt16, math.Round(v*32768)))
}

// downmix averages each frame of s (ch channels) into one sample, in
// place, and returns the mono samples.
func downmix(s []int16, ch int) []int16 {
	frames := len(s) / ch
	for i := range frames {
		sum := 0
		for _, v := range s[i*ch : (i+1)*ch] {
			sum += int(v)
		}
		s[i] = int16(sum / ch) // index i ≤ i*ch: frame i is read before it is overwritten
	}
	return s[:frames]
}

// G.711 expansion tables (ITU-T G.711, as in the reference g711.c that
// sox and ffmpeg also follow).
var (
	alawTable  = g711Table(alawToLinear)
	mulawTable = g711Table(mulawToLinear)
)

func g711Table(expand func(byte) int16) *[256]int16 {
	var t [256]int16
	for i := range t {
		t[i] = expand(byte(i))
	}
	return &t
}

// alawToLinear expands one A-law byte (even bits inverted; sign bit set
// for positive values) to 16-bit linear.
func alawToLinear(a byte) int16 {
	a ^= 0x55
	t := int(a&0x0F) << 4
	switch seg := int(a&0x70) >> 4; seg {
	case 0:
		t += 8
	case 1:
		t += 0x108
	default:
		t = (t + 0x108) << (seg - 1)
	}
	if a&0x80 != 0 {
		return int16(t)
	}
	return int16(-t)
}

// mulawToLinear expands one µ-law byte (all bits inverted; bias 0x84) to
// 16-bit linear.
func mulawToLinear(u byte) int16 {
	const bias = 0x84
	u = ^u
	t := (int(u&0x0F)<<3 + bias) << (int(u&0x70) >> 4)
	if u&0x80 != 0 {
		return int16(bias - t)
	}
	return int16(t - bias)
}
