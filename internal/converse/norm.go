package converse

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokens splits text into lowercase word tokens. Letters, digits and the
// characters that belong to technology names (+, #) stay inside a token; a
// dot stays only between letters or digits ("node.js", "asp.net") and a
// leading dot before letters (".net"). A possessive "'s" is dropped so
// "Richard's" matches "Richard".
func tokens(s string) []string { return tokenize(s, true) }

// tokenize is tokens with a choice to keep the letters' case, for quoting
// a word back to the visitor as they wrote it.
func tokenize(s string, lower bool) []string {
	var tb [24]string
	out := tb[:0] // built on the stack, returned at its size
	var scratch [64]byte
	b := scratch[:0]
	start := 0         // where in s the token being built starts
	afterApos := false // the token being built started right after an apostrophe
	flush := func() {
		for len(b) > 0 && b[len(b)-1] == '.' {
			b = b[:len(b)-1]
		}
		if afterApos && len(b) == 1 && b[0] == 's' && len(out) > 0 && strings.EqualFold(out[len(out)-1], "who") {
			out = append(out, "is") // "who's" is "who is", as the spelling "whos" is
		} else if len(b) > 0 && !(afterApos && len(b) == 1 && (b[0] == 's' || b[0] == 't')) {
			var tok string
			if end := start + len(b); end <= len(s) && s[start:end] == string(b) {
				tok = s[start:end] // as written: no copy
			} else if w, ok := tokenVocab[string(b)]; ok {
				tok = w // "Where", "Does": a word every question uses
			} else {
				tok = string(b)
			}
			if lower {
				tok = americanSpelling(tok) // "licence" finds "license", and back
			}
			out = append(out, tok)
		}
		b = b[:0]
		afterApos = false
	}
	prev := ' '
	for i, r := range s {
		if len(b) == 0 {
			start = i
		}
		switch {
		case isWordRune(r):
			if !lower {
				b = utf8.AppendRune(b, r)
			} else if r < utf8.RuneSelf {
				if 'A' <= r && r <= 'Z' {
					r += 'a' - 'A'
				}
				b = append(b, byte(r))
			} else if f, ok := foldRune(unicode.ToLower(r)); ok {
				b = append(b, f...)
			} else {
				b = utf8.AppendRune(b, unicode.ToLower(r))
			}
		case r == '.' && i+1 < len(s) && isWordRune(rune(s[i+1])) && (isWordRune(prev) || unicode.IsLetter(rune(s[i+1]))):
			if !isWordRune(prev) {
				flush()
			}
			b = append(b, '.')
		case r == '\'' || r == '’' || r == '‘':
			flush()
			afterApos = true
		default:
			flush()
		}
		prev = r
	}
	flush()
	return append(make([]string, 0, len(out)), out...) // non-nil even when empty, as before
}

func isWordRune(r rune) bool {
	if r >= 0 && r < utf8.RuneSelf {
		return asciiWordRunes[r] // the question's runes are mostly ASCII: a table, not unicode's
	}
	return isWordRuneSlow(r)
}

func isWordRuneSlow(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '+' || r == '#'
}

// asciiWordRunes is isWordRuneSlow of each ASCII rune.
var asciiWordRunes = func() (t [utf8.RuneSelf]bool) {
	for r := range rune(utf8.RuneSelf) {
		t[r] = isWordRuneSlow(r)
	}
	return t
}()

