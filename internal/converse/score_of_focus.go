package converse

import "strings"

// resultAsks are the bare questions after a course of study that ask how
// it went: "what did she get", "how did he do", "what did she get for
// it", "what did she graduate with".
var resultAsks = []string{" what did @p get ", " what did @p get for it ", " what did @p get in it ", " how did @p do ", " how did @p do in it ",
	" what did @p graduate with ", " what did @p finish with ", " what did @p come out with "}

// scoreOfFocus answers a bare "what did she get" after one study whose
// score the profile lists (the grade), or says it lists none for it,
// rather than "doesn't say anything about that".
func (r *resolver) scoreOfFocus() bool {
	x, o, q := r.x, r.o, r.q
	if len(q.ents) > 0 || len(q.techs) > 0 || q.hasWin || !hasAnyToken(q.ts, "get", "do", "graduate", "finish", "come") {
		return false
	}
	asked := false
	for _, p := range resultAsks {
		asked = asked || q.joined == p
	}
	if !asked {
		return false
	}
	f := r.focus()
	if len(f) != 1 || f[0].sec != secEducation {
		return false
	}
	sc := strings.TrimRight(strings.TrimSpace(x.r.Education[f[0].idx].Score), ".")
	o.in = iEducation
	if sc == "" {
		o.say("The profile doesn't list a grade or score for %s%s.", article(f[0].describe()), f[0].span())
		o.focusOn(f[0])
		return true
	}
	o.say("The profile lists a score of %s for %s%s.", sc, article(f[0].describe()), f[0].span())
	o.citeItem(f[0])
	o.focusOn(f[0])
	return true
}
