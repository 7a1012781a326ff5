package converse

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// writesFor answers "who does he write for": the current role (whose
// summary names a freelancer's clients) and the publishers of the
// publications.
func (x *Index) writesFor(o *out, now time.Time) {
	x.currentRole(o, now)
	var pubs []string
	for _, it := range x.sorted(secPublications) {
		p := strings.TrimSpace(x.r.Publications[it.idx].Publisher)
		if p != "" && !slices.Contains(pubs, p) {
			pubs = append(pubs, p)
			o.cite(secPublications, it.idx, "publisher")
		}
	}
	if len(pubs) > 0 {
		o.say("%s publications appeared with %s.", capital(x.whose()), list(pubs))
	}
	o.in = iCurrent
}

// currentPlaces adds where the current roles are based, for a "where"
// question the current role answers; nothing when none gives a location.
func (x *Index) currentPlaces(o *out, now time.Time) {
	var parts []string
	roles := 0
	for _, it := range x.jobs {
		if !it.current(now) || it.idx >= len(x.r.Work) {
			continue
		}
		roles++
		if l := strings.TrimSpace(x.r.Work[it.idx].Location); l != "" && !slices.Contains(parts, l) {
			parts = append(parts, l)
			o.cite(secWork, it.idx, "location")
		}
	}
	switch {
	case len(parts) == 0:
	case roles == 1:
		o.put("The role is based in " + parts[0] + ".")
	default:
		o.put("The current roles are based in " + list(parts) + ".")
	}
}

// currentRole answers "where does she work now".
func (x *Index) currentRole(o *out, now time.Time) {
	var cur []*item
	for _, it := range x.jobs {
		if it.current(now) {
			cur = append(cur, it)
		}
	}
	switch {
	case len(cur) == 1:
		it := cur[0]
		if how := onOwnAccount(it.title); how != "" && it.role != "" {
			role := it.role
			if _, aside := cutAside(it.title); aside != "" {
				role += " (" + aside + ")" // "(Fiverr and Upwork)" says for whom
			}
			o.say("%s %s as %s%s.", x.Who(), how, role, sinceText(it))
		} else {
			o.say("%s currently works as %s%s.", x.Who(), it.roleAt(), sinceText(it))
		}
		if selfEmployed(it.title) && it.idx < len(x.r.Work) && x.r.Work[it.idx].Summary != "" {
			// "Freelance" names no employer; the summary says for whom
			o.say("%s", strings.TrimSpace(x.r.Work[it.idx].Summary))
		}
		o.citeItem(it)
		o.focusOn(it)
	case len(cur) > 1:
		parts := make([]string, len(cur))
		for i, it := range cur {
			parts[i] = it.roleAt() + it.span()
			o.citeItem(it)
		}
		o.say("%s currently holds %d roles: %s.", x.Who(), len(cur), list(parts))
		o.focusOn(cur...)
	case len(x.jobs) > 0:
		latest := lastHeld(x.jobs, now)
		o.say("The profile doesn't list a current role.")
		x.retiredNote(o)
		if w := latest.when(); w != "" {
			o.say("%s most recent role was %s, %s.", capital(x.whose()), latest.roleAt(), w)
		} else {
			o.say("The most recent role listed is %s.", latest.roleAt())
		}
		o.citeItem(latest)
		o.focusOn(latest)
		x.volunteersNow(o, now)
	default:
		o.say("The profile doesn't list any work experience.")
		x.currentStudy(o, now)
		x.volunteersNow(o, now)
	}
}

func sinceText(it *item) string {
	if it.dated && it.per.Open {
		return ", since " + fmtDate(it.per.Start)
	}
	if w := it.when(); w != "" {
		return ", " + w
	}
	return ""
}

// currentStudy adds what the person is studying now, if anything.
func (x *Index) currentStudy(o *out, now time.Time) bool {
	for _, it := range x.sorted(secEducation) {
		if it.current(now) {
			e := x.r.Education[it.idx]
			what := strings.TrimSpace(e.Area)
			if e.StudyType != "" && what != "" {
				what += " (" + e.StudyType + ")"
			} else if what == "" {
				what = e.StudyType
			}
			o.say("%s is currently studying%s at %s%s.", x.Who(), prefixed(" ", what), it.title, sinceText(it))
			o.citeItem(it)
			o.focusOn(it)
			return true
		}
	}
	return false
}

