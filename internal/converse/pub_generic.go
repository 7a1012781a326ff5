package converse

// "The journal article", "which journal": a publisher's generic words
// (Journal, Press, Review, Proceedings) are shared by most venues, so
// alone they name no one publication; "the Michigan one" or "the bar
// journal" does. Entries of other sections keep their words: "Review"
// may be the distinctive word of a job's employer.

// pubGenericStems are the stems of the generic words of publishers' names.
var pubGenericStems = func() map[string]bool {
	m := map[string]bool{}
	for w := range setOf(`journal journals press presses review reviews proceedings proceeding quarterly magazine letters transactions annals bulletin gazette publishing publisher publishers publications international`) {
		m[stem(w)] = true
	}
	return m
}()

// genericVenueWord reports a word of a publication's publisher that does
// not tell one venue from another.
func genericVenueWord(e *item, k string) bool {
	return e.sec == secPublications && pubGenericStems[k]
}
