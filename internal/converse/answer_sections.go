package converse

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

func (x *Index) educationDetail(o *out, it *item, now time.Time) {
	e := x.r.Education[it.idx]
	verb := "studied"
	if it.current(now) {
		verb = "is studying"
	} else if it.noEnd {
		verb = "started"
	}
	s := x.Who() + " " + verb
	if e.Area != "" {
		s += " " + e.Area
	}
	if it.title != "" {
		s += " at " + it.title
	}
	if it.unfin {
		s += ", from " + fmtDate(it.per.Start) + ", without completing it"
	} else if it.noEnd {
		s += " in " + fmtDate(it.per.Start) + "; the profile gives no end date"
	} else if w := it.when(); w != "" {
		s += ", " + w
	}
	o.put(sentence(s))
	if e.StudyType != "" {
		o.say("The degree is listed as %s.", strings.TrimRight(e.StudyType, "."))
	}
	if e.Score != "" {
		o.say("The score listed is %s.", strings.TrimRight(e.Score, "."))
	}
	if c := quoteList(e.Courses, 6); c != "" {
		o.say("Courses include %s.", c)
	}
}

func (x *Index) projectDetail(o *out, it *item, more bool) {
	p := x.r.Projects[it.idx]
	s := it.title
	if s == "" {
		s = "This project"
	}
	if d := strings.TrimSpace(p.Description); d != "" {
		o.say("%s: %s", s, sentence(d))
	} else {
		o.say("%s is one of %s projects.", s, x.whose())
	}
	if w := it.when(); w != "" {
		o.say("%s worked on it %s.", x.Who(), w)
	}
	if len(p.Roles) > 0 {
		o.say("%s role: %s.", capital(x.whose()), strings.Join(p.Roles, ", "))
	}
	if p.Entity != "" {
		o.say("It was done with %s.", p.Entity)
	}
	n := 2
	if more {
		n = 6
	}
	if h := quoteList(p.Highlights, n); h != "" {
		o.say("Highlights: %s.", h)
	}
	if len(it.techs) > 0 {
		o.say("Technologies: %s.", strings.Join(it.techs, ", "))
	}
	if p.URL != "" && more {
		o.say("Link: %s.", p.URL)
	}
}

func (x *Index) volunteerDetail(o *out, it *item, more bool, now time.Time) {
	v := x.r.Volunteer[it.idx]
	verb := "volunteered"
	if it.current(now) {
		verb = "volunteers"
	}
	s := x.Who() + " " + verb
	if it.role != "" {
		s += " as " + it.role
	}
	if it.title != "" {
		s += " at " + it.title
	}
	if w := it.when(); w != "" {
		s += ", " + w
	}
	o.put(sentence(s))
	if v.Summary != "" {
		o.putSummary(v.Summary)
	}
	n := 2
	if more {
		n = 6
	}
	if h := quoteList(v.Highlights, n); h != "" {
		o.say("Highlights: %s.", h)
	}
}

func (x *Index) pointDetail(o *out, it *item) {
	switch it.sec {
	case secAwards:
		a := x.r.Awards[it.idx]
		o.say("%s received %s%s%s.", x.Who(), quoteName(a.Title, "an award"), prefixed(" from ", a.Awarder), prefixed(" ", it.when()))
		if a.Summary != "" {
			o.putSummary(a.Summary)
		}
	case secCertificates:
		c := x.r.Certificates[it.idx]
		verb := "holds" // "PALS Provider (lapsed 2023)": no longer held
		if namesLapsed(c.Name) {
			verb = "held"
		}
		who := x.Who()
		if o.yes && verb == "holds" {
			who = "Yes, " + x.who()
		}
		o.say("%s %s the certificate %s%s%s.", who, verb, quoteName(c.Name, "(unnamed)"), prefixed(" from ", c.Issuer), prefixed(", issued ", strings.TrimPrefix(it.when(), "in ")))
	case secPublications:
		p := x.r.Publications[it.idx]
		o.say("%s published %s%s%s.", x.Who(), quoteName(p.Name, "a work"), prefixed(" with ", p.Publisher), prefixed(" ", it.when()))
		if p.Summary != "" {
			o.putSummary(p.Summary)
		}
		if p.URL != "" {
			o.say("Link: %s.", p.URL)
		}
	}
}

func quoteName(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return "“" + strings.TrimSpace(s) + "”"
}

