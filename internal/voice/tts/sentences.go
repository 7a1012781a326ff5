package tts

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"dr": true, "mr": true, "mrs": true, "ms": true, "prof": true, "st": true, "jr": true, "sr": true,
	"e.g": true, "i.e": true, "etc": true, "vs": true, "inc": true, "ltd": true, "co": true, "corp": true,
	"no": true, "approx": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// DefaultMaxSentence is the longest chunk Sentences returns before cutting a
// long sentence at a comma, semicolon or space: a shorter first chunk means
// the first audio starts sooner.
const DefaultMaxSentence = 200

// Sentences splits text into chunks to synthesise one after another: at
// sentence ends (. ! ? and line breaks), not after common abbreviations,
// initials or inside numbers and names like "3.5" or "Node.js", and cuts any
// chunk longer than maxLen bytes (DefaultMaxSentence when <= 0) at the last
// clause or word break. Empty chunks are dropped.
func Sentences(text string, maxLen int) []string {
	var s Splitter
	s.MaxLen = maxLen
	out := s.Write(text)
	if last := s.Flush(); last != "" {
		out = append(out, last)
	}
	return out
}

// Splitter cuts a stream of text (an LLM's reply arriving in pieces) into
// sentences as soon as each is complete. The zero value is ready to use.
type Splitter struct {
	// MaxLen is as in Sentences.
	MaxLen int
	buf    string
}

// Write adds text and returns the sentences it completed.
func (s *Splitter) Write(text string) []string {
	s.buf += text
	maxLen := s.MaxLen
	if maxLen <= 0 {
		maxLen = DefaultMaxSentence
	}
	var out []string
	for {
		cut := sentenceEnd(s.buf)
		if (cut < 0 || cut > maxLen) && len(s.buf) > maxLen {
			cut = breakBefore(s.buf, maxLen)
		}
		if cut < 0 {
			return out
		}
		if c := strings.TrimSpace(s.buf[:cut]); c != "" {
			out = append(out, c)
		}
		s.buf = s.buf[cut:]
	}
}

// Flush returns whatever is left (the last, unterminated sentence).
func (s *Splitter) Flush() string {
	rest := strings.TrimSpace(s.buf)
	s.buf = ""
	return rest
}

// sentenceEnd returns the index just past the first sentence end in s whose
// following character is known (so "3." waiting for "5" is not cut), or -1.
func sentenceEnd(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n':
			return i + 1
		case '!', '?':
			if j := skipClosers(s, i+1); j < len(s) && isSpace(s, j) {
				return j
			}
		case '.':
			j := skipClosers(s, i+1)
			if j >= len(s) {
				return -1 // need the next character to decide
			}
			if isSpace(s, j) && !abbreviation(s[:i]) {
				return j
			}
		}
	}
	return -1
}

// skipClosers steps over quotes and brackets that close a sentence.
func skipClosers(s string, j int) int {
	for j < len(s) && strings.IndexByte(`"')]`, s[j]) >= 0 {
		j++
	}
	return j
}

func isSpace(s string, j int) bool {
	r, _ := utf8.DecodeRuneInString(s[j:])
	return unicode.IsSpace(r)
}

// abbreviation reports whether the word before a full stop is an
// abbreviation or a single letter (an initial: "J. R. R. Tolkien").
func abbreviation(before string) bool {
	start := strings.LastIndexFunc(before, unicode.IsSpace) + 1
	w := strings.ToLower(strings.TrimLeft(before[start:], `"'(`))
	return abbreviations[w] || utf8.RuneCountInString(w) == 1 && unicode.IsLetter([]rune(w)[0])
}

// breakBefore finds where to cut s so the chunk is at most maxLen bytes: the
// last clause mark, else the last space, else a rune boundary.
func breakBefore(s string, maxLen int) int {
	head := s[:maxLen]
	if i := strings.LastIndexAny(head, ",;:—"); i > maxLen/3 {
		_, size := utf8.DecodeRuneInString(head[i:])
		return i + size
	}
	if i := strings.LastIndexFunc(head, unicode.IsSpace); i > 0 {
		return i + 1
	}
	for i := maxLen; i > 0; i-- {
		if utf8.RuneStart(s[i]) {
			return i
		}
	}
	return maxLen
}
