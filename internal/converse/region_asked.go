package converse

import (
	"strings"

	"github.com/biter777/countries"
)

// "Has he lived in Africa?", "did she work in Asia?", "any time in the
// Middle East?": a part of the world, which no entry names. The countries
// of the jobs' and volunteering's locations, the schools' names and where
// the person is based answer it, through each country's continent; a
// title that names a region ("Desk Officer, East Africa" in London) is no
// place of work.

// worldRegion is a part of the world a question may name.
type worldRegion struct {
	name    string
	words   string // as tokens joined by spaces
	regions []countries.RegionCode
	codes   string // or these ISO alpha-2 codes, space separated
}

var worldRegions = []worldRegion{
	{name: "Africa", words: "africa", regions: []countries.RegionCode{countries.RegionAF}},
	{name: "Asia", words: "asia", regions: []countries.RegionCode{countries.RegionAS}},
	{name: "Europe", words: "europe", regions: []countries.RegionCode{countries.RegionEU}},
	{name: "South America", words: "south america", regions: []countries.RegionCode{countries.RegionSA}},
	{name: "North America", words: "north america", regions: []countries.RegionCode{countries.RegionNA}},
	{name: "Latin America", words: "latin america", regions: []countries.RegionCode{countries.RegionSA},
		codes: "MX GT BZ SV HN NI CR PA CU DO PR"},
	{name: "Oceania", words: "oceania", regions: []countries.RegionCode{countries.RegionOC}},
	{name: "Australasia", words: "australasia", codes: "AU NZ"},
	{name: "the Middle East", words: "middle east", codes: "AE BH CY EG IL IQ IR JO KW LB OM PS QA SA SY TR YE"},
}

// regionVerbs ask whether the person was somewhere.
var regionVerbs = wordSetOf(`lived live lives living worked work works working been posted based stationed served studied study
spent experience time stayed resided moved`)

// regionNamed returns the part of the world "in"/"to" is followed by.
func regionNamed(ts []string) (worldRegion, bool) {
	for i, t := range ts {
		if t != "in" && t != "to" && t != "across" {
			continue
		}
		rest := ts[i+1:]
		if at(rest, 0) == "the" {
			rest = rest[1:]
		}
		for _, r := range worldRegions {
			n := strings.Count(r.words, " ") + 1
			if len(rest) >= n && strings.Join(rest[:n], " ") == r.words && !nameLikeAfter(rest, n) {
				return r, true
			}
		}
	}
	return worldRegion{}, false
}

// nameLikeAfter reports a word after the region that makes it part of a
// name ("in Asia Pacific", "in Africa Desk").
func nameLikeAfter(rest []string, n int) bool {
	next := at(rest, n)
	return next != "" && !phraseEnds[next] && !searchStop[next]
}

// holds reports whether country code c lies in r.
func (r worldRegion) holds(c string) bool {
	if c == "" {
		return false
	}
	if strings.Contains(" "+r.codes+" ", " "+c+" ") {
		return true
	}
	reg := countries.ByName(c).Region()
	for _, want := range r.regions {
		if reg == want {
			return true
		}
	}
	return false
}

// regionAsked answers whether the person lived, worked or studied in a
// part of the world.
func (r *resolver) regionAsked() bool {
	x, o, q := r.x, r.o, r.q
	if len(q.techs) > 0 || q.hasWin || !regionVerbs.anyIn(q.ts) {
		return false
	}
	reg, ok := regionNamed(q.ts)
	if !ok {
		return false
	}
	o.in = iWhere
	var hits, seen []string
	var focus []*item
	for _, sec := range []string{secWork, secVolunteer, secEducation} {
		for _, it := range x.sorted(sec) {
			c, _ := placeOfItem(it)
			if c == "" {
				continue
			}
			if !strings.Contains(strings.Join(seen, ","), countryName(c)) {
				seen = append(seen, countryName(c))
			}
			if !reg.holds(c) {
				continue
			}
			where := strings.TrimSpace(it.loc)
			if it.sec == secEducation || where == "" {
				where = countryName(c)
			}
			hits = append(hits, it.roleAt()+" in "+where+it.span())
			o.citeItem(it)
			focus = append(focus, it)
		}
	}
	home := x.basicsCountry()
	if len(hits) > 0 {
		o.say("%s, the profile lists %s.", yesIn(q.ts, "in", reg.name), list(hits))
		o.focusOn(focus...)
	}
	if reg.holds(home) {
		o.say("%s is based in %s.", x.Who(), x.basedIn())
		o.cite(secBasics, 0, "location")
	}
	if o.b.Len() > 0 {
		return true
	}
	if home != "" && !strings.Contains(strings.Join(seen, ","), countryName(home)) {
		seen = append(seen, countryName(home))
	}
	said := x.sentencesIn(reg)
	if len(seen) == 0 && len(said) == 0 {
		return false // no place known: the other answers say what the profile does say
	}
	switch {
	case len(seen) > 0 && len(said) == 0:
		o.say("The profile doesn't place any of %s jobs, studies or home in %s; the countries it names are %s.", x.whose(), reg.name, list(seen))
	case len(seen) > 0:
		o.say("The locations the profile gives are all outside %s (%s).", reg.name, list(seen))
	}
	if len(said) > 0 {
		parts := make([]string, len(said))
		for i, sn := range said {
			parts[i] = "“" + strings.TrimRight(sn.text, ".") + "”"
			if sn.where != "" {
				parts[i] += " (" + sn.where + ")"
			}
			o.cite(sn.cite.Section, sn.cite.Index, sn.cite.Field)
		}
		o.say("Its text does name places there: %s.", strings.Join(parts, "; "))
	}
	return true
}

// sentencesIn returns up to three of the profile's sentences that name a
// country in r or a city in one ("docked in Madagascar"): a stay the
// locations don't give.
func (x *Index) sentencesIn(r worldRegion) []*snippet {
	var out []*snippet
	for i := range x.snippets {
		sn := &x.snippets[i]
		for _, p := range placesIn(sn.text) {
			if r.holds(p.country) {
				out = append(out, sn)
				break
			}
		}
		if len(out) == 3 {
			break
		}
	}
	return out
}