// listSection answers "what projects", "what certificates" and similar,
// optionally within a window.
func (x *Index) listSection(o *out, sec string, w *Window, now time.Time) {
	all := x.sorted(sec)
	noun := sectionNoun(sec)
	if len(all) == 0 {
		if sec == secPublications && o.talks && w == nil && x.talkProjects(o) {
			return
		}
		if sec == secPublications && o.talks {
			o.say("The profile doesn't list any talks or publications.") // "has she spoken at conferences": neither
		} else {
			o.say("The profile doesn't list any %s.", pluralNoun(noun))
		}
		if sec == secEducation && x.quoteSentences(o, "The summary says:", x.summarySentences(schoolingSentence)) {
			return // "I never went to university" answers "does she have a degree"
		}
		if sec == secEducation || sec == secWork {
			x.mentionOtherSections(o)
		}
		return
	}
	if sec == secPublications && o.talks && w == nil {
		talks, said := 0, 0
		for _, it := range all {
			if x.isTalk(it) || x.atEvent(it) {
				talks++
			}
			if x.isTalk(it) {
				said++
			}
		}
		// papers at a "Conference on Robot Learning" may or may not have
		// been talks; projects typed "talk" are: those, when no
		// publication says it was one
		if said == 0 && x.talkProjects(o) {
			return
		}
		if talks == 0 { // "has she spoken at conferences": say there are none before the writing
			o.say("The profile doesn't list any talks; it lists %s writing:", x.whose())
		}
	}
	items := all
	if sec == secPublications && o.newest && w == nil && x.newestPublication(o, all, now) {
		return // "her last book", "his latest album"
	}
	if sec == secPublications && o.books && w == nil {
		// "has he written any books": the entries that say they are
		// books, when some do and some don't
		var books []*item
		for _, it := range all {
			if x.isBook(it) {
				books = append(books, it)
			}
		}
		if len(books) > 0 && len(books) < len(all) {
			parts := make([]string, len(books))
			for i, it := range books {
				parts[i] = it.listEntry() + it.span()
				o.citeItem(it)
			}
			o.say("%s books: %s.", capital(x.whose()), list(parts))
			o.focusOn(books...)
			return
		}
	}
	if w != nil {
		o.win = w
		items = nil
		for _, it := range all {
			if it.inWindow(*w, now) {
				items = append(items, it)
			}
		}
		if len(items) == 0 {
			o.say("The profile doesn't list any %s %s.", pluralNoun(noun), w.Phrase())
			if sec == secAwards {
				awardsThereAre(o, all)
			}
			return
		}
	}
	if len(items) == 1 && w == nil {
		x.entryDetail(o, items[0], false, now)
		return
	}
	parts := make([]string, len(items))
	for i, it := range items {
		parts[i] = it.listEntry() + it.span()
		if it.sec == secEducation {
			parts[i] = x.educationEntry(it)
		}
		o.citeItem(it)
	}
	head := map[string]string{secEducation: "%s education: %s.", secProjects: "%s projects: %s.",
		secVolunteer: "%s volunteering: %s.", secAwards: "%s awards: %s.", secCertificates: "%s certificates: %s.",
		secPublications: "%s publications and talks: %s."}[sec]
	o.say(head, capital(x.whose()), list(parts))
	if w != nil {
		o.say("(Limited to %s.)", w.Phrase())
	}
	o.focusOn(items...)
}

// newestPublication gives the newest of the publications of the kind
// asked (books, papers, else any) by date; false when none is of it.
func (x *Index) newestPublication(o *out, all []*item, now time.Time) bool {
	var of []*item
	for _, it := range all {
		if o.books && !x.isBook(it) || o.papers && (x.isTalk(it) || x.isBook(it)) || !o.books && !o.papers && o.talks && !x.isTalk(it) {
			continue
		}
		if _, ok := it.start(); ok {
			of = append(of, it)
		}
	}
	if len(of) == 0 {
		return false
	}
	x.entryDetail(o, newestOf(of), false, now)
	return true
}

// isBook reports whether a publication calls itself a book.
func (x *Index) isBook(it *item) bool {
	if it.sec != secPublications || it.idx >= len(x.r.Publications) {
		return false
	}
	p := x.r.Publications[it.idx]
	return hasAnyToken(tokens(p.Name+" "+p.Summary), "book", "novel", "memoir", "monograph", "textbook", "cookbook")
}

// listExcept lists a section's entries other than those the visitor set
// aside ("any awards besides the Michelin star").
func (x *Index) listExcept(o *out, sec string, aside []*item, now time.Time) {
	var parts, names []string
	var items []*item
	for _, it := range x.sorted(sec) {
		if slices.Contains(aside, it) {
			names = append(names, it.label())
			continue
		}
		items = append(items, it)
		parts = append(parts, it.listEntry()+it.span())
		o.citeItem(it)
	}
	noun := pluralNoun(sectionNoun(sec))
	if len(items) == 0 {
		o.say("The profile lists no other %s besides %s.", noun, list(names))
		for _, it := range aside {
			o.citeItem(it)
		}
		o.focusOn(aside...)
		return
	}
	o.say("Besides %s, the profile lists these %s: %s.", list(names), noun, list(parts))
	o.focusOn(items...)
}

// asksBesides reports "besides X", "other than X", "apart from X",
// "except X": the visitor sets the named entries aside.
func asksBesides(q *query) bool {
	return hasAnyToken(q.ts, "besides", "except", "excluding") || q.has(" other than ") ||
		q.has(" from ") && (q.has(" apart from ") || q.has(" aside from "))
}

