// Package turn is the voice turn pipeline: audio in (WAV), silence trimmed,
// speech to text with a recogniser adapted to the profile, the text turn,
// text to speech, and the spoken reply kept in the blob store behind an
// expiring URL.
package turn

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"golang.org/x/sync/singleflight"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/blob"
	"github.com/parleyhq/parley/internal/chat"
	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/numwords"
	"github.com/parleyhq/parley/internal/voice/audio"
	"github.com/parleyhq/parley/internal/voice/media"
	"github.com/parleyhq/parley/internal/voice/phonetic"
	"github.com/parleyhq/parley/internal/voice/stt"
	"github.com/parleyhq/parley/internal/voice/tts"
	"github.com/parleyhq/parley/internal/voice/vad"
)

// Result is one voice turn.
type Result struct {
	Transcript string         `json:"transcript"`
	Reply      converse.Reply `json:"reply"`
	AudioURL   string         `json:"audio_url"`
}

// Config tunes the pipeline.
type Config struct {
	Limits   audio.Limits
	ModelDir string        // where per-profile language models are written
	URLTTL   time.Duration // lifetime of the reply's audio URL
	// Primary is the recogniser tried first (Moonshine), nil for none;
	// pocketsphinx with the profile's model is the fallback, or the only
	// one.
	Primary stt.Transcriber
	// Correct moves the primary recogniser's transcripts toward the
	// profile's terms (PARLEY_STT_CORRECT).
	Correct bool
	// Bias is the boost, in logits, toward the profile's terms while the
	// primary recogniser decodes (PARLEY_STT_BIAS; 0: off).
	Bias float64
	// BiasPhrasings is the boost toward the question phrasings the engine
	// understands, filled with the profile's terms
	// (PARLEY_STT_BIAS_PHRASINGS; 0: off).
	BiasPhrasings float64
	// Pick runs the primary recogniser and pocketsphinx on every turn and
	// keeps the transcript the engine understands better, the primary's on
	// ties (PARLEY_STT=pick); with either missing, the other alone.
	Pick bool
}

// Service plays voice turns.
type Service struct {
	chat    *chat.Service
	primary stt.Transcriber
	sphinx  *stt.Sphinx // nil when pocketsphinx is missing and primary is set
	// base is the general pronunciation dictionary, read when the first
	// profile model is built.
	base   *lazy[*stt.Lexicon]
	synth  tts.Synthesizer
	blobs  blob.Store
	cfg    Config
	logger *slog.Logger
	stages *prometheus.HistogramVec
	models sync.Map // profile key -> stt.Model
	// words is the ordinary English the transcript corrector leaves
	// alone, read on the first correction; nil when correction is off or
	// the list is missing.
	words      *lazy[phonetic.Words]
	correctors sync.Map // profile key -> *phonetic.Corrector
	biases     sync.Map // profile key -> *stt.Bias
	loading    singleflight.Group
}

// New returns the pipeline, or apperr.Unavailable naming the speech tool
// that is missing (the text path keeps working without it). Without
// pocketsphinx, cfg.Primary alone recognises speech.
func New(c *chat.Service, blobs blob.Store, cfg Config, reg prometheus.Registerer, logger *slog.Logger) (*Service, error) {
	synth, err := tts.NewEspeak(tts.EspeakOptions{})
	if err != nil {
		return nil, err
	}
	sphinx, err := findSphinx()
	if apperr.Is(err, apperr.Unavailable) && cfg.Primary != nil {
		logger.Warn("pocketsphinx unavailable; no fallback recogniser", "reason", apperr.MessageOf(err))
		sphinx, err = nil, nil
	}
	if err != nil {
		return nil, err
	}
	if cfg.URLTTL <= 0 {
		cfg.URLTTL = time.Hour
	}
	s := &Service{chat: c, primary: cfg.Primary, sphinx: sphinx, base: newLazy(readDictionary(stt.DefaultSphinxDict, logger)), synth: tts.NewCache(synth, 64), blobs: blobs, cfg: cfg, logger: logger,
		stages: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "parley_voice_stage_seconds", Help: "Time spent in each stage of a voice turn.",
			Buckets: []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5},
		}, []string{"stage"})}
	if reg != nil {
		reg.MustRegister(s.stages)
	}
	if cfg.Correct {
		if err := readable(wordList); err != nil {
			logger.Warn("no word list; transcripts are not corrected toward profile terms (apt-get install wamerican)", "err", err)
		} else {
			s.words = newLazy(readWords(logger))
		}
	}
	return s, nil
}

