package converse

// "What else has she done" after an overview: the next part of the
// profile, not the overview again (a summary's "what else" used to be the
// summary once more, longer).

// elseAsked reports "what else (has she done)", "anything else", "and what
// else", "what other things has he done": a request for something not yet
// said, short, naming nothing.
func elseAsked(ts []string) bool {
	if len(ts) > 6 {
		return false
	}
	switch {
	case at(ts, 0) == "what" && at(ts, 1) == "else", at(ts, 0) == "anything" && at(ts, 1) == "else":
		return true
	case at(ts, 0) == "and" && at(ts, 1) == "what" && at(ts, 2) == "else":
		return true
	}
	return false
}

// elseSections are what follows an overview, in order: the first one the
// profile has and the last reply was not about.
var elseSections = [...]string{secWork, secProjects, secEducation, secVolunteer, secAwards, secCertificates, secPublications}

// elseAfterOverview is the resolver's step: after the summary, the work
// history; after the work history, the next section the profile lists.
func (r *resolver) elseAfterOverview() bool {
	x, o, q := r.x, r.o, r.q
	if len(q.ents) > 0 || len(q.techs) > 0 || q.hasWin || !elseAsked(q.ts) {
		return false
	}
	from := -1
	switch {
	case r.intentWas(iSummary):
		from = 0
	case r.intentWas(iWork):
		from = 1
	default:
		return false
	}
	for _, sec := range elseSections[from:] {
		if len(x.sorted(sec)) == 0 {
			continue
		}
		if sec == secWork {
			o.in = iWork
			x.workHistory(o, nil, r.now)
			return true
		}
		o.in = sectionIntent(sec)
		x.listSection(o, sec, nil, r.now)
		return true
	}
	return false
}
