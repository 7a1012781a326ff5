package converse

// unpaidWords in a job's title or employer mark unpaid work kept in the
// work section ("Volunteer Search Pilot", "Pro Bono Counsel").
var unpaidWords = setOf(`volunteer volunteered volunteering unpaid honorary`)

// unpaidJobs answers a question about volunteering, on a profile with no
// volunteering section, with the jobs whose title or employer says they
// are unpaid. It reports false when none does.
func (x *Index) unpaidJobs(o *out) bool {
	var jobs []*item
	for _, it := range x.sorted(secWork) {
		if hasUnpaidWord(it.role) || hasUnpaidWord(it.title) {
			jobs = append(jobs, it)
		}
	}
	if len(jobs) == 0 {
		return false
	}
	o.say("The profile has no volunteering section, but lists unpaid work among the jobs: %s.", allRoles(jobs))
	for _, it := range jobs {
		o.citeItem(it)
	}
	o.focusOn(jobs...)
	return true
}

func hasUnpaidWord(s string) bool {
	for _, t := range tokens(s) {
		if unpaidWords[t] {
			return true
		}
	}
	return false
}

// dropUnpaidKin leaves out the unpaid roles that only a kindred title
// matched ("Board Advisor" for "was she a consultant") when some role has
// the title asked itself: an advisory seat is not the consulting job.
func dropUnpaidKin(cur, past []*item, noun []string) ([]*item, []*item) {
	own := roleMatcher{head: map[string]bool{stem(noun[len(noun)-1]): true}}
	exact := false
	for _, it := range append(cur[:len(cur):len(cur)], past...) {
		exact = exact || own.matchesToks(it.roleTokens())
	}
	if !exact {
		return cur, past
	}
	keep := func(list []*item) []*item {
		out := list[:0:0]
		for _, it := range list {
			if it.sec != secVolunteer || own.matchesToks(it.roleTokens()) {
				out = append(out, it)
			}
		}
		return out
	}
	return keep(cur), keep(past)
}
