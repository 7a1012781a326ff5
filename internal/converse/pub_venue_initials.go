package converse

import "strings"

// venueLinkWords are the small words a venue's initials skip: "JACS" is
// the Journal of the American Chemical Society, "NEJM" the New England
// Journal of Medicine, "PNAS" the Proceedings of the National Academy of
// Sciences.
var venueLinkWords = setOf(`of the and for in on at &`)

// paperByVenueInitials answers "when did the JACS paper come out" when the
// visitor names a publication by the initials of its publisher or journal:
// the newest publication there, whose detail gives the date.
func (r *resolver) paperByVenueInitials() bool {
	x, o, q := r.x, r.o, r.q
	for _, t := range q.ts {
		if len(t) < 3 || len(t) > 6 || !isAlphaWord(t) || commonWords[t] {
			continue
		}
		for _, it := range x.sorted(secPublications) {
			if venueInitials(x.r.Publications[it.idx].Publisher) == t {
				o.in = iPubs
				x.entryDetail(o, it, false, r.now)
				return true
			}
		}
	}
	return false
}

// venueInitials returns the first letters of a venue's words less its
// small words, "" for a venue of fewer than three such words.
func venueInitials(venue string) string {
	var b []byte
	for _, f := range strings.Fields(venue) {
		// a hyphenated word is one letter: "Health-System" of AJHP
		ts := tokens(f)
		if len(ts) > 0 && ts[0] != "" && !venueLinkWords[ts[0]] {
			b = append(b, ts[0][0])
		}
	}
	if len(b) < 3 {
		return ""
	}
	return string(b)
}
