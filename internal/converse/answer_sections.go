package converse

import (
	"strings"
	"time"
)

func (x *Index) educationDetail(o *out, it *item, now time.Time) {
	e := x.r.Education[it.idx]
	verb := "studied"
	if it.current(now) {
		verb = "is studying"
	}
	s := x.Who() + " " + verb
	if e.Area != "" {
		s += " " + e.Area
	}
	if it.title != "" {
		s += " at " + it.title
	}
	if w := it.when(); w != "" {
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
		o.put(firstSentence(v.Summary))
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
			o.put(firstSentence(a.Summary))
		}
	case secCertificates:
		c := x.r.Certificates[it.idx]
		o.say("%s holds the certificate %s%s%s.", x.Who(), quoteName(c.Name, "(unnamed)"), prefixed(" from ", c.Issuer), prefixed(", issued ", strings.TrimPrefix(it.when(), "in ")))
	case secPublications:
		p := x.r.Publications[it.idx]
		o.say("%s published %s%s%s.", x.Who(), quoteName(p.Name, "a work"), prefixed(" with ", p.Publisher), prefixed(" ", it.when()))
		if p.Summary != "" {
			o.put(firstSentence(p.Summary))
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
		o.say("The profile doesn't list any %s.", pluralNoun(noun))
		if sec == secEducation || sec == secWork {
			x.mentionOtherSections(o)
		}
		return
	}
	items := all
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

func (x *Index) skills(o *out) {
	if len(x.r.Skills) == 0 {
		if len(x.techOrder) > 0 {
			o.say("The profile has no skills section, but its entries mention %s.", list(firstN(x.techOrder, 10)))
			for _, t := range firstN(x.techOrder, 10) {
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

// languages answers the spoken languages, or whether one is spoken.
func (x *Index) spoken(o *out, lang string) {
	if lang != "" {
		if i, ok := x.languages[lang]; ok {
			l := x.r.Languages[i]
			o.say("Yes, %s speaks %s%s.", x.who(), l.Language, prefixed(" — ", fluency(l.Fluency)))
			o.cite(secLanguages, i, "")
			return
		}
		o.say("The profile doesn't mention %s speaking %s.", x.who(), capital(lang))
		if len(x.r.Languages) == 0 {
			return
		}
	}
	if len(x.r.Languages) == 0 {
		o.say("The profile doesn't list any spoken languages.")
		return
	}
	var parts []string
	for i, l := range x.r.Languages {
		if l.Language == "" {
			continue
		}
		parts = append(parts, l.Language+prefixed(" (", fluency(l.Fluency))+map[bool]string{true: ")"}[l.Fluency != ""])
		o.cite(secLanguages, i, "")
	}
	o.say("%s speaks %s.", x.Who(), list(parts))
}

func fluency(f string) string { return strings.TrimSpace(strings.TrimRight(f, ".")) }

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

// summarySays adds the summary's sentences that contain any of the stems
// ("his non-work interests range widely..."), which a list section may
// not hold.
func (x *Index) summarySays(o *out, stems ...string) bool {
	said := o.b.String()
	var got []string
	for _, sn := range splitSentences(x.r.Basics.Summary) {
		low := strings.ToLower(sn)
		for _, st := range stems {
			if strings.Contains(low, st) && !strings.Contains(said, strings.TrimRight(sn, ".")) {
				got = append(got, "“"+strings.TrimRight(sn, ".")+"”")
				break
			}
		}
	}
	if len(got) == 0 {
		return false
	}
	o.say("The summary says: %s.", strings.Join(got, " "))
	o.cite(secBasics, 0, "summary")
	return true
}

func (x *Index) references(o *out) {
	if len(x.r.References) == 0 {
		o.say("The profile doesn't include any references.")
		return
	}
	for i, r := range x.r.References {
		if i == 2 {
			break
		}
		o.say("%s says: “%s”", nonBlank(r.Name, "A reference"), strings.TrimSpace(r.Reference))
		o.cite(secReferences, i, "")
	}
}

func nonBlank(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

// mentionsWords reports whether every distinctive word of phrase appears
// somewhere in the profile's text (compared as stems).
func (x *Index) mentionsWords(phrase string) bool {
	for _, t := range tokens(phrase) {
		if len(t) < 3 || commonWords[t] {
			continue
		}
		if !x.words[stem(t)] {
			return false
		}
	}
	return true
}

// askVerbs are the verbs and adjectives of questions about awards and
// papers; they never name one.
var askVerbs = setOf(`given give gave gives receive received receives get got gotten earn earned earns hold holds
held attend attended present presented written wrote write author authored coauthored co-authored notable
important major biggest famous prestigious international national academic scientific peer reviewed
selected recent recently main key top significant relevant official professional technical`)

// unlisted says so when a question about awards, certificates or
// publications names one the section doesn't hold ("a Nobel prize"). Only
// distinctive words count: not cue words, names or everyday English.
func (x *Index) unlisted(o *out, q *query, sec string) {
	have := x.secWords[sec]
	if have == nil {
		return
	}
	ts := q.ts
	for i, t := range ts {
		if len(t) < 3 || commonWords[t] || personWords[t] || x.nameToks[t] || cueTable[t] != nil || cueTable[singular(t)] != nil ||
			offTopicTable[t] != nil || !isAlphaWord(t) || have[stem(t)] || slang[t] != nil || askVerbs[t] {
			continue
		}
		// Only a thing the visitor names: after an article or before a
		// section word ("a Nobel prize", "AWS certified").
		prev, next := at(ts, i-1), at(ts, i+1)
		if prev != "a" && prev != "an" && prev != "the" && prev != "any" && cueTable[next] == nil && cueTable[singular(next)] == nil {
			continue
		}
		// Quote the visitor's own spelling, from t on, up to three words.
		orig := tokenize(q.raw, false)
		for j, w := range orig {
			if strings.ToLower(w) != t {
				continue
			}
			phrase := []string{w}
			for _, n := range orig[j+1:] {
				if commonWords[strings.ToLower(n)] || len(phrase) == 3 {
					break
				}
				phrase = append(phrase, n)
			}
			o.say("The profile doesn't list %s among %s %s.", article(capital(strings.Join(phrase, " "))), x.whose(), pluralNoun(sectionNoun(sec)))
			return
		}
		return
	}
}

// studySubject answers "did she study typography" when the question names
// a subject: the course or field of study that has its words, or a plain
// "not listed". It reports whether the question named a subject at all.
func (x *Index) studySubject(o *out, q *query) bool {
	var words []string
	for _, t := range q.ts {
		if len(t) < 3 || searchStop[t] || commonWords[t] || t == "@p" || cueTable[t] != nil || x.nameToks[t] {
			continue
		}
		words = append(words, t)
	}
	if len(words) == 0 {
		return false
	}
	subject := strings.Join(words, " ")
	matches := func(text string) bool {
		toks := tokens(text)
		for _, w := range words {
			found := false
			for _, t := range toks {
				if t == w || stem(t) == stem(w) {
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
	for _, it := range x.sorted(secEducation) {
		e := x.r.Education[it.idx]
		if matches(e.Area) || matches(e.StudyType) {
			o.in = iEducation
			o.say("Yes: %s studied %s at %s%s.", x.who(), nonBlank(e.Area, e.StudyType), it.label(), it.span())
			o.citeItem(it)
			o.focusOn(it)
			return true
		}
		for _, c := range e.Courses {
			if matches(c) {
				o.in = iEducation
				o.say("Yes: %s is among the courses listed for %s at %s%s.", c, x.whose()+" "+nonBlank(strings.TrimSpace(e.StudyType+" "+e.Area), "studies"), it.label(), it.span())
				o.cite(secEducation, it.idx, "courses")
				o.focusOn(it)
				return true
			}
		}
	}
	if x.mentionsWords(subject) {
		return false // elsewhere in the profile: the general answer may cover it
	}
	o.in = iEducation
	o.say("The profile doesn't list %s among %s studies.", subject, x.whose())
	x.listSection(o, secEducation, nil, time.Time{})
	return true
}

// expertWords head "is he an expert in compression".
var expertWords = setOf(`expert master specialist guru pro wizard authority`)

// skillLevel answers "is he an expert in compression" from the level of
// the skill group or keyword the question names. It reports whether one
// matched.
func (x *Index) skillLevel(o *out, q *query) bool {
	for i, sk := range x.r.Skills {
		names := append([]string{sk.Name}, sk.Keywords...)
		for _, n := range names {
			nt := tokens(n)
			if len(nt) == 0 || !strings.Contains(q.joined, " "+strings.Join(nt, " ")+" ") {
				continue
			}
			o.in = iSkills
			if sk.Level != "" {
				if n == sk.Name {
					o.say("%s lists %s as a skill at the level “%s”.", x.Who(), sk.Name, sk.Level)
				} else {
					o.say("%s lists %s under %s, at the level “%s”.", x.Who(), n, nonBlank(sk.Name, "skills"), sk.Level)
				}
			} else {
				o.say("%s lists %s as a skill; the profile gives no level.", x.Who(), n)
			}
			o.cite(secSkills, i, "")
			return true
		}
	}
	return false
}

// interestCheck answers "is he into music", "does she like hiking": the
// interest that names it, else where the profile mentions it, else a
// plain no followed by the interests listed. It reports whether the
// question named a thing at all.
func (x *Index) interestCheck(o *out, q *query) bool {
	var words []string
	for _, t := range q.ts {
		if len(t) < 3 || searchStop[t] || t == "@p" || cueTable[t] != nil || x.nameToks[t] {
			continue
		}
		words = append(words, t)
	}
	if len(words) == 0 {
		return false
	}
	for i, in := range x.r.Interests {
		text := " " + strings.Join(tokens(in.Name+" "+strings.Join(in.Keywords, " ")), " ") + " "
		for _, w := range words {
			if strings.Contains(text, " "+w) || strings.Contains(text, " "+stem(w)) {
				o.in = iInterests
				o.say("Yes: %s interests include %s.", x.whose(), interestPhrase(in.Name, in.Keywords))
				o.cite(secInterests, i, "")
				return true
			}
		}
	}
	sub := &out{x: x}
	if x.searchCover(sub, &query{ts: words}) > 0 {
		o.in = iSearch
		o.say("The profile doesn't list %s among %s interests, but it mentions it:", strings.Join(words, " "), x.whose())
		o.put(sub.b.String())
		o.cites = append(o.cites, sub.cites...)
		if n := x.networkNamed(words); n != "" {
			o.say("%s", n)
		}
		return true
	}
	o.in = iInterests
	o.say("The profile doesn't mention %s.", strings.Join(words, " "))
	x.interests(o)
	return true
}

func interestPhrase(name string, kws []string) string {
	if len(kws) == 0 {
		return name
	}
	return name + " (" + strings.Join(kws, ", ") + ")"
}

// networkNamed finds a social profile whose network or user name holds
// one of the words ("music": SoundCloud user dandymusicnl).
func (x *Index) networkNamed(words []string) string {
	for _, p := range x.r.Basics.Profiles {
		low := strings.ToLower(p.Network + " " + p.Username)
		for _, w := range words {
			if strings.Contains(low, w) {
				return "The profile also links a " + p.Network + " account (" + nonBlank(p.URL, p.Username) + ")."
			}
		}
	}
	return ""
}

// awardStems mark a highlight that reports a prize ("Successfully won
// Techcrunch Disrupt", "Awarded 'Teacher of the Month'").
var awardStems = []string{" won ", " win ", " wins ", "award", " prize", "winner", "recogni", " honor", " honour", "finalist", "trophy"}

// awardMentions adds the highlights that report prizes: those of entry
// when it is given, else of any entry, preferring those that hold a word
// of the question. It reports whether it said anything.
func (x *Index) awardMentions(o *out, q *query, entry *item, onlyNamed bool) bool {
	var cands []*snippet
	for i := range x.snippets {
		sn := &x.snippets[i]
		if sn.cite.Section == secAwards || sn.cite.Section == secBasics || sn.cite.Section == secReferences {
			continue
		}
		if entry != nil && (sn.cite.Section != entry.sec || sn.cite.Index != entry.idx) {
			continue
		}
		low := " " + strings.ToLower(sn.text) + " "
		for _, st := range awardStems {
			if strings.Contains(low, st) {
				cands = append(cands, sn)
				break
			}
		}
	}
	if len(cands) == 0 {
		return false
	}
	// Prefer what the question names ("at TechCrunch").
	var named []*snippet
	for _, sn := range cands {
		low := " " + strings.Join(sn.toks, " ") + " "
		for _, t := range q.ts {
			if len(t) >= 4 && !searchStop[t] && cueTable[t] == nil && strings.Contains(low, " "+t) {
				named = append(named, sn)
				break
			}
		}
	}
	if len(named) > 0 || onlyNamed {
		cands = named
	}
	if len(cands) == 0 {
		return false
	}
	if len(cands) > 3 {
		cands = cands[:3]
	}
	lead := "The profile also mentions:"
	if o.b.Len() == 0 {
		lead = "The profile mentions:"
	}
	if entry != nil {
		o.in = iAwards
	}
	return x.quoteSentences(o, lead, cands)
}
