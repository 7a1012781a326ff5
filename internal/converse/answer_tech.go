package converse

import (
	"slices"
	"strings"
	"time"
)

// techAnswer answers "does she know X", "which jobs used X", "did she use X
// at Y" from every fact that mentions X.
func (x *Index) techAnswer(o *out, tech string, mode techMode, at *item, now time.Time) {
	o.tech = tech
	uses := x.techUse[strings.ToLower(tech)]
	if at != nil {
		o.citeItem(at)
		o.focusOn(at)
		for _, c := range uses {
			if c.Section == at.sec && c.Index == at.idx {
				o.say("Yes, the profile mentions %s in %s %s%s.", tech, x.whose(), entryPhrase(at), commaWhen(at))
				return
			}
		}
		if u := x.entryURL(at); strings.EqualFold(tech, "open source") && codeHost(u) {
			// "is it open source" of a project linked to its repository:
			// the link says as much as the profile does
			o.say("The profile doesn't call %s open source, but links it to a public code repository: %s.", at.label(), u)
			return
		}
		o.say("The profile doesn't mention %s in connection with %s.", tech, at.label())
		if len(uses) > 0 {
			o.say("It does mention %s elsewhere: %s.", tech, x.whereUsed(o, uses, modeAny))
		}
		return
	}
	if len(uses) == 0 {
		if x.widerTech(o, tech) || x.practiceByTools(o, tech) {
			return
		}
		o.say("The profile doesn't mention %s.", tech)
		if mode == modeProjects && len(x.projects) > 0 {
			// "any open source projects": the projects, which may be
			o.say("It lists these projects:")
			x.listSection(o, secProjects, nil, now)
			return
		}
		x.techsMentioned(o)
		return
	}
	var jobs, projects []*item
	for _, c := range uses {
		switch c.Section {
		case secWork:
			jobs = append(jobs, &x.work[c.Index])
		case secProjects:
			projects = append(projects, &x.projects[c.Index])
		}
	}
	switch {
	case mode == modePlaces && len(jobs) == 0 && len(projects) == 0:
		// "where has she used Python" of a skill listed alone: that no
		// job or project says, rather than a "Yes" to a where
		o.say("The profile doesn't tie %s to any job or project; it mentions %s %s.", tech, tech, x.whereUsed(o, uses, modeAny))
		return
	case mode == modeJobs && len(jobs) == 0:
		o.say("The profile doesn't tie %s to any specific job.", tech)
		o.say("It mentions %s %s.", tech, x.whereUsed(o, uses, modeAny))
		return
	case mode == modeProjects && len(projects) == 0:
		o.say("The profile doesn't mention %s in any project.", tech)
		o.say("It mentions %s %s.", tech, x.whereUsed(o, uses, modeAny))
		x.openSourceProjects(o, tech, uses)
		return
	case mode == modeJobs:
		o.say("%s %s.", x.usedPhrase(tech), x.whereUsed(o, uses, modeJobs))
		o.focusOn(jobs...)
		return
	case mode == modeProjects:
		o.say("%s %s.", x.usedPhrase(tech), x.whereUsed(o, uses, modeProjects))
		o.focusOn(projects...)
		x.openSourceProjects(o, tech, uses)
		return
	}
	if x.migratedFromOnly(tech, uses) {
		// "what about java" when a job only moved a service off Java: no yes
		o.say("The profile mentions %s only as what was migrated away from: %s.", tech, x.whereUsed(o, uses, modeAny))
		o.focusOn(jobs...)
		return
	}
	o.say("Yes, %s appears in %s profile: %s.", tech, x.whose(), x.whereUsed(o, uses, modeAny))
	x.relatedSkills(o, tech)
	if len(jobs) > 0 {
		o.focusOn(jobs...)
	} else if len(projects) > 0 {
		o.focusOn(projects...)
	}
	x.openSourceProjects(o, tech, uses)
}

// usedPhrase begins "Kim used Go ..."; a practice is not used but
// mentioned ("open source", "A/B testing").
func (x *Index) usedPhrase(tech string) string {
	if techCategory()[strings.ToLower(tech)] == "practice" {
		return "Yes, the profile mentions " + lowerPractice(tech)
	}
	return x.Who() + " used " + tech
}

// lowerPractice writes a practice of several words mid-sentence ("open
// source", "code review"); one-word names ("Scrum") and "A/B testing"
// stay as they are.
func lowerPractice(p string) string {
	if len(p) > 1 && p[1] >= 'a' && p[1] <= 'z' && strings.Contains(p, " ") {
		return strings.ToLower(p[:1]) + p[1:]
	}
	return p
}

