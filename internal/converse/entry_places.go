package converse

import "strings"

// Places an entry's own text names, for entries with no location field:
// volunteering missions and jobs whose summary says where they were.

// textOf is the summary and highlights of a job or volunteer role.
func (x *Index) textOf(it *item) []string {
	switch it.sec {
	case secWork:
		w := x.r.Work[it.idx]
		return append([]string{w.Summary}, w.Highlights...)
	case secVolunteer:
		v := x.r.Volunteer[it.idx]
		return append([]string{v.Summary}, v.Highlights...)
	case secAwards: // "Toronto; 10.14 s in the final": where a medal was won
		return []string{x.r.Awards[it.idx].Summary}
	}
	return nil
}

// placeSentences returns the sentences of the entry's text that name a
// place, with the first country among them ("" when none names one).
func (x *Index) placeSentences(it *item) ([]string, string) {
	var lines []string
	country := ""
	for _, s := range x.textOf(it) {
		for _, sn := range splitSentences(s) {
			ps := placesIn(sn)
			if len(ps) == 0 {
				continue
			}
			lines = append(lines, "“"+strings.TrimRight(strings.TrimSpace(sn), ".")+"”")
			for _, p := range ps {
				if country == "" && p.country != "" {
					country = p.country
				}
			}
		}
	}
	return lines, country
}

// whereFromText says where an entry without a location was, from its own
// sentences. It reports whether any named a place.
func (x *Index) whereFromText(o *out, it *item) bool {
	lines, _ := x.placeSentences(it)
	if len(lines) == 0 {
		return false
	}
	o.say("On where, the profile says of %s: %s.", it.describe(), strings.Join(lines, "; "))
	return true
}

// volunteeredAbroad adds the volunteer roles whose text names a country
// other than home: "has she volunteered abroad". It reports whether any did.
func (x *Index) volunteeredAbroad(o *out, home string) bool {
	var parts []string
	for i := range x.volunteer {
		it := &x.volunteer[i]
		c, _ := placeOfItem(it)
		if c == "" {
			_, c = x.placeSentences(it)
		}
		if c == "" || c == home {
			continue
		}
		when := ""
		if sp := strings.TrimSuffix(strings.TrimPrefix(it.span(), " ("), ")"); sp != "" {
			when = ", " + sp
		}
		parts = append(parts, it.describe()+" ("+countryName(c)+when+")")
		o.citeItem(it)
	}
	if len(parts) == 0 {
		return false
	}
	o.say("Abroad, %s volunteered as %s.", x.who(), list(parts))
	return true
}
