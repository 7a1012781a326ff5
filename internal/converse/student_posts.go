package converse

import "strings"

// Internships and assistantships: the posts a student holds while
// studying, which a recruiter asking "has he ever had a full-time job"
// does not count as one.

// studentPostWords qualify an assistant or fellow as a student's post: a
// teaching or research assistant, a graduate fellow.
var studentPostWords = setOf(`teaching research graduate student doctoral postgraduate undergraduate`)

// studentPost reports a job whose title says it was held as a student: an
// internship or traineeship, a teaching or research assistantship, a
// student job ("Werkstudent" reads as training elsewhere).
func studentPost(role string) bool {
	ts := tokens(role)
	weak := false
	for _, t := range ts {
		if trainingTitles[t] && t != "apprentice" && t != "apprenticeship" && t != "commis" || t == "assistantship" || t == "werkstudent" || t == "werkstudentin" {
			return true
		}
		if t == "assistant" || t == "fellow" || t == "ta" || t == "ra" || t == "gta" || t == "gra" {
			weak = true
		}
	}
	if !weak {
		return false
	}
	for _, t := range ts {
		if studentPostWords[t] {
			return true
		}
	}
	return false
}

// onlyStudentPosts answers "has he ever had a full-time job" when every
// job is an internship or an assistantship and none says its hours: no
// full-time post is listed, and what the jobs were. False otherwise.
func (x *Index) onlyStudentPosts(o *out, jobs []*item) bool {
	if len(jobs) == 0 {
		return false
	}
	parts := make([]string, 0, len(jobs))
	for _, it := range jobs {
		if it.role == "" || !studentPost(it.role) {
			return false
		}
		parts = append(parts, article(it.roleAt())+it.span())
	}
	for _, it := range jobs {
		o.citeItem(it)
	}
	o.focusOn(jobs...)
	kinds := "internships and assistantships"
	if !anyRole(jobs, "intern", "internship", "trainee") {
		kinds = "assistantships"
	} else if !anyRole(jobs, "assistant", "assistantship", "fellow") {
		kinds = "internships"
	}
	o.say("No: the profile lists no full-time job for %s, only %s: %s.", x.who(), kinds, list(parts))
	return true
}

// anyRole reports a job whose title has one of words.
func anyRole(jobs []*item, words ...string) bool {
	for _, it := range jobs {
		if hasAnyToken(tokens(strings.ToLower(it.role)), words...) {
			return true
		}
	}
	return false
}
