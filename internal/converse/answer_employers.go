package converse

// Employers named in a question: the ones the profile lists, one it does
// not ("did she work for the Financial Times"), how many there were and
// where the person stayed longest.

import (
	"slices"
	"strings"
	"time"
)

// unlistedEmployer returns the name after "work(ed) at/for" or "join(ed)"
// when it reads as a company's name ("pwc"), not a kind of place ("a
// bank", "big companies"), or "".
func unlistedEmployer(ts []string) string {
	for i, t := range ts {
		switch t {
		case "work", "worked", "works", "working", "employed", "job", "intern", "interned":
			if p := at(ts, i+1); p == "at" || p == "for" || p == "by" {
				if i+3 >= len(ts) || at(ts, i+3) == "before" || at(ts, i+3) == "ever" {
					return nameWord(at(ts, i+2))
				}
				if at(ts, i+2) == "the" {
					return theName(ts[i+3:]) // "worked for the new york times"
				}
				return multiName(ts[i+2:]) // "worked at foster + partners"
			}
		case "join", "joined":
			if i == len(ts)-2 {
				return nameWord(at(ts, i+1))
			}
		}
	}
	return ""
}

// theName returns the words after "worked for the" as an organisation's
// name ("The New York Times"), or "" when they read as a kind of place
// ("the same company", "the government") or go on past the name.
func theName(ts []string) string {
	var name []string
	for _, t := range ts {
		if t == "before" || t == "ever" {
			break
		}
		if !isAlphaWord(t) || personWords[t] || cueTable[t] != nil || len(name) == 4 {
			return ""
		}
		name = append(name, t)
	}
	if len(name) == 0 || commonWords[name[0]] || sectorWords[name[len(name)-1]] {
		return "" // "the financial sector" is an industry
	}
	proper := false
	for i, t := range name {
		proper = proper || !commonWords[t] && !genericNameWords[t]
		if len(name) == 1 && len(t) <= 4 {
			name[i] = strings.ToUpper(t) // "the bbc": initials
		} else {
			name[i] = capital(t)
		}
	}
	if !proper {
		return ""
	}
	return "The " + strings.Join(name, " ")
}

// sectorWords end a phrase that names a kind of work, not an employer.
var sectorWords = setOf(`sector sectors industry industries field fields space market markets world area business side`)

// nameWord returns t as a company's name for a reply ("pwc" -> "PWC",
// "google" -> "Google"), or "" when t is an everyday or cue word.
func nameWord(t string) string {
	if len(t) < 2 || !isAlphaWord(t) || commonWords[t] || cueTable[t] != nil || offTopicTable[t] != nil || personWords[t] ||
		interjections[t] || genericNameWords[t] || regionWords[t] || strings.HasSuffix(t, "s") && len(t) > 4 {
		return ""
	}
	if len(t) <= 4 {
		return strings.ToUpper(t)
	}
	return capital(t)
}

// namedBy reports whether a word of the entry's name is among ts.
func namedBy(e *item, ts []string) bool {
	if e.acro != "" && hasAnyToken(ts, e.acro) {
		return true // "bmw": Bayerische Motoren Werke GmbH
	}
	for _, k := range e.keys {
		if hasAnyToken(ts, k) {
			return true
		}
	}
	return false
}

// anyNamedBy reports whether a word of some entry's name is among ts.
func anyNamedBy(ents []*item, ts []string) bool {
	for _, e := range ents {
		if namedBy(e, ts) {
			return true
		}
	}
	return false
}

// atNamedEmployer returns the jobs at the employers the question names.
func atNamedEmployer(x *Index, q *query) []*item {
	var at []*item
	for _, e := range q.ents {
		if e.sec != secWork || !namedBy(e, q.ts) {
			continue // found by its title's words ("managed"), not named
		}
		for _, it := range x.sorted(secWork) {
			if it.title == e.title && !containsItem(at, it) {
				at = append(at, it)
			}
		}
	}
	return at
}

// worksIn reports "did she work in a school": a workplace, not studies.
func worksIn(ts []string) bool {
	for i, t := range ts {
		switch t {
		case "work", "worked", "working", "works", "employed", "job", "jobs", "taught", "teach", "teaching":
			if p := at(ts, i+1); p == "in" || p == "at" || p == "for" {
				if a := at(ts, i+2); a == "a" || a == "an" || a == "schools" || a == "universities" || a == "colleges" || a == "education" {
					return true
				}
			}
		}
	}
	return false
}

// employerCount answers "how many companies has she worked for": the
// employers, each once, with the roles at each.
func (x *Index) employerCount(o *out, now time.Time) {
	o.in = iWork
	var names []string
	for _, it := range x.jobs {
		if it.title != "" && !slices.Contains(names, it.title) {
			names = append(names, it.title)
		}
		o.citeItem(it)
	}
	jobs := len(x.jobs)
	switch {
	case len(names) == 1:
		o.say("The profile lists one employer: %s.", names[0])
	case jobs > len(names):
		o.say("The profile lists %d employers (%d roles in all): %s.", len(names), jobs, list(names))
	default:
		o.say("The profile lists %d employers: %s.", len(names), list(names))
	}
	o.focusOn(x.jobs...)
}

// longestStay answers "the longest she stayed anywhere": the employer with
// the longest (or shortest) time from first start to last end, then how
// long that was.
func (x *Index) longestStay(o *out, longest bool, now time.Time) bool {
	type stay struct {
		it       *item
		from, to time.Time
		open     bool // still there: no "shortest" yet
	}
	var stays []stay
	for _, it := range x.jobs {
		if !it.dated {
			continue
		}
		found := false
		for i := range stays {
			if stays[i].it.norm != "" && stays[i].it.norm == it.norm {
				if it.per.From().Before(stays[i].from) {
					stays[i].from = it.per.From()
				}
				if it.per.Until(now).After(stays[i].to) {
					stays[i].to = it.per.Until(now)
				}
				stays[i].open = stays[i].open || it.per.Open
				found = true
			}
		}
		if !found {
			stays = append(stays, stay{it, it.per.From(), it.per.Until(now), it.per.Open})
		}
	}
	if len(stays) < 2 {
		return false
	}
	best := -1
	for i := range stays {
		if !longest && stays[i].open {
			continue
		}
		if best < 0 {
			best = i
			continue
		}
		d, b := monthsBetween(stays[i].from, stays[i].to), monthsBetween(stays[best].from, stays[best].to)
		if longest && d > b || !longest && d < b {
			best = i
		}
	}
	if best < 0 {
		return false
	}
	o.in = iDuration
	word := "longest"
	if !longest {
		word = "shortest"
	}
	if it := stays[best].it; it.ownAcct {
		o.say("%s %s time in one job in the profile is %s.", x.whose(), word, it.atEmployer())
	} else {
		o.say("%s %s time at one employer in the profile is at %s.", x.whose(), word, it.label())
	}
	x.duration(o, stays[best].it, now)
	o.in = iDuration
	return true
}
