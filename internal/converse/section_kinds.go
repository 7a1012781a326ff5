package converse

import (
	"strconv"
	"strings"
	"time"
)

// A visitor narrows a section by a kind in their own words: "any teaching
// awards", "awards for teaching". The awards that say so are the answer,
// and when none does, the reply says that before listing the rest.

// awardNouns name the awards section in a question.
var awardNouns = setOf(`award awards prize prizes honor honors honour honours medal medals distinction distinctions recognition`)

// kindlessWords qualify an award without naming a kind ("any big awards").
var kindlessWords = setOf(`big biggest major notable important prestigious significant other recent more real good top best special notable famous`)

// awardKind returns the words the visitor put before an award noun, or
// after "for" following it ("teaching awards", "awards for teaching").
func (x *Index) awardKind(ts []string) []string {
	for i, t := range ts {
		if !awardNouns[t] {
			continue
		}
		var kind []string
		for j := i - 1; j >= 0 && x.kindWord(ts[j]); j-- {
			kind = append(kind, ts[j])
		}
		if len(kind) == 0 && at(ts, i+1) == "for" {
			j := i + 2
			if t := at(ts, j); t == "@p" || personWords[t] {
				j++ // "awards for her teaching"
			}
			for ; j < len(ts) && x.kindWord(ts[j]); j++ {
				kind = append(kind, ts[j])
			}
		}
		return kind
	}
	return nil
}

func (x *Index) kindWord(t string) bool {
	return len(t) >= 3 && isAlphaWord(t) && (!commonWords[t] || fieldWords[t]) && !personWords[t] && !x.nameToks[t] && !askVerbs[t] &&
		!kindlessWords[t] && !awardNouns[t]
}

// fieldWords are common words that still name a field an award is for
// ("research awards", "sales awards").
var fieldWords = setOf(`design research sales marketing engineering software data science product public team leadership business customer open source`)

// awardsOfKind answers "has she won any teaching awards" with the awards
// whose title, awarder or summary holds every kind word; false when the
// question names no kind.
func (x *Index) awardsOfKind(o *out, q *query, now time.Time) bool {
	kind := x.awardKind(q.ts)
	if len(kind) == 0 || len(x.awards) == 0 {
		return false
	}
	var match []*item
	for _, it := range x.sorted(secAwards) {
		a := x.r.Awards[it.idx]
		if holdsStems(tokens(a.Title+" "+a.Awarder+" "+a.Summary), kind) {
			match = append(match, it)
		}
	}
	phrase := strings.Join(reversedIfBefore(kind, q.ts), " ")
	switch len(match) {
	case 0:
		// not "she has no cooking awards": a Michelin star is one, which
		// only world knowledge says
		o.say("The profile doesn't say that any of %s awards is for %s.", x.whose(), phrase)
		x.listSection(o, secAwards, nil, now)
	case 1:
		x.entryDetail(o, match[0], false, now)
	default:
		parts := make([]string, len(match))
		for i, it := range match {
			parts[i] = it.listEntry() + it.span()
			o.citeItem(it)
		}
		o.say("%s %s awards: %s.", capital(x.whose()), phrase, list(parts))
		o.focusOn(match...)
	}
	return true
}

// holdsStems reports whether every word of kind has its stem among ts's.
func holdsStems(ts, kind []string) bool {
	for _, k := range kind {
		sk, found := stem(k), false
		for _, t := range ts {
			if stem(t) == sk {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// reversedIfBefore puts kind back in the question's order: awardKind
// collects the words before the noun backwards.
func reversedIfBefore(kind, ts []string) []string {
	if len(kind) < 2 {
		return kind
	}
	for i, t := range ts {
		if t == kind[0] {
			for j, u := range ts {
				if u == kind[1] {
					if j < i {
						out := make([]string, len(kind))
						for k := range kind {
							out[k] = kind[len(kind)-1-k]
						}
						return out
					}
					return kind
				}
			}
		}
	}
	return kind
}

// certifiedYes starts the answer to "is she certified" with a yes when the
// profile lists a certificate that is not marked lapsed or expired.
func (x *Index) certifiedYes(o *out) {
	held := 0
	for _, it := range x.certificates {
		if !it.lapsed {
			held++
		}
	}
	if held == 0 {
		return
	}
	if n := len(x.certificates); n > 1 {
		o.put("Yes, the profile lists " + strconv.Itoa(n) + " certificates.")
		return
	}
	o.put("Yes, the profile lists one certificate.")
}

// clippedCertYes answers a yes/no question whose word is the clipped
// compound of exactly one certificate's title ("hazmat" for "Hazardous
// Materials Technician"): yes, and that certificate, not the whole list.
// It reports whether it answered.
func (x *Index) clippedCertYes(o *out, ts []string) bool {
	var one *item
	for _, t := range ts {
		if len(t) < 6 {
			continue
		}
		for i := range x.certificates {
			it := &x.certificates[i]
			if it.lapsed || !titleClips(it.titleTokens(), t) {
				continue
			}
			if one != nil && one != it {
				return false // two certificates: the list says it better
			}
			one = it
		}
	}
	if one == nil {
		return false
	}
	from := ""
	if one.role != "" {
		from = " from " + one.role
	}
	o.say("Yes, %s holds the certificate “%s”%s%s.", x.who(), one.title, from, one.span())
	o.citeItem(one)
	o.focusOn(one)
	return true
}

// diplomateYes answers "is she board certified" when no certificate's name
// says "board" but one says "Diplomate": a specialty college's diplomate
// is what board certification is called in veterinary medicine (and in
// some medical boards), not a licence or a course. It reports whether it
// answered.
func (x *Index) diplomateYes(o *out, ts []string) bool {
	if !hasAnyToken(ts, "board") || !hasAnyToken(ts, "certified", "certification", "certifications", "certificate") {
		return false
	}
	var held []*item
	for i := range x.certificates {
		it := &x.certificates[i]
		if it.lapsed {
			continue
		}
		switch ns := tokens(it.title); {
		case hasAnyToken(ns, "board"):
			return false // the names say it themselves: the entries step answers
		case hasAnyToken(ns, "diplomate"):
			held = append(held, it)
		}
	}
	if len(held) == 0 {
		return false
	}
	parts := make([]string, 0, len(held))
	for _, it := range held {
		from := ""
		if it.role != "" {
			from = " from " + it.role
		}
		parts = append(parts, "“"+it.title+"”"+from+it.span())
		o.citeItem(it)
	}
	o.say("Yes: %s is board certified as %s.", x.who(), list(parts))
	o.focusOn(held...)
	return true
}
