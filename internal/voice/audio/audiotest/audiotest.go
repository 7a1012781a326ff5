// Package audiotest generates test signals (tones, noise, silence) and
// hand-built WAV files with chosen chunks, for the voice packages' tests.
package audiotest

import (
	"encoding/binary"
	"math"
	"math/rand/v2"
)

// Sine returns n samples of a tone at freq Hz with peak amplitude amp.
func Sine(rate, n int, freq, amp float64) []int16 {
	out := make([]int16, n)
	for i := range out {
		out[i] = int16(amp * math.Sin(2*math.Pi*freq*float64(i)/float64(rate)))
	}
	return out
}

// Noise returns n samples of uniform white noise with peak amplitude amp,
// from a seeded generator so tests repeat exactly.
func Noise(seed uint64, n int, amp float64) []int16 {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	out := make([]int16, n)
	for i := range out {
		out[i] = int16(amp * (2*r.Float64() - 1))
	}
	return out
}

// Mix adds b into a sample by sample (a is extended as needed), clipping.
func Mix(a, b []int16) []int16 {
	out := make([]int16, max(len(a), len(b)))
	for i := range out {
		v := 0
		if i < len(a) {
			v += int(a[i])
		}
		if i < len(b) {
			v += int(b[i])
		}
		out[i] = int16(max(math.MinInt16, min(math.MaxInt16, v)))
	}
	return out
}

// RMS is the root-mean-square level of s.
func RMS(s []int16) float64 {
	if len(s) == 0 {
		return 0
	}
	sum := 0.0
	for _, v := range s {
		sum += float64(v) * float64(v)
	}
	return math.Sqrt(sum / float64(len(s)))
}

// Chunk is one RIFF chunk to place in a hand-built WAV file.
type Chunk struct {
	ID   string
	Body []byte
	// Size overrides the declared size when non-nil (to build lies).
	Size *uint32
}

// FmtPCM is a "fmt " chunk body for plain PCM.
func FmtPCM(tag uint16, channels, rate, bits int) []byte {
	b := make([]byte, 16)
	binary.LittleEndian.PutUint16(b[0:], tag)
	binary.LittleEndian.PutUint16(b[2:], uint16(channels))
	binary.LittleEndian.PutUint32(b[4:], uint32(rate))
	binary.LittleEndian.PutUint32(b[8:], uint32(rate*channels*bits/8))
	binary.LittleEndian.PutUint16(b[12:], uint16(channels*bits/8))
	binary.LittleEndian.PutUint16(b[14:], uint16(bits))
	return b
}

// FmtExtensible is a WAVE_FORMAT_EXTENSIBLE "fmt " chunk body whose
// sub-format GUID starts with subTag.
func FmtExtensible(subTag uint16, channels, rate, bits int) []byte {
	b := append(FmtPCM(0xFFFE, channels, rate, bits), make([]byte, 24)...)
	binary.LittleEndian.PutUint16(b[16:], 22)
	binary.LittleEndian.PutUint16(b[18:], uint16(bits))
	binary.LittleEndian.PutUint32(b[20:], 0x3)
	binary.LittleEndian.PutUint16(b[24:], subTag)
	copy(b[26:], []byte{0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71})
	return b
}

// Data is a "data" chunk body of little-endian samples.
func Data(s []int16) []byte {
	b := make([]byte, 2*len(s))
	for i, v := range s {
		binary.LittleEndian.PutUint16(b[2*i:], uint16(v))
	}
	return b
}

// WAV assembles a RIFF/WAVE file from chunks, padding odd bodies.
func WAV(chunks ...Chunk) []byte {
	var body []byte
	for _, c := range chunks {
		var h [8]byte
		copy(h[:4], c.ID)
		size := uint32(len(c.Body))
		if c.Size != nil {
			size = *c.Size
		}
		binary.LittleEndian.PutUint32(h[4:], size)
		body = append(body, h[:]...)
		body = append(body, c.Body...)
		if len(c.Body)%2 == 1 {
			body = append(body, 0)
		}
	}
	out := make([]byte, 12, 12+len(body))
	copy(out, "RIFF")
	binary.LittleEndian.PutUint32(out[4:], uint32(4+len(body)))
	copy(out[8:], "WAVE")
	return append(out, body...)
}

// U32 returns a pointer to v, for Chunk.Size.
func U32(v uint32) *uint32 { return &v }

// Encoded returns s as a "data" chunk body in another WAV encoding: tag 1
// (integer PCM) with 8 (unsigned), 24 or 32 bits, or tag 3 (IEEE float)
// with 32 or 64 bits (s/32768, as libsndfile and scipy scale). Wider
// integers get a non-zero low byte pattern that a decoder must drop; 8 bits
// keeps only the top byte. It panics on any other pair.
func Encoded(tag uint16, bits int, s []int16) []byte {
	n := bits / 8
	b := make([]byte, n*len(s))
	for i, v := range s {
		p := b[n*i:]
		switch {
		case tag == 1 && bits == 8:
			p[0] = byte(v>>8) + 128
		case tag == 1 && bits == 24:
			p[0] = byte(i) | 1
			binary.LittleEndian.PutUint16(p[1:], uint16(v))
		case tag == 1 && bits == 32:
			binary.LittleEndian.PutUint16(p[0:], uint16(i)|0x8001)
			binary.LittleEndian.PutUint16(p[2:], uint16(v))
		case tag == 3 && bits == 32:
			binary.LittleEndian.PutUint32(p, math.Float32bits(float32(v)/32768))
		case tag == 3 && bits == 64:
			binary.LittleEndian.PutUint64(p, math.Float64bits(float64(v)/32768))
		default:
			panic("audiotest.Encoded: no such encoding")
		}
	}
	return b
}
