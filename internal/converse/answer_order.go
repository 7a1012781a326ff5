package converse

import "time"

// ordinal answers first job, most recent, before/after an entry.
func (x *Index) ordinal(o *out, in intent, sec string, ref *item, now time.Time) {
	sorted := x.sorted(sec)
	if sec == secWork && (in == iFirst || in == iLatest) && len(x.jobs) > 0 {
		sorted = x.jobs // a career break is no first or latest job
	}
	noun := sectionNoun(sec)
	if sec == secPublications && o.papers {
		// "her most recent paper": not the keynote
		if p := x.withoutTalks(sorted); len(p) > 0 {
			sorted, noun = p, "paper"
		}
	}
	if len(sorted) == 0 {
		o.say("The profile doesn't list any %s.", pluralNoun(noun))
		return
	}
	var pick *item
	switch in {
	case iFirst:
		pick = oldest(sorted)
	case iLatest:
		pick = sorted[0]
		if sec == secWork {
			pick = lastHeld(sorted, now)
		}
	case iPrev, iNext:
		if ref == nil {
			ref = sorted[0]
		}
		pos := -1
		for i, it := range sorted {
			if it == ref || it.sec == ref.sec && it.idx == ref.idx {
				pos = i
			}
		}
		if in == iPrev && pos >= 0 && pos+1 < len(sorted) {
			pick = sorted[pos+1]
			if sec == secWork && ref.dated {
				pick = x.endedBefore(sorted[pos+1:], ref, now)
			}
		} else if in == iNext && pos > 0 {
			pick = sorted[pos-1]
		}
		if pick == nil {
			o.citeItem(ref)
			o.focusOn(ref)
			if in == iPrev {
				o.say("The profile doesn't list any %s before %s; that is the earliest one.", noun, ref.label())
				x.summaryBefore(o, ref)
				if sec == secWork {
					x.otherBefore(o, ref)
				}
			} else {
				o.say("The profile doesn't list any %s after %s; that is the most recent one.", noun, ref.label())
				if sec == secEducation {
					x.jobAfterStudies(o, ref, now)
				}
			}
			return
		}
	}
	o.citeItem(pick)
	o.focusOn(pick)
	lead := map[intent]string{iFirst: "The earliest " + noun + " in the profile is", iLatest: "The most recent " + noun + " in the profile is",
		iPrev: "Before that, " + x.who() + "'s " + noun + " was", iNext: "After that, " + x.who() + "'s " + noun + " was"}[in]
	if in == iPrev || in == iNext {
		lead = map[intent]string{iPrev: "Before that, the profile lists", iNext: "After that, the profile lists"}[in]
	}
	o.say("%s %s%s.", lead, pick.describe(), commaWhen(pick))
	if in == iPrev && sec == secWork && pick.dated {
		// a secondment inside a longer job: the job around it ran on
		// until later, and is as much "before that"
		for _, it := range sorted {
			if it != pick && it != ref && it.dated && it.per.From().Before(pick.per.From()) && it.per.Until(now).After(pick.per.Until(now)) &&
				(ref == nil || !ref.dated || !it.per.Until(now).After(ref.per.From().AddDate(0, 1, 0))) {
				o.say("It fell within %s%s.", it.roleAt(), it.span())
				o.citeItem(it)
				break
			}
		}
	}
	if sec == secWork && (in == iNext || in == iPrev) && ref != nil {
		x.gapBetween(o, ref, pick, in, now)
	}
	if pick.sec == secWork && pick.current(now) && in == iLatest {
		o.say("%s still holds this role.", x.Who())
	}
}

