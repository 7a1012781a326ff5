package converse

import "strings"

// Follow-ups about the project just named that the profile may not
// answer: "how big was the dataset", "who uses it". They hold no word of
// the profile, and read alone they are off-topic or another section's
// ("training set" is not her education); after a project they ask about
// it, and the honest reply is what the project says, or that it doesn't.

// sizeAskWords begin a size question: "how big", "how large".
var sizeAskWords = setOf(`big large huge small`)

// sizeOfProjectUnsaid answers "how big was the dataset" after a project.
func (r *resolver) sizeOfProjectUnsaid() bool {
	q := r.q
	if at(q.ts, 0) != "how" || !sizeAskWords[at(q.ts, 1)] || len(q.techs) > 0 || q.hasWin || asksTeamSize(q) {
		return false
	}
	verb := at(q.ts, 2)
	if verb != "was" && verb != "is" && verb != "were" && verb != "are" {
		return false
	}
	thing := q.ts[3:]
	if at(thing, 0) == "the" || at(thing, 0) == "its" || at(thing, 0) == "that" {
		thing = thing[1:]
	}
	if len(thing) == 0 || len(thing) > 3 || hasAnyToken(thing, "it", "@p", "this") {
		return false // "how big is it": the project itself
	}
	p := r.projectInFocus()
	if p == nil {
		return false
	}
	o := r.o
	o.in = iMore
	o.citeItem(p)
	o.say("The profile doesn't say how %s the %s of %s %s.", q.ts[1], strings.Join(thing, " "), p.title, verb)
	r.x.saySaidOfProject(o, p)
	o.focusOn(p)
	return true
}

// usersOfProject answers "who uses it", "who used his dashboard" after a
// project: its sentences of use, or that the profile doesn't say.
func (r *resolver) usersOfProject() bool {
	q := r.q
	if at(q.ts, 0) != "who" || !hasAnyToken(q.ts, "use", "uses", "used", "using") || len(q.techs) > 0 || q.hasWin {
		return false
	}
	p := r.projectInFocus()
	if p == nil {
		return false
	}
	o := r.o
	o.in = iMore
	o.citeItem(p)
	o.focusOn(p)
	pr := r.x.r.Projects[p.idx]
	var use []string
	for _, s := range append([]string{pr.Description}, pr.Highlights...) {
		low := " " + strings.ToLower(s)
		if containsAny(low, []string{" used ", " use ", " uses ", " users", " customers", " clients", " downloads", " installs", " adopted"}) {
			use = append(use, "“"+strings.TrimRight(s, ".")+"”")
		}
	}
	if len(use) > 0 {
		o.say("What the profile says of %s's use: %s.", p.title, list(use))
		return true
	}
	o.say("The profile doesn't say who uses %s.", p.title)
	r.x.saySaidOfProject(o, p)
	return true
}

// projectInFocus returns the one project the thread is on: named in the
// question, or the previous reply's only entry.
func (r *resolver) projectInFocus() *item {
	if len(r.q.ents) == 1 && r.q.ents[0].sec == secProjects {
		return r.q.ents[0]
	}
	if len(r.q.ents) > 0 {
		return nil
	}
	if f := r.focus(); len(f) == 1 && f[0].sec == secProjects {
		return f[0]
	}
	return nil
}

// saySaidOfProject says what the project's description says of it.
func (x *Index) saySaidOfProject(o *out, p *item) {
	if d := strings.TrimSpace(x.r.Projects[p.idx].Description); d != "" {
		o.say("What it says of %s: “%s”.", p.title, strings.TrimRight(d, "."))
	}
}
