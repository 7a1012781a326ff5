package converse

import (
	"slices"
	"strings"

	"github.com/biter777/countries"
)

// basicsCountry is the country the person is based in, from the country
// code or the city and region.
func (x *Index) basicsCountry() string {
	l := x.r.Basics.Location
	if c := countries.ByName(l.CountryCode); l.CountryCode != "" && c != countries.Unknown {
		return c.Alpha2()
	}
	for _, p := range placesIn(l.City + " , " + l.Region) {
		if p.country != "" {
			return p.country
		}
	}
	return ""
}

// basedIn renders where the person is based: "Berlin, Germany".
func (x *Index) basedIn() string {
	l := x.r.Basics.Location
	country := countryName(x.basicsCountry())
	if country == "" {
		country = l.CountryCode
	}
	parts := nonEmpty(l.City, l.Region, country)
	if len(parts) == 3 && strings.EqualFold(parts[0], parts[1]) { // "Berlin, Berlin"
		parts = parts[1:]
	}
	return strings.Join(parts, ", ")
}

// placeAnswer answers "did he work in Japan", "has she lived in Germany",
// "did they study in Leeds" from the jobs' locations, the schools' names
// and where the person is based.
func (x *Index) placeAnswer(o *out, q *query, p place) {
	display := p.name
	if p.city && p.country != "" && countryName(p.country) != "" {
		display = capital(p.name)
	}
	entries := x.work
	noun := "job"
	if q.scores[iEducation] > q.scores[iWork] && q.scores[iEducation] > 0 {
		entries, noun = x.education, "school"
	}
	if hasAnyToken(q.ts, "grow", "grew", "raised", "born", "hometown", "originally") {
		// "did she grow up in Dublin": where she works says nothing of it
		x.origin(o)
		return
	}
	aboutHome := q.scores[iLocation] > 0 && q.scores[iLocation] >= q.scores[iWork] || presentlyIn(q.ts)
	o.in = iWhere
	if aboutHome {
		o.in = iLocation
		home := x.basedIn()
		switch {
		case home == "":
			o.say("The profile doesn't say where %s is based.", x.who())
		case x.homeIn(p) != p.outside:
			o.say("Yes, %s is based in %s.", x.who(), home)
			o.cite(secBasics, 0, "location")
			return
		case p.outside:
			// "has he lived outside Texas": home is there; the jobs say where else
			o.say("%s is based in %s.", capital(x.who()), home)
			o.cite(secBasics, 0, "location")
		case strings.Contains(q.joined, " from "):
			o.say("The profile doesn't say where %s is from; it says %s is based in %s.", x.who(), x.who(), home)
			o.cite(secBasics, 0, "location")
		case hasAnyToken(q.ts, "lived", "ever", "before", "previously") && !presentlyIn(q.ts):
			// "has she lived in bamberg": home now is no answer to where
			// she lived before, which the jobs' places may tell
			o.say("The profile says %s is based in %s; it doesn't say where else %s has lived.", x.who(), home, x.who())
			o.cite(secBasics, 0, "location")
		case x.basicsCountry() != "" && p.country != "" && x.basicsCountry() != p.country:
			// another country: a plain no, then where
			o.say("No, the profile says %s is based in %s.", x.who(), home)
			o.cite(secBasics, 0, "location")
		case p.city && x.r.Basics.Location.City != "" && !wideOrNested(p.key):
			// another city: "No" too ("is she in portland" of someone in
			// Seattle); a state or an area may hold the home town unsaid
			o.say("No, the profile says %s is based in %s.", x.who(), home)
			o.cite(secBasics, 0, "location")
		default:
			o.say("The profile says %s is based in %s.", x.who(), home)
			o.cite(secBasics, 0, "location")
		}
	}
	var hits []*item
	located := 0
	for i := range entries {
		it := &entries[i]
		if c, where := placeOfItem(it); c != "" || len(where) > 0 || it.loc != "" {
			located++
		}
		if inPlace(it, p) != p.outside && (!p.outside || it.loc != "") {
			hits = append(hits, it)
		}
	}
	if noun == "job" && !p.outside && wentTo(q) {
		// "did he go to oxford": to a school there as much as to a job
		for i := range x.education {
			if it := &x.education[i]; inPlace(it, p) {
				hits = append(hits, it)
			}
		}
	}
	if len(hits) > 0 && !p.outside && x.movedWhen(o, q, hits, display) {
		return
	}
	if len(hits) > 0 {
		parts := make([]string, 0, len(hits))
		for _, it := range hits {
			if it.sec == secEducation && noun == "job" { // a school found by wentTo
				parts = append(parts, x.educationEntry(it))
				o.citeItem(it)
				continue
			}
			s := it.label()
			if it.sec == secWork && (it.role != "" || it.brk) {
				s = it.roleAt() // "a career break (Parental leave)", not "Parental leave at Career break"
			}
			if it.loc != "" && !strings.EqualFold(it.loc, p.name) {
				s += " in " + it.loc
			}
			parts = append(parts, s+it.span())
			o.citeItem(it)
		}
		switch {
		case p.outside:
			o.say("%s, the profile lists %s.", yesIn(q.ts, "outside", display), list(parts))
		case aboutHome:
			o.say("The profile also lists, in %s: %s.", display, list(parts))
		default:
			o.say("%s, the profile lists %s.", yesIn(q.ts, "in", display), list(parts))
		}
		o.focusOn(hits...)
		return
	}
	if aboutHome {
		return
	}
	if !p.outside && noun == "job" && yesNoQuestion(q.ts) && q.scores[iWork] == 0 && !hasAnyToken(q.ts, workedWords...) && x.quotePlace(o, p, "Yes, the profile mentions:") {
		return // "has he flown to hawaii": no job there, but a sentence says so
	}
	if located == 0 {
		o.say("The profile doesn't say where %s %ss were.", x.whose(), noun)
		if !p.outside {
			x.quotePlace(o, p, "But it mentions:")
		}
	} else {
		where := "in"
		if p.outside {
			where = "outside"
		}
		o.say("The profile doesn't list a %s %s %s.", noun, where, display)
		if !p.outside && x.quotePlace(o, p, "But it mentions:") {
			return // "the Noma Japan residency in Tokyo": a stint abroad inside a job
		}
		var elsewhere []string
		for i := range entries {
			it := &entries[i]
			if it.sec == secWork && it.loc != "" {
				elsewhere = append(elsewhere, it.label()+" ("+it.loc+")")
				o.citeItem(it)
			}
		}
		if len(elsewhere) > 0 {
			o.say("The locations it gives: %s.", list(firstN(elsewhere, 5)))
		}
	}
	if home := x.basedIn(); home != "" {
		o.say("%s is based in %s.", x.Who(), home)
		o.cite(secBasics, 0, "location")
	}
}