func entryPhrase(it *item) string {
	switch it.sec {
	case secWork:
		return "work at " + it.label()
	case secProjects:
		return "project " + it.label()
	case secEducation:
		return "studies at " + it.label()
	case secVolunteer:
		return "volunteering at " + it.label()
	case secCertificates:
		return "certificate " + it.label()
	}
	return it.label()
}

// containsFold reports whether sub is in s, ASCII case folded, without
// allocating.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// foundByGroupName reports a technology found through a skill group's
// name ("user research" through "Research") rather than one of its
// keywords: the keywords then say what the group holds.
func (x *Index) foundByGroupName(group string, keywords []string, tech string) bool {
	group = strings.TrimSpace(group)
	if tech == "" || group == "" || len(keywords) == 0 || !containsFold(tech, group) {
		return false // the common case, decided without allocating
	}
	lt := strings.ToLower(tech)
	for _, k := range keywords {
		if lk := strings.ToLower(strings.TrimSpace(k)); lk != "" && (strings.Contains(lk, lt) || strings.Contains(lt, lk)) {
			return false
		}
	}
	return true
}

// writtenAs returns the keyword that names tech under another spelling
// (an alias: "k8s" for Kubernetes), or "" when a keyword spells it as asked,
// or within its name ("Kafka" for Apache Kafka), or none names it.
func (x *Index) writtenAs(keywords []string, tech string) string {
	if tech == "" {
		return ""
	}
	for _, k := range keywords {
		if strings.EqualFold(strings.TrimSpace(k), tech) {
			return ""
		}
	}
	for _, k := range keywords {
		if k = strings.TrimSpace(k); k != "" && !containsFold(tech, k) && strings.EqualFold(x.techs.canonical(k), tech) {
			return k
		}
	}
	for _, k := range keywords {
		// "C++" found in "C/C++": the keyword as written shows where
		for _, p := range slashParts(k) {
			if strings.EqualFold(x.techs.canonical(p), tech) {
				return strings.TrimSpace(k)
			}
		}
	}
	return ""
}

// whereUsed renders the facts that mention a technology and cites them.
func (x *Index) whereUsed(o *out, uses []Citation, mode techMode) string {
	var skills []string
	var parts []string
	quotes := 0
	for _, c := range uses {
		if mode == modeJobs && c.Section != secWork || mode == modeProjects && c.Section != secProjects {
			continue
		}
		o.cite(c.Section, c.Index, c.Field)
		switch c.Section {
		case secSkills:
			s := x.r.Skills[c.Index]
			name := s.Name
			if len(s.Keywords) == 0 && strings.EqualFold(strings.TrimSpace(s.Name), o.tech) {
				name = "" // "listed as a skill", not "(VMWare ESXi)" again
			}
			if s.Level != "" {
				name = strings.TrimPrefix(name+", "+s.Level, ", ")
			}
			if x.foundByGroupName(s.Name, s.Keywords, o.tech) {
				// "user research" found through the group "Research": what
				// the group holds answers it
				name += ": " + strings.Join(firstN(s.Keywords, 5), ", ")
			} else if w := x.writtenAs(s.Keywords, o.tech); w != "" {
				// "k8s" found as Kubernetes: the profile's own word shows
				// the match is no guess
				name = strings.TrimPrefix(name+", as “"+w+"”", ", ")
			}
			skills = append(skills, name)
		case secWork:
			it := &x.work[c.Index]
			part := it.atEmployer() + it.span()
			if ev := it.evidence[strings.ToLower(o.tech)]; ev != "" && quotes < 2 {
				// what was done with it says more than where
				part += " — “" + ev + "”"
				quotes++
			}
			parts = append(parts, part)
		case secProjects:
			it := &x.projects[c.Index]
			parts = append(parts, "in the project "+it.label()+it.span())
		case secEducation:
			it := &x.education[c.Index]
			part := "in studies at " + it.label()
			if ev := it.evidence[strings.ToLower(o.tech)]; ev != "" {
				part += " (the course “" + ev + "”)"
			}
			parts = append(parts, part)
		case secVolunteer:
			parts = append(parts, "while volunteering at "+x.volunteer[c.Index].label())
		case secCertificates:
			parts = append(parts, "in the certificate "+x.certificates[c.Index].label())
		case secPublications:
			parts = append(parts, "in the publication "+x.publications[c.Index].label())
		}
	}
	if len(skills) > 0 {
		s := "listed as a skill"
		if n := strings.Join(nonEmpty(skills...), "; "); n != "" {
			s += " (" + n + ")"
		}
		parts = append([]string{s}, parts...)
	}
	return list(parts)
}

