package phonetic

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"
	"unicode"
)

// Thresholds, as a share of the longer key (or letter string): a window
// holding a word no dictionary knows may be a misheard term; a window of
// ordinary words only must match in sound and spelling both, and a lone
// ordinary word is never replaced ("he" stays "he", not "Go").
const (
	maxWindow      = 3
	minKey         = 2 // shorter terms ("Go", "C", "US") sound like too much
	minLetters     = 4
	strangeSound   = 0.3  // key distance for windows with an unknown word
	strangeLetters = 0.65 // and their spelling, a sanity bound
	plainSound     = 0.25 // key distance for windows of ordinary words
	plainLetters   = 0.2  // and their spelling
)

// Words is a set of ordinary words, lower-cased.
type Words map[string]bool

// LoadWords reads a word list (one a line, /usr/share/dict/words).
// Possessives are left out: the recogniser's "'s" is stripped anyway.
func LoadWords(path string) (Words, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("phonetic: word list: %w", err)
	}
	defer f.Close()
	w := Words{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if s := strings.TrimSpace(sc.Text()); s != "" && !strings.Contains(s, "'") {
			w[strings.ToLower(s)] = true
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("phonetic: word list: %w", err)
	}
	return w, nil
}

type term struct {
	text, key, letters string
}

// Corrector replaces misheard profile terms in transcripts. The zero
// value and a Corrector without terms or words change nothing.
type Corrector struct {
	terms []term
	words Words
}

// NewCorrector is a corrector toward terms (one to three words each;
// longer ones are left out), judging what is ordinary by words.
func NewCorrector(terms []string, words Words) *Corrector {
	c := &Corrector{words: words}
	seen := map[string]bool{}
	for _, t := range terms {
		f := strings.Fields(t)
		if len(f) == 0 || len(f) > maxWindow {
			continue
		}
		k := keyOf(f)
		l := letters(t)
		if len(k) < minKey || len(l) < minLetters || seen[l] {
			continue
		}
		seen[l] = true
		c.terms = append(c.terms, term{text: strings.Join(f, " "), key: k, letters: l})
	}
	return c
}

func keyOf(words []string) string {
	var b strings.Builder
	for _, w := range words {
		b.WriteString(Key(w))
	}
	return b.String()
}

type match struct {
	start, n int
	score    float64
	text     string
}

// Correct returns text with misheard profile terms replaced by the terms.
// Windows of one to three words are scored against every term; the best
// matches that do not overlap win. Punctuation after a replaced window is
// kept.
func (c *Corrector) Correct(text string) string {
	if c == nil || len(c.terms) == 0 || len(c.words) == 0 {
		return text
	}
	toks := strings.Fields(text)
	bare := make([]string, len(toks))
	for i, t := range toks {
		bare[i] = letters(t)
	}
	var found []match
	for i := range toks {
		for n := 1; n <= maxWindow && i+n <= len(toks); n++ {
			if m, ok := c.best(bare[i : i+n]); ok {
				m.start, m.n = i, n
				found = append(found, m)
			}
		}
	}
	if len(found) == 0 {
		return text
	}
	sort.SliceStable(found, func(a, b int) bool { return found[a].score < found[b].score })
	taken := make([]bool, len(toks))
	repl := map[int]match{}
	for _, m := range found {
		free := true
		for j := m.start; j < m.start+m.n; j++ {
			free = free && !taken[j]
		}
		if !free {
			continue
		}
		for j := m.start; j < m.start+m.n; j++ {
			taken[j] = true
		}
		repl[m.start] = m
	}
	var out []string
	for i := 0; i < len(toks); {
		m, ok := repl[i]
		if !ok || m.text == "" {
			out = append(out, toks[i])
			i++
			continue
		}
		last := toks[i+m.n-1]
		out = append(out, m.text+strings.TrimLeftFunc(last, func(r rune) bool { return !unicode.IsPunct(r) || r == '\'' }))
		i += m.n
	}
	return strings.Join(out, " ")
}

// best is the closest term to the window of bare words, if one is close
// enough; a match without text keeps a window that is already a term.
func (c *Corrector) best(bare []string) (match, bool) {
	plain := true
	for _, w := range bare {
		if w == "" {
			return match{}, false // a number or a symbol: not a word to correct
		}
		plain = plain && c.words[w]
	}
	l := strings.Join(bare, "")
	for _, t := range c.terms {
		if t.letters == l || t.letters+"s" == l {
			// Heard right (or its possessive): claim the window so that no
			// worse match swallows it with a neighbour.
			return match{score: -1}, true
		}
	}
	if plain && len(bare) == 1 {
		return match{}, false
	}
	// Word by word and run together: "get hub" is "github" split, and
	// the "th" across the split is only heard run together.
	k, joined := keyOf(bare), Key(l)
	best, ok := match{score: 2}, false
	for _, t := range c.terms {
		limS, limL := strangeSound, strangeLetters
		if plain {
			limS, limL = plainSound, plainLetters
		}
		sound := min(ratio(k, t.key), ratio(joined, t.key))
		if sound > limS {
			continue
		}
		spell := ratio(l, t.letters)
		if spell > limL {
			continue
		}
		if s := sound + spell/2; s < best.score {
			best, ok = match{score: s, text: t.text}, true
		}
	}
	return best, ok
}
