//go:build cgo

package stt

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/parleyhq/parley/internal/testenv"
	"github.com/parleyhq/parley/internal/voice/tts"
)

// TestRowsMatchSequential checks the beam's decoder
// against one-row decoding: rows reordered, duplicated and dropped between
// steps must give each row the logits of its own prefix decoded alone.
func TestRowsMatchSequential(t *testing.T) {
	testenv.Tool(t, "espeak-ng", "apt-get install espeak-ng")
	dir := os.Getenv("PARLEY_STT_MODEL_DIR")
	if dir == "" {
		dir = DefaultMoonshineDir()
	}
	for _, f := range []string{ORTLibrary, MoonshineEncoder, MoonshineDecoder, MoonshineVocab} {
		testenv.File(t, filepath.Join(dir, f), "scripts/install-speech.sh")
	}
	m, err := NewMoonshine(MoonshineOptions{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	voice, err := tts.NewEspeak(tts.EspeakOptions{})
	if err != nil {
		t.Fatal(err)
	}
	pcm, err := voice.Synthesize(context.Background(), "where did he work")
	if err != nil {
		t.Fatal(err)
	}
	pcm = pcm.ForSpeech()
	samples := make([]float32, len(pcm.Samples))
	for i, s := range pcm.Samples {
		samples[i] = float32(s) / 32768
	}
	b, err := m.newRows(samples)
	if err != nil {
		t.Fatal(err)
	}
	defer b.destroy()
	// Row prefixes after each step (tokens after the start one).
	steps := []struct{ parents, tokens []int }{
		{[]int{0}, []int{moonshineStart}},
		{[]int{0, 0, 0}, []int{100, 200, 300}},
		{[]int{2, 0, 2}, []int{400, 500, 600}},
		{[]int{1, 1}, []int{700, 800}},
		{[]int{1, 0, 1, 0}, []int{900, 1000, 1100, 1200}},
	}
	var prefixes [][]int
	for pos, s := range steps {
		rows, err := b.step(s.parents, s.tokens, pos)
		if err != nil {
			t.Fatal(err)
		}
		var next [][]int
		for i, p := range s.parents {
			var prefix []int
			if pos > 0 {
				prefix = append(prefix, prefixes[p]...)
				prefix = append(prefix, s.tokens[i])
			}
			next = append(next, prefix)
		}
		prefixes = next
		for i, prefix := range prefixes {
			want := sequentialLogits(t, m, samples, prefix)
			if d := maxDiff(rows[i], want); d > 1e-3 {
				t.Errorf("step %d row %d (prefix %v): logits differ by %g from decoding it alone", pos, i, prefix, d)
			}
		}
	}
}

// sequentialLogits decodes prefix alone, one token at a time, and returns
// the last step's logits.
func sequentialLogits(t *testing.T, m *Moonshine, samples []float32, prefix []int) []float32 {
	t.Helper()
	b, err := m.newRun(samples)
	if err != nil {
		t.Fatal(err)
	}
	defer b.destroy()
	logits, err := b.logits(moonshineStart, 0)
	if err != nil {
		t.Fatal(err)
	}
	for i, tok := range prefix {
		if logits, err = b.logits(tok, i+1); err != nil {
			t.Fatal(err)
		}
	}
	return logits
}

func maxDiff(a, b []float32) float64 {
	if len(a) != len(b) {
		return math.Inf(1)
	}
	var d float64
	for i := range a {
		d = max(d, math.Abs(float64(a[i]-b[i])))
	}
	return d
}
