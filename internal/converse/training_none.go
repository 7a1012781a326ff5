package converse

// "Did he do any internships" of a profile with no such post: the job list
// would read as a yes. A German Werkstudent's or a dual student's post is
// a student job beside the degree, not an internship; it is named as that.

// noPostDone says the profile lists no post of the noun asked ("did she
// do an internship") when no title holds its word and no text says it,
// naming the student jobs it does list. It reports whether it answered.
func (x *Index) noPostDone(o *out, q *query, noun, st string) bool {
	if postDone(q.ts) == "" || x.words[st] || x.words[stem(noun)] {
		return false // the word is said somewhere: the search finds it
	}
	sg := noun
	if s, ok := postSingular[noun]; ok {
		sg = s
	}
	o.in = iWork
	o.say("The profile doesn't list %s.", article(sg))
	var student []*item
	for _, it := range x.bySec[secWork] {
		if !it.brk && roleKeyIn(it.roleKeys, roleFamilies[stem("student")]) {
			student = append(student, it)
		}
	}
	if len(student) > 0 {
		for _, it := range student {
			o.citeItem(it)
		}
		o.say("It lists %s held as a student: %s.", plural(len(student), "a job", "jobs"), list(rolesOf(student)))
		o.focusOn(student...)
	}
	return true
}
