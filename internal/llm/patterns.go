package llm

import (
	"regexp"
	"strings"
)

// regexpFinder extracts candidate names with one pattern.
type regexpFinder struct {
	re    *regexp.Regexp
	group int // submatch holding the name; 0 for the whole match
}

var (
	afterVerbFinder   = &regexpFinder{re: afterVerbRE, group: 1}
	institutionFinder = &regexpFinder{re: institutionRE}
	companyFinder     = &regexpFinder{re: companyRE}
)

// trailingJoiners are words a greedy pattern may swallow at a name's end.
var trailingJoiners = map[string]bool{"of": true, "and": true, "&": true, "the": true, "de": true, "du": true, "der": true, "für": true}

func (f *regexpFinder) find(s string) []string {
	var out []string
	for _, m := range f.re.FindAllStringSubmatch(s, -1) {
		words := strings.Fields(m[f.group])
		for len(words) > 0 && trailingJoiners[strings.ToLower(words[len(words)-1])] {
			words = words[:len(words)-1]
		}
		if len(words) > 0 {
			out = append(out, strings.Join(words, " "))
		}
	}
	return out
}
