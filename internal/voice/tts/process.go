package tts

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/voice/audio"
)

// Process is a Synthesizer that runs a local program: either one that reads
// text on standard input and writes WAV on standard output (espeak-ng), or
// one given a text file and a WAV file to write (flite, which cannot write
// a WAV to a pipe).
type Process struct {
	name  string   // the program, for messages
	path  string   // resolved binary
	args  []string // fixed arguments
	files bool     // pass "-f IN -o OUT" instead of using stdin/stdout
}

var _ Synthesizer = (*Process)(nil)

// EspeakOptions choose an espeak-ng voice.
type EspeakOptions struct {
	// Binary is the program (default "espeak-ng", looked up in PATH).
	Binary string
	// Voice is an espeak-ng voice name (default "en-us").
	Voice string
	// WordsPerMinute is the speaking rate (default 175; 80 to 450).
	WordsPerMinute int
	// Pitch is 0 to 99 (default 0 means espeak-ng's own, 50).
	Pitch int
}

// NewEspeak returns a synthesiser running espeak-ng. Errors:
// apperr.Unavailable naming the program when it is not installed;
// apperr.Invalid for options out of range.
func NewEspeak(o EspeakOptions) (*Process, error) {
	if o.Binary == "" {
		o.Binary = "espeak-ng"
	}
	if o.Voice == "" {
		o.Voice = "en-us"
	}
	if o.WordsPerMinute == 0 {
		o.WordsPerMinute = 175
	}
	if o.WordsPerMinute < 80 || o.WordsPerMinute > 450 || o.Pitch < 0 || o.Pitch > 99 {
		return nil, apperr.New(apperr.Invalid, "espeak-ng: rate %d or pitch %d out of range", o.WordsPerMinute, o.Pitch)
	}
	if strings.HasPrefix(o.Voice, "-") {
		return nil, apperr.New(apperr.Invalid, "espeak-ng: bad voice name %q", o.Voice)
	}
	args := []string{"--stdin", "--stdout", "-v", o.Voice, "-s", strconv.Itoa(o.WordsPerMinute)}
	if o.Pitch > 0 {
		args = append(args, "-p", strconv.Itoa(o.Pitch))
	}
	return newProcess("espeak-ng", o.Binary, "apt-get install espeak-ng", args)
}

// FliteOptions choose a flite voice.
type FliteOptions struct {
	// Binary is the program (default "flite").
	Binary string
	// Voice is a built-in flite voice (default "slt"; see flite -lv).
	Voice string
}

// NewFlite returns a synthesiser running flite; errors as NewEspeak.
func NewFlite(o FliteOptions) (*Process, error) {
	if o.Binary == "" {
		o.Binary = "flite"
	}
	if o.Voice == "" {
		o.Voice = "slt"
	}
	if strings.HasPrefix(o.Voice, "-") {
		return nil, apperr.New(apperr.Invalid, "flite: bad voice name %q", o.Voice)
	}
	p, err := newProcess("flite", o.Binary, "apt-get install flite", []string{"-voice", o.Voice})
	if p != nil {
		p.files = true
	}
	return p, err
}

func newProcess(name, bin, install string, args []string) (*Process, error) {
	path, err := exec.LookPath(bin)
	if err != nil {
		return nil, apperr.Wrap(apperr.Unavailable, err, "text-to-speech needs %s, which is not installed (%s)", name, install)
	}
	return &Process{name: name, path: path, args: args}, nil
}

// Name is the program's name, for metrics and logs.
func (p *Process) Name() string { return p.name }

// Synthesize runs the program once. The text is passed on standard input, so
// no text can be taken for an option.
func (p *Process) Synthesize(ctx context.Context, text string) (audio.PCM, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return audio.PCM{}, apperr.New(apperr.Invalid, "nothing to say")
	}
	if len(text) > MaxTextBytes {
		return audio.PCM{}, apperr.New(apperr.Invalid, "text of %d bytes is too long to speak at once (max %d)", len(text), MaxTextBytes)
	}
	wav, err := p.run(ctx, text)
	if err != nil {
		return audio.PCM{}, err
	}
	pcm, err := audio.ParseWAV(wav, audio.Limits{MaxDuration: 10 * time.Minute})
	if err != nil {
		return audio.PCM{}, apperr.Wrap(apperr.Internal, err, "%s wrote audio that could not be read", p.name)
	}
	return pcm.Mono(), nil
}

// run executes the program and returns the WAV bytes it produced.
func (p *Process) run(ctx context.Context, text string) ([]byte, error) {
	args := p.args
	var outPath string
	cmd := exec.CommandContext(ctx, p.path)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if p.files {
		dir, err := os.MkdirTemp("", "parley-tts-")
		if err != nil {
			return nil, fmt.Errorf("%s temp dir: %w", p.name, err)
		}
		defer os.RemoveAll(dir)
		inPath, outPath0 := filepath.Join(dir, "in.txt"), filepath.Join(dir, "out.wav")
		if err := os.WriteFile(inPath, []byte(text+"\n"), 0o600); err != nil {
			return nil, fmt.Errorf("%s text file: %w", p.name, err)
		}
		outPath = outPath0
		args = append(append([]string(nil), args...), "-f", inPath, "-o", outPath)
	} else {
		cmd.Stdin = strings.NewReader(text + "\n")
	}
	cmd.Args = append([]string{p.path}, args...)
	cmd.WaitDelay = time.Second // a stuck child must not hold its pipes for ever
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("%s: %w", p.name, ctx.Err())
		}
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return nil, apperr.Wrap(apperr.Internal, err, "%s failed: %s", p.name, firstLine(stderr.String()))
		}
		return nil, apperr.Wrap(apperr.Unavailable, err, "%s could not be started", p.name)
	}
	if outPath == "" {
		return stdout.Bytes(), nil
	}
	b, err := os.ReadFile(outPath)
	if err != nil {
		return nil, apperr.Wrap(apperr.Internal, err, "%s wrote no audio", p.name)
	}
	return b, nil
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > 200 {
		s = s[:200]
	}
	return s
}
