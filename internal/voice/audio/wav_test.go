package audio_test

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/voice/audio"
	at "github.com/parleyhq/parley/internal/voice/audio/audiotest"
)

func TestDecodeWAVAccepts(t *testing.T) {
	mono := []int16{0, 1, -1, 32767, -32768, 1234}
	stereo := []int16{10, 20, -30, -40, 32767, 32767}
	tests := []struct {
		name string
		file []byte
		want audio.PCM
	}{
		{"mono 16k", at.WAV(at.Chunk{ID: "fmt ", Body: at.FmtPCM(1, 1, 16000, 16)}, at.Chunk{ID: "data", Body: at.Data(mono)}),
			audio.PCM{Rate: 16000, Channels: 1, Samples: mono}},
		{"stereo 44.1k", at.WAV(at.Chunk{ID: "fmt ", Body: at.FmtPCM(1, 2, 44100, 16)}, at.Chunk{ID: "data", Body: at.Data(stereo)}),
			audio.PCM{Rate: 44100, Channels: 2, Samples: stereo}},
		{"extensible PCM", at.WAV(at.Chunk{ID: "fmt ", Body: at.FmtExtensible(1, 1, 48000, 16)}, at.Chunk{ID: "data", Body: at.Data(mono)}),
			audio.PCM{Rate: 48000, Channels: 1, Samples: mono}},
		{"LIST and odd junk chunk before data", at.WAV(
			at.Chunk{ID: "LIST", Body: []byte("INFOISFT\x05\x00\x00\x00Lavf\x00")},
			at.Chunk{ID: "fmt ", Body: at.FmtPCM(1, 1, 8000, 16)},
			at.Chunk{ID: "junk", Body: []byte{1, 2, 3}},
			at.Chunk{ID: "data", Body: at.Data(mono)}),
			audio.PCM{Rate: 8000, Channels: 1, Samples: mono}},
		{"trailing chunk after data", at.WAV(at.Chunk{ID: "fmt ", Body: at.FmtPCM(1, 1, 22050, 16)}, at.Chunk{ID: "data", Body: at.Data(mono)}, at.Chunk{ID: "id3 ", Body: []byte("xyz")}),
			audio.PCM{Rate: 22050, Channels: 1, Samples: mono}},
		{"streaming size 0xFFFFFFFF", at.WAV(at.Chunk{ID: "fmt ", Body: at.FmtPCM(1, 1, 16000, 16)}, at.Chunk{ID: "data", Body: at.Data(mono), Size: at.U32(0xFFFFFFFF)}),
			audio.PCM{Rate: 16000, Channels: 1, Samples: mono}},
		{"espeak-ng streaming size 0x7FFFF000", at.WAV(at.Chunk{ID: "fmt ", Body: at.FmtPCM(1, 1, 22050, 16)}, at.Chunk{ID: "data", Body: at.Data(mono), Size: at.U32(0x7FFFF000)}),
			audio.PCM{Rate: 22050, Channels: 1, Samples: mono}},
		{"empty data", at.WAV(at.Chunk{ID: "fmt ", Body: at.FmtPCM(1, 1, 16000, 16)}, at.Chunk{ID: "data"}),
			audio.PCM{Rate: 16000, Channels: 1, Samples: []int16{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := audio.DecodeWAV(bytes.NewReader(tt.file), audio.Limits{})
			if err != nil {
				t.Fatalf("DecodeWAV: %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("PCM mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDecodeWAVRejects(t *testing.T) {
	pcm := at.Data(make([]int16, 1600))
	fmt16 := at.Chunk{ID: "fmt ", Body: at.FmtPCM(1, 1, 16000, 16)}
	tests := []struct {
		name string
		file []byte
		lim  audio.Limits
		want apperr.Code
	}{
		{"empty", nil, audio.Limits{}, apperr.Invalid},
		{"not riff", []byte("OggS\x00\x02hello world, not a wav"), audio.Limits{}, apperr.Invalid},
		{"big-endian RIFX", append([]byte("RIFX\x00\x00\x00\x24WAVE"), pcm...), audio.Limits{}, apperr.Unsupported},
		{"no fmt", at.WAV(at.Chunk{ID: "LIST", Body: []byte("INFO")}), audio.Limits{}, apperr.Invalid},
		{"data before fmt", at.WAV(at.Chunk{ID: "data", Body: pcm}, fmt16), audio.Limits{}, apperr.Invalid},
		{"no data", at.WAV(fmt16), audio.Limits{}, apperr.Invalid},
		{"short fmt", at.WAV(at.Chunk{ID: "fmt ", Body: []byte{1, 0, 1, 0}}, at.Chunk{ID: "data", Body: pcm}), audio.Limits{}, apperr.Invalid},
		{"fmt chunk truncated", at.WAV(at.Chunk{ID: "fmt ", Body: at.FmtPCM(1, 1, 16000, 16), Size: at.U32(400)}), audio.Limits{}, apperr.Invalid},
		{"data truncated", at.WAV(fmt16, at.Chunk{ID: "data", Body: pcm, Size: at.U32(uint32(len(pcm) + 100))}), audio.Limits{}, apperr.Invalid},
		{"bad block align", at.WAV(at.Chunk{ID: "fmt ", Body: func() []byte { b := at.FmtPCM(1, 1, 16000, 16); b[12] = 4; return b }()}, at.Chunk{ID: "data", Body: pcm}), audio.Limits{}, apperr.Invalid},
		{"extensible short", at.WAV(at.Chunk{ID: "fmt ", Body: at.FmtPCM(0xFFFE, 1, 16000, 16)}, at.Chunk{ID: "data", Body: pcm}), audio.Limits{}, apperr.Invalid},
		{"nine channels", at.WAV(at.Chunk{ID: "fmt ", Body: at.FmtPCM(1, 9, 48000, 16)}, at.Chunk{ID: "data", Body: pcm}), audio.Limits{}, apperr.Unsupported},
		{"zero channels", at.WAV(at.Chunk{ID: "fmt ", Body: at.FmtPCM(1, 0, 16000, 16)}, at.Chunk{ID: "data", Body: pcm}), audio.Limits{}, apperr.Unsupported},
		{"rate 4000", at.WAV(at.Chunk{ID: "fmt ", Body: at.FmtPCM(1, 1, 4000, 16)}, at.Chunk{ID: "data", Body: pcm}), audio.Limits{}, apperr.Unsupported},
		{"rate zero", at.WAV(at.Chunk{ID: "fmt ", Body: at.FmtPCM(1, 1, 0, 16)}, at.Chunk{ID: "data", Body: pcm}), audio.Limits{}, apperr.Unsupported},
		{"too many bytes", at.WAV(fmt16, at.Chunk{ID: "data", Body: pcm}), audio.Limits{MaxBytes: 1000}, apperr.TooLarge},
		{"too long", at.WAV(fmt16, at.Chunk{ID: "data", Body: pcm}), audio.Limits{MaxDuration: 50 * time.Millisecond}, apperr.TooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := audio.DecodeWAV(bytes.NewReader(tt.file), tt.lim)
			if got := apperr.CodeOf(err); got != tt.want {
				t.Errorf("code = %q (err %v), want %q", got, err, tt.want)
			}
			var ae *apperr.Error
			if err != nil && (!errors.As(err, &ae) || ae.Message == "") {
				t.Errorf("error %v has no safe message", err)
			}
		})
	}
}

func TestDurationLimitIsInclusive(t *testing.T) {
	file := at.WAV(at.Chunk{ID: "fmt ", Body: at.FmtPCM(1, 1, 16000, 16)}, at.Chunk{ID: "data", Body: at.Data(make([]int16, 16000))})
	if _, err := audio.DecodeWAV(bytes.NewReader(file), audio.Limits{MaxDuration: time.Second}); err != nil {
		t.Fatalf("exactly 1 s under a 1 s limit: %v", err)
	}
}

func TestEncodeDecodeRoundTrip(t *testing.T) {
	for _, p := range []audio.PCM{
		{Rate: 16000, Channels: 1, Samples: at.Noise(1, 999, 30000)},
		{Rate: 44100, Channels: 2, Samples: at.Noise(2, 1000, 30000)},
	} {
		b, err := audio.WAVBytes(p)
		if err != nil {
			t.Fatal(err)
		}
		if len(b) != 44+2*len(p.Samples) {
			t.Errorf("encoded %d bytes, want canonical 44-byte header + data", len(b))
		}
		got, err := audio.ParseWAV(b, audio.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(p, got); diff != "" {
			t.Errorf("round trip (-want +got):\n%s", diff)
		}
	}
}

func TestEncodeRejectsBadShape(t *testing.T) {
	for _, p := range []audio.PCM{{Rate: 16000, Channels: 3}, {Rate: 0, Channels: 1}} {
		if _, err := audio.WAVBytes(p); apperr.CodeOf(err) != apperr.Invalid {
			t.Errorf("WAVBytes(%+v) = %v, want invalid", p, err)
		}
	}
}

func TestMonoAverages(t *testing.T) {
	p := audio.PCM{Rate: 8000, Channels: 2, Samples: []int16{100, 300, -32768, -32768, 32767, -32767, 5, 6}}
	got := p.Mono()
	want := audio.PCM{Rate: 8000, Channels: 1, Samples: []int16{200, -32768, 0, 5}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Mono (-want +got):\n%s", diff)
	}
	if d := p.Duration(); d != 500*time.Microsecond {
		t.Errorf("Duration = %v, want 500µs for 4 frames at 8 kHz", d)
	}
}
