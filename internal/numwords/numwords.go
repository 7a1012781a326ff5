// Package numwords turns spoken numbers in a transcript into digits before
// the text reaches the engine, which reads years and counts as digits:
// "what did he do in twenty seventeen" becomes "... in 2017", "two thousand
// and nine" 2009, "five years" "5 years".
package numwords

import (
	"strconv"
	"strings"
)

var units = map[string]int{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
}

var teens = map[string]int{
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}

var tens = map[string]int{
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// centuries start a year said in two halves ("nineteen ninety nine",
// "twenty seventeen"); other pairs ("thirty forty") are left as they are.
var centuries = map[string]int{"nineteen": 19, "twenty": 20}

// Normalize rewrites spoken numbers in s as digits. Words that are not
// part of a number are kept; whitespace is collapsed to single spaces. A
// lone "one" stays a word ("which one"), as do ordinals ("first").
func Normalize(s string) string {
	words, tails := splitTails(splitHyphens(strings.Fields(s)))
	out := make([]string, 0, len(words))
	// emit writes a number read from words[i:i+n] with the punctuation
	// those words carried ("ten?" -> "10?").
	emit := func(v, i, n int) int {
		// "two thousand and 1": the words read "2000", the digits after
		// join it as they would on a second pass
		if v2, n2 := thousandsAnd(append([]string{strconv.Itoa(v)}, words[i+n:]...)); n2 > 0 {
			v, n = v2, n+n2-1
		}
		out = append(out, strconv.Itoa(v)+strings.Join(tails[i:i+n], ""))
		return n
	}
	for i := 0; i < len(words); {
		if v, n := year(words[i:]); n > 0 {
			i += emit(v, i, n)
			continue
		}
		if v, n := cardinal(words[i:]); n > 0 && !(n == 1 && strings.EqualFold(words[i], "one")) {
			i += emit(v, i, n)
			continue
		}
		if v, n := thousandsAnd(words[i:]); n > 0 {
			i += emit(v, i, n)
			continue
		}
		out = append(out, words[i]+tails[i])
		i++
	}
	return strings.Join(out, " ")
}

// splitTails cuts trailing punctuation off each word, so that "ten?"
// reads as a number; the tails are written back after.
func splitTails(words []string) (cores, tails []string) {
	cores, tails = make([]string, len(words)), make([]string, len(words))
	for i, w := range words {
		core := strings.TrimRight(w, "?.!,;:")
		if core == "" {
			core = w
		}
		cores[i], tails[i] = core, w[len(core):]
	}
	return cores, tails
}

// thousandsAnd reads what recognisers write for "two thousand and
// thirteen": "2000 and thirteen" (or "2000 and 13") is 2013. "between
// 2000 and 2005" stays: only a rest below a thousand in words, or a
// hundred in digits, joins.
func thousandsAnd(w []string) (int, int) {
	if len(w) < 3 || !strings.EqualFold(w[1], "and") {
		return 0, 0
	}
	k, err := strconv.Atoi(w[0])
	if err != nil || k < 1000 || k > 9000 || k%1000 != 0 {
		return 0, 0
	}
	if r, n := cardinal(w[2:]); n > 0 && r < 1000 {
		return k + r, 2 + n
	}
	if r, err := strconv.Atoi(w[2]); err == nil && r > 0 && r < 100 {
		return k + r, 3
	}
	return 0, 0
}

// splitHyphens turns "twenty-five" into "twenty", "five" (only when both
// sides are number words: "e-mail" stays).
func splitHyphens(words []string) []string {
	var out []string
	for _, w := range words {
		a, b, ok := strings.Cut(w, "-")
		if ok && isNumberWord(a) && isNumberWord(b) {
			out = append(out, a, b)
			continue
		}
		out = append(out, w)
	}
	return out
}

func isNumberWord(w string) bool {
	w = strings.ToLower(w)
	_, u := units[w]
	_, t := teens[w]
	_, d := tens[w]
	return u || t || d || w == "hundred" || w == "thousand"
}

// twoDigits reads 10..99 ("seventeen", "forty", "forty two") at the start
// of w and returns the value and the words used (0 when none).
func twoDigits(w []string) (int, int) {
	if len(w) == 0 {
		return 0, 0
	}
	first := strings.ToLower(w[0])
	if v, ok := teens[first]; ok {
		return v, 1
	}
	if v, ok := tens[first]; ok {
		if len(w) > 1 {
			if u, ok := units[strings.ToLower(w[1])]; ok && u > 0 {
				return v + u, 2
			}
		}
		return v, 1
	}
	return 0, 0
}

// year reads a year said in two halves: "nineteen ninety nine", "twenty
// seventeen", "nineteen oh five", "nineteen hundred".
func year(w []string) (int, int) {
	if len(w) < 2 {
		return 0, 0
	}
	c, ok := centuries[strings.ToLower(w[0])]
	if !ok {
		return 0, 0
	}
	switch second := strings.ToLower(w[1]); {
	case second == "hundred":
		return c * 100, 2
	case second == "oh" && len(w) > 2:
		if u, ok := units[strings.ToLower(w[2])]; ok && u > 0 {
			return c*100 + u, 3
		}
		return 0, 0
	}
	if v, n := twoDigits(w[1:]); n > 0 {
		return c*100 + v, 1 + n
	}
	return 0, 0
}

// cardinal reads a number up to the millions' edge: "five", "twenty one",
// "three hundred and six", "two thousand and nine", "nineteen hundred".
func cardinal(w []string) (int, int) {
	total, i := 0, 0
	group, gn := below1000(w)
	if gn == 0 {
		return 0, 0
	}
	i = gn
	if i < len(w) && strings.EqualFold(w[i], "thousand") && group > 0 {
		total = group * 1000
		i++
		j := i
		if j < len(w) && strings.EqualFold(w[j], "and") {
			j++
		}
		if rest, rn := below1000(w[j:]); rn > 0 {
			return total + rest, j + rn
		}
		return total, i
	}
	return group, i
}

// below1000 reads "seven", "forty two", "three hundred", "three hundred
// and six", "nineteen hundred".
func below1000(w []string) (int, int) {
	if len(w) == 0 {
		return 0, 0
	}
	var v, n int
	if u, ok := units[strings.ToLower(w[0])]; ok {
		v, n = u, 1
	} else if v, n = twoDigits(w); n == 0 {
		return 0, 0
	}
	if n == 1 && v < 20 && len(w) > 1 && strings.EqualFold(w[1], "hundred") && v > 0 {
		v, n = v*100, 2
		j := n
		if j < len(w) && strings.EqualFold(w[j], "and") {
			j++
		}
		if j < len(w) {
			if u, ok := units[strings.ToLower(w[j])]; ok && u > 0 {
				return v + u, j + 1
			}
			if t, tn := twoDigits(w[j:]); tn > 0 {
				return v + t, j + tn
			}
		}
	}
	return v, n
}
