package converse

import (
	"strings"
	"time"
)

// highlights answers "what is her biggest achievement", "what impact has
// he had" and, with pitch, "why should I hire her": the awards, and the
// highlights that carry a figure ("cut costs by 40%"), newest entries
// first; without figures, the first highlight of the latest entries. It
// never ranks or praises beyond what the profile says.
func (x *Index) highlights(o *out, pitch bool, now time.Time) {
	o.in = iHighlights
	if pitch {
		o.say("Here is what the profile offers; whether it fits your role is yours to judge.")
		if s := x.r.Basics.Summary; s != "" {
			o.put(firstSentence(s))
			o.cite(secBasics, 0, "summary")
		}
	}
	type hl struct {
		it   *item
		text string
	}
	var withFigures, firsts []hl
	for _, sec := range []string{secWork, secProjects, secVolunteer} {
		for _, it := range x.sorted(sec) {
			var texts []string
			switch sec {
			case secWork:
				texts = x.r.Work[it.idx].Highlights
			case secProjects:
				texts = x.r.Projects[it.idx].Highlights
			case secVolunteer:
				texts = x.r.Volunteer[it.idx].Highlights
			}
			for i, t := range texts {
				t = strings.TrimSpace(t)
				if t == "" {
					continue
				}
				if hasFigure(t) {
					withFigures = append(withFigures, hl{it, t})
				} else if i == 0 {
					firsts = append(firsts, hl{it, t})
				}
			}
		}
	}
	picked := withFigures
	if len(picked) < 2 {
		picked = append(picked, firsts...)
	}
	if len(picked) > 4 {
		picked = picked[:4]
	}
	var parts []string
	var focus []*item
	for _, h := range picked {
		parts = append(parts, "“"+strings.TrimRight(h.text, ".")+"” ("+entryWhere(h.it)+")")
		o.citeItem(h.it)
		focus = append(focus, h.it)
	}
	awards := x.sorted(secAwards)
	var aw []string
	for i, it := range awards {
		if i == 3 {
			break
		}
		aw = append(aw, "“"+it.label()+"”"+it.span())
		o.citeItem(it)
	}
	switch {
	case len(parts) > 0 && len(aw) > 0:
		o.say("Highlights the profile lists: %s. Awards: %s.", strings.Join(parts, "; "), list(aw))
	case len(parts) > 0:
		o.say("Highlights the profile lists: %s.", strings.Join(parts, "; "))
	case len(aw) > 0:
		o.say("The profile lists these awards: %s.", list(aw))
	default:
		o.say("The profile doesn't list achievements or highlights.")
		if !pitch {
			x.currentRole(o, now)
		}
		return
	}
	if !pitch {
		// "took one company from seed to IPO": milestones the summary
		// claims and no highlight repeats.
		x.quoteSentences(o, "The summary adds:", x.summarySentences(func(low string) bool {
			for _, m := range milestoneStems {
				if strings.Contains(low, m) {
					return true
				}
			}
			return false
		}))
	}
	o.focusOn(focus...)
}

// milestoneStems mark a career milestone in a sentence.
var milestoneStems = []string{" ipo", " acquired", " acquisition", " founded", " co-founded", " cofounded", " exit ", " unicorn", " raised ", " seed to", " went public", " took the company"}

// entryWhere names an entry in passing: "at Canva", "project Tilescape".
func entryWhere(it *item) string {
	switch it.sec {
	case secWork:
		return it.atEmployer()
	case secProjects:
		return "project " + it.label()
	case secVolunteer:
		return "volunteering at " + it.label()
	}
	return it.label()
}

// hasFigure reports a number in a highlight: "by 40%", "20+ startups",
// "two million users" reads as a figure too.
func hasFigure(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	for _, w := range tokens(s) {
		switch w {
		case "million", "millions", "billion", "thousand", "thousands", "hundreds", "doubled", "tripled", "halved", "percent":
			return true
		}
	}
	return false
}
