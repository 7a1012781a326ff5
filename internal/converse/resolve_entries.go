package converse

import (
	"slices"
	"strings"
	"time"
)

// besides answers "any X besides Y": the rest of the section.
func (r *resolver) besides() bool {
	x, o, q := r.x, r.o, r.q
	if len(q.ents) > 0 && !q.hasWin && asksBesides(q) {
		// "any awards besides the Michelin star": the rest of the section
		if sec := topicSection(r.top); sec != "" && sec != secWork && r.topScore > 0 {
			var aside []*item
			for _, e := range q.ents {
				if e.sec == sec {
					aside = append(aside, e)
				}
			}
			if len(aside) > 0 {
				o.in = r.top
				x.listExcept(o, sec, aside, r.now)
				return true
			}
		}
		return r.otherCurrentRoles()
	}
	if len(q.ents) == 0 && !q.hasWin && asksBesides(q) && besidesMainJob(q) {
		return r.sideRoles()
	}
	return false
}

// besidesMainJob reports "besides her main job", "apart from her day job":
// the one job not named, but said to be her main one.
func besidesMainJob(q *query) bool {
	for _, p := range [...]string{" main job ", " day job ", " main role ", " full-time job ", " full time job ", " regular job ", " main gig ", " main one ", " primary job ", " primary role ", " main position "} {
		if strings.Contains(q.joined, p) {
			return true
		}
	}
	return false
}

// sideRoles answers "does she do anything besides her main job": the
// roles held now beside the one full-time job, and volunteering held now.
// False when the main job is not the only full-time one.
func (r *resolver) sideRoles() bool {
	x, o := r.x, r.o
	var current []*item
	for _, it := range x.sorted(secWork) {
		if it.current(r.now) {
			current = append(current, it)
		}
	}
	if len(current) < 2 {
		return false
	}
	main, full := x.mainJob(current, r.now)
	var others []*item
	var parts []string
	for _, it := range current {
		if it != main {
			others = append(others, it)
			parts = append(parts, it.roleAt()+it.span())
			o.citeItem(it)
		}
	}
	var vol []string
	for _, it := range x.sorted(secVolunteer) {
		if it.current(r.now) {
			vol = append(vol, it.listEntry()+it.span())
			o.citeItem(it)
		}
	}
	o.in = iCurrent
	o.citeItem(main)
	if full > 1 {
		// several jobs held now, none said to be part-time: which is the
		// main one is the profile's to say; the longest-running is taken
		o.say("%s holds %d roles now, none of them marked part-time; the longest-running is %s.", x.Who(), full, main.roleAt()+main.span())
	}
	switch {
	case len(parts) > 0 && len(vol) > 0:
		o.say("Besides the main job (%s), %s also works as %s, and volunteers as %s.", main.roleAt(), x.who(), list(parts), list(vol))
	case len(parts) > 0:
		o.say("Besides the main job (%s), %s also works as %s.", main.roleAt(), x.who(), list(parts))
	case len(vol) > 0:
		o.say("The profile lists no other job held now beside %s; %s volunteers as %s.", main.roleAt(), x.who(), list(vol))
	default:
		o.say("The profile lists no other role held now beside %s.", main.roleAt())
	}
	if len(others) > 0 {
		o.focusOn(others...)
	} else {
		o.focusOn(main)
	}
	return true
}

// sidePostWords mark a post held beside a job, whatever its hours: a board
// seat, an advisory role, volunteering.
var sidePostWords = setOf(`board advisor adviser advisory trustee trustees volunteer mentor ambassador non-executive nonexecutive`)

// mainJob picks the main one of the jobs held now: the one not marked
// part-time (nor a side post: a board seat, an advisory role), else the
// longest-running of those (its time at that employer, every role
// counted), else the longest-running of all. full is how many were
// candidates: more than one means the profile does not say which is main.
func (x *Index) mainJob(current []*item, now time.Time) (main *item, full int) {
	var cands []*item
	for _, it := range current {
		if !x.partTimeJob(it) && !hasAnyTokenIn(tokens(it.role), sidePostWords) {
			cands = append(cands, it)
		}
	}
	if len(cands) == 0 {
		cands = current
	}
	var first time.Time
	for _, it := range cands {
		from := x.stayStart(it)
		if main == nil || from.Before(first) {
			main, first = it, from
		}
	}
	return main, len(cands)
}

// stayStart is when the stay at it's employer began: its first role there.
func (x *Index) stayStart(it *item) time.Time {
	from := it.per.From()
	for _, e := range x.section(it.sec) {
		if e.dated && e.norm != "" && e.norm == it.norm && e.per.From().Before(from) {
			from = e.per.From()
		}
	}
	return from
}