// gapBetween says, after "what did she do after that", that the next job
// began only months or years after the one before ended, when no other
// job fills the time, and what the profile says of it ("I took a year out
// to travel (2019–2020)"): the next job alone reads as if one followed
// the other.
func (x *Index) gapBetween(o *out, ref, pick *item, in intent, now time.Time) {
	early, late := ref, pick
	if in == iPrev {
		early, late = pick, ref
	}
	if !early.dated || !late.dated || early.per.Open {
		return
	}
	from, to := early.per.Until(now), late.per.From()
	m := monthsBetween(from, to)
	if m < 6 {
		return
	}
	for _, it := range x.sorted(secWork) {
		if it.dated && it != early && it != late && it.per.From().Before(to) && it.per.Until(now).After(from.AddDate(0, 1, 0)) {
			return // another job ran in between
		}
	}
	o.say("The profile lists no job between the two for %s (%s to %s).", roughly(m), fmtDate(early.per.End), fmtDate(late.per.Start))
	x.gapFillers(o, [][2]time.Time{{from, to}}, now)
}

// otherBefore says, after "no job before" the earliest one, what else the
// profile lists from before that job began: studies and volunteering
// ("what did he do before" of a one-job profile), most recent first.
func (x *Index) otherBefore(o *out, ref *item) {
	if !ref.dated {
		return
	}
	var parts []string
	for _, sec := range [...]string{secEducation, secVolunteer} {
		for _, it := range x.sorted(sec) {
			if len(parts) == 3 {
				break
			}
			if !it.dated || it.unfin || !it.per.From().Before(ref.per.From()) {
				continue
			}
			p := it.describe() + it.span()
			if sec == secVolunteer {
				p = "volunteering as " + p
				if it.role == "" {
					p = "volunteering at " + it.describe() + it.span()
				}
			} else if it.role != "" {
				p = "studies for " + article(p)
			} else {
				p = "studies at " + p
			}
			parts = append(parts, p)
			o.citeItem(it)
		}
	}
	if len(parts) > 0 {
		o.say("From before it began, the profile lists %s.", list(parts))
	}
}

func commaWhen(it *item) string {
	if w := it.when(); w != "" {
		return ", " + w
	}
	return ""
}

// describe names an entry in its section's terms.
func (it *item) describe() string {
	switch it.sec {
	case secWork:
		return it.roleAt()
	case secEducation:
		if it.role != "" {
			return it.role + " at " + it.title
		}
		return it.title
	case secVolunteer:
		if it.role != "" {
			return it.role + " at " + it.title
		}
		return it.title
	}
	return it.label()
}

// label is the entry's name, or its role when it has no name.
func (it *item) label() string {
	if it.title != "" {
		return it.title
	}
	if it.role != "" {
		return it.role
	}
	return "an unnamed entry"
}

func oldest(sorted []*item) *item {
	for i := len(sorted) - 1; i >= 0; i-- {
		if _, ok := sorted[i].start(); ok {
			return sorted[i]
		}
	}
	return sorted[len(sorted)-1]
}

func (x *Index) section(sec string) []item {
	switch sec {
	case secEducation:
		return x.education
	case secProjects:
		return x.projects
	case secVolunteer:
		return x.volunteer
	case secAwards:
		return x.awards
	case secCertificates:
		return x.certificates
	case secPublications:
		return x.publications
	}
	return x.work
}

func sectionNoun(sec string) string {
	return map[string]string{secWork: "job", secEducation: "course of study", secProjects: "project",
		secVolunteer: "volunteering role", secAwards: "award", secCertificates: "certificate",
		secPublications: "publication"}[sec]
}

func pluralNoun(n string) string {
	switch n {
	case "course of study":
		return "education"
	case "":
		return "entries"
	}
	return n + "s"
}

// jobAfterStudies says, after "no course of study after" the latest one,
// which job came next: "what did he do after the bootcamp" asks about his
// life after it, not only about more studies.
func (x *Index) jobAfterStudies(o *out, ref *item, now time.Time) {
	if !ref.dated || ref.per.Open {
		return
	}
	end := ref.per.Until(now)
	var next *item
	for _, it := range x.jobs {
		if it.dated && !it.per.From().Before(end.AddDate(0, -1, 0)) && (next == nil || it.per.From().Before(next.per.From())) {
			next = it
		}
	}
	if next == nil {
		return
	}
	o.say("After it, the profile lists %s%s.", next.describe(), commaWhen(next))
	o.citeItem(next)
	o.focusOn(next)
}