// homeIn reports whether the person is based in p.
func (x *Index) homeIn(p place) bool {
	l := x.r.Basics.Location
	home := " " + strings.Join(tokens(l.City+" "+l.Region), " ") + " "
	if strings.Contains(home, " "+p.key+" ") {
		return true
	}
	for _, w := range placesIn(l.City + ", " + l.Region) {
		if p.city && w.key == p.key { // "Munich" for a home in München
			return true
		}
	}
	return !p.city && p.country != "" && x.basicsCountry() == p.country
}

// asksMoveTo reports a question about a future move ("would she move to
// London", "is he willing to move"), not about where the person lived.
func asksMoveTo(q *query) bool {
	if !q.has(" move ") && !q.has(" moving ") {
		return false
	}
	switch at(q.ts, 0) {
	case "would", "will", "could", "can", "is", "are", "might":
		return at(q.ts, 0) != "is" && at(q.ts, 0) != "are" || hasAnyToken(q.ts, "willing", "open", "ready", "happy", "considering")
	}
	return hasAnyToken(q.ts, "willing", "open", "consider", "considering")
}

// relocation answers "would she relocate": résumés rarely say.
func (x *Index) relocation(o *out) {
	// The summary is where a person says what they are open to ("Open to
	// roles in Berlin or London"); jobs' sentences are about the past.
	var own []*snippet
	for _, sn := range x.peopleSentences(len(x.snippets), relocationStems) {
		// "open to new challenges" says nothing of places
		if sn.cite.Section == secBasics && saysWhereOpen(sn.lower()) {
			own = append(own, sn)
		}
	}
	if len(own) > 0 {
		o.in = iLocation
		x.quoteSentences(o, "The summary says:", own)
		if home := x.basedIn(); home != "" {
			o.say("%s is based in %s.", x.Who(), home)
			o.cite(secBasics, 0, "location")
		}
		return
	}
	if x.relocationBySearch(o) {
		return
	}
	o.in = iUnknown
	o.say("The profile doesn't mention %s work-location preferences.", x.whose())
	if home := x.basedIn(); home != "" {
		o.say("%s is based in %s.", x.Who(), home)
		o.cite(secBasics, 0, "location")
	}
}

