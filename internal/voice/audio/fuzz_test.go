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
