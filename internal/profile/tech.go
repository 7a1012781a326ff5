package profile

import (
	_ "embed"
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

//go:embed technologies.yaml
var technologiesYAML []byte

// Technology is one entry of technologies.yaml.
type Technology struct {
	Name     string   `yaml:"name"`     // canonical name, e.g. "PostgreSQL"
	Category string   `yaml:"category"` // language, framework, database, cloud, ...
	Aliases  []string `yaml:"aliases"`  // other names: "postgres", "psql"
	// Exact lists forms that are ordinary words or single letters ("Go",
	// "C", "Swift"): in free text (Find) they count only spelled exactly so.
	Exact []string `yaml:"exact"`
}

// TechCategories are the categories an entry may have.
var TechCategories = []string{"language", "framework", "library", "database", "cloud",
	"infrastructure", "tool", "os", "data", "ai", "messaging", "testing", "protocol", "platform", "practice"}

// TechIndex answers which technology a name or a text refers to. It is
// read-only after construction and safe for concurrent use.
type TechIndex struct {
	techs   []Technology
	compact map[string]int // normalised form (separators dropped) -> entry
	phrases map[string]phrase
	maxLen  int                // most tokens in a phrase
	fuzzy   map[rune][]fuzzKey // by first rune: forms typos may be matched to
	stop    map[string]bool
}

// phrase is a form as Find sees it: its tokens normalised, joined by spaces.
type phrase struct {
	entry int
	exact []string // when set, the only spellings that count in free text
}

type fuzzKey struct {
	key   []rune
	entry int
	mask  uint64 // runeMask(key)
}

// runeMask has bit r%64 set for each rune r of rs. An insertion or a
// deletion changes the set by one bit at most, a substitution by two, a
// swap of neighbours not at all: words within an edit distance d differ in
// at most 2d bits, and most forms a word is tried against differ in more.
func runeMask(rs []rune) uint64 {
	var m uint64
	for _, r := range rs {
		m |= 1 << (uint32(r) & 63)
	}
	return m
}

// Technologies returns the index of the embedded technologies.yaml, built
// once. The data is checked by the package's tests; broken embedded data is
// a build defect, so it panics rather than returning an error everywhere.
func Technologies() *TechIndex { return techOnce() }

var techOnce = sync.OnceValue(func() *TechIndex {
	idx, err := NewTechIndex(technologiesYAML)
	if err != nil {
		panic("profile: embedded technologies.yaml: " + err.Error())
	}
	return idx
})

// NewTechIndex builds an index from YAML shaped like technologies.yaml
// (keys technologies and stopwords). It refuses an unknown category, an
// exact form that is not a name or alias, and a form claimed by two entries.
func NewTechIndex(data []byte) (*TechIndex, error) {
	var file struct {
		Technologies []Technology `yaml:"technologies"`
		Stopwords    []string     `yaml:"stopwords"`
	}
	if err := yaml.Unmarshal(data, &file); err != nil {
		return nil, fmt.Errorf("parse technologies: %w", err)
	}
	idx := &TechIndex{
		techs:   file.Technologies,
		compact: make(map[string]int),
		phrases: make(map[string]phrase),
		fuzzy:   make(map[rune][]fuzzKey),
		stop:    make(map[string]bool),
	}
	for _, w := range file.Stopwords {
		idx.stop[normalizeName(w)] = true
	}
	for i, t := range idx.techs {
		if err := idx.add(i, t); err != nil {
			return nil, err
		}
	}
	// guess reads only the forms within its edit limit of the word's
	// length, a run of each list once it is in length order.
	for _, ks := range idx.fuzzy {
		slices.SortStableFunc(ks, func(a, b fuzzKey) int { return len(a.key) - len(b.key) })
	}
	return idx, nil
}

func (idx *TechIndex) add(i int, t Technology) error {
	if t.Name == "" || !validCategory(t.Category) {
		return fmt.Errorf("technology %q: need a name and one of the categories %v", t.Name, TechCategories)
	}
	exactKeys := make(map[string][]string)
	for _, e := range t.Exact {
		exactKeys[phraseKey(e)] = append(exactKeys[phraseKey(e)], e)
	}
	forms := append([]string{t.Name}, t.Aliases...)
	for _, f := range forms {
		c := normalizeName(f)
		if c == "" {
			return fmt.Errorf("technology %q: form %q has no letters or digits", t.Name, f)
		}
		if j, ok := idx.compact[c]; ok && j != i {
			return fmt.Errorf("form %q of %q is also a form of %q", f, t.Name, idx.techs[j].Name)
		}
		idx.compact[c] = i
		pk := phraseKey(f)
		if p, ok := idx.phrases[pk]; ok && p.entry != i {
			return fmt.Errorf("form %q of %q is also a form of %q", f, t.Name, idx.techs[p.entry].Name)
		}
		idx.phrases[pk] = phrase{entry: i, exact: exactKeys[pk]}
		idx.maxLen = max(idx.maxLen, strings.Count(pk, " ")+1)
		r := []rune(c)
		// Typos are guessed towards one-word forms only: the squashed form of a
		// phrase ("ansic" from "ansi c") is not something anyone types.
		if len(r) >= 5 && exactKeys[pk] == nil && !strings.Contains(pk, " ") {
			idx.fuzzy[r[0]] = append(idx.fuzzy[r[0]], fuzzKey{key: r, entry: i, mask: runeMask(r)})
		}
	}
	for k, spellings := range exactKeys {
		if p, ok := idx.phrases[k]; !ok || p.entry != i {
			return fmt.Errorf("technology %q: exact forms %q are not its name or an alias", t.Name, spellings)
		}
	}
	return nil
}

func validCategory(c string) bool {
	for _, k := range TechCategories {
		if c == k {
			return true
		}
	}
	return false
}

// normalizeName folds a name for comparison: lower case, letters and digits
// kept, '+' and '#' kept (C++ and C# are not C), a leading '.' read as
// "dot" (.NET = dotnet), every other character dropped (Node.js = nodejs,
// "amazon web services" = amazonwebservices).
func normalizeName(s string) string {
	var b strings.Builder
	s = strings.TrimSpace(s)
	for i, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		case r == '+' || r == '#':
			if b.Len() > 0 {
				b.WriteRune(r)
			}
		case r == '.' && b.Len() == 0 && i+1 < len(s):
			if next, _ := utf8.DecodeRuneInString(s[i+1:]); unicode.IsLetter(next) {
				b.WriteString("dot")
			}
		}
	}
	return b.String()
}

