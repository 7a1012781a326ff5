package converse

import "slices"

// "Which turbine models has he worked on?", "what kinds of vessels has she
// commanded?", "what aircraft types did he fly?": the noun a question asks
// after may come with a word for sorts of it, before or after. The thing
// asked is the noun; the sort word only says that several are wanted, so a
// skill group named by the noun ("Turbines") answers it with its keywords.

// groupSortTails are the words that may follow the noun asked: sorts of
// it, or the things of that kind one works with.
var groupSortTails = setOf(`types type models model kinds kind makes make classes class brands brand platforms platform
systems system tools equipment machines variants ranges`)

// groupNounAt returns the noun a "what/which ..." question asks after and
// the index of the word that follows it and its sort word: "which turbine
// models has" gives "turbine" and 3, "what kinds of vessels has" gives
// "vessels" and 4 ("which turbine models?" gives 3, past its end). ok is
// false for a question of one word.
func groupNounAt(ts []string) (noun string, next int, ok bool) {
	if len(ts) < 2 {
		return "", 0, false
	}
	if groupSortTails[ts[1]] && at(ts, 2) == "of" && len(ts) > 3 {
		return ts[3], 4, true // "what kinds of vessels has she"
	}
	if groupSortTails[at(ts, 2)] && ts[1] != ts[2] {
		return ts[1], 3, true // "which turbine models has he"
	}
	return ts[1], 2, true
}

// jobNamed reports a job, project or volunteering post the question names
// by a word of its name (not of its title: "crane" of "Crane Operator" is
// the noun asked): a group asked of it is asked of that entry.
func jobNamed(ts []string, ents []*item) bool {
	for _, e := range ents {
		if e.sec != secWork && e.sec != secProjects && e.sec != secVolunteer {
			continue
		}
		for _, k := range e.keys {
			if slices.Contains(ts, k) {
				return true
			}
		}
	}
	return false
}
