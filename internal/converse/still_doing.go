package converse

import "strings"

// "Is he still climbing turbines?", "does she still teach?", "is he still
// flying?": an activity asked to go on, with no employer named (still
// there, still_there.go, takes those). The summary and the current jobs'
// own sentences that say "still" or "now" tell what goes on now ("I still
// climb when the team is short"); other sentences are left to the roles'
// answers, which know "teach" of a lecturer.

// stillNotActivity follow "still" without naming an activity: a place, a
// role, a state, or a search the other answers take.
var stillNotActivity = setOf(`at with in for there here a an the employed working work works based living live lives open available
looking interested married single active around alive involved part member valid current doing do does on`)

// stillDoing answers whether an activity still goes on.
func (r *resolver) stillDoing() bool {
	x, o, q := r.x, r.o, r.q
	verb, ok := stillActivity(q.ts)
	if !ok || len(q.techs) > 0 || q.hasWin || jobNamed(q.ts, q.ents) {
		return false
	}
	st := stem(verb)
	if len(st) < 3 {
		return false
	}
	now := r.now
	var nowSaid *snippet
	for i := range x.snippets {
		sn := &x.snippets[i]
		if !sentenceHasStem(sn.toks, st) || !hasAnyTokenIn(sn.toks, presentMarks) {
			continue
		}
		if it := x.snippetJob(sn); sn.cite.Section == secBasics || it != nil && it.current(now) {
			nowSaid = sn // "I still climb when the team is short"
			break
		}
	}
	if nowSaid == nil {
		// the roles' answers know "teach" of a lecturer and "nursing" of
		// a nurse; a sentence without "still" or "now" doesn't say it
		// goes on
		return false
	}
	o.in = iRoleCheck
	where := "the summary"
	if nowSaid.cite.Section != secBasics && nowSaid.where != "" {
		where = "what " + x.who() + " does " + nowSaid.where
	}
	o.say("Yes, by %s: “%s”.", where, strings.TrimRight(nowSaid.text, "."))
	o.cite(nowSaid.cite.Section, nowSaid.cite.Index, nowSaid.cite.Field)
	return true
}

// presentMarks make a summary's sentence one about now.
var presentMarks = setOf(`still now currently today nowadays`)

// stillActivity returns the word naming what "is he still ..." or "does
// she still ..." asks after: "climbing" of "is he still climbing
// turbines", "teach" of "does she still teach".
func stillActivity(ts []string) (string, bool) {
	i := 0
	if negOpeners[at(ts, 0)] {
		i = 1
	}
	switch at(ts, i) {
	case "is", "are", "does", "do":
	default:
		return "", false
	}
	if at(ts, i+1) != "@p" || at(ts, i+2) != "still" {
		return "", false
	}
	v := at(ts, i+3)
	if v == "" || stillNotActivity[v] || searchStop[v] || !isAlphaWord(v) {
		return "", false
	}
	if (at(ts, i) == "is" || at(ts, i) == "are") && !strings.HasSuffix(v, "ing") {
		return "", false // "is he still a pilot", "is she still certified": a role or a state
	}
	return v, true
}

// sentenceHasStem reports a word of toks starting with st.
func sentenceHasStem(toks []string, st string) bool {
	for _, t := range toks {
		if strings.HasPrefix(t, st) {
			return true
		}
	}
	return false
}

// snippetJob is the job or volunteering post a sentence belongs to, or nil.
func (x *Index) snippetJob(sn *snippet) *item {
	if sn.cite.Section != secWork && sn.cite.Section != secVolunteer {
		return nil
	}
	items := x.section(sn.cite.Section)
	if sn.cite.Index < 0 || sn.cite.Index >= len(items) {
		return nil
	}
	return &items[sn.cite.Index]
}
