package profile

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TechMention is a technology named in a text.
type TechMention struct {
	Name     string // canonical name, e.g. "Kubernetes"
	Category string
	Text     string // as written, e.g. "k8s"
	Start    int    // byte offsets of Text in the searched text
	End      int
	Fuzzy    bool // matched despite a typo (see TechIndex.Match)
}

// Find returns the technologies mentioned in text, in order, each once per
// mention, preferring the longest name ("React Native", not "React";
// "Amazon Web Services", not nothing). Names and aliases match whatever
// their case and punctuation; single words of 5+ letters also match despite
// a typo, under Match's rules.
//
// Ordinary English words and single letters that name technologies ("Go",
// "C", "R", "Swift", "Rust", "Spring", "Express": the entries' exact forms)
// are where free text misleads, so each counts only when:
//   - spelled exactly as listed ("Go", never "go" or "GO");
//   - not glued by '-', '&' or an apostrophe to another word ("R&D",
//     "C-level" and "go-to" are not technologies; "Go's" is);
//   - not followed by a year ("Spring 2019" is a season);
//   - for single letters, not followed by '.' inside the text ("John C. Smith");
//   - at the start of a sentence, not followed by a particle that makes it
//     a verb ("Go ahead", "Go to the page").
//
// The rules miss a few real mentions ("go" in lower case) to avoid many
// false ones; callers with a sure technology word (a skills keyword) should
// use Match, which has no such rules.
func (idx *TechIndex) Find(text string) []TechMention {
	toks := tokenize(text)
	var out []TechMention
	for i := 0; i < len(toks); {
		if m, n, ok := idx.matchAt(text, toks, i); ok {
			if !vendorOnly(text, toks, i+n, m) {
				out = append(out, m)
			}
			i += n
			continue
		}
		if m, ok := idx.fuzzyAt(text, toks[i]); ok {
			out = append(out, m)
		}
		i++
	}
	return out
}

// metricNouns count what a platform measures ("500+ GitHub stars",
// "GitHub Sponsors", "2M npm downloads"): the platform named before one is
// where a number was counted, not a technology the person works with.
var metricNouns = map[string]bool{"stars": true, "star": true, "forks": true, "followers": true,
	"subscribers": true, "sponsors": true, "downloads": true, "installs": true, "pulls": true,
	"likes": true, "views": true, "reviews": true, "ratings": true}

// issuerNouns follow a vendor that issues a certificate ("Oracle Certified
// Professional: Java SE").
var issuerNouns = map[string]bool{"certified": true, "certification": true, "certifications": true,
	"certificate": true, "certificates": true}

// vendorOnly reports whether mention m, whose words end before token j,
// names a vendor rather than a technology used: the platform of a metric
// noun, or a company's bare name (the first word of its product's name:
// "Oracle" of Oracle Database) as a certificate's issuer.
func vendorOnly(text string, toks []token, j int, m TechMention) bool {
	if j >= len(toks) || strings.TrimSpace(text[m.End:toks[j].start]) != "" {
		return false
	}
	next := toks[j].norm
	if metricNouns[next] {
		return true
	}
	return issuerNouns[next] && len(m.Text) < len(m.Name) &&
		strings.HasPrefix(strings.ToLower(m.Name), strings.ToLower(m.Text)+" ")
}

// matchAt tries the longest phrase starting at token i.
func (idx *TechIndex) matchAt(text string, toks []token, i int) (TechMention, int, bool) {
	for n := min(idx.maxLen, len(toks)-i); n >= 1; n-- {
		if n > 1 && !joinable(text, toks[i:i+n]) {
			continue
		}
		norms := make([]string, n)
		for k := range n {
			norms[k] = toks[i+k].norm
		}
		p, ok := idx.phrases[strings.Join(norms, " ")]
		if !ok || (p.exact != nil && !exactOK(text, toks, i, n, p.exact)) {
			continue
		}
		start, end := toks[i].start, toks[i+n-1].end
		t := idx.techs[p.entry]
		return TechMention{Name: t.Name, Category: t.Category, Text: text[start:end], Start: start, End: end}, n, true
	}
	return TechMention{}, 0, false
}