// findSphinx finds pocketsphinx and checks that its dictionary, the base
// of the profiles' models, can be read (it is read on first use: see
// readDictionary). Errors: apperr.Unavailable naming what is missing.
func findSphinx() (*stt.Sphinx, error) {
	sphinx, err := stt.NewSphinx(stt.SphinxOptions{})
	if err != nil {
		return nil, err
	}
	if err := readable(stt.DefaultSphinxDict); err != nil {
		return nil, apperr.Wrap(apperr.Unavailable, err, "voice: pronunciation dictionary missing (apt-get install pocketsphinx-en-us)")
	}
	return sphinx, nil
}

// readable checks that path can be opened for reading, so that a missing
// or unreadable file is reported at start-up rather than to a visitor.
func readable(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	return f.Close()
}

// readDictionary reads the pronunciation dictionary at path, saying how
// long it took: the first voice turn that needs it waits that long.
// Errors: apperr.Unavailable, so that the visitor is told voice is down.
func readDictionary(path string, logger *slog.Logger) func(context.Context) (*stt.Lexicon, error) {
	return func(ctx context.Context) (*stt.Lexicon, error) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		t := time.Now()
		f, err := os.Open(path)
		if err != nil {
			return nil, apperr.Wrap(apperr.Unavailable, err, "voice: pronunciation dictionary missing (apt-get install pocketsphinx-en-us)")
		}
		defer f.Close()
		dict, err := stt.ReadLexicon(f)
		if err != nil {
			return nil, apperr.Wrap(apperr.Unavailable, err, "voice: pronunciation dictionary unreadable")
		}
		logger.Info("pronunciation dictionary loaded", "path", path, "words", dict.Len(), "duration", time.Since(t))
		return dict, nil
	}
}

// readWords reads the word list the transcript corrector judges by.
func readWords(logger *slog.Logger) func(context.Context) (phonetic.Words, error) {
	return func(ctx context.Context) (phonetic.Words, error) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		t := time.Now()
		words, err := phonetic.LoadWords(wordList)
		if err != nil {
			return nil, err
		}
		logger.Info("word list loaded", "path", wordList, "words", len(words), "duration", time.Since(t))
		return words, nil
	}
}

func (s *Service) timed(stage string, start time.Time) {
	s.stages.WithLabelValues(stage).Observe(time.Since(start).Seconds())
}

// Turn plays one voice turn of session id from an upload of mediaType
// (media.Types: WAV, Ogg/Opus, WebM/Opus).
func (s *Service) Turn(ctx context.Context, id, mediaType string, body []byte) (Result, error) {
	t := time.Now()
	pcm, err := media.Decode(mediaType, body, s.cfg.Limits)
	if err != nil {
		return Result{}, err
	}
	pcm = pcm.ForSpeech()
	s.timed("decode", t)

	text, err := s.Transcribe(ctx, id, pcm)
	if err != nil {
		return Result{}, err
	}

	t = time.Now()
	turn, err := s.chat.Ask(ctx, id, text)
	if err != nil {
		return Result{}, err
	}
	s.timed("turn", t)

	t = time.Now()
	spoken, err := s.synth.Synthesize(ctx, turn.Reply.Text)
	if err != nil {
		return Result{}, err
	}
	out, err := audio.WAVBytes(spoken)
	if err != nil {
		return Result{}, err
	}
	s.timed("tts", t)

	t = time.Now()
	key := ReplyPrefix + time.Now().UTC().Format("2006-01-02") + "/" + randomHex() + ".wav"
	if err := s.blobs.Put(ctx, key, bytes.NewReader(out), "audio/wav"); err != nil {
		return Result{}, err
	}
	url, err := s.blobs.SignedURL(ctx, key, s.cfg.URLTTL)
	if err != nil {
		return Result{}, err
	}
	s.timed("store", t)
	return Result{Transcript: text, Reply: turn.Reply, AudioURL: url}, nil
}

