package converse

// gigNouns maps "gig" and "gigs" to the words the engine reads work
// history by: a visitor who asks "what gigs has she done" or "which gig did
// she do the longest" asks about the jobs, as "jobs" would.
var gigNouns = map[string]string{"gig": "job", "gigs": "jobs"}

// gigAfter are the words after "gig" that make it no job of hers: "gig
// economy", "gig workers" (which a profile's own text may name).
var gigAfter = setOf(`economy worker workers work platform platforms app apps`)

// gigsAsJobs reads "gig" as "job" in ts, in place, unless an entry's name
// has the word (a venue "The Gig Room") or the next word makes it the
// trade at large ("the gig economy").
func (x *Index) gigsAsJobs(ts []string) {
	for i, t := range ts {
		if t != "gig" && t != "gigs" { // compared, not looked up: every word of every question passes here
			continue
		}
		if i+1 < len(ts) && gigAfter[ts[i+1]] || x.gigNamed() {
			continue
		}
		ts[i] = gigNouns[t]
	}
}

// gigNamed reports an entry whose name holds "gig" or "gigs".
func (x *Index) gigNamed() bool {
	for _, e := range x.entities {
		for _, k := range e.keys {
			if _, ok := gigNouns[k]; ok {
				return true
			}
		}
	}
	return false
}
