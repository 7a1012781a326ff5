package converse

import (
	"regexp"
	"strings"
)

// Forms of the person's name a visitor types that the name as written does
// not hold: the possessive without its apostrophe ("whats siobhans work
// history"), and a nickname the summary gives ("Friends call me Gosia",
// "goes by Bob").

// possessiveName reports t as the possessive of a word of the person's
// name typed without an apostrophe: "siobhans" of Siobhan. A word of the
// name that itself ends in "s" ("James") is the name, not a possessive.
func (x *Index) possessiveName(t string) bool {
	n := len(t)
	return n > 3 && t[n-1] == 's' && x.nameToks[t[:n-1]] && !x.nameToks[t]
}

// nicknameRe finds a nickname the profile gives its owner: a capitalised
// word after "call me", "calls me" or "goes by" ("known as" names things
// too: "a beer known as Koźlak").
var nicknameRe = regexp.MustCompile(`\b(?:[Cc]alls? me|[Gg]oes by) ([A-Z][\p{L}'’-]+)`)

// addNicknames adds the nicknames the summary gives to the words of the
// person's name, so that "who's gosia" asks about her.
func (x *Index) addNicknames() {
	s := x.r.Basics.Summary
	if !strings.Contains(s, " me ") && !strings.Contains(s, " by ") {
		return
	}
	for _, m := range nicknameRe.FindAllStringSubmatch(s, -1) {
		if ts := tokens(m[1]); len(ts) == 1 && len(ts[0]) >= 2 && !commonWords[ts[0]] {
			x.nameToks[ts[0]] = true
		}
	}
}
