package converse

import "strings"

// "Which states can she practice in", "where is he licensed": the
// licences and authorisations to practise among the certificates, not her
// own practice (an employer) nor the summary's sentence with "states".

// placeNouns ask where: "which states", "what countries".
var placeNouns = wordSetOf(`states state provinces province countries country jurisdictions jurisdiction`)

// licenceWords ask about being licensed; "practice" only with a place
// noun: "where does she practice" asks for her workplace.
var (
	licenceWords  = wordSetOf(`licensed licenced license licence licenses licences registered`)
	practiseWords = wordSetOf(`practice practise practicing practising`)
)

// licensedWhere lists the certificates that license or authorise the
// person to practise; it reports whether any did.
func (x *Index) licensedWhere(o *out, q *query) bool {
	lic := licenceWords.anyIn(q.ts)
	// "is she licensed", nothing else asked: her licences, not every
	// certificate, so that "is it still active" asks about the licence
	bare := lic && len(q.ts) == 3 && (q.ts[0] == "is" || q.ts[0] == "are")
	if !(placeNouns.anyIn(q.ts) && (lic || practiseWords.anyIn(q.ts)) || lic && hasAnyToken(q.ts, "where") || bare) {
		return false
	}
	var parts []string
	var held []*item
	for _, it := range x.sorted(secCertificates) {
		low := strings.ToLower(x.r.Certificates[it.idx].Name)
		if !strings.Contains(low, "licen") && !strings.Contains(low, "practi") && !strings.Contains(low, "registered") && !strings.Contains(low, "registration") {
			continue
		}
		parts = append(parts, it.listEntry()+it.span())
		held = append(held, it)
		o.citeItem(it)
	}
	if len(parts) == 0 {
		return false
	}
	o.in = iCerts
	o.say("The licences and authorisations to practise in %s profile: %s.", x.whose(), list(parts))
	o.focusOn(held...)
	return true
}

// licensedWhere answers "which states can she practice in".
func (r *resolver) licensedWhere() bool {
	q := r.q
	return !q.hasWin && (len(q.ents) == 0 || onlyIn(q.ents, secCertificates)) && len(q.techs) == 0 && r.x.licensedWhere(r.o, q)
}
