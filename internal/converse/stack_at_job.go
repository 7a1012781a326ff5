package converse

import (
	"slices"
	"strings"
)

// "What was her tech stack at her last job", "which tools does he use in
// his current role": the technologies of one job, not every skill she
// lists nor the job's whole description.

// stackNouns ask for the technologies in general.
var stackNouns = setOf(`stack stacks technologies technology tech tools tooling frameworks toolset toolchain`)

// stackJobNouns name a job in "her last job", "his current role".
var stackJobNouns = setOf(`job jobs role roles position employer company work gig`)

// stackJobs returns the jobs a technologies question is about, or nil
// when it names none: the employer named, "current"/"now", "last"/
// "latest"/"most recent", "previous", "first", or "there" after a job.
func (r *resolver) stackJobs() []*item {
	x, q := r.x, r.q
	var named []*item
	for _, e := range q.ents {
		if e.sec != secWork {
			return nil // "what tools did she use in that project": the entry's own answer
		}
		named = append(named, e)
	}
	if len(named) > 0 {
		return named
	}
	jobs := x.sorted(secWork) // newest first
	if len(jobs) == 0 {
		return nil
	}
	job := hasAnyTokenIn(q.ts, stackJobNouns)
	switch {
	case job && hasAnyToken(q.ts, "current", "present") || hasAnyToken(q.ts, "now", "currently", "today"):
		return x.currentJobs(r.now)
	case job && hasAnyToken(q.ts, "previous", "prior", "former"):
		for _, it := range jobs {
			if !it.current(r.now) {
				return []*item{it}
			}
		}
	case job && (hasAnyToken(q.ts, "last", "latest") || strings.Contains(q.joined, " most recent ")):
		if jobs[0].current(r.now) {
			return x.currentJobs(r.now) // two jobs held now are both the latest
		}
		return jobs[:1]
	case job && hasAnyToken(q.ts, "first", "earliest"):
		return jobs[len(jobs)-1:]
	case hasAnyToken(q.ts, "there") || job && hasAnyToken(q.ts, "that", "this"):
		if fo := r.focus(); len(fo) > 0 && fo[0].sec == secWork {
			return fo
		}
	}
	return nil
}

// stackAtJob answers a technologies question about given jobs with each
// job's technologies, or that the profile names none there.
func (r *resolver) stackAtJob() bool {
	x, o, q := r.x, r.o, r.q
	if q.hasWin || len(q.techs) > 0 || q.kind != nil || !hasAnyTokenIn(q.ts, stackNouns) {
		return false
	}
	if hasAnyToken(q.ts, "how", "why", "many") {
		return false // "how many tools", "why did she pick that stack"
	}
	jobs := r.stackJobs()
	if len(jobs) == 0 {
		return false
	}
	o.in = iSkills
	for _, it := range jobs {
		o.citeItem(it)
		techs := techsBesideTitle(it)
		if len(techs) == 0 {
			o.say("The profile doesn't name the technologies %s used as %s%s.", x.who(), it.roleAt(), it.span())
			continue
		}
		o.say("As %s%s, the profile names %s.", it.roleAt(), it.span(), list(techs))
	}
	o.focusOn(jobs...)
	return true
}

// techsBesideTitle is the job's technologies less those that are a word of
// its title: a Head Chef's "Chef" is no configuration tool.
func techsBesideTitle(it *item) []string {
	out := it.techs
	for i, t := range it.techs {
		if !slices.Contains(it.roleToks, strings.ToLower(t)) {
			continue
		}
		out = slices.Clone(it.techs[:i])
		for _, u := range it.techs[i+1:] {
			if !slices.Contains(it.roleToks, strings.ToLower(u)) {
				out = append(out, u)
			}
		}
		break
	}
	return out
}
