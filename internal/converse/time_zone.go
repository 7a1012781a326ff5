package converse

import "strings"

// asksTimeZone reports "what time zone is she in", "which timezone does
// he work in".
func asksTimeZone(q *query) bool {
	return hasAnyToken(q.ts, "timezone", "timezones") || strings.Contains(q.joined, " time zone")
}

// zoneWords mark a sentence that gives a time zone: "overlaps with CET",
// "works UTC+1 hours".
var zoneWords = setOf(`timezone timezones utc gmt cet cest pst pdt est edt cst ist aest jst`)

// timeZone answers a time zone question from the sentences that name one,
// else says the profile gives none before saying where the person is
// based, which is what a visitor can work it out from.
func (x *Index) timeZone(o *out) {
	var picked []*snippet
	for i := range x.snippets {
		sn := &x.snippets[i]
		for j, t := range sn.toks {
			if zoneWords[t] || t == "zone" && at(sn.toks, j-1) == "time" {
				picked = append(picked, sn)
				break
			}
		}
		if len(picked) == 3 {
			break
		}
	}
	if len(picked) > 0 && x.quoteSentences(o, "On time zones, the profile says:", picked) {
		return
	}
	o.say("The profile doesn't give %s time zone.", x.whose())
	x.location(o)
}