// relocationStems mark a summary's sentence about where the person would work.
var relocationStems = append([]string{"relocat", "open to", "willing to move", "willing to work", "happy to move", "move to", "moving to", "based anywhere"},
	foreignMoveStems...)

// abroad answers "has he worked abroad": the jobs in another country than
// the one the person is based in, or the countries of the jobs when the
// profile doesn't say where the person is based.
func (x *Index) abroad(o *out, volunteering bool) {
	o.in = iWhere
	home := x.basicsCountry()
	if volunteering && home != "" && x.volunteeredAbroad(o, home) {
		return // "has she volunteered abroad"
	}
	byCountry := map[string][]*item{}
	var order []string
	for i := range x.work {
		it := &x.work[i]
		c, _ := placeOfItem(it)
		if c == "" {
			continue
		}
		if _, ok := byCountry[c]; !ok {
			order = append(order, c)
		}
		byCountry[c] = append(byCountry[c], it)
	}
	if len(order) == 0 {
		if x.jobPlacesSaid(o) {
			return
		}
		o.say("The profile doesn't say in which countries %s jobs were.", x.whose())
		if h := x.basedIn(); h != "" {
			o.say("%s is based in %s.", x.Who(), h)
			o.cite(secBasics, 0, "location")
		}
		return
	}
	var parts []string
	for _, c := range order {
		if c == home {
			continue
		}
		var jobs []string
		for _, it := range byCountry[c] {
			where := ""
			if city, _, ok := strings.Cut(it.loc, ","); ok && !strings.EqualFold(strings.TrimSpace(city), countryName(c)) {
				where = " in " + strings.TrimSpace(city) // "OECD in Paris": the city says more than the country
			}
			jobs = append(jobs, it.label()+where+it.span())
			o.citeItem(it)
		}
		parts = append(parts, countryName(c)+" ("+list(jobs)+")")
	}
	switch {
	case home == "":
		o.say("The profile lists jobs in %s.", list(parts))
	case len(parts) == 0:
		o.say("Every job with a location in the profile was in %s, where %s is based.", countryName(home), x.who())
		o.cite(secBasics, 0, "location")
		x.volunteeredAbroad(o, home)
	default:
		o.say("Yes: %s is based in %s, and the profile lists work in %s.", x.who(), countryName(home), list(parts))
		o.cite(secBasics, 0, "location")
	}
}

// remote answers "has she worked remotely": the jobs whose location or
// text says remote; and "is she open to remote work" (wish) from the
// summary's own sentence first.
func (x *Index) remote(o *out, wish bool) {
	o.in = iWhere
	if s := remoteSentence(x.r.Basics.Summary); wish && s != "" {
		// "is he open to remote work": what he wants is in his own
		// words; a remote job of the past says less
		o.say("The summary says: “%s”.", strings.TrimRight(s, "."))
		o.cite(secBasics, 0, "summary")
		return
	}
	var hits []*item
	for i := range x.work {
		it := &x.work[i]
		w := x.r.Work[i]
		where := " " + strings.Join(tokens(it.loc+" "+it.role), " ") + " "
		if strings.Contains(where, " remote ") || strings.Contains(where, " remotely ") || describesRemoteWork(w.Summary+" "+strings.Join(w.Highlights, " ")) {
			hits = append(hits, it)
		}
	}
	if len(hits) == 0 {
		if s := remoteSentence(x.r.Basics.Summary); s != "" {
			// "open to remote roles" in the summary: what it says of
			// remote work, where no job does
			o.say("No job in the profile is listed as remote, but the summary says: “%s”.", strings.TrimRight(s, "."))
			o.cite(secBasics, 0, "summary")
			return
		}
		o.say("The profile doesn't say whether %s has worked remotely.", x.who())
		if h := x.basedIn(); h != "" {
			o.say("%s is based in %s.", x.Who(), h)
			o.cite(secBasics, 0, "location")
		}
		return
	}
	var parts []string
	for _, it := range hits {
		if it.ownAcct {
			parts = append(parts, it.roleAt()+it.span())
			continue
		}
		parts = append(parts, nonBlank(it.role, "a job")+" at "+it.label()+it.span())
		o.citeItem(it)
	}
	o.say("Yes: the profile lists remote work: %s.", list(parts))
	o.focusOn(hits...)
}