// otherCurrentRoles answers "does he do anything besides teaching": the
// roles held now other than the ones the question names. False when the
// question names no current job, or no other job is held now.
func (r *resolver) otherCurrentRoles() bool {
	x, o, q := r.x, r.o, r.q
	if !hasAnyToken(q.ts, "anything", "else", "other", "something", "another") {
		return false
	}
	var aside []*item
	for _, e := range q.ents {
		if e.sec == secWork && e.current(r.now) {
			aside = append(aside, e)
		}
	}
	if len(aside) == 0 {
		return false
	}
	var others []*item
	var parts []string
	for _, it := range x.sorted(secWork) {
		if it.current(r.now) && !slices.Contains(aside, it) {
			others = append(others, it)
			parts = append(parts, it.roleAt()+it.span())
			o.citeItem(it)
		}
	}
	if len(others) == 0 {
		return false
	}
	names := make([]string, len(aside))
	for i, it := range aside {
		names[i] = it.roleAt()
	}
	o.in = iCurrent
	o.say("Besides %s, %s also works as %s.", list(names), x.who(), list(parts))
	o.focusOn(others...)
	return true
}

// dropIncidentalEntries forgets entries found only by a word their titles
// share with a question about something else.
func (r *resolver) dropIncidentalEntries() {
	q := r.q
	// "what design tools does she use": a word a paper's title shares is
	// no reference to the paper when the question asks for tools.
	if len(q.ents) > 0 && hasAnyToken(q.ts, "tool", "tools", "toolkit", "toolset", "software", "stack") && onlyIn(q.ents, secPublications, secAwards) &&
		!strings.Contains(q.joined, " "+q.ents[0].norm+" ") {
		q.ents = nil
	}
	// "what competitions did she win": a plural a title shares ("Kaggle
	// Competitions Grandmaster") asks for all her awards, not that one;
	// "what fellowships" keeps the awards that are fellowships (the
	// title's last word).
	if len(q.ents) > 0 && onlyIn(q.ents, secAwards) && !strings.Contains(q.joined, " "+q.ents[0].norm+" ") &&
		hasAnyToken(q.ts, "win", "won", "get", "got", "receive", "received", "earn", "earned") && asksKindOfAward(q.ts, q.ents) {
		q.ents = nil
	}
	// "what's her management style": a word a certificate's name shares
	// ("Global Management Accountant") is no reference to it.
	if len(q.ents) > 0 && onlyIn(q.ents, secCertificates, secAwards, secPublications) && asksStyle(q) {
		q.ents = nil
	}
	// "does she volunteer": a volunteer post titled "Volunteer" shares the
	// section's own word, which asks for all her volunteering, not that post.
	if len(q.ents) > 0 && onlyIn(q.ents, secVolunteer) && namedOnlyByVolunteering(q) {
		q.ents = nil
	}
	// "which law firm is she with": the word before the kind of employer
	// is a kind ("law", "tech"), no name, unless an employer's name holds it
	// ("which Hale firm"); the question asks for her current employer.
	if w := kindOfEmployerAsked(q.ts); w != "" && len(q.ents) > 0 && !employerNamed(q.ents, w) {
		q.ents = nil
		q.scores[iCurrent] += 6 + q.scores[iWork] // "law firm" votes for the work history
	}
}

// volunteerWords name volunteering itself, as a section or as a title.
var volunteerWords = setOf("volunteer volunteers volunteered volunteering voluntary unpaid")

// namedOnlyByVolunteering reports a question whose only words shared with
// the volunteer entries it matched are volunteering's own.
func namedOnlyByVolunteering(q *query) bool {
	said := false
	for _, e := range q.ents {
		own := tokens(e.title + " " + e.role)
		for _, t := range q.ts {
			if !slices.Contains(own, t) {
				continue
			}
			if !volunteerWords[t] && !commonWords[t] {
				return false
			}
			said = said || volunteerWords[t]
		}
	}
	return said
}

// employerNouns are the kinds of place a person works for.
var employerNouns = setOf("firm company employer organisation organization business agency practice hospital studio startup")

// kindOfEmployerAsked returns w in "which W firm is she with" (also "what
// W company does he work for"), "" for another question.
func kindOfEmployerAsked(ts []string) string {
	if (at(ts, 0) != "which" && at(ts, 0) != "what") || !employerNouns[at(ts, 2)] || !auxSet[at(ts, 3)] || at(ts, 4) != "@p" {
		return ""
	}
	return at(ts, 1)
}

// employerNamed reports whether a work entry among ents has w in its
// employer's name.
func employerNamed(ents []*item, w string) bool {
	for _, e := range ents {
		if e.sec == secWork && strings.Contains(e.norm, " "+w+" ") {
			return true
		}
	}
	return false
}

