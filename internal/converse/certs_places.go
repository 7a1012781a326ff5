package converse

import "strings"

// Licences and bar admissions are for a place ("Admitted to the New York
// Bar", "Registered Nurse, Ontario"): "is she licensed in Texas" is
// answered from the certificates that name it.

// certsInPlace says which certificates name p, and reports whether that
// answered; with none, it says so and leaves the list to the caller.
func (x *Index) certsInPlace(o *out, p place) bool {
	var hits []*item
	for _, it := range x.sorted(secCertificates) {
		text := " " + strings.Join(tokens(it.title+" "+it.role), " ") + " "
		found := strings.Contains(text, " "+p.key+" ")
		for _, w := range placesIn(it.title + ", " + it.role) {
			found = found || w.key == p.key
		}
		if found != p.outside {
			hits = append(hits, it)
		}
	}
	if len(hits) == 0 {
		o.say("The profile doesn't list a licence or certificate for %s.", capital(p.name))
		return false
	}
	parts := make([]string, len(hits))
	for i, it := range hits {
		parts[i] = it.listEntry() + it.span()
		o.citeItem(it)
	}
	o.say("Yes: %s.", list(parts))
	o.focusOn(hits...)
	return true
}
