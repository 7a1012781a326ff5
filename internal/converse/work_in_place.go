package converse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Résumés rarely say where a person would work. "could she work in
// London", "can he work from Toronto" ask that of a city: the answer is
// what the summary says of places, moving and remote work, the jobs the
// person already held there and where the person lives; never a search
// hit on the city's name nor a list of technologies. Countries are
// statusUnsaid's (a right to work there).

// workInPlace answers "could she work in London".
func (r *resolver) workInPlace() bool {
	x, o, q := r.x, r.o, r.q
	i := workPlaceAsked(q.ts)
	if i < 0 || len(q.ents) > 0 || len(q.techs) > 0 && !x.techUnlisted(q) {
		return false
	}
	var p place
	switch {
	case q.inPlace && q.place.city && !q.place.outside:
		p = q.place
	case !q.inPlace:
		words := askedPlaceWords(q.raw, len(q.ts)-i)
		if len(words) == 0 {
			return false
		}
		p = place{name: strings.Join(words, " "), key: strings.ToLower(strings.Join(words, " ")), city: true}
	default:
		return false
	}
	x.workThere(o, p)
	return true
}

// techUnlisted: a place the gazetteer lacks may be read as an unknown
// technology ("Toronto"); no skill of the profile's is named then.
func (x *Index) techUnlisted(q *query) bool {
	for _, t := range q.techs {
		if x.words[stem(strings.ToLower(t))] {
			return false
		}
	}
	return true
}

// workPlaceAsked returns the index in ts of the place after "could she
// work in", "can he work from", "would they be based in", or -1.
func workPlaceAsked(ts []string) int {
	if len(ts) < 5 || ts[1] != "@p" {
		return -1
	}
	switch ts[0] {
	case "can", "could", "would", "will", "might":
	default:
		return -1
	}
	i := 2
	for i < len(ts) && (ts[i] == "legally" || ts[i] == "also" || ts[i] == "ever") {
		i++
	}
	switch {
	case at(ts, i) == "work" || at(ts, i) == "live":
		i++
	case at(ts, i) == "be" && (at(ts, i+1) == "based" || at(ts, i+1) == "working"):
		i += 2
	default:
		return -1
	}
	switch {
	case at(ts, i) == "in" || at(ts, i) == "from":
		i++
	case at(ts, i) == "out" && at(ts, i+1) == "of":
		i += 2
	default:
		return -1
	}
	if i >= len(ts) || fillerAfterPlace[ts[i]] {
		return -1
	}
	return i
}

// fillerAfterPlace are words after "work in" that name no place ("work in
// a team", "work from home" is remote's).
var fillerAfterPlace = setOf(`a an the home office person teams team sales it tech finance data shifts person remote remotely that this there`)

// askedPlaceWords returns the last n words of raw as written, without
// punctuation, each capitalised ("Toronto", "New York").
func askedPlaceWords(raw string, n int) []string {
	f := strings.FieldsFunc(raw, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '.' })
	var out []string
	for _, w := range f {
		w = strings.Trim(w, ".'-")
		if w != "" {
			out = append(out, w)
		}
	}
	if n > len(out) || n <= 0 || n > 3 {
		return nil
	}
	out = out[len(out)-n:]
	for i, w := range out {
		out[i] = capitalWords(w)
	}
	return out
}

// workThere says what the profile gives on working in p.
func (x *Index) workThere(o *out, p place) {
	o.in = iLocation
	if p.name == strings.ToLower(p.name) {
		p.name = capitalWords(p.name) // "tucson" as the question spelled it
	}
	home := x.basedIn()
	if home != "" && x.homeIn(p) {
		o.say("%s is based in %s.", x.Who(), home)
		o.cite(secBasics, 0, "location")
		x.quoteSentences(o, "The summary says:", x.whereOpen(p))
		return
	}
	if sns := x.whereOpen(p); len(sns) > 0 {
		o.say("The profile doesn't say outright whether %s would work in %s.", x.who(), p.name)
		x.quoteSentences(o, "The summary says:", sns)
	} else {
		o.in = iUnknown
		o.say("The profile doesn't mention whether %s would work in %s or move there.", x.who(), p.name)
	}
	x.workedThereBefore(o, p)
	if home != "" {
		o.say("%s is based in %s.", x.Who(), home)
		o.cite(secBasics, 0, "location")
	}
}

// placeKnown reports whether the person lives or worked in p.
func (x *Index) placeKnown(p place) bool {
	if x.basedIn() != "" && x.homeIn(p) {
		return true
	}
	for _, it := range x.sorted(secWork) {
		if it.loc != "" && placeHolds(it, p) {
			return true
		}
	}
	return false
}

// workedThereBefore names the jobs the person held in p.
func (x *Index) workedThereBefore(o *out, p place) {
	var parts []string
	for _, it := range x.sorted(secWork) {
		if it.loc == "" || !placeHolds(it, p) {
			continue
		}
		parts = append(parts, it.roleAt()+it.span())
		o.citeItem(it)
	}
	if len(parts) > 0 {
		o.say("%s has worked in %s before: %s.", x.Who(), p.name, list(firstN(parts, 4)))
	}
}

// placeHolds reports whether the entry was in p, a place of the gazetteer
// or one it lacks (then by the words of the entry's location).
func placeHolds(it *item, p place) bool {
	if p.country != "" || p.key != "" && inPlace(it, p) {
		return inPlace(it, p)
	}
	return strings.Contains(" "+strings.Join(tokens(it.loc), " ")+" ", " "+p.key+" ")
}

// whereOpen returns the summary's sentences on where the person would
// work: moving, remote or on-site work, or the place asked.
func (x *Index) whereOpen(p place) []*snippet {
	var out []*snippet
	for i := range x.snippets {
		sn := &x.snippets[i]
		if sn.cite.Section != secBasics {
			continue
		}
		low := " " + strings.Join(tokens(sn.text), " ") + " "
		raw := sn.lower()
		if saysWhereOpen(raw) || containsAny(low, whereWorkMarks) || p.key != "" && strings.Contains(low, " "+p.key+" ") {
			out = append(out, sn)
		}
	}
	return out
}

// saysWhereOpen reports whether a summary's sentence (lower case) says
// where the person would work: "open to roles in Berlin", "not able to
// relocate"; not "relocation clients", a line of business.
func saysWhereOpen(low string) bool {
	if !containsAny(low, relocationStems) {
		return false
	}
	if strings.Contains(low, "relocation") && !containsAny(low, []string{"relocate", "relocating", "open to relocation", "willing", "consider", "no relocation", "not to relocation", "without relocation"}) {
		return false
	}
	return strings.Contains(low, " in ") || containsAny(low, []string{"relocat", "move", "remote"}) || containsAny(low, foreignMoveStems)
}

// capitalWords capitalises each word of s.
func capitalWords(s string) string {
	f := strings.Fields(s)
	for i, w := range f {
		r, size := utf8.DecodeRuneInString(w)
		f[i] = string(unicode.ToUpper(r)) + w[size:]
	}
	return strings.Join(f, " ")
}

// whereWorkMarks say where or how far a person works.
var whereWorkMarks = []string{" remote ", " remotely ", " on site ", " onsite ", " hybrid ", " commute ", " commuting ", " relocate ", " relocating "}