// unknownTech answers a technology question about something neither the
// alias table nor the profile's skills know. When the profile's text does
// use the words ("experience with growth": "growth experiments"), it
// quotes that rather than deny it.
func (x *Index) unknownTech(o *out, name string) {
	if x.mentionsWords(name) || hasSearchAlts(name) { // "vaccines" of a pharmacist's "immunizations"
		sub := &out{x: x}
		if x.search(sub, &query{ts: tokens(name)}) {
			o.adopt(sub)
			return
		}
		// search skips words under four letters, but an acronym the
		// profile holds ("FEA") is the very thing asked
		var stems []string
		for _, t := range tokens(name) {
			stems = append(stems, stem(t))
		}
		if sub := (&out{x: x}); x.searchStems(sub, stems) > 0 {
			o.adopt(sub)
			return
		}
	}
	// a name of one word may be cut from a longer one the visitor gave
	// ("Adobe" of "adobe after effects"), so it stands for no wider name
	if x.skillGroupNamed(o, name) || (len(tokens(name)) > 1 || x.leadsTechName(name) || x.acronymInTechName(name)) && x.widerTech(o, name) || x.spelledOutAcronym(o, name) || x.sameKindOfTool(o, name) || x.acronymTailTech(o, name) {
		return
	}
	o.say("The profile doesn't mention %s.", name)
	x.techsMentioned(o)
}

// spelledOutAcronym answers "does she know CRM" from a skill the profile
// writes out ("Crew resource management"): the letters asked are the
// initials of its words, small joining words aside. It reports whether it
// found one.
func (x *Index) spelledOutAcronym(o *out, name string) bool {
	ac := strings.ToLower(name)
	if len(ac) < 2 || len(ac) > 6 || strings.ContainsAny(ac, " -.") {
		return false
	}
	for _, t := range x.techOrder {
		if initials(t) == ac {
			o.say("Yes, the profile mentions %s (%s): %s.", t, strings.ToUpper(ac), x.whereUsed(o, x.techUse[strings.ToLower(t)], modeAny))
			return true
		}
	}
	return x.systemAcronym(o, ac)
}

// initials are the first letters of a name's words, joining words left
// out: "hca" for "Hazard analysis and critical control points" is no
// acronym, "haccp" is. A name of one word has none.
func initials(name string) string {
	ts := tokens(strings.ReplaceAll(name, "-", " "))
	if len(ts) < 2 {
		return ""
	}
	var b strings.Builder
	for _, w := range ts {
		if acronymJoiners[w] {
			continue
		}
		b.WriteByte(w[0])
	}
	return b.String()
}

var acronymJoiners = setOf(`and of for the to in on`)

// leadsTechName reports a one-word name that is the first word of a listed
// technology: visitors shorten a product to its brand ("OBS" for "OBS
// Studio"), where a word cut from the middle of a longer name is no such
// shortening.
func (x *Index) leadsTechName(name string) bool {
	want := strings.ToLower(name)
	for _, t := range x.techOrder {
		if ts := tokens(t); len(ts) > 1 && ts[0] == want {
			return true
		}
	}
	return false
}

// acronymInTechName reports a one-word name the profile writes in
// capitals inside a longer technology name ("LDTI" of "US GAAP LDTI"): an
// acronym is a name of its own, not a word cut from the visitor's longer
// one.
func (x *Index) acronymInTechName(name string) bool {
	if len(name) < 2 || strings.ContainsAny(name, " -.") {
		return false
	}
	for _, t := range x.techOrder {
		fs := strings.Fields(t)
		if len(fs) < 2 {
			continue
		}
		for _, f := range fs {
			if strings.EqualFold(f, name) && f == strings.ToUpper(f) && f != strings.ToLower(f) {
				return true
			}
		}
	}
	return false
}

// techsMentioned names a few technologies the profile does mention, once
// per reply ("AWS or GCP?", neither listed, lists them after both).
func (x *Index) techsMentioned(o *out) {
	const lead = "Technologies it does mention include "
	if len(x.techOrder) > 0 && !strings.Contains(o.b.String(), lead) {
		o.say(lead+"%s.", list(x.namedTechs(6)))
	}
}

// skillGroupNamed answers "can she fly drones" from a skill group named
// by the word ("Drone": DJI Mavic 3): the group's name is no technology,
// but its keywords are what it holds.
func (x *Index) skillGroupNamed(o *out, name string) bool {
	ts := tokens(name)
	if len(ts) != 1 {
		return false
	}
	st := stem(ts[0])
	for _, g := range x.r.Skills {
		gs := tokens(g.Name)
		if len(gs) != 1 || stem(gs[0]) != st || len(g.Keywords) == 0 {
			continue
		}
		head := g.Name
		if g.Level != "" {
			head += " (" + g.Level + ")"
		}
		o.say("Yes: under %s, the profile lists %s.", head, list(g.Keywords))
		return true
	}
	return false
}

