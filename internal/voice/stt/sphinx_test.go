package stt_test

import (
	"context"
	"os"
	"testing"

	"github.com/parleyhq/parley/internal/testenv"

	"github.com/parleyhq/parley/internal/voice/stt"
	"github.com/parleyhq/parley/internal/voice/tts"
)

// TestSphinxWithProfileModel runs the real recogniser with a small model
// built for one profile and checks it hears espeak-ng's questions.
func TestSphinxWithProfileModel(t *testing.T) {
	for _, bin := range []string{"pocketsphinx_continuous", "espeak-ng"} {
		testenv.Tool(t, bin, "apt-get install pocketsphinx pocketsphinx-en-us espeak-ng")
	}
	ctx := context.Background()
	f, err := os.Open(stt.DefaultSphinxDict)
	if err != nil {
		t.Fatal(err)
	}
	dict, err := stt.ReadDictionary(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	sentences := stt.Fill([]string{"where did {p} work", "what did {p} study", "does {p} know {t}", "tell me about {p}", "where is {p} based"},
		map[string][]string{"p": {"richard", "he", "richard hendriks"}, "t": {"javascript", "kubernetes", "python"}})
	m, err := stt.BuildModel(ctx, t.TempDir(), stt.ModelSource{Sentences: sentences, Terms: []string{"Pied Piper", "Hendriks"}, Base: dict})
	if err != nil {
		t.Fatal(err)
	}
	generic, err := stt.NewSphinx(stt.SphinxOptions{})
	if err != nil {
		t.Fatal(err)
	}
	rec := generic.WithModel(m)
	voice, err := tts.NewEspeak(tts.EspeakOptions{})
	if err != nil {
		t.Fatal(err)
	}
	total := 0.0
	questions := []string{"where did richard work", "does he know kubernetes", "tell me about richard hendriks"}
	for _, q := range questions {
		pcm := speak(t, ctx, voice, q)
		tr, err := rec.Transcribe(ctx, pcm)
		if err != nil {
			t.Fatal(err)
		}
		w := stt.WER(q, tr.Text)
		total += w
		t.Logf("%q -> %q (WER %.2f)", q, tr.Text, w)
	}
	if mean := total / float64(len(questions)); mean > 0.34 {
		t.Errorf("mean WER %.2f with a profile model; want at most 0.34", mean)
	}
}
