package audio_test

import (
	"encoding/binary"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/voice/audio"
	at "github.com/parleyhq/parley/internal/voice/audio/audiotest"
)

func le32(v ...uint32) []byte {
	b := make([]byte, 4*len(v))
	for i, x := range v {
		binary.LittleEndian.PutUint32(b[4*i:], x)
	}
	return b
}

func f32(v ...float32) []byte {
	b := make([]byte, 4*len(v))
	for i, x := range v {
		binary.LittleEndian.PutUint32(b[4*i:], math.Float32bits(x))
	}
	return b
}

func f64(v ...float64) []byte {
	b := make([]byte, 8*len(v))
	for i, x := range v {
		binary.LittleEndian.PutUint64(b[8*i:], math.Float64bits(x))
	}
	return b
}

func wavOf(fmtBody, data []byte) []byte {
	return at.WAV(at.Chunk{ID: "fmt ", Body: fmtBody}, at.Chunk{ID: "data", Body: data})
}

// TestDecodeWAVFormats: every encoding a client may send comes out as
// 16-bit PCM, with the values the usual conversions give.
func TestDecodeWAVFormats(t *testing.T) {
	nan, inf := float32(math.NaN()), float32(math.Inf(1))
	tests := []struct {
		name string
		file []byte
		want audio.PCM
	}{
		{"8-bit unsigned", wavOf(at.FmtPCM(1, 1, 8000, 8), []byte{0, 1, 127, 128, 129, 255}),
			audio.PCM{Rate: 8000, Channels: 1, Samples: []int16{-32768, -32512, -256, 0, 256, 32512}}},
		{"24-bit sign extension", wavOf(at.FmtPCM(1, 1, 48000, 24), []byte{
			0x00, 0x00, 0x80, // most negative
			0xFF, 0xFF, 0x7F, // most positive
			0xFF, 0xFF, 0xFF, // -1: rounds down to -1, not 0
			0x00, 0x01, 0x00, // 256 → 1
			0xAB, 0x34, 0x12, // low byte dropped
		}), audio.PCM{Rate: 48000, Channels: 1, Samples: []int16{-32768, 32767, -1, 1, 0x1234}}},
		{"32-bit integer", wavOf(at.FmtPCM(1, 2, 44100, 32), le32(0x80000000, 0x7FFFFFFF, 0xFFFFFFFF, 0x12345678)),
			audio.PCM{Rate: 44100, Channels: 2, Samples: []int16{-32768, 32767, -1, 0x1234}}},
		{"float32 clamped, NaN silent", wavOf(at.FmtPCM(3, 1, 16000, 32), f32(0, 0.5, -0.5, 1, -1, 1.5, -7, nan, inf, -inf, 1.0/32768, 0.99999)),
			audio.PCM{Rate: 16000, Channels: 1, Samples: []int16{0, 16384, -16384, 32767, -32768, 32767, -32768, 0, 32767, -32768, 1, 32767}}},
		{"float64 (numpy's default)", wavOf(at.FmtPCM(3, 1, 22050, 64), f64(0.25, -1, 2, math.NaN(), -3.0/32768)),
			audio.PCM{Rate: 22050, Channels: 1, Samples: []int16{8192, -32768, 32767, 0, -3}}},
		{"A-law", wavOf(at.FmtPCM(6, 1, 8000, 8), []byte{0xD5, 0x55, 0xAA, 0x2A, 0x80, 0x00}),
			audio.PCM{Rate: 8000, Channels: 1, Samples: []int16{8, -8, 32256, -32256, 5504, -5504}}},
		{"µ-law", wavOf(at.FmtPCM(7, 1, 8000, 8), []byte{0xFF, 0x7F, 0x00, 0x80, 0xFE, 0x7E}),
			audio.PCM{Rate: 8000, Channels: 1, Samples: []int16{0, 0, -32124, 32124, 8, -8}}},
		{"extensible float32 stereo", wavOf(at.FmtExtensible(3, 2, 48000, 32), f32(0.5, -0.5)),
			audio.PCM{Rate: 48000, Channels: 2, Samples: []int16{16384, -16384}}},
		{"extensible 24-bit", wavOf(at.FmtExtensible(1, 1, 96000, 24), []byte{0, 0, 0x40}),
			audio.PCM{Rate: 96000, Channels: 1, Samples: []int16{0x4000}}},
		{"extensible 20 valid bits in 24", wavOf(validBits(at.FmtExtensible(1, 1, 48000, 24), 20), []byte{0xF0, 0xFF, 0x7F}),
			audio.PCM{Rate: 48000, Channels: 1, Samples: []int16{32767}}},
		{"extensible 24 valid bits in 32", wavOf(validBits(at.FmtExtensible(1, 1, 48000, 32), 24), le32(0xC0000000)),
			audio.PCM{Rate: 48000, Channels: 1, Samples: []int16{-16384}}},
		{"extensible µ-law", wavOf(at.FmtExtensible(7, 1, 8000, 8), []byte{0x00}),
			audio.PCM{Rate: 8000, Channels: 1, Samples: []int16{-32124}}},
		{"extensible A-law", wavOf(at.FmtExtensible(6, 1, 8000, 8), []byte{0xD5}),
			audio.PCM{Rate: 8000, Channels: 1, Samples: []int16{8}}},
		{"four channels averaged to mono", wavOf(at.FmtExtensible(1, 4, 16000, 16), at.Data([]int16{100, 200, 300, 400, -32768, -32768, -32768, -32768, 1, 2, 3, 5})),
			audio.PCM{Rate: 16000, Channels: 1, Samples: []int16{250, -32768, 2}}},
		{"5.1 float", wavOf(at.FmtPCM(3, 6, 48000, 32), f32(0.6, 0.6, 0.6, 0, 0, 0)),
			audio.PCM{Rate: 48000, Channels: 1, Samples: []int16{9830}}},
		{"fact chunk before data", at.WAV(at.Chunk{ID: "fmt ", Body: append(at.FmtPCM(7, 1, 8000, 8), 0, 0)}, at.Chunk{ID: "fact", Body: le32(2)}, at.Chunk{ID: "data", Body: []byte{0xFF, 0x80}}),
			audio.PCM{Rate: 8000, Channels: 1, Samples: []int16{0, 32124}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := audio.ParseWAV(tt.file, audio.Limits{})
			if err != nil {
				t.Fatalf("ParseWAV: %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("PCM mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// validBits sets wValidBitsPerSample in an extensible fmt chunk body.
func validBits(b []byte, n uint16) []byte {
	binary.LittleEndian.PutUint16(b[18:], n)
	return b
}

// TestDecodeWAVLosslessEncodings: 16-bit audio widened to 24 or 32 bits,
// or saved as float (x/32768, what libsndfile and scipy write), decodes to
// exactly the samples it came from.
func TestDecodeWAVLosslessEncodings(t *testing.T) {
	s := append(at.Noise(7, 2000, 32767), -32768, 32767, 0, -1, 1)
	for _, enc := range []struct {
		tag  uint16
		bits int
	}{{1, 24}, {1, 32}, {3, 32}, {3, 64}} {
		for _, fmtBody := range [][]byte{at.FmtPCM(enc.tag, 1, 16000, enc.bits), at.FmtExtensible(enc.tag, 1, 16000, enc.bits)} {
			got, err := audio.ParseWAV(wavOf(fmtBody, at.Encoded(enc.tag, enc.bits, s)), audio.Limits{})
			if err != nil {
				t.Fatalf("tag %d, %d bits: %v", enc.tag, enc.bits, err)
			}
			if diff := cmp.Diff(s, got.Samples); diff != "" {
				t.Errorf("tag %d, %d bits (-want +got):\n%s", enc.tag, enc.bits, diff)
			}
		}
	}
}

// TestG711Tables checks the expansion against properties of G.711 rather
// than a second copy of the table: odd symmetry, monotonic segments, the
// spec's extremes.
func TestG711Tables(t *testing.T) {
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	for _, c := range []struct {
		name     string
		tag      uint16
		peak     int16
		signFlip byte
	}{{"A-law", 6, 32256, 0x80}, {"µ-law", 7, 32124, 0x80}} {
		p, err := audio.ParseWAV(wavOf(at.FmtPCM(c.tag, 1, 8000, 8), all), audio.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		seen := map[int16]int{}
		for i, v := range p.Samples {
			if w := p.Samples[byte(i)^c.signFlip]; v != -w {
				t.Errorf("%s: code %#02x → %d but its mirror → %d", c.name, i, v, w)
			}
			if v > c.peak || v < -c.peak {
				t.Errorf("%s: code %#02x → %d, past ±%d", c.name, i, v, c.peak)
			}
			seen[v]++
		}
		// µ-law has two zeros (0x7F, 0xFF); A-law has none, so 256 levels.
		if want := map[uint16]int{6: 256, 7: 255}[c.tag]; len(seen) != want {
			t.Errorf("%s: %d distinct levels, want %d", c.name, len(seen), want)
		}
	}
}

// TestDecodeWAVTrimsPartialFrame: a data chunk that ends inside a sample
// frame loses that partial frame and keeps the rest (ffmpeg and sox do
// the same), whether its size was declared or runs to the end.
func TestDecodeWAVTrimsPartialFrame(t *testing.T) {
	tests := []struct {
		name string
		file []byte
		want []int16
	}{
		{"half a sample", wavOf(at.FmtPCM(1, 1, 16000, 16), []byte{1, 2, 3}), []int16{0x0201}},
		{"half a stereo frame", wavOf(at.FmtPCM(1, 2, 16000, 16), []byte{1, 2, 3, 4, 5, 6}), []int16{0x0201, 0x0403}},
		{"less than one frame", wavOf(at.FmtPCM(1, 2, 16000, 16), []byte{1, 2}), []int16{}},
		{"24-bit streaming, cut mid-sample", at.WAV(at.Chunk{ID: "fmt ", Body: at.FmtPCM(1, 1, 16000, 24)},
			at.Chunk{ID: "data", Body: []byte{0, 0, 0x10, 0}, Size: at.U32(0xFFFFFFFF)}), []int16{0x1000}},
		{"float declared size, then a chunk", at.WAV(at.Chunk{ID: "fmt ", Body: at.FmtPCM(3, 1, 16000, 32)},
			at.Chunk{ID: "data", Body: append(f32(0.5), 9, 9)}, at.Chunk{ID: "LIST", Body: []byte("INFO")}), []int16{16384}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := audio.ParseWAV(tt.file, audio.Limits{})
			if err != nil {
				t.Fatalf("ParseWAV: %v", err)
			}
			if diff := cmp.Diff(tt.want, got.Samples); diff != "" {
				t.Errorf("samples (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDecodeWAVUnsupportedSaysWhat: what stays unsupported is refused as
// such, naming what was found and what to send instead.
func TestDecodeWAVUnsupportedSaysWhat(t *testing.T) {
	data := make([]byte, 64)
	foreignGUID := at.FmtExtensible(1, 1, 16000, 16)
	copy(foreignGUID[26:], "ambisonic b-f") // {00000001-0721-11d3-...}-like: not KSDATAFORMAT
	tests := []struct {
		name string
		file []byte
		code apperr.Code
		says []string
	}{
		{"MS ADPCM", wavOf(at.FmtPCM(2, 1, 16000, 4), data), apperr.Unsupported, []string{"Microsoft ADPCM", "0x0002", "float"}},
		{"IMA ADPCM", wavOf(at.FmtPCM(0x11, 1, 16000, 4), data), apperr.Unsupported, []string{"IMA ADPCM"}},
		{"MP3 in WAV", wavOf(at.FmtPCM(0x55, 2, 44100, 0), data), apperr.Unsupported, []string{"MP3"}},
		{"unknown tag", wavOf(at.FmtPCM(0x1234, 1, 16000, 16), data), apperr.Unsupported, []string{"0x1234", "A-law"}},
		{"extensible ADPCM", wavOf(at.FmtExtensible(2, 1, 16000, 16), data), apperr.Unsupported, []string{"ADPCM"}},
		{"extensible foreign GUID", wavOf(foreignGUID, data), apperr.Unsupported, []string{"sub-format"}},
		{"12-bit PCM", wavOf(at.FmtPCM(1, 1, 16000, 12), data), apperr.Unsupported, []string{"12-bit PCM"}},
		{"16-bit float", wavOf(at.FmtPCM(3, 1, 16000, 16), data), apperr.Unsupported, []string{"16-bit float"}},
		{"16-bit µ-law", wavOf(at.FmtPCM(7, 1, 16000, 16), data), apperr.Unsupported, []string{"µ-law"}},
		{"nine channels", wavOf(at.FmtPCM(1, 9, 16000, 16), data), apperr.Unsupported, []string{"9 channels"}},
		{"RF64", append([]byte("RF64\xff\xff\xff\xffWAVEds64"), data...), apperr.Unsupported, []string{"RF64"}},
		{"RIFX", append([]byte("RIFX\x00\x00\x00\x24WAVE"), data...), apperr.Unsupported, []string{"big-endian"}},
		{"valid bits past container", wavOf(validBits(at.FmtExtensible(1, 1, 16000, 16), 24), data), apperr.Invalid, []string{"24 valid bits"}},
		{"extensible in extensible", wavOf(at.FmtExtensible(0xFFFE, 1, 16000, 16), data), apperr.Invalid, []string{"extensible"}},
		{"24-bit block align of 16", wavOf(func() []byte { b := at.FmtPCM(1, 1, 16000, 24); b[12] = 2; return b }(), data), apperr.Invalid, []string{"block align"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := audio.ParseWAV(tt.file, audio.Limits{})
			if got := apperr.CodeOf(err); got != tt.code {
				t.Fatalf("code %q (%v), want %q", got, err, tt.code)
			}
			for _, s := range tt.says {
				if msg := apperr.MessageOf(err); !strings.Contains(msg, s) {
					t.Errorf("message %q lacks %q", msg, s)
				}
			}
		})
	}
}
