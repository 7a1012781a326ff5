package converse

import (
	"strings"
)

// skillGroupOrCount answers a skill group asked by its name, or a count of
// entries holding a word.
func (r *resolver) skillGroupOrCount() bool {
	x, o, q := r.x, r.o, r.q
	if len(q.techs) == 0 && !q.hasWin && q.kind == nil && (x.skillGroup(o, q) || x.toolsByWord(o, q) || x.skillsOfWord(o, q)) {
		return true // "data journalism?": a skill group by its name
	}
	// "how many patients does it have now": a count as it stands, not one
	// asked of the current job
	nowOnly := q.hasWin && q.win == Window{Current: true}
	return len(q.techs) == 0 && (!q.hasWin || nowOnly) && q.kind == nil && x.countSearch(o, q, r.nearOne, r.focus) ||
		len(q.techs) == 0 && !q.hasWin && q.kind == nil && len(q.ents) == 0 && x.mostCounted(o, q)
}

// nearOne is the one entry a question's "it" stands for: the previous
// reply's, when it was about one entry and this question names none.
func (r *resolver) nearOne() *item {
	if len(r.q.ents) > 0 || r.q.lang != "" {
		return nil
	}
	if f := r.focus(); len(f) == 1 {
		return f[0]
	}
	return nil
}

// expertise answers "is she an expert" with her skill levels.
func (r *resolver) expertise() bool {
	x, o, q := r.x, r.o, r.q
	return len(q.role) > 0 && expertWords[q.role[0]] && (x.skillLevel(o, q) || hasAnyToken(q.ts, "anything", "something", "what") && x.topSkills(o))
}

// techLevel answers "how good is he at JavaScript", "what's his CSS
// level", "rate his Go" from the level the skills section gives the
// technology or its group, rather than a "Yes" that rates nothing. A
// technology the skills section does not list is left to techs.
func (r *resolver) techLevel() bool {
	x, o, q := r.x, r.o, r.q
	if len(q.techs) != 1 || q.hasWin || len(q.ents) > 0 || !techLevelAsked(q.ts) {
		return false
	}
	if !x.skillLevel(o, q) && x.skillLevelWider(o, q.techs[0]) == "" {
		return false
	}
	o.tech = q.techs[0]
	return true
}

// techLevelAsked reports a question about how well a technology is known.
func techLevelAsked(ts []string) bool {
	return hasAnyToken(ts, "level", "rate", "rating", "proficiency") ||
		at(ts, 0) == "how" && (at(ts, 1) == "good" || at(ts, 1) == "strong" || at(ts, 1) == "proficient" || at(ts, 1) == "skilled")
}

// kinds answers a question about a kind of technology (languages,
// frameworks).
func (r *resolver) kinds() bool {
	x, o, q := r.x, r.o, r.q
	if q.kind != nil && len(q.techs) == 0 && len(q.ents) == 0 && r.top != iContact && r.top != iLangs && r.top != iPrivate &&
		(r.top != iPubs || strings.Contains(q.joined, " written in ")) { // "what language is it written in" is no question about papers
		if hasAnyToken(q.ts, "there", "it") {
			// "which languages did he use there": the entry in focus
			if f := r.focus(); len(f) == 1 && x.kindAt(o, q.kind, f[0]) {
				return true
			}
		}
		x.kindAnswer(o, q.kind, q.mode)
		return true
	}
	return false
}

