package audio_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/voice/audio"
	at "github.com/parleyhq/parley/internal/voice/audio/audiotest"
)

func FuzzDecodeWAV(f *testing.F) {
	s := at.Data([]int16{1, -2, 3, -4})
	f.Add(at.WAV(at.Chunk{ID: "fmt ", Body: at.FmtPCM(1, 1, 16000, 16)}, at.Chunk{ID: "data", Body: s}))
	f.Add(at.WAV(at.Chunk{ID: "fmt ", Body: at.FmtPCM(1, 2, 44100, 16)}, at.Chunk{ID: "data", Body: s}))
	f.Add(at.WAV(at.Chunk{ID: "LIST", Body: []byte("INFOx")}, at.Chunk{ID: "fmt ", Body: at.FmtExtensible(1, 1, 48000, 16)}, at.Chunk{ID: "data", Body: s, Size: at.U32(0xFFFFFFFF)}))
	f.Add(at.WAV(at.Chunk{ID: "fmt ", Body: at.FmtPCM(3, 1, 16000, 32)}, at.Chunk{ID: "data", Body: s}))
	// Every other encoding the decoder takes, plain and extensible, and
	// the partial-frame and downmix paths.
	for _, enc := range []struct {
		tag  uint16
		bits int
	}{{1, 8}, {1, 24}, {1, 32}, {3, 32}, {3, 64}} {
		d := at.Encoded(enc.tag, enc.bits, []int16{1, -2, 3, -4, 32767, -32768})
		f.Add(at.WAV(at.Chunk{ID: "fmt ", Body: at.FmtPCM(enc.tag, 2, 48000, enc.bits)}, at.Chunk{ID: "data", Body: d}))
		f.Add(at.WAV(at.Chunk{ID: "fmt ", Body: at.FmtExtensible(enc.tag, 1, 16000, enc.bits)}, at.Chunk{ID: "data", Body: d[:len(d)-1], Size: at.U32(0xFFFFFFFF)}))
	}
	for _, tag := range []uint16{6, 7} { // A-law, µ-law
		f.Add(at.WAV(at.Chunk{ID: "fmt ", Body: at.FmtPCM(tag, 1, 8000, 8)}, at.Chunk{ID: "fact", Body: []byte{4, 0, 0, 0}}, at.Chunk{ID: "data", Body: []byte{0x00, 0x55, 0x80, 0xFF}}))
		f.Add(at.WAV(at.Chunk{ID: "fmt ", Body: at.FmtExtensible(tag, 2, 8000, 8)}, at.Chunk{ID: "data", Body: []byte{0xD5, 0x2A, 0x7F}}))
	}
	f.Add(at.WAV(at.Chunk{ID: "fmt ", Body: at.FmtExtensible(3, 6, 48000, 32)}, at.Chunk{ID: "data", Body: at.Encoded(3, 32, make([]int16, 13))}))
	f.Add(at.WAV(at.Chunk{ID: "fmt ", Body: at.FmtPCM(2, 1, 16000, 4)}, at.Chunk{ID: "data", Body: s}))
	f.Add([]byte("RIFF\x00\x00\x00\x00WAVE"))
	f.Add([]byte("RIFF"))
	lim := audio.Limits{MaxBytes: 1 << 20, MaxDuration: 10 * time.Second}
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := audio.DecodeWAV(bytes.NewReader(b), lim)
		if err != nil {
			if c := apperr.CodeOf(err); c != apperr.Invalid && c != apperr.Unsupported && c != apperr.TooLarge {
				t.Fatalf("unexpected error code %q: %v", c, err)
			}
			return
		}
		if p.Channels != 1 && p.Channels != 2 || p.Rate < audio.MinRate || p.Rate > audio.MaxRate {
			t.Fatalf("accepted impossible format %d ch %d Hz", p.Channels, p.Rate)
		}
		if len(p.Samples)%p.Channels != 0 || p.Duration() > lim.MaxDuration {
			t.Fatalf("accepted %d samples for %d channels, %v", len(p.Samples), p.Channels, p.Duration())
		}
		// What decodes must re-encode and decode to the same samples.
		re, err := audio.WAVBytes(p)
		if err != nil {
			t.Fatal(err)
		}
		q, err := audio.ParseWAV(re, lim)
		if err != nil || len(q.Samples) != len(p.Samples) {
			t.Fatalf("re-decode: %v (%d vs %d samples)", err, len(q.Samples), len(p.Samples))
		}
	})
}