// preferEntryToTech reads "the X one" as an entry, not technology X.
func (r *resolver) preferEntryToTech() {
	q := r.q
	// "the AWS one" after a list of certificates: the entry whose title has
	// the word, not the technology.
	if len(q.ents) == 1 && len(q.techs) > 0 && entryBeforeOne(q.ts, q.ents[0]) {
		q.techs = nil
	}
}

// titleThere answers "what was his title" after a job.
func (r *resolver) titleThere() bool {
	x, o, q := r.x, r.o, r.q
	// "what was his title" right after a job: that job's title.
	if len(q.ents) == 0 && !q.hasWin && at(q.ts, 1) == "was" && hasAnyToken(q.ts, "title", "role", "position") &&
		r.topScore <= 3 && len(r.focus()) > 0 && (r.focus()[0].sec == secWork || r.focus()[0].sec == secVolunteer || r.projectRoles() != "") {
		it := r.focus()[0]
		if it.sec == secProjects { // "what was her role" after an exhibition: her roles on it
			o.in = iMore
			o.say("%s role on %s: %s.", capital(x.whose()), it.title, r.projectRoles())
			o.citeItem(it)
			o.focusOn(it)
			return true
		}
		o.in = iMore
		if it.sec == secWork && x.ordinalRoleAt(o, it, q.ts) {
			return true
		}
		// Two roles at one employer just given together ("how long was
		// she at Deloitte"): both titles.
		same := []*item{it}
		for _, g := range r.focus()[1:] {
			if g.sec == it.sec && g.title == it.title && g.role != it.role {
				same = append(same, g)
			}
		}
		if len(same) > 1 {
			o.say("%s was %s.", x.Who(), rolesList(same))
			for _, g := range same {
				o.citeItem(g)
			}
			o.focusOn(same...)
			return true
		}
		if it.role == "" && it.title != "" && !it.brk {
			// a job listed by its employer alone: no title to give
			o.say("The profile doesn't give %s job title at %s%s.", x.whose(), it.title, it.span())
		} else {
			o.say("%s was %s%s.", x.Who(), article(it.roleAt()), it.span())
		}
		o.citeItem(it)
		o.focusOn(it)
		return true
	}
	return false
}

// weakSubjectThere answers a weak subject word about the entry in focus.
func (r *resolver) weakSubjectThere() bool {
	x, o, q := r.x, r.o, r.q
	// "What was her role there?", "Which technologies did it use?": a weak
	// subject word about the entry just discussed.
	if len(q.ents) == 0 && q.anaph && r.topScore <= 3 && r.modScore == 0 && !q.hasWin && (q.unknown == "" || r.top != iTech) &&
		(r.top == iWork || r.top == iSkills || r.top == iTech || r.top == iProjects || r.top == iCurrent) && len(r.focus()) > 0 {
		o.in = iMore
		if f := r.focus(); len(f) > 1 && oneEmployer(f) && hasAnyToken(q.ts, "roles", "positions", "titles", "jobs") {
			// "what roles did she hold there" after three roles at one firm: all of them, in order
			x.rolesThere(o, f)
			return true
		}
		x.entryDetail(o, r.focus()[0], true, r.now)
		return true
	}
	return false
}

// moreThere answers "what does she do there" about the entry in focus.
func (r *resolver) moreThere() bool {
	x, o, q := r.x, r.o, r.q
	// "what does she do there": "there" is the entry just discussed, not
	// a question about her in general.
	// "what did he work on there": the word "work" is no question about
	// his jobs in general either
	// (the phrases are looked for last, and only past " on there ": this runs for most questions)
	workOn := func() bool {
		j := q.joined
		return strings.Contains(j, " on there ") &&
			(strings.Contains(j, " work on there ") || strings.Contains(j, " worked on there ") || strings.Contains(j, " working on there "))
	}
	if r.mod == iMore && q.anaph && len(q.ents) == 0 && !q.hasWin && (r.topScore <= 3 || workOn()) && len(r.focus()) > 0 {
		x.modifier(o, r.mod, q, r.st, r.focus(), r.w, r.now)
		return true
	}
	return false
}

// recognitionFor answers whether an entry got recognition, in its own words.
func (r *resolver) recognitionFor() bool {
	x, o, q := r.x, r.o, r.q
	if r.top == iAwards && q.anaph && len(q.ents) == 0 && !q.hasWin && len(r.focus()) > 0 && r.focus()[0].sec != secAwards {
		// "did he get any recognition for it": in that entry's own words
		if x.awardMentions(o, q, r.focus()[0], false) {
			return true
		}
		return x.awardsAt(o, r.focus()[0], r.now)
	}
	return false
}