// techs answers about the technologies named, or the one of the last turn
// when asked about "it".
func (r *resolver) techs() bool {
	x, o, q := r.x, r.o, r.q
	// A named technology wins unless the question is plainly about contact
	// details or spoken languages ("her GitHub", "does she speak Java").
	if len(q.techs) == 0 && len(q.ents) == 0 && hasAnyToken(q.ts, "it") && q.scores[iTech] > 0 && r.intentWas(iTech) && r.st.Tech != "" {
		q.techs = []string{r.st.Tech} // "where did he use it"
	}
	entityAsked := len(q.ents) > 0 && r.top != iWork && r.top != iProjects && r.top != iSkills && r.top != iTech && r.top == sectionIntent(q.ents[0].sec)
	if len(q.techs) > 0 && r.top != iContact && r.top != iLangs && !entityAsked {
		var at *item
		if len(q.ents) == 1 && (q.ents[0].sec == secWork || q.ents[0].sec == secProjects) &&
			!strings.Contains(q.ents[0].norm, joinTokens(tokens(q.techs[0]))) { // "does he use Salesforce" with a job at Salesforce
			at = q.ents[0]
		} else if len(q.ents) == 0 && hasAnyToken(q.ts, "there", "then") && !hasAnyToken(q.ts, "it") {
			// "did he use Kotlin there": the job in focus
			if f := r.focus(); len(f) == 1 && (f[0].sec == secWork || f[0].sec == secProjects) {
				at = f[0]
			}
		} else if !anyInSection(q.ents, secWork) && !anyInSection(q.ents, secProjects) && hasAnyToken(q.ts, "it", "its") {
			// "is it on Android", "is it built with Flutter" right after a
			// project: "it" is the project, a named technology is not it
			// (nor a certificate whose title holds the technology's name).
			if f := r.focus(); len(f) == 1 && f[0].sec == secProjects {
				at = f[0]
			}
		}
		mode := q.mode
		if mode == modeAny && q.scores[iProjects] >= 3 && !techsCue(q.techs, iProjects, false) && !r.usedPhraseCue() { // "ms project", "design-build": the tool's own word
			mode = modeProjects
		} else if mode == modeAny && (q.scores[iWork] >= 3 || q.scores[iCurrent] >= 3) {
			mode = modeJobs
		}
		if mode == modeAny && q.scores[iTech] == 0 && len(q.ts) <= 5 && r.intentWas(iTech) {
			mode = techMode(r.st.Mode)
		}
		if mode == modeAny {
			mode = placesAsked(q.ts)
		}
		o.in = iTech
		if len(q.techs) == 1 && at == nil && mode == modeAny && q.techTail != nil && x.narrowerTech(o, q.techs[0], q.techTail) {
			return true
		}
		for i, t := range q.techs {
			if i == 3 {
				break
			}
			x.techAnswer(o, t, mode, at, r.now)
			if at == nil && mode == modeAny {
				x.alsoCertified(o, t)
			}
		}
		return true
	}
	return false
}

// techsCue reports whether a technology's name has a word that alone cues
// in ("project" of MS Project, "build" of Design-build): the question's
// cue for it is then the name, not a question about projects. With
// phrases, a cue phrase inside the name counts too ("open source").
func techsCue(techs []string, in intent, phrases bool) bool {
	for _, t := range techs {
		ws := tokens(t)
		for i, w := range ws {
			for _, c := range cueTable[w] {
				if c.in == in && (len(c.rest) == 0 || phrases && restAt(ws, i+1, c.rest)) {
					return true
				}
			}
		}
	}
	return false
}

// usedPhraseCue reports "any open source work" of a profile that mentions
// open source: the practice's own name is the phrase that cued projects,
// so its work is asked about as well as its projects. Where the profile
// never names it, or the question says "projects" too, the projects are
// what is asked.
func (r *resolver) usedPhraseCue() bool {
	q := r.q
	if hasAnyToken(q.ts, "project", "projects") || !techsCue(q.techs, iProjects, true) {
		return false
	}
	for _, t := range q.techs {
		if len(r.x.techUse[strings.ToLower(t)]) == 0 {
			return false
		}
	}
	return true
}

// restAt reports whether ws holds rest from i on.
func restAt(ws []string, i int, rest []string) bool {
	if i+len(rest) > len(ws) {
		return false
	}
	for k, r := range rest {
		if ws[i+k] != r {
			return false
		}
	}
	return true
}

// placesAsked reads "where has she used Go" / "where did he use it" as a
// question about the jobs and projects that use a technology.
func placesAsked(ts []string) techMode {
	if at(ts, 0) == "where" && hasAnyToken(ts, "use", "used", "using", "apply", "applied", "work", "worked") {
		return modePlaces
	}
	return modeAny
}
