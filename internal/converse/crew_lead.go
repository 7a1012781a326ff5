package converse

import "strings"

// "How long has he been an electrician" of a résumé with a "General
// Foreman" between the wireman's years and the master's: a trade's crew
// leaders carry no trade word in the title, yet leading a crew of
// electricians is electrical work. Such a title counts for the trade when
// the job's own words (employer, summary, highlights) name it.

// crewLeadTitles are the stems of titles that lead a trade's crew.
var crewLeadTitles = setOf(`foreman forewoman foreperson superintendent chargehand supervisor`)

// crewLeadOfTrade reports whether the job's title leads a crew and its
// own words name the trade m asks for.
func (x *Index) crewLeadOfTrade(it *item, m roleMatcher) bool {
	if it.sec != secWork || !hasAnyTokenIn(stemsOf(tokens(it.role)), crewLeadStems) {
		return false
	}
	w := x.r.Work[it.idx]
	return m.matches(w.Name + " " + w.Summary + " " + strings.Join(w.Highlights, " "))
}

// crewLeadStems are crewLeadTitles as stems.
var crewLeadStems = func() map[string]bool {
	m := map[string]bool{}
	for t := range crewLeadTitles {
		m[stem(t)] = true
	}
	return m
}()
