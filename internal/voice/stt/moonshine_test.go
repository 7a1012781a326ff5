package stt_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/testenv"
	"github.com/parleyhq/parley/internal/voice/stt"
	"github.com/parleyhq/parley/internal/voice/tts"
)

func TestVocabDecode(t *testing.T) {
	// Ids 0-2 are <unk>, <s>, </s>; the rest are pieces as SentencePiece
	// writes them, "\r" included.
	v := stt.Vocab{"<unk>", "<s>", "</s>", "<0xC3>", "<0xA9>", "▁caf", "▁where", "▁did", "▁he", "▁work", "?", "<0x41>", "*/\r", "<0xZZ>"}
	tests := []struct {
		name string
		ids  []int
		want string
	}{
		{"words", []int{6, 7, 8, 9, 10}, "where did he work?"},
		{"byte fallback makes utf-8", []int{5, 3, 4}, "café"},
		{"single byte", []int{6, 11}, "whereA"},
		{"control and unknown ids dropped", []int{1, 0, 6, 2, 99, -1}, "where"},
		{"not a byte token", []int{13}, "<0xZZ>"},
		{"piece ending in CR", []int{12}, "*/"},
		{"empty", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := v.Decode(tt.ids); got != tt.want {
				t.Errorf("Decode(%v) = %q, want %q", tt.ids, got, tt.want)
			}
		})
	}
}

func TestReadVocab(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, text string
		want       int
		wantCode   apperr.Code
	}{
		{"pieces", "<unk>\n<s>\n</s>\n▁a\n*/\r\n▁b", 6, ""},
		{"trailing newline", "<unk>\n<s>\n</s>\n▁a\n", 4, ""},
		{"too short", "<unk>\n", 0, apperr.Unavailable},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, strings.Repeat("v", i+1))
			if err := os.WriteFile(p, []byte(tt.text), 0o600); err != nil {
				t.Fatal(err)
			}
			v, err := stt.ReadVocab(p)
			if apperr.CodeOf(err) != tt.wantCode {
				t.Fatalf("err = %v, want code %q", err, tt.wantCode)
			}
			if len(v) != tt.want {
				t.Errorf("%d pieces, want %d", len(v), tt.want)
			}
			if tt.want == 6 && v[4] != "*/\r" {
				t.Errorf("piece 4 = %q, want the CR kept", v[4])
			}
		})
	}
	if _, err := stt.ReadVocab(filepath.Join(dir, "absent")); !apperr.Is(err, apperr.Unavailable) {
		t.Errorf("missing vocabulary: err = %v, want Unavailable", err)
	}
}

// TestMoonshineMissing checks that each missing artifact makes the
// recogniser Unavailable, naming the file, so a Chain falls back.
func TestMoonshineMissing(t *testing.T) {
	files := []string{stt.ORTLibrary, stt.MoonshineEncoder, stt.MoonshineDecoder, stt.MoonshineVocab}
	for _, missing := range files {
		t.Run(missing, func(t *testing.T) {
			dir := t.TempDir()
			for _, f := range files {
				if f != missing {
					if err := os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o600); err != nil {
						t.Fatal(err)
					}
				}
			}
			_, err := stt.NewMoonshine(stt.MoonshineOptions{Dir: dir})
			if !apperr.Is(err, apperr.Unavailable) || !strings.Contains(apperr.MessageOf(err), missing) {
				t.Fatalf("err = %v, want Unavailable naming %s", err, missing)
			}
		})
	}
}

// moonshineDir is the installed model, or a loud skip (a failure under
// PARLEY_REQUIRE_SERVICES=1, where .ci/run has installed it).
func moonshineDir(t *testing.T) string {
	t.Helper()
	if !stt.MoonshineBuilt {
		testenv.Missing(t, "Moonshine (this test binary was built without cgo)", errors.New("CGO_ENABLED=0"))
	}
	dir := os.Getenv("PARLEY_STT_MODEL_DIR")
	if dir == "" {
		dir = stt.DefaultMoonshineDir()
	}
	for _, f := range []string{stt.ORTLibrary, stt.MoonshineEncoder, stt.MoonshineDecoder, stt.MoonshineVocab} {
		testenv.File(t, filepath.Join(dir, f), "scripts/install-speech.sh")
	}
	return dir
}