// Transcribe trims the silence around speech in pcm (16 kHz mono),
// recognises it with the model of session id's profile and writes spoken
// numbers as digits. Errors:
// apperr.Invalid when there is no speech or no word was recognised,
// apperr.NotFound for an unknown session, apperr.Unavailable.
func (s *Service) Transcribe(ctx context.Context, id string, pcm audio.PCM) (string, error) {
	t := time.Now()
	speech, _, err := vad.Trim(pcm, vad.Config{}, 200*time.Millisecond)
	if err != nil {
		return "", apperr.Wrap(apperr.Invalid, err, "audio: no speech found (silence or noise only)")
	}
	s.timed("vad", t)

	t = time.Now()
	var rec stt.Transcriber
	var idx *converse.Index
	var key string
	if s.cfg.Pick && s.primary != nil && s.sphinx != nil {
		var state converse.State
		var now time.Time
		if idx, key, state, now, err = s.chat.SessionContext(ctx, id); err != nil {
			return "", err
		}
		rec = s.pick(ctx, idx, key, state, now)
	} else {
		if idx, key, err = s.chat.SessionIndex(ctx, id); err != nil {
			return "", err
		}
		rec = s.recogniser(idx, key)
	}
	tr, err := rec.Transcribe(ctx, speech)
	if err != nil {
		return "", err
	}
	s.timed("stt", t)
	// The engine reads years and counts as digits ("in 2017", "5 years").
	text := numwords.Normalize(s.correct(ctx, idx, key, tr.Provider, tr.Text))
	if text == "" {
		return "", apperr.New(apperr.Invalid, "audio: no words recognised; speak closer to the microphone or type the question")
	}
	return text, nil
}

// Prepare computes the reply to text without recording it (see
// chat.Service.Prepare); the streaming path records only what was played.
func (s *Service) Prepare(ctx context.Context, id, text string) (*chat.Pending, error) {
	t := time.Now()
	defer s.timed("turn", t)
	return s.chat.Prepare(ctx, id, text)
}

// Synthesize speaks one sentence with the server's voice.
func (s *Service) Synthesize(ctx context.Context, text string) (audio.PCM, error) {
	t := time.Now()
	defer s.timed("tts", t)
	return s.synth.Synthesize(ctx, text)
}

// Exists reports apperr.NotFound unless session id is live.
func (s *Service) Exists(ctx context.Context, id string) error {
	return s.chat.Live(ctx, id)
}

// recogniser is the primary recogniser with pocketsphinx, adapted to the
// profile version key, behind it; the profile's model is built only when
// pocketsphinx is first needed.
func (s *Service) recogniser(idx *converse.Index, key string) stt.Transcriber {
	var chain stt.Chain
	if s.primary != nil {
		chain = append(chain, s.biased(idx, key))
	}
	if s.sphinx != nil {
		chain = append(chain, profileSphinx{s: s, idx: idx, key: key})
	}
	return chain
}

// profileSphinx is pocketsphinx with one profile's model.
type profileSphinx struct {
	s   *Service
	idx *converse.Index
	key string
}

func (p profileSphinx) Transcribe(ctx context.Context, pcm audio.PCM) (stt.Transcript, error) {
	rec, err := p.s.sphinxFor(ctx, p.idx, p.key)
	if err != nil {
		return stt.Transcript{}, err
	}
	return rec.Transcribe(ctx, pcm)
}

// sphinxFor returns pocketsphinx with a language model built for the
// profile version key (once, then reused).
func (s *Service) sphinxFor(ctx context.Context, idx *converse.Index, key string) (*stt.Sphinx, error) {
	if m, ok := s.models.Load(key); ok {
		return s.sphinx.WithModel(m.(stt.Model)), nil
	}
	v, err, _ := s.loading.Do(key, func() (any, error) {
		dir := filepath.Join(s.cfg.ModelDir, safeName(key))
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, fmt.Errorf("voice: model dir: %w", err)
		}
		base, err := s.base.get(ctx)
		if err != nil {
			return nil, err
		}
		m, err := stt.BuildModel(ctx, dir, modelSource(idx, base))
		if err != nil {
			return nil, err
		}
		s.models.Store(key, m)
		return m, nil
	})
	if err != nil {
		return nil, err
	}
	return s.sphinx.WithModel(v.(stt.Model)), nil
}

func safeName(key string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' {
			return r
		}
		return '_'
	}, strings.ToLower(key))
}

func randomHex() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