// listEntry is an entry as one item of a list.
func (it *item) listEntry() string {
	switch it.sec {
	case secVolunteer:
		if it.role != "" {
			return it.role + " at " + it.title
		}
	case secAwards, secCertificates, secPublications:
		if it.role != "" {
			return it.label() + " (" + it.role + ")"
		}
	}
	return it.label()
}

// skillCount says how many skills the skills section lists: every keyword,
// and a group with none as one skill.
func (x *Index) skillCount(o *out) {
	n := 0
	for _, s := range x.r.Skills {
		switch {
		case len(s.Keywords) > 0:
			n += len(nonEmpty(s.Keywords...))
		case strings.TrimSpace(s.Name) != "":
			n++
		}
	}
	if n > 0 {
		o.say("%s lists %s.", x.Who(), plural(n, "one skill", strconv.Itoa(n)+" skills"))
	}
}

func (x *Index) skills(o *out) {
	if len(x.r.Skills) == 0 {
		if len(x.techOrder) > 0 {
			o.say("The profile has no skills section, but its entries mention %s.", list(x.namedTechs(10)))
			for _, t := range x.namedTechs(10) {
				for _, c := range x.techUse[strings.ToLower(t)] {
					o.cite(c.Section, c.Index, c.Field)
				}
			}
			return
		}
		o.say("The profile doesn't list any skills.")
		return
	}
	var parts []string
	for i, s := range x.r.Skills {
		p := s.Name
		if s.Level != "" {
			p += " (" + s.Level + ")"
		}
		if len(s.Keywords) > 0 {
			if p != "" {
				p += ": "
			}
			p += strings.Join(s.Keywords, ", ")
		}
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
			o.cite(secSkills, i, "")
		}
	}
	o.say("%s skills: %s.", capital(x.whose()), strings.Join(parts, "; "))
}

func firstN(s []string, n int) []string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

func (x *Index) interests(o *out) {
	if len(x.r.Interests) == 0 {
		o.say("The profile doesn't list any interests or hobbies.")
		return
	}
	var parts []string
	for i, in := range x.r.Interests {
		p := in.Name
		if len(in.Keywords) > 0 {
			p += " (" + strings.Join(in.Keywords, ", ") + ")"
		}
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
			o.cite(secInterests, i, "")
		}
	}
	o.say("%s interests include %s.", capital(x.whose()), list(parts))
	x.summarySays(o, "interest", "passion", "enjoy", "love", "hobb", "fascinat", "spare time", "free time")
}

func (x *Index) references(o *out) {
	if len(x.r.References) == 0 {
		o.say("The profile doesn't include any references.")
		return
	}
	for i := range x.r.References {
		if i == 2 {
			break
		}
		x.reference(o, i)
	}
}

func nonBlank(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

// isTalk reports a publication that is a talk, a keynote or a panel
// rather than a written work.
func (x *Index) isTalk(it *item) bool {
	if it.sec != secPublications || it.idx >= len(x.r.Publications) {
		return false
	}
	p := x.r.Publications[it.idx]
	if writtenVenue(p.Publisher) {
		return false
	}
	for _, t := range tokens(p.Name + " " + p.Summary + " " + p.Publisher) {
		switch t {
		case "talk", "talks", "keynote", "presentation", "presented", "webinar", "panel", "lecture":
			return true
		}
	}
	return false
}

// atEvent reports a publication whose publisher reads as an event
// ("PyCon", "Web Summit"): it may be a talk though nothing says so.
func (x *Index) atEvent(it *item) bool {
	if it.sec != secPublications || it.idx >= len(x.r.Publications) {
		return false
	}
	for _, t := range tokens(x.r.Publications[it.idx].Publisher) {
		switch t {
		case "conference", "summit", "meetup", "symposium", "workshop", "forum", "expo", "festival", "congress", "convention", "devday", "days":
			return true
		}
		if len(t) >= 5 && strings.HasSuffix(t, "con") {
			return true // PyCon, KubeCon, SREcon
		}
	}
	return false
}

func (x *Index) withoutTalks(items []*item) []*item {
	var out []*item
	for _, it := range items {
		if !x.isTalk(it) {
			out = append(out, it)
		}
	}
	return out
}

// countSection answers "how many papers has she published": the count
// first (papers and talks apart), the list after it.
func (x *Index) countSection(o *out, sec string) {
	items := x.sorted(sec)
	if len(items) == 0 {
		return
	}
	if sec == secPublications {
		papers := len(x.withoutTalks(items))
		talks := len(items) - papers
		switch {
		case talks == 0:
			o.say("The profile lists %d %s.", papers, plural(papers, "publication", "publications"))
		case papers == 0:
			o.say("The profile lists %d %s.", talks, plural(talks, "talk", "talks"))
		default:
			o.say("The profile lists %d publications and talks: %d %s and %d %s.", len(items), papers, plural(papers, "paper", "papers"), talks, plural(talks, "talk", "talks"))
		}
		return
	}
	noun := sectionNoun(sec)
	o.say("The profile lists %d %s.", len(items), plural(len(items), noun, pluralNoun(noun)))
}
