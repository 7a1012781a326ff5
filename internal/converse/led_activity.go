package converse

import "strings"

// ledActivity answers "has she led a migration to the cloud", "did he do
// an acquisition", "has she run a rollout": an activity asked with a verb
// of doing it, which the profile says in a highlight or the summary
// ("Migrated 200 Spark batch jobs…", "Led the migration of 40 services…").
// The sentences that say it answer, quoted as they stand (whether she led
// it is theirs to say), before any skill or kind of technology the rest of
// the question names ("the cloud").
func (r *resolver) ledActivity() bool {
	x, o, q := r.x, r.o, r.q
	ts := q.ts
	if at(ts, 1) != "@p" || !doneVerbs[at(ts, 2)] {
		return false
	}
	switch at(ts, 0) {
	case "has", "have", "did", "had":
	default:
		return false
	}
	i := 3
	if w := at(ts, i); w == "a" || w == "an" || w == "any" || w == "the" || w == "some" {
		i++
	}
	pre := activityPrefix(singular(at(ts, i)))
	if pre == "" {
		return false
	}
	var hits []*snippet
	for k := range x.snippets {
		sn := &x.snippets[k]
		if !strings.Contains(sn.low, " "+pre) && !strings.Contains(sn.low, "-"+pre) {
			continue
		}
		hits = append(hits, sn)
		if len(hits) == 3 {
			break
		}
	}
	if len(hits) == 0 {
		return false // the search, or the kind asked, answers
	}
	o.in = iSearch
	for _, sn := range hits {
		o.mentions(sn)
	}
	if it := x.snippetItem(hits[0]); it != nil {
		o.focusOn(it)
	}
	return true
}

// doneVerbs ask whether the person did an activity: "has she led a
// migration", "did he run a turnaround".
var doneVerbs = setOf(`led lead done do run ran managed manage driven drive drove delivered deliver handled handle overseen oversee oversaw owned own performed perform completed complete carried`)

// activityPrefix returns the start every form of an action noun shares
// with its verb ("migrat" of "migration", "Migrated"; "deploy" of
// "deployment"; "acqui" of "acquisition"), or "" for a word that is no
// action noun.
func activityPrefix(w string) string {
	switch {
	case len(w) < 7:
		return ""
	case strings.HasSuffix(w, "isition"): // acquisition: acquired
		return w[:len(w)-6]
	case strings.HasSuffix(w, "ation"): // migration: migrated, integration: integrated
		return w[:len(w)-3]
	case strings.HasSuffix(w, "sion"): // expansion: expanded
		return w[:len(w)-4]
	case strings.HasSuffix(w, "ment") && !strings.HasSuffix(w, "ement") || strings.HasSuffix(w, "lement"): // deployment, implementation
		return w[:len(w)-4]
	}
	if activityNouns[w] {
		return w
	}
	return ""
}

// activityNouns are action nouns with no suffix to strip: "a rollout", "a
// turnaround", "a rebrand".
var activityNouns = setOf(`rollout turnaround rebrand overhaul redesign rewrite restructuring`)
