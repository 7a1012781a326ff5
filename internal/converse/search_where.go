package converse

import "strings"

// "Would he relocate" of a summary that says only where the person looks
// for work ("Ich suche eine Stelle in Hamburg oder remote", "Je recherche
// un poste à Lyon ou en télétravail", "Looking for roles in Austin or
// remote"): the sentence answers as far as the profile does, and the
// reply says that moving itself is not mentioned.

// englishSearchMarkers say looking for work in an English summary.
var englishSearchMarkers = []string{"looking for", "seeking", "searching for", "available for"}

// searchWhereSentences returns the summary's sentences that look for work
// and name remote work, in English or another language.
func (x *Index) searchWhereSentences() []*snippet {
	var out []*snippet
	for i := range x.snippets {
		sn := &x.snippets[i]
		if sn.cite.Section != secBasics {
			continue
		}
		low := strings.ToLower(sn.text)
		if !containsAny(low, englishSearchMarkers) && !containsAny(low, foreignAvailabilityMarkers) {
			continue
		}
		if hasAnyToken(sn.toks, "remote", "remotely") || saysForeignRemote(sn.text) {
			out = append(out, sn)
		}
	}
	return out
}

// relocationBySearch answers "would she relocate" from where she looks
// for work; it reports whether the summary says that.
func (x *Index) relocationBySearch(o *out) bool {
	sns := x.searchWhereSentences()
	if len(sns) == 0 {
		return false
	}
	o.in = iLocation
	o.say("The profile doesn't say whether %s would relocate.", x.who())
	x.quoteSentences(o, "The summary says where "+x.who()+" looks for work:", sns)
	if home := x.basedIn(); home != "" {
		o.say("%s is based in %s.", x.Who(), home)
		o.cite(secBasics, 0, "location")
	}
	return true
}
