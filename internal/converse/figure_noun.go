package converse

import (
	"slices"
	"strings"
)

// A figure asked by the noun it counts or measures: "how many doors does
// her company manage" of "Grew from 12 to 180 doors under management",
// "what's her occupancy rate" of "Occupancy of 97% in 2024", "what was the
// revenue last year" of "Revenue of $1.9M in 2024". The sentence that sets
// a number beside that noun answers better than any reading by the
// question's other words: a team's size ("manage"), a rate of pay
// ("rate"), the jobs of a year ("last year").

// figureSkip are nouns other steps answer from the profile's structure
// (people, time, sections, contact details), or that are no measure.
var figureSkip = setOf(`people person persons staff employees years year months month weeks week days day hours hour
times time jobs job roles role positions position employers employer companies company countries country cities city
languages language skills skill projects project awards award certificates certificate certifications degrees degree
publications papers paper patents patent books book kids children name title email phone number address age salary pay
wage wages rate rates score grade gpa budget team teams size other others more most much many different current last first
previous next this that these those it its they their them her his she he you your i me my one kind kinds type types sort`)

// figureLead reports a word that may stand between "what is/was" and the
// noun: "what was the revenue", "what's her occupancy rate", "what was the
// total revenue". A switch: it is asked of most questions.
func figureLead(t string) bool {
	switch t {
	case "the", "his", "her", "their", "its", "@p", "total", "annual", "yearly", "average", "overall":
		return true
	}
	return false
}

// figureTails may follow the noun of "what was the revenue …": the measure
// itself ("occupancy rate"), or a time or place ("last year", "in 2024",
// "there"); any other word makes the noun a modifier ("leadership style",
// "brokerage called").
var figureTails = setOf(`rate rates figure figures total number percentage share in last this that there then at for per
during by now today currently`)

// figureNoun returns the noun a question asks a figure of, and whether it
// came as "how many N"; "" when it asks none.
func figureNoun(ts []string) (string, bool) {
	for i := 0; i+2 < len(ts); i++ {
		if ts[i] == "how" && ts[i+1] == "many" {
			return figureWord(ts[i+2]), true
		}
	}
	if len(ts) < 3 || ts[0] != "what" && ts[0] != "whats" {
		return "", false
	}
	i := 1 // "what's her occupancy rate" comes as "what her occupancy rate"
	if ts[1] == "is" || ts[1] == "was" || ts[1] == "are" || ts[1] == "were" {
		i = 2
	}
	n := 0
	for i < len(ts) && figureLead(ts[i]) {
		i++
		n++
	}
	if n == 0 || i >= len(ts) {
		return "", false // "what is leadership": a subject, not a figure of one
	}
	if next := at(ts, i+1); next != "" && !figureTails[next] {
		return "", false
	}
	return figureWord(ts[i]), false
}

// figureWord is w when it can name what a figure counts.
func figureWord(w string) string {
	if len(w) < 4 || figureSkip[w] || isCount(w) || searchStop[w] || commonWords[w] { // "what is she after"
		return ""
	}
	return w
}

// figureBeside reports a number within three words of a word whose stem is
// st: "180 doors", "Occupancy of 97%", "Revenue of $1.9M"; a year is no
// figure of it.
func figureBeside(ts []string, st string) bool {
	for i, t := range ts {
		if t[0] != st[0] || stem(t) != st {
			continue
		}
		for j := max(0, i-3); j <= min(len(ts)-1, i+3); j++ {
			if j != i && isCount(ts[j]) && !yearLike(ts[j]) && !smallNumbers[ts[j]] {
				return true
			}
		}
	}
	return false
}

// figureByNoun quotes the sentences that set a number beside the noun the
// question asks a figure of; those of the entry named, or of a year asked,
// when some are.
func (r *resolver) figureByNoun() bool {
	x, o, q := r.x, r.o, r.q
	if len(q.techs) > 0 || q.kind != nil {
		return false
	}
	noun, howMany := figureNoun(q.ts)
	if noun == "" || x.isNetwork(noun) {
		return false
	}
	if howMany && (!asksTeamSize(q) || peopleNouns[noun] || personNoun(noun)) {
		// "how many miles has he driven": the search, which weighs counts
		// and focus, answers it; only a count a team's size would take
		// ("how many doors does she manage") is answered here
		return false
	}
	st := stem(noun)
	if !x.words[st] {
		return false
	}
	var sns []*snippet
	for i := range x.snippets {
		if sn := &x.snippets[i]; figureBeside(sn.toks, st) {
			sns = append(sns, sn)
		}
	}
	if len(sns) == 0 {
		return false
	}
	switch {
	case len(q.ents) > 0 && q.byName:
		sns = keepSnippets(sns, func(sn *snippet) bool { return citesItem(sn.cite, q.ents) })
	case q.anaph || hasAnyToken(q.ts, "it", "its", "there", "that", "they", "this"):
		f := r.focus()
		sns = keepSnippets(sns, func(sn *snippet) bool { return citesItem(sn.cite, f) })
	default:
		// those of the entries just given first: what the visitor is
		// reading about
		f := r.focus()
		in := keepSnippets(sns, func(sn *snippet) bool { return citesItem(sn.cite, f) })
		sns = append(in, keepSnippets(sns, func(sn *snippet) bool { return !citesItem(sn.cite, f) })...)
	}
	if len(sns) == 0 {
		return false // the figure is given elsewhere, not of the entry asked
	}
	if q.hasWin && !q.win.Current {
		if in := keepSnippets(sns, func(sn *snippet) bool { return yearInWindow(sn.toks, q.win) }); len(in) > 0 {
			sns = in
		}
	}
	o.in = iSearch
	if !x.quoteSentences(o, "The profile says:", sns) {
		return false
	}
	// the entries quoted are what "and the year before?" asks about next
	var items []*item
	for _, sn := range sns {
		if sectionNoun(sn.cite.Section) != "" {
			if list := x.section(sn.cite.Section); sn.cite.Index < len(list) && !slices.Contains(items, &list[sn.cite.Index]) {
				items = append(items, &list[sn.cite.Index])
			}
		}
	}
	if len(items) > 0 {
		o.focusOn(items...)
	}
	return true
}

// personNoun reports a plural that names people by their work
// ("electricians", "engineers", "analysts"), whose count is a team's size.
func personNoun(w string) bool {
	for _, suf := range []string{"ers", "ors", "ists", "ians", "ants", "ents"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 3 { // "doors" is no "do"-er
			return true
		}
	}
	return false
}

// keepSnippets returns the snippets of sns that keep holds for, in a new
// slice.
func keepSnippets(sns []*snippet, keep func(*snippet) bool) []*snippet {
	var out []*snippet
	for _, sn := range sns {
		if keep(sn) {
			out = append(out, sn)
		}
	}
	return out
}

// yearInWindow reports a year among ts that falls in w.
func yearInWindow(ts []string, w Window) bool {
	for _, t := range ts {
		if yearLike(t) {
			y := int(t[0]-'0')*1000 + int(t[1]-'0')*100 + int(t[2]-'0')*10 + int(t[3]-'0')
			// To is the window's last month, inclusive; zero is open
			if (w.From == 0 || monthOf(y, 12) >= w.From) && (w.To == 0 || monthOf(y, 1) <= w.To) {
				return true
			}
		}
	}
	return false
}