// remoteSentence returns the sentence of text that speaks of remote work,
// or "".
func remoteSentence(text string) string {
	if !strings.Contains(strings.ToLower(text), "remote") && !strings.Contains(strings.ToLower(text), "distributed") && !saysForeignRemote(text) {
		return ""
	}
	for _, s := range splitSentences(text) {
		if describesRemoteWork(s) || seeksRemote(s) {
			return s
		}
	}
	return ""
}

// seeksRemote reports a sentence saying what work the person looks for
// with "remote" in it: "Open to staff roles in Europe, remote or in
// Warsaw" names a way of working that no phrase of remoteWorkPhrases
// needs to, as the search itself is about work.
func seeksRemote(s string) bool {
	if !hasAnyToken(tokens(s), "remote", "remotely") && !saysForeignRemote(s) {
		return false
	}
	low := strings.ToLower(s)
	for _, mk := range availabilityMarkers {
		if mk != "" && strings.Contains(low, mk) {
			return true
		}
	}
	return false
}

// remoteWorkPhrases say that a job was done remotely; "remote" alone in a
// description may name a product ("remote patient monitoring").
var remoteWorkPhrases = []string{" remotely ", " remote team", " remote first ", " fully remote ", " remote work", " remote role",
	" remote position", " remote job", " remote company", " remote only ", " work remote ", " working remote ", " remote engineers ",
	" remote staff ", " remote employees ", " remote contract", " distributed team", " remote from ", " remote across ",
	" or remote ", " remote within ", " remote anywhere "} // "a role in Berlin or remote within the EU"

func describesRemoteWork(text string) bool {
	if !strings.Contains(strings.ToLower(text), "remote") && !strings.Contains(strings.ToLower(text), "distributed") {
		return false
	}
	j := " " + strings.Join(tokens(text), " ") + " "
	for _, p := range remoteWorkPhrases {
		if strings.Contains(j, p) {
			return true
		}
	}
	return false
}

// workCities answers "which cities has he worked in": each place the
// jobs give, with the employers there, in the order of the list.
func (x *Index) workCities(o *out) {
	o.in = iWhere
	var order []string
	at := map[string][]string{}
	for _, it := range x.sorted(secWork) {
		city, _, _ := strings.Cut(it.loc, ",")
		if city = strings.TrimSpace(city); city == "" {
			continue
		}
		if _, ok := at[city]; !ok {
			order = append(order, city)
		}
		if !slices.Contains(at[city], it.title) {
			at[city] = append(at[city], it.title)
		}
		o.citeItem(it)
	}
	if len(order) == 0 {
		if x.jobPlacesSaid(o) {
			return
		}
		o.say("The profile doesn't give the jobs' locations.")
		if h := x.basedIn(); h != "" {
			o.say("%s is based in %s.", x.Who(), h)
			o.cite(secBasics, 0, "location")
		}
		return
	}
	parts := make([]string, len(order))
	for i, c := range order {
		parts[i] = c + " (" + list(at[c]) + ")"
	}
	o.say("The jobs' locations: %s.", list(parts))
}

// wentTo reports a question asking whether the person went to a place
// ("did he go to oxford", "has she been to Lyon") without asking about a
// job or a home there.
func wentTo(q *query) bool {
	return q.scores[iWork] == 0 && hasAnyToken(q.ts, "go", "went", "gone", "attend", "attended") && !hasAnyToken(q.ts, workedWords...)
}

// workedWords ask about a job or a home in a place, which a sentence
// merely naming it does not answer with a yes.
var workedWords = []string{"work", "worked", "works", "working", "job", "jobs", "employed", "based", "live", "lived", "lives", "living", "office", "offices", "hired", "relocate", "relocated", "moved"}

// quotePlace quotes the entries' sentences that name p or a place in it
// ("did she work in Japan": "a residency in Tokyo"), and reports whether
// it found any.
func (x *Index) quotePlace(o *out, p place, lead string) bool {
	var picked []*snippet
	for i := range x.snippets {
		sn := &x.snippets[i]
		if sn.cite.Section == secBasics || len(picked) == 3 {
			continue
		}
		for _, sp := range placesIn(sn.text) {
			if sp.key == p.key || !p.city && p.country != "" && sp.country == p.country {
				picked = append(picked, sn)
				break
			}
		}
	}
	return x.quoteSentences(o, lead, picked)
}