// Techs returns a copy of every entry, in file order.
func (idx *TechIndex) Techs() []Technology {
	out := make([]Technology, len(idx.techs))
	copy(out, idx.techs)
	return out
}

// Lookup returns the entry of a canonical name or alias.
func (idx *TechIndex) Lookup(name string) (Technology, bool) {
	i, ok := idx.compact[normalizeName(name)]
	if !ok {
		return Technology{}, false
	}
	return idx.techs[i], true
}

// Canonical returns the canonical name of name when it is a known name or
// alias, ignoring case and punctuation: "k8s" -> "Kubernetes", "node.js" ->
// "Node.js", "C#" -> "C#". No typo tolerance; see Match.
func (idx *TechIndex) Canonical(name string) (string, bool) {
	i, ok := idx.compact[normalizeName(name)]
	if !ok {
		return "", false
	}
	return idx.techs[i].Name, true
}

// Match is Canonical that also forgives one typo in a word of 5 to 8
// characters and two in longer words (Damerau-Levenshtein: an insertion,
// deletion, substitution or swap of neighbours each count one):
// "Kubernets" -> "Kubernetes", "postgress" -> "PostgreSQL". To keep
// English out, a guess is never made for words under 5 characters, for
// words listed as stopwords ("reach" is not "React"), towards forms under
// 5 characters or exact-only forms ("Go", "Swift", "Spring"), when the first
// letter differs (people rarely mistype it), or when two technologies are
// equally close.
func (idx *TechIndex) Match(word string) (string, bool) {
	w := normalizeName(word)
	i, ok := idx.compact[w]
	if !ok {
		i, ok = idx.guess(w)
	}
	if !ok {
		return "", false
	}
	return idx.techs[i].Name, true
}

// guess finds the entry a misspelt normalised word most likely means.
func (idx *TechIndex) guess(w string) (int, bool) {
	r := []rune(w)
	limit := 0
	switch {
	case len(r) >= 9:
		limit = 2
	case len(r) >= 5:
		limit = 1
	}
	if limit == 0 || idx.stop[w] {
		return 0, false
	}
	// A form whose length differs by more than limit is farther than
	// limit: skip to the shortest form near enough and stop past the
	// longest. Which forms are read does not change the answer, only
	// forms within the limit count.
	ks := idx.fuzzy[r[0]]
	from, _ := slices.BinarySearchFunc(ks, len(r)-limit, func(k fuzzKey, n int) int { return len(k.key) - n })
	best, bestDist, tie := -1, limit+1, false
	mask := runeMask(r)
	for _, k := range ks[from:] {
		if len(k.key) > len(r)+limit {
			break
		}
		if bits.OnesCount64(mask^k.mask) > 2*limit {
			continue // farther than limit: editDistance would say so
		}
		d := editDistance(r, k.key, limit)
		switch {
		case d < bestDist:
			best, bestDist, tie = k.entry, d, false
		case d == bestDist && k.entry != best:
			tie = true
		}
	}
	if best < 0 || tie {
		return 0, false
	}
	return best, true
}

// editDistance is the optimal-string-alignment Damerau-Levenshtein distance
// of a and b, or limit+1 as soon as it must exceed limit.
//
// Only the band of cells within limit of the diagonal is computed: a cell
// (i, j) off it costs at least |i-j| > limit, and a path through it can
// never come back under the limit. The cells just outside the band that the
// next row reads are set to limit+1, so no stale value of a reused row is
// ever read.
func editDistance(a, b []rune, limit int) int {
	if abs(len(a)-len(b)) > limit {
		return limit + 1
	}
	// Words are short: rows live in one stack array unless b is long.
	var buf [3 * 33]int
	rows := buf[:]
	if n := 3 * (len(b) + 1); n > len(buf) {
		rows = make([]int, n)
	}
	w := len(b) + 1
	prev2, prev, cur := rows[:w:w], rows[w:2*w:2*w], rows[2*w:3*w]
	for j := range prev {
		prev[j] = j
	}
	far := limit + 1
	for i := 1; i <= len(a); i++ {
		lo, hi := max(1, i-limit), min(len(b), i+limit)
		cur[0] = i
		if lo > 1 {
			cur[lo-1] = far
		}
		rowMin := cur[lo-1]
		for j := lo; j <= hi; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return far
		}
		if hi < len(b) {
			cur[hi+1] = far // read as prev[hi+1] by the next row
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(b)], far)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
