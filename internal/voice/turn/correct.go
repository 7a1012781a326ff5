package turn

import (
	"context"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/voice/phonetic"
	"github.com/parleyhq/parley/internal/voice/stt"
)

// wordList is the ordinary English the corrector leaves alone
// (Debian's wamerican).
const wordList = "/usr/share/dict/words"

// correct moves a general recogniser's transcript toward the profile's
// own words ("Jarrah scribbed" -> "JavaScript"); pocketsphinx with the
// profile's model only produces words it was given and is left alone.
// Without the word list (missing at start-up, or unreadable now) the
// transcript passes unchanged: correction is a refinement, not worth
// failing the turn for.
func (s *Service) correct(ctx context.Context, idx *converse.Index, key, provider, text string) string {
	if s.words == nil || provider == "pocketsphinx" {
		return text
	}
	if c, ok := s.correctors.Load(key); ok {
		return c.(*phonetic.Corrector).Correct(text)
	}
	words, err := s.words.get(ctx)
	if err != nil {
		if ctx.Err() == nil {
			s.logger.Warn("word list unreadable; transcript not corrected toward profile terms", "err", err)
		}
		return text
	}
	c := phonetic.NewCorrector(profileTerms(idx), words)
	s.correctors.Store(key, c)
	return c.Correct(text)
}

// profileTerms are the words a general recogniser most often mishears and
// the engine most needs: the profile's technologies, employers, schools,
// names and languages.
func profileTerms(idx *converse.Index) []string {
	v := idx.Vocabulary()
	var terms []string
	for _, xs := range [][]string{v.Technologies, v.Employers, v.Schools, v.Names, v.Languages} {
		terms = append(terms, xs...)
	}
	return terms
}

// biaser is a recogniser that can be steered toward phrases while it
// decodes (stt.Moonshine).
type biaser interface {
	WithBias(*stt.Bias) stt.Transcriber
}

// biased is the primary recogniser steered toward the profile's terms
// (PARLEY_STT_BIAS) and the question phrasings the engine understands,
// filled with them (PARLEY_STT_BIAS_PHRASINGS), one bias per profile
// version; the primary itself when both are off or it cannot be steered.
func (s *Service) biased(idx *converse.Index, key string) stt.Transcriber {
	b, ok := s.primary.(biaser)
	if !ok || s.cfg.Bias == 0 && s.cfg.BiasPhrasings == 0 {
		return s.primary
	}
	if v, ok := s.biases.Load(key); ok {
		return b.WithBias(v.(*stt.Bias))
	}
	bias := stt.NewBias(profileTerms(idx), float32(s.cfg.Bias)).
		Add(modelSource(idx, nil).Sentences, float32(s.cfg.BiasPhrasings))
	s.biases.Store(key, bias)
	return b.WithBias(bias)
}
