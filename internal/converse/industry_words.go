package converse

import "strings"

// industryShortWords are the three-letter words that name an industry
// ("oil"), matched whole; a short list is cheaper than a map look-up for
// every "she" and "did".
var industryShortWords = func() []string {
	var out []string
	for _, ind := range industries {
		for _, st := range ind.stems {
			if len(st) == 3 && !strings.ContainsAny(st, " -") {
				out = append(out, st)
			}
		}
	}
	return out
}()

func isShortIndustryWord(t string) bool {
	for _, w := range industryShortWords {
		if t == w {
			return true
		}
	}
	return false
}

// industryPrefixes maps the words that name an industry in a question
// to it: one-word stems match as prefixes ("bank" in "banking"), the
// first word of a name only whole.
var industryPrefixes = func() map[string]struct {
	of     []int
	prefix bool
} {
	m := map[string]struct {
		of     []int
		prefix bool
	}{}
	add := func(k string, i int, prefix bool) {
		e := m[k]
		e.of = append(e.of, i)
		e.prefix = e.prefix || prefix
		m[k] = e
	}
	for i, ind := range industries {
		first, _, _ := strings.Cut(ind.name, " ")
		add(first, i, false)
		for _, st := range ind.stems {
			if len(st) >= 4 && !strings.ContainsAny(st, " -") {
				add(st, i, true)
			} else if len(st) == 3 && !strings.ContainsAny(st, " -") {
				add(st, i, false) // "oil": whole words only
			}
		}
	}
	return m
}()
