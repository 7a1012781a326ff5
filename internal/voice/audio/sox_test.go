package audio_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/parleyhq/parley/internal/testenv"
	"github.com/parleyhq/parley/internal/voice/audio"
	at "github.com/parleyhq/parley/internal/voice/audio/audiotest"
)

// TestDecodeWAVMatchesSox checks the decoder against another one: sox
// rewrites a 16-bit stereo file in each encoding (its own header choices:
// extensible past 16 bits or 2 channels, fact chunks), and what Parley
// decodes must be the original samples (lossless encodings) or what sox
// itself decodes the file to (8-bit, A-law, µ-law).
func TestDecodeWAVMatchesSox(t *testing.T) {
	sox := testenv.Tool(t, "sox", "apt-get install sox")
	dir := t.TempDir()
	orig := audio.PCM{Rate: 16000, Channels: 2, Samples: at.Mix(at.Noise(3, 4000, 20000), at.Sine(16000, 4000, 440, 12000))}
	orig.Samples = append(orig.Samples, -32768, 32767, 0, -1)
	src := filepath.Join(dir, "src.wav")
	b, err := audio.WAVBytes(orig)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(src, b, 0o600); err != nil {
		t.Fatal(err)
	}
	// run has sox write in to out.wav with the output options and effects
	// given, and decodes what it wrote.
	run := func(in string, opts []string, effects ...string) audio.PCM {
		t.Helper()
		out := filepath.Join(dir, "out.wav")
		args := append(append(append([]string{"-D", in}, opts...), out), effects...)
		if msg, err := exec.CommandContext(context.Background(), sox, args...).CombinedOutput(); err != nil {
			t.Fatalf("sox %v: %v\n%s", args, err, msg)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		p, err := audio.ParseWAV(data, audio.Limits{})
		if err != nil {
			t.Fatalf("sox %v: ParseWAV: %v", args, err)
		}
		return p
	}
	for _, enc := range [][]string{
		{"-e", "signed", "-b", "24"}, {"-e", "signed", "-b", "32"},
		{"-e", "floating-point", "-b", "32"}, {"-e", "floating-point", "-b", "64"},
	} {
		for _, typ := range []string{"wav", "wavpcm"} { // wavpcm: never an extensible header
			got := run(src, append(enc, "-t", typ))
			if diff := cmp.Diff(orig, got); diff != "" {
				t.Errorf("sox %v -t %s (-want +got):\n%s", enc, typ, diff)
			}
		}
	}
	for _, enc := range [][]string{{"-e", "unsigned", "-b", "8"}, {"-e", "a-law"}, {"-e", "mu-law"}} {
		got := run(src, append(enc, "-t", "wav"))
		lossy := filepath.Join(dir, "lossy.wav")
		if err := os.Rename(filepath.Join(dir, "out.wav"), lossy); err != nil {
			t.Fatal(err)
		}
		want := run(lossy, []string{"-e", "signed", "-b", "16", "-t", "wav"})
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("sox %v: Parley and sox decode differently (-sox +parley):\n%s", enc, diff)
		}
	}
	// Four channels (L R L R) average to what the stereo original's Mono is.
	got := run(src, []string{"-t", "wav"}, "remix", "1", "2", "1", "2")
	if diff := cmp.Diff(orig.Mono(), got); diff != "" {
		t.Errorf("four channels (-want +got):\n%s", diff)
	}
}
