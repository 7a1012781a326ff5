package stt

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
)

// The files scripts/install-speech.sh puts in the Moonshine model directory:
// Moonshine tiny (quantized ONNX, from the npm package
// @moonshine-ai/moonshine-js), its SentencePiece vocabulary (the Llama one,
// from llama-tokenizer-js) and ONNX Runtime's shared library.
const (
	MoonshineEncoder = "encoder_model.onnx"
	MoonshineDecoder = "decoder_model_merged.onnx"
	MoonshineVocab   = "vocab.txt"
	ORTLibrary       = "libonnxruntime.so"
)

// Moonshine's special tokens and the decode budget: the reference
// implementation allows six tokens per second of audio, which stops a
// model that loops on a phrase instead of ending the sentence.
const (
	moonshineStart           = 1
	moonshineEOS             = 2
	moonshineTokensPerSecond = 6
)

// MoonshineOptions locate the Moonshine model and ONNX Runtime.
type MoonshineOptions struct {
	// Dir holds the model files (DefaultMoonshineDir when "").
	Dir string
	// Library is ONNX Runtime's shared library (Dir/libonnxruntime.so
	// when "").
	Library string
	// Concurrency bounds the utterances decoded at once (default 1: each
	// run already uses every core).
	Concurrency int
	// Threads is ONNX Runtime's intra-op thread count (0: its default, one
	// per core).
	Threads int
	// Beam is the beam search's width when a bias is on (PARLEY_STT_BEAM);
	// 0 or 1 decodes greedily. Unbiased decoding is always greedy.
	Beam int
}

// DefaultMoonshineDir is where the install script puts the model when
// PARLEY_STT_MODEL_DIR is unset: the user's cache directory.
func DefaultMoonshineDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "parley", "moonshine-tiny")
}

func (o MoonshineOptions) withDefaults() MoonshineOptions {
	if o.Dir == "" {
		o.Dir = DefaultMoonshineDir()
	}
	if o.Library == "" {
		o.Library = filepath.Join(o.Dir, ORTLibrary)
	}
	if o.Concurrency <= 0 {
		o.Concurrency = 1
	}
	return o
}

// LoadMoonshine checks at once that Moonshine's files are there (and that
// this build can run it), failing with apperr.Unavailable naming what is
// missing, then loads the model in the background (see Background): the
// load takes seconds, which the server need not wait for. report is
// LoadInBackground's.
func LoadMoonshine(o MoonshineOptions, report func(Transcriber, time.Duration, error)) (*Background, error) {
	if err := o.withDefaults().check(); err != nil {
		return nil, err
	}
	load := func() (Transcriber, error) {
		m, err := NewMoonshine(o)
		if err != nil {
			return nil, err
		}
		return m, nil
	}
	if !MoonshineBuilt {
		_, err := load()
		return nil, err
	}
	return LoadInBackground(load, report), nil
}

// check reports the first missing artifact as apperr.Unavailable, so a
// Chain falls back to the next recogniser.
func (o MoonshineOptions) check() error {
	for _, f := range []string{o.Library, filepath.Join(o.Dir, MoonshineEncoder), filepath.Join(o.Dir, MoonshineDecoder), filepath.Join(o.Dir, MoonshineVocab)} {
		if _, err := os.Stat(f); err != nil {
			return apperr.Wrap(apperr.Unavailable, err, "Moonshine speech recognition needs %s, which is missing (run scripts/install-speech.sh)", f)
		}
	}
	return nil
}

// Vocab maps token ids to SentencePiece pieces.
type Vocab []string

// ReadVocab reads one piece per line, line n being token n. Lines are split
// on "\n" only: some pieces end in "\r".
func ReadVocab(path string) (Vocab, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, apperr.Wrap(apperr.Unavailable, err, "Moonshine vocabulary unreadable (run scripts/install-speech.sh)")
	}
	v := Vocab(strings.Split(strings.TrimSuffix(string(b), "\n"), "\n"))
	if len(v) < 3 {
		return nil, apperr.New(apperr.Unavailable, "Moonshine vocabulary %s has %d pieces; reinstall with scripts/install-speech.sh", path, len(v))
	}
	return v, nil
}

// Decode turns ids into text: "▁" is a space, "<0xNN>" a raw byte (UTF-8
// spelled out byte by byte), control tokens (<unk>, <s>, </s>) and ids
// outside the vocabulary are dropped.
func (v Vocab) Decode(ids []int) string {
	var b []byte
	for _, id := range ids {
		if id <= moonshineEOS || id >= len(v) {
			continue
		}
		p := v[id]
		if len(p) == 6 && strings.HasPrefix(p, "<0x") && p[5] == '>' {
			if n, err := strconv.ParseUint(p[3:5], 16, 8); err == nil {
				b = append(b, byte(n))
				continue
			}
		}
		b = append(b, p...)
	}
	return strings.TrimSpace(strings.ReplaceAll(string(b), "▁", " "))
}

// text is token id's decoded text, lower-cased, "▁" as a space; "" for
// control and byte tokens.
func (v Vocab) text(id int) string {
	if id <= moonshineEOS || id >= len(v) || strings.HasPrefix(v[id], "<0x") {
		return ""
	}
	return strings.ToLower(strings.ReplaceAll(v[id], "▁", " "))
}

// maxTokens is the decode budget for n samples at 16 kHz.
func maxTokens(n int) int {
	return n * moonshineTokensPerSecond / 16000
}

// greedy runs step from the start token until it returns EOS, the budget
// is spent or ctx ends, and returns the tokens after the start one (EOS
// excluded). step gets the previous token and its position.
func greedy(ctx context.Context, budget int, step func(prev, pos int) (int, error)) ([]int, error) {
	var out []int
	prev := moonshineStart
	for pos := 0; pos < budget; pos++ {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("moonshine: %w", err)
		}
		next, err := step(prev, pos)
		if err != nil {
			return nil, apperr.Wrap(apperr.Internal, err, "moonshine decoder failed at token %d", pos)
		}
		if next == moonshineEOS {
			break
		}
		out = append(out, next)
		prev = next
	}
	return out, nil
}

// pick is the greedy choice from one step's logits. The audio passed voice
// detection, so an empty transcript is never the right answer: the first
// token may not be EOS (Whisper's "suppress blank" does the same).
// With a bias, the choice is among the most likely tokens, the bias's
// phrases boosted; text is the transcript so far (Vocab.text of each token).
func pick(logits []float32, pos int, bias *Bias, text string, v Vocab) int {
	if pos == 0 && len(logits) > moonshineEOS {
		logits[moonshineEOS] = float32(math.Inf(-1))
	}
	if !bias.active() {
		return argmax(logits)
	}
	return bias.choose(logits, topK(logits, biasCandidates), text, v.text)
}

// argmax is the index of the largest value (the first on ties).
func argmax(xs []float32) int {
	best := 0
	for i, x := range xs {
		if x > xs[best] {
			best = i
		}
	}
	return best
}