// namedEntry answers about the entries the question names.
func (r *resolver) namedEntry() bool {
	x, o, q := r.x, r.o, r.q
	r.expiryOfFocus()
	if len(q.ents) > 0 && (r.topScore <= 4 || r.top == iSummary || r.top == sectionIntent(q.ents[0].sec) || r.askedWorkedThere()) {
		if q.inPlace && !q.place.outside && onlyIn(q.ents, secWork) {
			// "did she work at Deloitte in London": say where the profile places it
			var in, elsewhere []string
			for _, e := range q.ents {
				if e.loc == "" {
					continue
				}
				if inPlace(e, q.place) {
					in = append(in, e.loc)
				} else if !slices.Contains(elsewhere, e.loc) {
					elsewhere = append(elsewhere, e.loc)
				}
			}
			switch {
			case len(in) == 0 && len(elsewhere) > 0:
				o.say("The profile places %s in %s, not in %s.", q.ents[0].label(), list(elsewhere), q.place.name)
			case len(in) > 0 && yesNoQuestion(q.ts):
				o.say("Yes: the profile places %s in %s.", q.ents[0].label(), in[0])
			}
		}
		x.aboutEntity(o, q, r.mod, r.now)
		return true
	}
	return false
}

// expiryOfFocus reads "when does it expire" after a certificate as that
// certificate: the word "expire" names every certificate whose name says
// "expires 2026-09", but "it" is the one just discussed.
func (r *resolver) expiryOfFocus() {
	q := r.q
	if !q.anaph || len(q.ents) == 0 || !allCertificates(q.ents) || !hasAnyTokenIn(q.ts, expiryWords) {
		return
	}
	for _, e := range q.ents {
		if namesWord(e, q.ts, expiryOrSection) {
			return // "when does that cissp expire": named by more than the asking word
		}
	}
	if f := r.focus(); len(f) == 1 && allCertificates(f) {
		q.ents = f
	}
}

// askedWorkedThere reports "has she worked for the Guardian": a yes/no
// question whose words only say work, about employers it names (the work
// cues "has she worked" and "worked" add up past a named entry's bar).
func (r *resolver) askedWorkedThere() bool {
	q := r.q
	return r.top == iWork && yesNoQuestion(q.ts) && onlyIn(q.ents, secWork) && !q.hasWin &&
		!hasAnyToken(q.ts, "besides", "other", "except", "apart", "before", "after", "else", "outside", "anywhere", "elsewhere", "many")
}

// headOfATitle reports whether w is the last word of an entry's title:
// "fellowship" of "Sloan Research Fellowship".
func headOfATitle(ents []*item, w string) bool {
	for _, e := range ents {
		if ts := tokens(e.title); len(ts) > 0 && singular(ts[len(ts)-1]) == w {
			return true
		}
	}
	return false
}

// asksKindOfAward reports "what competitions", "which prizes", "any
// competitions": a plural that is no title's last word.
func asksKindOfAward(ts []string, ents []*item) bool {
	w := ""
	if at(ts, 0) == "what" || at(ts, 0) == "which" {
		w = at(ts, 1)
	} else {
		for i, t := range ts {
			if t == "any" {
				w = at(ts, i+1)
				if !strings.HasSuffix(w, "s") {
					w = at(ts, i+2) // "any kaggle competitions"
				}
				break
			}
		}
	}
	return len(w) > 3 && strings.HasSuffix(w, "s") && !headOfATitle(ents, singular(w))
}

// projectRoles lists the roles of the one project in focus, "" when no
// project is in focus or it lists none.
func (r *resolver) projectRoles() string {
	if f := r.focus(); len(f) == 1 && f[0].sec == secProjects {
		return list(r.x.r.Projects[f[0].idx].Roles)
	}
	return ""
}

// ordinalRoleAt answers "what was his last role there" with the latest
// (or first) of all his roles at the employer of the job in focus, not
// the job in focus; false when the question names no order or he had one
// role there.
func (x *Index) ordinalRoleAt(o *out, it *item, ts []string) bool {
	last := hasAnyToken(ts, "last", "latest", "final", "recent")
	if !last && !hasAnyToken(ts, "first", "initial", "earliest") {
		return false
	}
	var at []*item // most recent first
	for _, g := range x.sorted(secWork) {
		if g.title == it.title && g.dated {
			at = append(at, g)
		}
	}
	if len(at) < 2 || it.title == "" {
		return false
	}
	pick, which := at[len(at)-1], "first"
	if last {
		pick, which = at[0], "last"
	}
	o.say("%s %s role at %s was %s%s.", capital(x.whose()), which, it.title, pick.role, pick.span())
	o.citeItem(pick)
	o.focusOn(pick)
	return true
}
