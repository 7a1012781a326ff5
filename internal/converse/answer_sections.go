package converse

import (
	"fmt"
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

// contact gives the e-mail, website and public profiles; never the phone
// or street address unless the owner shares them.
func (x *Index) contact(o *out) {
	b := x.r.Basics
	var parts []string
	if b.Email != "" {
		parts = append(parts, "by e-mail at "+b.Email)
		o.cite(secBasics, 0, "email")
	}
	if b.URL != "" {
		parts = append(parts, "through the website "+b.URL)
		o.cite(secBasics, 0, "url")
	}
	var nets []string
	for _, p := range b.Profiles {
		switch {
		case p.Network != "" && p.URL != "":
			nets = append(nets, fmt.Sprintf("%s (%s)", p.Network, p.URL))
		case p.Network != "" && p.Username != "":
			nets = append(nets, fmt.Sprintf("%s (%s)", p.Network, p.Username))
		case p.URL != "":
			nets = append(nets, p.URL)
		}
	}
	if len(nets) > 0 {
		parts = append(parts, "on "+list(nets))
		o.cite(secBasics, 0, "profiles")
	}
	if x.privacy.SharePhone && b.Phone != "" {
		parts = append(parts, "by phone at "+b.Phone)
		o.cite(secBasics, 0, "phone")
	}
	if len(parts) == 0 {
		o.say("The profile doesn't list any contact details.")
		return
	}
	o.say("You can reach %s %s.", x.who(), list(parts))
}

// location gives the city, region and country (the street address only
// when the owner shares it).
func (x *Index) location(o *out) {
	l := x.r.Basics.Location
	place := strings.Join(nonEmpty(l.City, l.Region, l.CountryCode), ", ")
	if place == "" {
		o.say("The profile doesn't say where %s is based.", x.who())
		return
	}
	o.say("%s is based in %s.", x.Who(), place)
	o.cite(secBasics, 0, "location")
	if x.privacy.ShareAddress && l.Address != "" {
		o.say("The address listed is %s.", strings.Join(nonEmpty(l.Address, l.PostalCode, l.City), ", "))
		o.cite(secBasics, 0, "location.address")
	}
}

// private answers a request for the phone number or street address.
func (x *Index) private(o *out, q *query) {
	j := q.joined
	wantsAddress := strings.Contains(j, "address") || strings.Contains(j, "street") || strings.Contains(j, "postal") ||
		strings.Contains(j, " zip ") || strings.Contains(j, "postcode") || strings.Contains(j, " house ") || strings.Contains(j, "apartment")
	b := x.r.Basics
	if wantsAddress {
		if x.privacy.ShareAddress && b.Location.Address != "" {
			o.say("%s address is %s.", capital(x.whose()), strings.Join(nonEmpty(b.Location.Address, b.Location.PostalCode, b.Location.City), ", "))
			o.cite(secBasics, 0, "location.address")
			return
		}
		o.refused = true
		o.say("Sorry, I can't share %s street address.", x.whose())
	} else {
		if x.privacy.SharePhone && b.Phone != "" {
			o.say("%s phone number is %s.", capital(x.whose()), b.Phone)
			o.cite(secBasics, 0, "phone")
			return
		}
		o.refused = true
		o.say("Sorry, I can't share %s phone number.", x.whose())
	}
	if b.Email != "" {
		o.say("You can reach %s by e-mail at %s.", x.who(), b.Email)
		o.cite(secBasics, 0, "email")
	} else if b.Location.City != "" && wantsAddress {
		o.say("The profile says %s is based in %s.", x.who(), b.Location.City)
		o.cite(secBasics, 0, "location")
	}
}

// summary introduces the person: name, label, location, current role and
// the opening of their own summary.
func (x *Index) summary(o *out, more bool, now time.Time) {
	b := x.r.Basics
	s := ""
	switch {
	case x.full != "" && b.Label != "":
		s = fmt.Sprintf("%s is %s", x.full, article(b.Label))
		o.cite(secBasics, 0, "name")
		o.cite(secBasics, 0, "label")
	case x.full != "":
		s = x.full
		o.cite(secBasics, 0, "name")
	case b.Label != "":
		s = "This person is " + article(b.Label)
		o.cite(secBasics, 0, "label")
	}
	if s != "" {
		if l := b.Location.City; l != "" {
			if x.full == s {
				s += " is based in " + l
			} else {
				s += " based in " + l
			}
			o.cite(secBasics, 0, "location")
		}
		o.put(sentence(s))
	}
	if b.Summary != "" {
		if more {
			o.put(sentence(b.Summary))
		} else {
			o.put(firstSentence(b.Summary))
		}
		o.cite(secBasics, 0, "summary")
	}
	var cur []*item
	for _, it := range x.sorted(secWork) {
		if it.current(now) {
			cur = append(cur, it)
		}
	}
	if len(cur) > 0 {
		parts := make([]string, len(cur))
		for i, it := range cur {
			parts[i] = it.roleAt()
			o.citeItem(it)
		}
		o.say("%s currently works as %s.", x.Who(), list(parts))
	} else if len(x.work) == 0 {
		x.currentStudy(o, now)
	}
	if o.b.Len() == 0 {
		o.say("The profile doesn't include a summary.")
		x.mentionOtherSections(o)
	}
}

// article prefixes a label with "a"/"an" unless it already reads as a name.
func article(label string) string {
	l := strings.TrimSpace(label)
	if l == "" {
		return l
	}
	low := strings.ToLower(l)
	if strings.HasPrefix(low, "a ") || strings.HasPrefix(low, "an ") || strings.HasPrefix(low, "the ") {
		return l
	}
	if strings.ContainsAny(l[:1], "AEIOUaeiou") {
		return "an " + l
	}
	return "a " + l
}

// educationEntry is one course of study in a list, with its dates and score.
func (x *Index) educationEntry(it *item) string {
	e := x.r.Education[it.idx]
	s := it.role
	if s == "" {
		s = "studies"
	}
	if it.title != "" {
		s += " at " + it.title
	}
	var extra []string
	if sp := strings.Trim(it.span(), " ()"); sp != "" {
		extra = append(extra, sp)
	}
	if e.Score != "" {
		extra = append(extra, "score "+e.Score)
	}
	if len(extra) > 0 {
		s += " (" + strings.Join(extra, ", ") + ")"
	}
	return s
}
