package converse

import "strings"

// workWhere is where a sentence of the work entry i stands: "at Northwind
// Logistics", or "as Captain at U.S. Army" when the employer has other
// entries under other titles, so that a quote says which role it is of.
func (x *Index) workWhere(i int) string {
	w := x.r.Work[i]
	at := "at " + nonBlank(w.Name, "a job")
	pos := strings.TrimSpace(w.Position)
	if s := ownAcctJob(w.Name, pos); s != "" {
		return "as " + article(s) // not "at Self-employed"
	}
	if pos == "" || strings.TrimSpace(w.Name) == "" {
		return at
	}
	for j, v := range x.r.Work {
		if j != i && strings.EqualFold(strings.TrimSpace(v.Name), strings.TrimSpace(w.Name)) && !strings.EqualFold(strings.TrimSpace(v.Position), pos) {
			return "as " + pos + " " + at
		}
	}
	return at
}
