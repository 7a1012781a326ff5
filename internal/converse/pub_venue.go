package converse

// writtenVenues are words of a publisher that print what they publish: a
// paper in the "International Journal of Bilingualism" is no talk though
// its title speaks of "family talk".
var writtenVenues = setOf(`journal journals review quarterly magazine press letters transactions annals bulletin gazette newspaper publishing publishers`)

// writtenVenue reports a publisher that is a journal, a magazine or a
// press.
func writtenVenue(publisher string) bool {
	for _, t := range tokens(publisher) {
		if writtenVenues[t] {
			return true
		}
	}
	return false
}
