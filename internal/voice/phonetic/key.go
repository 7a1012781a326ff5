// Package phonetic corrects a recogniser's transcript toward a profile's
// own words: a recogniser that has never heard "JavaScript" writes what it
// sounds like ("Jarrah scribbed"), and a coarse sound key finds the term.
package phonetic

import "strings"

// Key is a compact Metaphone-style sound key of word: vowels kept only
// at the start, silent letters dropped, and voiced/unvoiced pairs merged
// (b/p, d/t, g/k, v/f, z/s) because a recogniser confuses them more often
// than a speaker does.
func Key(word string) string {
	w := letters(word)
	for _, p := range []string{"kn", "gn", "pn", "wr", "ae"} {
		if strings.HasPrefix(w, p) {
			w = w[1:]
			break
		}
	}
	if strings.HasPrefix(w, "x") {
		w = "s" + w[1:]
	}
	at := func(i int) byte {
		if i < 0 || i >= len(w) {
			return 0
		}
		return w[i]
	}
	var out []byte
	emit := func(s string) {
		for i := 0; i < len(s); i++ {
			if len(out) == 0 || out[len(out)-1] != s[i] {
				out = append(out, s[i])
			}
		}
	}
	for i := 0; i < len(w); i++ {
		c, next := w[i], at(i+1)
		if c == at(i-1) && c != 'c' {
			continue
		}
		switch c {
		case 'a', 'e', 'i', 'o', 'u':
			if i == 0 {
				emit("A")
			}
		case 'b':
			if i != len(w)-1 || at(i-1) != 'm' {
				emit("P")
			}
		case 'c':
			switch {
			case next == 'h' || next == 'i' && at(i+2) == 'a':
				emit("X")
			case next == 'i' || next == 'e' || next == 'y':
				emit("S")
			default:
				emit("K")
			}
		case 'd':
			if next == 'g' && isFront(at(i+2)) {
				emit("J")
			} else {
				emit("T")
			}
		case 'f', 'v':
			emit("F")
		case 'g':
			switch {
			case next == 'h' && !isVowel(at(i+2)):
			case next == 'n' && i+2 >= len(w):
			case isFront(next) && at(i-1) != 'g':
				emit("J")
			default:
				emit("K")
			}
		case 'h':
			if isVowel(next) && !strings.ContainsRune("cgpst", rune(at(i-1))) {
				emit("H")
			}
		case 'j':
			emit("J")
		case 'k', 'q':
			if at(i-1) != 'c' {
				emit("K")
			}
		case 'p':
			if next == 'h' {
				emit("F")
			} else {
				emit("P")
			}
		case 's', 'z':
			if c == 's' && (next == 'h' || next == 'i' && (at(i+2) == 'o' || at(i+2) == 'a')) {
				emit("X")
			} else {
				emit("S")
			}
		case 't':
			switch {
			case next == 'i' && (at(i+2) == 'a' || at(i+2) == 'o'):
				emit("X")
			case next == 'h':
				emit("0")
			case next == 'c' && at(i+2) == 'h':
			default:
				emit("T")
			}
		case 'w':
			if isVowel(next) {
				emit("W")
			}
		case 'x':
			emit("KS")
		case 'l', 'm', 'n', 'r':
			emit(strings.ToUpper(string(c)))
		}
	}
	return string(out)
}

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }
func isFront(c byte) bool { return c == 'e' || c == 'i' || c == 'y' }

// letters is word lower-cased with everything but a-z dropped.
func letters(word string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(word) {
		if r >= 'a' && r <= 'z' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// distance is the Levenshtein distance between a and b, in bytes.
func distance(a, b string) int {
	rows := make([]int, 2*(len(b)+1))
	prev, cur := rows[:len(b)+1], rows[len(b)+1:]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// ratio is distance(a, b) relative to the longer of the two.
func ratio(a, b string) float64 {
	n := max(len(a), len(b))
	if n == 0 {
		return 0
	}
	return float64(distance(a, b)) / float64(n)
}
