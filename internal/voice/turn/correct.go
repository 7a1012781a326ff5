package turn

import (
	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/voice/phonetic"
)

// wordList is the ordinary English the corrector leaves alone
// (Debian's wamerican).
const wordList = "/usr/share/dict/words"

// correct moves a general recogniser's transcript toward the profile's
// own words ("Jarrah scribbed" -> "JavaScript"); pocketsphinx with the
// profile's model only produces words it was given and is left alone.
func (s *Service) correct(idx *converse.Index, key, provider, text string) string {
	if s.words == nil || provider == "pocketsphinx" {
		return text
	}
	if c, ok := s.correctors.Load(key); ok {
		return c.(*phonetic.Corrector).Correct(text)
	}
	v := idx.Vocabulary()
	var terms []string
	for _, xs := range [][]string{v.Technologies, v.Employers, v.Schools, v.Names, v.Languages} {
		terms = append(terms, xs...)
	}
	c := phonetic.NewCorrector(terms, s.words)
	s.correctors.Store(key, c)
	return c.Correct(text)
}
