package converse

// roleOfNoun maps a noun for a stretch of training or a post to the word
// its job title carries: "her apprenticeship" was the job "Apprentice",
// "his residency" the job "Resident Physician".
var roleOfNoun = map[string]string{
	"internship": "intern", "internships": "intern", "apprenticeship": "apprentice", "apprenticeships": "apprentice",
	"traineeship": "trainee", "residency": "resident", "fellowship": "fellow", "clerkship": "clerk",
	"postdoc": "postdoctoral", "postdocs": "postdoctoral", "pupillage": "pupil", "externship": "extern",
}

// lengthOfRoleNoun answers "how long was her apprenticeship", "how long
// was his internship at X": the time in the jobs whose titles carry the
// role, rather than the time at their employer (who may have kept her on
// in another role) or her whole career. Without such a job it answers
// nothing.
func (r *resolver) lengthOfRoleNoun() bool {
	x, o, q := r.x, r.o, r.q
	if at(q.ts, 0) != "how" || at(q.ts, 1) != "long" || q.hasWin || len(x.work) == 0 {
		return false
	}
	role := ""
	for _, t := range q.ts[2:] {
		if w, ok := roleOfNoun[t]; ok {
			role = w
			break
		}
	}
	if role == "" {
		return false
	}
	m := newRoleMatcher([]string{role})
	var jobs []*item
	for _, it := range x.sorted(secWork) {
		if it.dated && m.matchesToks(it.roleTokens()) && (len(q.ents) == 0 || namesEntryTitle(q.ents, it)) {
			jobs = append(jobs, it)
		}
	}
	said := role
	if role == "postdoctoral" {
		said = "postdoc"
	}
	if len(jobs) == 1 {
		// one stretch: that role's own length, as "how long was she a
		// nurse at X" gives it
		o.in = iDuration
		x.durationOf(o, jobs[0], true, r.now)
		return true
	}
	return x.tenureOfJobs(o, jobs, "worked as "+article(said), r.now)
}

// namesEntryTitle reports whether one of ents has its title (a job at
// an employer the question names).
func namesEntryTitle(ents []*item, it *item) bool {
	for _, e := range ents {
		if e.title == it.title {
			return true
		}
	}
	return false
}