func prefixed(p, s string) string {
	if s == "" {
		return ""
	}
	return p + s
}

// capital upper-cases s's first letter, a whole rune: a name may start
// with "É".
func capital(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 || r == utf8.RuneError || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// workHistory lists the jobs, newest first, optionally within a window.
func (x *Index) workHistory(o *out, w *Window, now time.Time) {
	all := x.sorted(secWork)
	if len(all) == 0 {
		if w != nil {
			o.say("The profile doesn't list any work experience.")
			o.win = w
			x.timelineOthers(o, *w, now)
			return
		}
		more := x.noJobsListed(o)
		if !x.currentStudy(o, now) && !more {
			x.mentionOtherSections(o)
		}
		return
	}
	jobs := all
	if w == nil && len(x.jobs) > 0 {
		jobs = x.jobs
	}
	if w != nil {
		jobs = nil
		for _, it := range all {
			if it.inWindow(*w, now) && (!o.starts || it.startsIn(*w, now)) {
				jobs = append(jobs, it)
			}
		}
		o.win = w
		if len(jobs) == 0 {
			o.say("The profile doesn't list any work %s.", w.Phrase())
			x.timelineOthers(o, *w, now)
			return
		}
	}
	jobs = heldOrder(jobs, now) // "most recent first" is by when each ended
	parts := make([]string, len(jobs))
	for i, it := range jobs {
		parts[i] = it.roleAt() + it.span()
		o.citeItem(it)
	}
	switch {
	case w != nil && o.starts && len(jobs) == 1:
		o.say("%s, %s started as %s.", capital(w.Phrase()), x.who(), parts[0])
	case w != nil && o.starts:
		o.say("%s, %s started %d roles: %s.", capital(w.Phrase()), x.who(), len(jobs), list(parts))
	case w != nil && len(jobs) == 1 && jobs[0].brk:
		o.say("%s, %s was on %s.", capital(w.Phrase()), x.who(), parts[0])
	case w != nil && len(jobs) == 1:
		o.say("%s, %s worked as %s.", capital(w.Phrase()), x.who(), parts[0])
	case w != nil:
		o.say("%s, %s held %d roles: %s.", capital(w.Phrase()), x.who(), len(jobs), list(parts))
	case len(jobs) == 1:
		o.say("The profile lists one job: %s.", parts[0])
	default:
		// "how many jobs has he had" of two titles at one employer: both
		// counts, since either may be the one meant
		at := ""
		if n := distinctEmployers(jobs); n > 1 && n < len(jobs) {
			at = " at " + strconv.Itoa(n) + " employers"
		}
		o.say("%s has held %d roles%s (most recent first): %s.", x.Who(), len(jobs), at, list(parts))
	}
	if w == nil && len(jobs) < len(all) {
		x.breaksAlso(o)
	}
	if w != nil && o.doing {
		// "what did she do in 2020": study in that time is part of it
		var study []string
		for i := range x.education {
			if it := &x.education[i]; it.inWindow(*w, now) {
				study = append(study, it.describe()+it.span())
				o.citeItem(it)
			}
		}
		if len(study) > 0 {
			o.say("In that period %s was also studying: %s.", x.who(), list(study))
		}
		x.summaryDated(o, *w, now) // "what was she doing in 2016": "I took a year off in 2016"
	}
	if w != nil && !o.starts {
		// "what did he work on in 2022": a freelancer's tours and records
		// are projects, dated apart from the jobs
		var projs []string
		for i := range x.projects {
			if it := &x.projects[i]; it.dated && it.inWindow(*w, now) {
				projs = append(projs, it.title+it.span())
				o.citeItem(it)
			}
		}
		if len(projs) > 0 {
			o.say("Projects in that period: %s.", list(projs))
		}
	}
	o.focusOn(jobs...)
}

// ongoingProjects adds, to "what is she working on now", the dated
// projects still open: a filmmaker's or researcher's work in progress is
// a project, not a job.
func (x *Index) ongoingProjects(o *out, now time.Time) {
	var parts []string
	for i := range x.projects {
		if it := &x.projects[i]; it.current(now) {
			parts = append(parts, it.title+it.span())
			o.citeItem(it)
		}
	}
	if len(parts) > 0 {
		o.say("Projects still under way: %s.", list(parts))
	}
}

// timelineOthers says what else the profile places in a window (study,
// projects, volunteering) when no job falls in it.
func (x *Index) timelineOthers(o *out, w Window, now time.Time) {
	var parts []string
	for _, group := range []struct {
		list []item
		verb string
	}{{x.education, "studying"}, {x.volunteer, "volunteering"}, {x.projects, "working on the project"}} {
		for i := range group.list {
			it := &group.list[i]
			if it.inWindow(w, now) {
				switch group.verb {
				case "studying":
					parts = append(parts, fmt.Sprintf("studying%s at %s%s", prefixed(" ", it.role), it.title, it.span()))
				case "volunteering":
					parts = append(parts, fmt.Sprintf("volunteering%s at %s%s", prefixed(" as ", it.role), it.title, it.span()))
				default:
					parts = append(parts, fmt.Sprintf("working on the project %s%s", it.title, it.span()))
				}
				o.citeItem(it)
			}
		}
	}
	if len(parts) > 0 {
		o.say("In that period %s was %s.", x.who(), list(parts))
	}
	x.summaryDated(o, w, now)
}

// summaryDated quotes the summary's sentences naming a year in w: "took a
// sabbatical in 2021" dates what no entry does.
func (x *Index) summaryDated(o *out, w Window, now time.Time) {
	from, to := w.Bounds(now)
	for _, sn := range x.snippets {
		if sn.cite.Section != secBasics {
			continue
		}
		// "from September 2019 to August 2021" dates 2020 too: the years a
		// sentence names bound what it tells
		lo, hi := 0, 0
		for _, t := range sn.toks {
			if y, ok := atoi(t); ok && len(t) == 4 && y >= 1900 && y < 2100 {
				if lo == 0 || y < lo {
					lo = y
				}
				hi = max(hi, y)
			}
		}
		if lo > 0 && spanIn(lo, hi, from, to) {
			o.say("The summary says: “%s”.", strings.TrimRight(sn.text, "."))
			o.cite(sn.cite.Section, sn.cite.Index, sn.cite.Field)
		}
	}
}

// spanIn reports whether any of the years lo to hi falls in [from, to),
// either open.
func spanIn(lo, hi int, from, to time.Time) bool {
	start, end := time.Date(lo, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(hi+1, 1, 1, 0, 0, 0, 0, time.UTC)
	return (from.IsZero() || end.After(from)) && (to.IsZero() || start.Before(to))
}

// mentionOtherSections points a thin profile's visitor at what it has.
func (x *Index) mentionOtherSections(o *out) {
	var have []string
	for _, s := range []struct {
		n    int
		name string
	}{{len(x.education), "education"}, {len(x.projects), "projects"}, {len(x.r.Skills), "skills"},
		{len(x.volunteer), "volunteering"}, {len(x.certificates), "certificates"}} {
		if s.n > 0 {
			have = append(have, s.name)
		}
	}
	if len(have) > 0 {
		o.say("It does cover %s.", list(have))
	}
}

// entryDetail describes one entry of any section.
func (x *Index) entryDetail(o *out, it *item, more bool, now time.Time) {
	o.citeItem(it)
	o.focusOn(it)
	switch it.sec {
	case secWork:
		x.jobDetail(o, it, more, now)
	case secEducation:
		x.educationDetail(o, it, now)
	case secProjects:
		x.projectDetail(o, it, more)
	case secVolunteer:
		x.volunteerDetail(o, it, more, now)
	default:
		x.pointDetail(o, it)
	}
}

func (x *Index) jobDetail(o *out, it *item, more bool, now time.Time) {
	j := x.r.Work[it.idx]
	verb := "worked"
	if it.current(now) {
		verb = "works"
	}
	s := fmt.Sprintf("%s %s", x.Who(), verb)
	if it.ownAcct {
		s += " " + it.atEmployer() // not "works at Self-employed as Bassist"
	} else {
		if it.title != "" {
			s += " at " + it.title
		}
		if it.role != "" {
			s += " as " + it.role
		}
	}
	if w := it.when(); w != "" {
		s += ", " + w
	}
	if j.Location != "" {
		s += ", " + inLocation(j.Location)
	}
	o.put(sentence(s))
	if it.role == "" && it.title != "" {
		// an export with only the employer and a date: say the title is
		// missing rather than let the employer pass for an answer to it
		o.say("The profile doesn't give %s job title there.", x.whose())
	}
	if d := strings.TrimSpace(j.Description); d != "" && it.title != "" && !more {
		o.say("%s: %s", it.title, sentence(d))
	}
	if j.Summary != "" {
		if more {
			o.put(sentence(j.Summary))
		} else {
			o.putSummary(j.Summary)
		}
	}
	n := 2
	if more {
		n = 6
	}
	if h := quoteList(j.Highlights, n); h != "" {
		o.say("Highlights: %s.", h)
	}
	if len(it.techs) > 0 && more {
		o.say("Technologies mentioned: %s.", strings.Join(it.techs, ", "))
	}
}

// distinctEmployers counts the employers of jobs by name; 0 when a job
// has none, or is a way of working ("Freelance"), which no count should
// guess at.
func distinctEmployers(jobs []*item) int {
	seen := map[string]bool{}
	for _, it := range jobs {
		k := strings.ToLower(strings.TrimSpace(it.title))
		if k == "" || it.ownAcct {
			return 0
		}
		seen[k] = true
	}
	return len(seen)
}

// promotions answers "did she get promoted (there)": each employer with
// more than one role, the roles in order. With there, the employer in
// focus only.
func (x *Index) promotions(o *out, focus []*item, there, when bool) {
	o.in = iWork
	byEmployer := map[string][]*item{}
	var order []string
	for _, it := range x.sorted(secWork) { // most recent first
		k := strings.ToLower(it.title)
		if k == "" || !it.dated {
			continue
		}
		if byEmployer[k] == nil {
			order = append(order, k)
		}
		byEmployer[k] = append(byEmployer[k], it)
	}
	if there && len(focus) > 0 && focus[0].sec == secWork {
		order = []string{strings.ToLower(focus[0].title)}
	}
	said := false
	for _, k := range order {
		roles := byEmployer[k]
		if len(roles) < 2 {
			continue
		}
		steps := make([]string, 0, len(roles))
		for i := len(roles) - 1; i >= 0; i-- { // oldest first
			steps = append(steps, roles[i].role+roles[i].span())
			o.citeItem(roles[i])
		}
		o.say("At %s, %s moved from %s.", roles[0].title, x.who(), strings.Join(steps, " to "))
		if when { // "when did he get promoted": the month each later title began, where the profile gives it
			var became []string
			for i := len(roles) - 2; i >= 0; i-- {
				if roles[i].per.Start.Month != 0 {
					became = append(became, article(roles[i].role)+" in "+fmtDate(roles[i].per.Start))
				}
			}
			if len(became) > 0 {
				o.say("%s became %s.", x.Who(), list(became))
			}
		}
		o.focusOn(roles...)
		said = true
	}
	if said && !there {
		x.promotionCountSaid(o)
	}
	if !said && x.promotionSaid(o, focus, there) {
		return
	}
	if !said {
		if there && len(focus) > 0 {
			o.say("The profile lists one role for %s at %s, so it shows no promotion there.", x.who(), focus[0].label())
			o.citeItem(focus[0])
		} else {
			o.say("The profile lists no employer with more than one role for %s, so it shows no promotion within a company.", x.who())
			if jobs := x.sorted(secWork); len(jobs) > 1 && jobs[0].role != "" && jobs[len(jobs)-1].role != "" {
				first, last := jobs[len(jobs)-1], jobs[0]
				o.say("Across jobs, the titles go from %s%s to %s%s.", first.roleAt(), first.span(), last.roleAt(), last.span())
				o.citeItem(first)
				o.citeItem(last)
			}
		}
	}
}