func (idx *TechIndex) fuzzyAt(text string, tok token) (TechMention, bool) {
	if _, known := idx.phrases[tok.norm]; known || strings.IndexFunc(tok.norm, unicode.IsDigit) >= 0 {
		return TechMention{}, false
	}
	e, ok := idx.guess(tok.norm)
	if !ok {
		return TechMention{}, false
	}
	t := idx.techs[e]
	return TechMention{Name: t.Name, Category: t.Category, Text: text[tok.start:tok.end],
		Start: tok.start, End: tok.end, Fuzzy: true}, true
}

// joinable reports whether toks are one phrase: separated only by a little
// space, '-' or '/' ("amazon web services", "Objective-C", "PL/SQL").
func joinable(text string, toks []token) bool {
	for k := 1; k < len(toks); k++ {
		gap := text[toks[k-1].end:toks[k].start]
		if gap == "" || len(gap) > 3 || strings.Trim(gap, " \t-/") != "" {
			return false
		}
	}
	return true
}

// particles after a sentence-initial exact form make it a verb ("Go to").
var particles = map[string]bool{"to": true, "on": true, "ahead": true, "back": true,
	"away": true, "for": true, "into": true, "out": true, "up": true, "down": true,
	"home": true, "there": true, "here": true, "through": true, "over": true, "please": true}

// exactOK applies Find's rules for exact forms to toks[i:i+n].
func exactOK(text string, toks []token, i, n int, spellings []string) bool {
	start, end := toks[i].start, toks[i+n-1].end
	if !slices.Contains(spellings, text[start:end]) {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(text[:start])
	if strings.ContainsRune("-&'’@", before) && start > 0 {
		return false
	}
	after, size := utf8.DecodeRuneInString(text[end:])
	switch {
	case after == '-' || after == '&':
		return false
	case after == '\'' || after == '’':
		rest := text[end+size:]
		following, _ := utf8.DecodeRuneInString(strings.TrimPrefix(rest, "s"))
		if !strings.HasPrefix(rest, "s") || isWordRune(following) {
			return false
		}
	case after == '.' && end-start == 1 && end+1 < len(text):
		return false
	}
	if j := i + n; j < len(toks) && strings.TrimSpace(text[end:toks[j].start]) == "" {
		next := text[toks[j].start:toks[j].end]
		if isYear(next) {
			return false
		}
		if particles[next] && sentenceStart(text, start) {
			return false
		}
	}
	return true
}

func isYear(s string) bool {
	return len(s) == 4 && (strings.HasPrefix(s, "19") || strings.HasPrefix(s, "20")) &&
		strings.Trim(s, "0123456789") == ""
}

// sentenceStart reports whether only spaces, quotes or list bullets stand
// between at and the start of the text, a line or a sentence.
func sentenceStart(text string, at int) bool {
	s := strings.TrimRight(text[:at], " \t\"'“‘(*•-")
	if s == "" {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?\n\r", last)
}

// token is a word of a text: letters and digits, with inner dots (Node.js,
// ASP.NET), a leading dot (.NET) and trailing '+' or '#' (C++, C#).
type token struct {
	start, end int
	norm       string // normalizeName of the word
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func tokenize(s string) []token {
	var toks []token
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		next, _ := utf8.DecodeRuneInString(s[i+n:])
		if !isWordRune(r) && !(r == '.' && unicode.IsLetter(next)) {
			i += n
			continue
		}
		end := tokenEnd(s, i+n)
		toks = append(toks, token{start: i, end: end, norm: normalizeName(s[i:end])})
		i = end
	}
	return toks
}

// tokenEnd returns where the word that continues at i ends.
func tokenEnd(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case isWordRune(r) || r == '_':
			i += n
		case r == '.':
			next, _ := utf8.DecodeRuneInString(s[i+n:])
			if !isWordRune(next) {
				return i
			}
			i += n
		case r == '+' || r == '#':
			j := i
			for j < len(s) && (s[j] == '+' || s[j] == '#') {
				j++
			}
			if next, _ := utf8.DecodeRuneInString(s[j:]); unicode.IsLetter(next) {
				return i
			}
			return j
		default:
			return i
		}
	}
	return i
}

// phraseKey is the key under which Find looks a form up: its tokens'
// normalised forms joined by single spaces.
func phraseKey(form string) string {
	toks := tokenize(form)
	norms := make([]string, len(toks))
	for k, t := range toks {
		norms[k] = t.norm
	}
	return strings.Join(norms, " ")
}
