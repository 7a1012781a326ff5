package media_test

import (
	"os"
	"testing"

	"github.com/parleyhq/parley/internal/voice/audio"
	"github.com/parleyhq/parley/internal/voice/media"
)

// BenchmarkDecode decodes the 2-second question in each format, WAV (with
// the resampling to 16 kHz that Opus does not need) as the peer. The
// realtime-x metric is seconds of audio decoded per second of decoding.
func BenchmarkDecode(b *testing.B) {
	for _, c := range []struct{ name, mediaType, file string }{
		{"wav", "audio/wav", "question.wav"},
		{"ogg-silk", "audio/ogg", "silk.opus"},
		{"ogg-hybrid", "audio/ogg", "hybrid.opus"},
		{"ogg-celt", "audio/ogg", "celt.opus"},
	} {
		b.Run(c.name, func(b *testing.B) {
			data, err := os.ReadFile("testdata/" + c.file)
			if err != nil {
				b.Fatal(err)
			}
			var p audio.PCM
			for b.Loop() {
				var err error
				if p, err = media.Decode(c.mediaType, data, audio.Limits{}); err != nil {
					b.Fatal(err)
				}
				p = p.ForSpeech()
			}
			b.ReportMetric(p.Duration().Seconds()*float64(b.N)/b.Elapsed().Seconds(), "realtime-x")
		})
	}
}