// TestMoonshineHearsEspeak runs the real model on espeak-ng's questions.
func TestMoonshineHearsEspeak(t *testing.T) {
	testenv.Tool(t, "espeak-ng", "apt-get install espeak-ng")
	rec, err := stt.NewMoonshine(stt.MoonshineOptions{Dir: moonshineDir(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer rec.Close()
	voice, err := tts.NewEspeak(tts.EspeakOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	total := 0.0
	questions := []string{"where did he work", "does he know python", "tell me about his education"}
	for _, q := range questions {
		tr, err := rec.Transcribe(ctx, speak(t, ctx, voice, q))
		if err != nil {
			t.Fatal(err)
		}
		if tr.Provider != "moonshine" {
			t.Errorf("provider %q", tr.Provider)
		}
		w := stt.WER(q, tr.Text)
		total += w
		t.Logf("%q -> %q (WER %.2f)", q, tr.Text, w)
	}
	if mean := total / float64(len(questions)); mean > 0.34 {
		t.Errorf("mean WER %.2f; want at most 0.34", mean)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := rec.Transcribe(cancelled, speak(t, ctx, voice, questions[0])); err == nil {
		t.Error("a cancelled context still transcribed")
	}
}

// TestMoonshineBias runs the real model with a bias: no bias changes
// nothing, and a bias toward the very phrases spoken hears them better
// than the plain decoder (espeak-ng's "kubernetes" is "cure bullies"
// without it).
func TestMoonshineBias(t *testing.T) {
	testenv.Tool(t, "espeak-ng", "apt-get install espeak-ng")
	rec, err := stt.NewMoonshine(stt.MoonshineOptions{Dir: moonshineDir(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer rec.Close()
	voice, err := tts.NewEspeak(tts.EspeakOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	questions := []string{"does he know kubernetes", "what did he study", "is she still at bluefin"}
	biased := rec.WithBias(stt.NewBias(questions, 4))
	var plainWER, biasedWER float64
	for _, q := range questions {
		pcm := speak(t, ctx, voice, q)
		plain, err := rec.Transcribe(ctx, pcm)
		if err != nil {
			t.Fatal(err)
		}
		none, err := rec.WithBias(nil).Transcribe(ctx, pcm)
		if err != nil {
			t.Fatal(err)
		}
		if none.Text != plain.Text {
			t.Errorf("%q: no bias heard %q, plain %q", q, none.Text, plain.Text)
		}
		b, err := biased.Transcribe(ctx, pcm)
		if err != nil {
			t.Fatal(err)
		}
		plainWER += stt.WER(q, plain.Text)
		biasedWER += stt.WER(q, b.Text)
		t.Logf("%q: plain %q, biased %q", q, plain.Text, b.Text)
	}
	if biasedWER >= plainWER {
		t.Errorf("biased WER sum %.2f, plain %.2f: want the bias to help", biasedWER, plainWER)
	}
}

// TestMoonshineBeam runs the real model through the beam search (on for
// biased decoding only): with a bias toward the phrases spoken it hears
// espeak-ng as well as the greedy test asks and better than the plain
// decoder, and a cancelled context stops it.
func TestMoonshineBeam(t *testing.T) {
	testenv.Tool(t, "espeak-ng", "apt-get install espeak-ng")
	rec, err := stt.NewMoonshine(stt.MoonshineOptions{Dir: moonshineDir(t), Beam: 4})
	if err != nil {
		t.Fatal(err)
	}
	defer rec.Close()
	voice, err := tts.NewEspeak(tts.EspeakOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	questions := []string{"where did he work", "does he know kubernetes", "what did he study", "tell me about his education"}
	biased := rec.WithBias(stt.NewBias(questions, 3))
	var plainWER, biasedWER float64
	for _, q := range questions {
		pcm := speak(t, ctx, voice, q)
		plain, err := rec.Transcribe(ctx, pcm)
		if err != nil {
			t.Fatal(err)
		}
		b, err := biased.Transcribe(ctx, pcm)
		if err != nil {
			t.Fatal(err)
		}
		plainWER += stt.WER(q, plain.Text)
		biasedWER += stt.WER(q, b.Text)
		t.Logf("%q: plain %q, biased beam %q", q, plain.Text, b.Text)
	}
	if mean := biasedWER / float64(len(questions)); mean > 0.34 {
		t.Errorf("biased mean WER %.2f; want at most 0.34", mean)
	}
	if biasedWER >= plainWER {
		t.Errorf("biased WER sum %.2f, plain %.2f: want the bias to help", biasedWER, plainWER)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := biased.Transcribe(cancelled, speak(t, ctx, voice, questions[0])); err == nil {
		t.Error("a cancelled context still transcribed")
	}
}