// platformLanguages are the languages one builds for a platform with.
var platformLanguages = map[string][]string{
	"ios": {"Swift", "Objective-C", "SwiftUI"}, "android": {"Kotlin", "Java", "Jetpack Compose"},
	"macos": {"Swift", "Objective-C"}, "flutter": {"Dart"}, "react native": {"JavaScript", "TypeScript"},
}

// relatedSkills adds, after "does he know iOS", the languages for that
// platform the profile lists ("Swift").
func (x *Index) relatedSkills(o *out, tech string) {
	var have []string
	for _, l := range platformLanguages[strings.ToLower(tech)] {
		if len(x.techUse[strings.ToLower(l)]) > 0 {
			have = append(have, l)
		}
	}
	if len(have) > 0 {
		o.say("The profile also lists %s.", list(have))
	}
}

// widerTech answers "does she do CSS" with Tailwind CSS listed: a wider
// name that holds the one asked about, hyphens read as spaces ("high
// voltage switching" for "High-voltage switching (Senior Authorised
// Person)"). It reports whether it found one.
func (x *Index) widerTech(o *out, tech string) bool {
	spaced := func(s string) string {
		return " " + strings.Join(tokens(strings.ReplaceAll(s, "-", " ")), " ") + " "
	}
	want := spaced(tech)
	for _, t := range x.techOrder {
		if tl := spaced(t); strings.Contains(tl, want) && !strings.EqualFold(t, tech) {
			if tl == want || spaced(withoutBrackets(t)) == want { // "(Senior Authorised Person)" qualifies, names nothing else
				o.say("Yes, the profile mentions %s: %s.", t, x.whereUsed(o, x.techUse[strings.ToLower(t)], modeAny))
				return true
			}
			o.say("The profile doesn't list %s on its own, but it mentions %s: %s.", tech, t, x.whereUsed(o, x.techUse[strings.ToLower(t)], modeAny))
			return true
		}
	}
	return false
}

// acronymTailTech answers "does she know GIS" from a listed tool whose one
// word ends in that acronym ("ArcGIS"). It reports whether it found one.
func (x *Index) acronymTailTech(o *out, tech string) bool {
	for _, t := range x.techOrder {
		if acronymTail(t, tech) {
			o.say("The profile doesn't list %s on its own, but it mentions %s: %s.", tech, t, x.whereUsed(o, x.techUse[strings.ToLower(t)], modeAny))
			return true
		}
	}
	return false
}

// acronymTail reports a one-word name that ends in the acronym asked about,
// written in capitals after a lower-case letter: "ArcGIS" and "QGIS" hold
// "GIS", "NoSQL" holds "SQL". The acronym has three letters or more.
func acronymTail(name, acronym string) bool {
	n, k := len(name), len(acronym)
	if k < 3 || n < k+2 || strings.IndexByte(name, ' ') >= 0 || !strings.EqualFold(name[n-k:], acronym) {
		return false
	}
	for i := n - k; i < n; i++ {
		if name[i] < 'A' || name[i] > 'Z' {
			return false
		}
	}
	c := name[n-k-1]
	return 'a' <= c && c <= 'z'
}

// kindOfToolNouns name a kind of tool, not one: "a CNC machine" is any CNC
// tool, a "CNC router" among them.
var kindOfToolNouns = setOf(`machine machines software tool tools system systems program programs app apps equipment`)

// sameKindOfTool answers "can he use a cnc machine" from a listed tool
// whose name starts with the same words ("CNC router"). It reports whether
// it found one.
func (x *Index) sameKindOfTool(o *out, name string) bool {
	ts := tokens(name)
	if len(ts) < 2 || !kindOfToolNouns[ts[len(ts)-1]] {
		return false
	}
	head := ts[:len(ts)-1]
	for _, t := range x.techOrder {
		tt := tokens(t)
		if len(tt) > len(head) && slices.Equal(tt[:len(head)], head) {
			o.say("The profile doesn't list %s as such, but it mentions %s: %s.", name, t, x.whereUsed(o, x.techUse[strings.ToLower(t)], modeAny))
			return true
		}
	}
	return false
}

// withoutBrackets drops a trailing "(...)" from a name.
func withoutBrackets(s string) string {
	if i := strings.IndexByte(s, '('); i > 0 && strings.HasSuffix(strings.TrimSpace(s), ")") {
		return strings.TrimSpace(s[:i])
	}
	return s
}

// codeHost reports a URL on a public code host (GitHub, GitLab, Codeberg,
// Bitbucket, SourceHut).
func codeHost(u string) bool {
	low := strings.ToLower(u)
	for _, h := range []string{"github.com/", "gitlab.com/", "codeberg.org/", "bitbucket.org/", "sr.ht/"} {
		if strings.Contains(low, h) {
			return true
		}
	}
	return false
}
