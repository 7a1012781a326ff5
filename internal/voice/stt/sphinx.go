package stt

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/voice/audio"
)

// Where Debian's pocketsphinx-en-us package puts the generic model.
const (
	DefaultSphinxModelDir = "/usr/share/pocketsphinx/model/en-us/en-us"
	DefaultSphinxDict     = "/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict"
	DefaultSphinxLM       = "/usr/share/pocketsphinx/model/en-us/en-us.lm.bin"
)

// SphinxOptions locate pocketsphinx and its model.
type SphinxOptions struct {
	// Binary is the program (default "pocketsphinx_continuous").
	Binary string
	// ModelDir is the acoustic model directory (DefaultSphinxModelDir).
	ModelDir string
	// Dict is the pronunciation dictionary (DefaultSphinxDict).
	Dict string
	// LM is the language model, ARPA or binary (DefaultSphinxLM).
	LM string
}

// Sphinx is a Transcriber running CMU pocketsphinx once per utterance.
type Sphinx struct {
	o    SphinxOptions
	path string
}

var _ Transcriber = (*Sphinx)(nil)

// NewSphinx checks the program and model files exist. Errors:
// apperr.Unavailable naming what is missing and the package that installs it.
func NewSphinx(o SphinxOptions) (*Sphinx, error) {
	if o.Binary == "" {
		o.Binary = "pocketsphinx_continuous"
	}
	if o.ModelDir == "" {
		o.ModelDir = DefaultSphinxModelDir
	}
	if o.Dict == "" {
		o.Dict = DefaultSphinxDict
	}
	if o.LM == "" {
		o.LM = DefaultSphinxLM
	}
	path, err := exec.LookPath(o.Binary)
	if err != nil {
		return nil, apperr.Wrap(apperr.Unavailable, err, "offline speech recognition needs %s, which is not installed (apt-get install pocketsphinx pocketsphinx-en-us)", o.Binary)
	}
	for _, f := range []string{filepath.Join(o.ModelDir, "mdef"), o.Dict, o.LM} {
		if _, err := os.Stat(f); err != nil {
			return nil, apperr.Wrap(apperr.Unavailable, err, "offline speech recognition needs %s, which is missing (apt-get install pocketsphinx-en-us)", f)
		}
	}
	return &Sphinx{o: o, path: path}, nil
}

// WithModel returns a recogniser using another language model and
// dictionary (a profile's, from BuildModel) and the same acoustic model.
func (s *Sphinx) WithModel(m Model) *Sphinx {
	o := s.o
	o.LM, o.Dict = m.LM, m.Dict
	return &Sphinx{o: o, path: s.path}
}

// Transcribe writes pcm to a temporary WAV file and decodes it.
func (s *Sphinx) Transcribe(ctx context.Context, pcm audio.PCM) (Transcript, error) {
	if err := checkInput(pcm); err != nil {
		return Transcript{}, err
	}
	dir, err := os.MkdirTemp("", "parley-stt-")
	if err != nil {
		return Transcript{}, fmt.Errorf("stt temp dir: %w", err)
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in.wav")
	wav, err := audio.WAVBytes(pcm)
	if err != nil {
		return Transcript{}, err
	}
	if err := os.WriteFile(in, wav, 0o600); err != nil {
		return Transcript{}, fmt.Errorf("stt temp file: %w", err)
	}
	cmd := exec.CommandContext(ctx, s.path, "-infile", in, "-hmm", s.o.ModelDir, "-dict", s.o.Dict,
		"-lm", s.o.LM, "-logfn", "/dev/null")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.WaitDelay = time.Second
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return Transcript{}, fmt.Errorf("pocketsphinx: %w", ctx.Err())
		}
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return Transcript{}, apperr.Wrap(apperr.Internal, err, "pocketsphinx failed: %s", strings.TrimSpace(stderr.String()))
		}
		return Transcript{}, apperr.Wrap(apperr.Unavailable, err, "pocketsphinx could not be started")
	}
	// One line per utterance pocketsphinx found in the file.
	text := strings.Join(strings.Fields(stdout.String()), " ")
	return Transcript{Text: text, Provider: "pocketsphinx"}, nil
}
