package converse

import "strings"

// kindNouns are the words of a name that say what kind of body it is:
// "the foundation" for Open Mesh Foundation, "the academy" for Eastfield
// Academy. They are too common to name an entry alone (genericNameWords),
// but "the" before one, when one entry's name ends with it, is that entry.
var kindNouns = setOf(`foundation university universität universidad college school institute academy
polytechnic lab labs laboratory association society center centre company corporation trust
clinic hospital museum agency firm studio charity`)

// endsPhrase are the words that may follow such a noun when it ends the
// phrase: "at the foundation now", not "the school board".
var endsPhrase = setOf(`now then there before after and or in for as with when since until while @p`)

// theKindName takes "what does she do at the foundation" for the one work,
// study or volunteering entry whose name ends with the noun: among the
// entries in focus first, else among all. The question then names it.
func (r *resolver) theKindName() {
	q := r.q
	if len(q.ents) > 0 || len(q.techs) > 0 {
		return
	}
	noun := ""
	for i, t := range q.ts {
		if t == "the" && kindNouns[at(q.ts, i+1)] && (i+2 >= len(q.ts) || endsPhrase[q.ts[i+2]]) {
			noun = q.ts[i+1]
			break
		}
	}
	if noun == "" {
		return
	}
	ends := func(it *item) bool {
		return (it.sec == secWork || it.sec == secEducation || it.sec == secVolunteer) && strings.HasSuffix(it.norm, " "+noun+" ")
	}
	pick := func(items []*item) *item {
		var found *item
		for _, it := range items {
			if !ends(it) {
				continue
			}
			if found != nil && found.norm != it.norm {
				return nil // two bodies of that kind: the noun names neither
			}
			if found == nil {
				found = it
			}
		}
		return found
	}
	it := pick(r.focus())
	if it == nil {
		var all []*item
		for _, sec := range [...]string{secWork, secEducation, secVolunteer} {
			items := r.x.section(sec)
			for i := range items {
				all = append(all, &items[i])
			}
		}
		it = pick(all)
	}
	if it != nil {
		q.ents = []*item{it}
	}
}

// theLetterName takes "the a licence" for the one entry whose name holds
// the letter and the noun together ("UEFA A Licence"): a one-letter word
// is no key of a name (nor, after "the", an article), so nothing else
// names it.
func (r *resolver) theLetterName() {
	q := r.q
	if len(q.ents) > 1 || len(q.techs) > 0 {
		return
	}
	for i, t := range q.ts {
		l, n := at(q.ts, i+1), at(q.ts, i+2)
		if t != "the" || len(l) != 1 || l[0] < 'a' || l[0] > 'z' || len(n) < 3 {
			continue
		}
		phrase := " " + l + " " + n
		var found *item
		for _, sec := range [...]string{secCertificates, secAwards, secEducation, secWork, secProjects} {
			items := r.x.section(sec)
			for j := range items {
				if it := &items[j]; strings.Contains(it.norm, phrase+" ") || strings.HasSuffix(it.norm, phrase+"s ") {
					if found != nil {
						return // two such names: the letter names neither
					}
					found = it
				}
			}
		}
		if found != nil {
			q.ents = []*item{found}
		}
		return
	}
}
