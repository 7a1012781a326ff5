package tts

import (
	"context"
	"io"
	"os/exec"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/testenv"
)

// wavHeader is the size of the RIFF header espeak-ng writes before samples.
const wavHeader = 44

// firstAudio runs p as Synthesize does, on a pipe, and returns the time
// from starting the process to the first bytes of samples and to the end of
// its output.
func firstAudio(ctx context.Context, p *Process, text string) (first, last time.Duration, n int, err error) {
	cmd := exec.CommandContext(ctx, p.path, p.args...)
	cmd.Stdin = strings.NewReader(text + "\n")
	out, err := cmd.StdoutPipe()
	if err != nil {
		return 0, 0, 0, err
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return 0, 0, 0, err
	}
	buf := make([]byte, 4096)
	for {
		m, rerr := out.Read(buf)
		n += m
		if first == 0 && n > wavHeader {
			first = time.Since(start)
		}
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			return 0, 0, 0, rerr
		}
	}
	if err := cmd.Wait(); err != nil {
		return 0, 0, 0, err
	}
	return first, time.Since(start), n, nil
}

// BenchmarkEspeakFirstAudio is the time to first audio of a spoken reply:
// espeak-ng process start to its first PCM bytes on the pipe, beside the
// time to the whole sentence (what the voice endpoint waits for today).
// p50 and p95 are over the run's iterations; use -benchtime=30x or more.
//
//	go test -run '^$' -bench EspeakFirstAudio -benchtime 30x ./internal/voice/tts/
func BenchmarkEspeakFirstAudio(b *testing.B) {
	testenv.Tool(b, "espeak-ng", "apt-get install espeak-ng")
	p, err := NewEspeak(EspeakOptions{})
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct{ name, text string }{
		{"short", "Richard is based in San Francisco."},
		{"reply", "Richard studied Information Technology at the University of Oklahoma, from 2011 to 2014, " +
			"with a GPA of 4.0. His courses included Basic SQL and Java Introduction."},
	} {
		b.Run(c.name, func(b *testing.B) {
			var firsts, lasts []time.Duration
			bytes := 0
			for i := 0; i < b.N; i++ {
				first, last, n, err := firstAudio(context.Background(), p, c.text)
				if err != nil {
					b.Fatal(err)
				}
				if first == 0 {
					b.Fatalf("espeak-ng wrote no samples for %q", c.text)
				}
				firsts, lasts, bytes = append(firsts, first), append(lasts, last), n
			}
			b.ReportMetric(ms(pct(firsts, .5)), "first-p50-ms")
			b.ReportMetric(ms(pct(firsts, .95)), "first-p95-ms")
			b.ReportMetric(ms(pct(lasts, .5)), "all-p50-ms")
			b.ReportMetric(ms(pct(lasts, .95)), "all-p95-ms")
			b.ReportMetric(float64(bytes-wavHeader)/2/22050, "audio-s")
		})
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// pct is the nearest-rank percentile p of d.
func pct(d []time.Duration, p float64) time.Duration {
	s := append([]time.Duration(nil), d...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	i := int(float64(len(s))*p+0.5) - 1
	return s[min(max(i, 0), len(s)-1)]
}