// joinTokens returns " a b c " so that phrase look-ups can use
// strings.Contains with spaces around the phrase.
func joinTokens(ts []string) string {
	n := 2
	for _, t := range ts {
		n += len(t) + 1
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteByte(' ')
	for _, t := range ts {
		b.WriteString(t)
		b.WriteByte(' ')
	}
	return b.String()
}

// normName is the comparison form of a name: lowercase tokens joined by
// single spaces.
func normName(s string) string { return strings.TrimSpace(joinTokens(tokens(s))) }

// within reports whether the edit distance (with adjacent transpositions)
// between a and b is at most k. It is meant for short words.
func within(a, b string, k int) bool {
	if a == b {
		return true
	}
	la, lb := len(a), len(b)
	if la-lb > k || lb-la > k {
		return false
	}
	if la > 40 || lb > 40 {
		return false
	}
	if bagDistance(a, b) > k {
		return false // most words tried are far apart: no need for the table
	}
	// Bytes, not ints: distances stay under 42, and the rows are zeroed on
	// every call (once per vocabulary word a long question word is tried on).
	var rows [3][41]uint8
	for j := 0; j <= lb; j++ {
		rows[0][j] = uint8(j)
	}
	for i := 1; i <= la; i++ {
		cur, prev, prev2 := &rows[i%3], &rows[(i-1)%3], &rows[(i+1)%3]
		cur[0] = uint8(i)
		best := uint8(i)
		for j := 1; j <= lb; j++ {
			cost := uint8(1)
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			best = min(best, v)
		}
		if int(best) > k {
			return false
		}
	}
	return int(rows[la%3][lb]) <= k
}

// typoBudget is how many edits a word of n bytes may carry and still match:
// none for short words, where a typo is as likely to be another word.
func typoBudget(n int) int {
	switch {
	case n >= 8:
		return 2
	case n >= 5:
		return 1
	}
	return 0
}

// fuzzyEq reports whether a question word w matches a vocabulary word v,
// allowing typos in proportion to the word's length.
func fuzzyEq(w, v string) bool {
	if w == v {
		return true
	}
	k := typoBudget(min(len(w), len(v)))
	if k == 0 {
		return false
	}
	return within(w, v, k)
}

// plural strips a simple English plural so "projects" finds "project".
func singular(w string) string {
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		return w[:len(w)-1]
	}
	return w
}

// foldRune maps a lowercase Latin letter with a diacritic to its plain
// form, so a visitor who types "jose" or "telefonica" finds "José" and
// "Telefónica". Both the profile and the question are folded alike.
func foldRune(r rune) (string, bool) {
	if r < 0xC0 || r > 0x17F {
		return "", false
	}
	f, ok := latinFold[r]
	return f, ok
}

var latinFold = func() map[rune]string {
	m := map[rune]string{'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'ı': "i"}
	for base, letters := range map[string]string{
		"a": "àáâãäåāăą", "c": "çćĉċč", "d": "ď", "e": "èéêëēĕėęě", "g": "ĝğġģ", "h": "ĥħ",
		"i": "ìíîïĩīĭįİ", "j": "ĵ", "k": "ķ", "l": "ĺļľŀ", "n": "ñńņňŉ", "o": "òóôõöōŏő", "r": "ŕŗř",
		"s": "śŝşš", "t": "ţťŧ", "u": "ùúûüũūŭůűų", "w": "ŵ", "y": "ýÿŷ", "z": "źżž",
	} {
		for _, r := range letters {
			m[r] = base
		}
	}
	return m
}()

// atoi is strconv.Atoi for tokens, without the error value a failing Atoi
// allocates: most tokens asked about are words, and questions ask often.
func atoi(s string) (int, bool) {
	d := s
	if len(d) > 0 && (d[0] == '+' || d[0] == '-') {
		d = d[1:]
	}
	if d == "" {
		return 0, false
	}
	for i := 0; i < len(d); i++ {
		if d[i] < '0' || d[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// tokenVocab holds everyday words as their own keys, so that tokenize
// returns the kept copy of a word it had to lowercase ("Where") instead of
// allocating one.
var tokenVocab = func() map[string]string {
	m := make(map[string]string, len(commonWords)+len(personWords))
	for _, set := range []map[string]bool{commonWords, personWords} {
		for w := range set {
			m[w] = w
		}
	}
	return m
}()

// appendPhrase appends ts joined by single spaces to b: strings.Join for a
// map look-up, which then needs no string of its own.
func appendPhrase(b []byte, ts []string) []byte {
	for j, t := range ts {
		if j > 0 {
			b = append(b, ' ')
		}
		b = append(b, t...)
	}
	return b
}

// bagDistance is a lower bound of the edit distance of a and b (of at most
// 127 bytes each), transpositions included: the larger of how many bytes
// of a have no counterpart in b and the other way round. An edit changes
// each count by one at most; a transposition changes neither.
func bagDistance(a, b string) int {
	var cnt [256]int8
	for i := 0; i < len(a); i++ {
		cnt[a[i]]++
	}
	for i := 0; i < len(b); i++ {
		cnt[b[i]]--
	}
	extra, missing := 0, 0
	for i := 0; i < len(a); i++ {
		if c := cnt[a[i]]; c > 0 {
			extra += int(c)
			cnt[a[i]] = 0
		}
	}
	for i := 0; i < len(b); i++ {
		if c := cnt[b[i]]; c < 0 {
			missing -= int(c)
			cnt[b[i]] = 0
		}
	}
	return max(extra, missing)
}
