package converse

import (
	"strings"
	"sync"

	"github.com/biter777/countries"
)

// A place is a country, or a city or region in one, that a question or a
// profile entry names. Résumés give "Tokyo" or "Madrid, Spain"; visitors
// ask "did he work in Japan": the gazetteer joins the two.
type place struct {
	outside bool   // "outside Chicago": everywhere but there
	name    string // as the gazetteer or the profile spells it
	key     string // tokens joined by spaces
	country string // ISO 3166-1 alpha-2, "" when unknown
	city    bool   // a city or region, not a whole country
}

// gazetteer maps a lower-case place phrase (tokens joined by spaces) to
// the place. Country names and capitals come from biter777/countries; the
// lists below add other names of countries and the big non-capital cities
// and regions résumés name most.
type gazetteer struct {
	byPhrase map[string]place
	maxLen   int
}

const countryAliases = `US: USA, U S A, the US, the USA, the States, America, United States of America
GB: UK, the UK, Britain, Great Britain, England, Scotland, Wales, Northern Ireland
NL: Holland, the Netherlands
KR: Korea, South Korea
RU: Russia
CZ: Czech Republic
AE: UAE, the UAE, Emirates
VN: Viet Nam
IR: Iran
TW: Taiwan
BO: Bolivia
VE: Venezuela
TZ: Tanzania
SY: Syria
MD: Moldova
PH: the Philippines`

// usStates maps the postal abbreviations résumés write ("Palo Alto, CA")
// to the state's name, so "did he work in California" finds them.
var usStates = map[string]string{"al": "alabama", "ak": "alaska", "az": "arizona", "ar": "arkansas", "ca": "california",
	"co": "colorado", "ct": "connecticut", "de": "delaware", "fl": "florida", "ga": "georgia", "hi": "hawaii", "id": "idaho",
	"il": "illinois", "in": "indiana", "ia": "iowa", "ks": "kansas", "ky": "kentucky", "la": "louisiana", "me": "maine",
	"md": "maryland", "ma": "massachusetts", "mi": "michigan", "mn": "minnesota", "ms": "mississippi", "mo": "missouri",
	"mt": "montana", "ne": "nebraska", "nv": "nevada", "nh": "new hampshire", "nj": "new jersey", "nm": "new mexico",
	"ny": "new york", "nc": "north carolina", "nd": "north dakota", "oh": "ohio", "ok": "oklahoma", "or": "oregon",
	"pa": "pennsylvania", "ri": "rhode island", "sc": "south carolina", "sd": "south dakota", "tn": "tennessee",
	"tx": "texas", "ut": "utah", "vt": "vermont", "va": "virginia", "wa": "washington", "wv": "west virginia",
	"wi": "wisconsin", "wy": "wyoming", "dc": "washington"}

const extraCities = `US: New York, NYC, New York City, San Francisco, Bay Area, Silicon Valley, Seattle, Los Angeles, Boston, Chicago, Austin, Denver, Atlanta, Miami, Dallas, Houston, Portland, San Diego, San Jose, Palo Alto, Mountain View, Menlo Park, Sunnyvale, Cupertino, Redmond, Philadelphia, Pittsburgh, Phoenix, Detroit, Minneapolis, Raleigh, Nashville, Salt Lake City, Brooklyn, Manhattan, Ann Arbor, Boulder, Baltimore, Charlotte, Columbus, Las Vegas, Alabama, Alaska, Arizona, Arkansas, California, Colorado, Connecticut, Delaware, Florida, Hawaii, Idaho, Illinois, Indiana, Iowa, Kansas, Kentucky, Louisiana, Maine, Maryland, Massachusetts, Michigan, Minnesota, Mississippi, Missouri, Montana, Nebraska, Nevada, New Hampshire, New Jersey, New Mexico, North Carolina, North Dakota, Ohio, Oklahoma, Oregon, Pennsylvania, Rhode Island, South Carolina, South Dakota, Tennessee, Texas, Utah, Vermont, Virginia, Washington State, West Virginia, Wisconsin, Wyoming
GB: Manchester, Birmingham, Leeds, Liverpool, Bristol, Sheffield, Newcastle, Nottingham, Glasgow, Edinburgh, Cardiff, Belfast, Oxford, Brighton, Southampton, Leicester, Aberdeen
DE: Munich, München, Hamburg, Frankfurt, Cologne, Köln, Stuttgart, Düsseldorf, Leipzig, Dresden, Hanover, Nuremberg, Karlsruhe, Bonn
FR: Lyon, Marseille, Toulouse, Bordeaux, Lille, Nantes, Grenoble, Strasbourg
ES: Barcelona, Valencia, Seville, Sevilla, Bilbao, Málaga, Malaga, Zaragoza
IT: Milan, Milano, Turin, Torino, Naples, Florence, Bologna, Venice
NL: Rotterdam, The Hague, Utrecht, Eindhoven, Delft
CH: Zurich, Zürich, Geneva, Genève, Basel, Lausanne
CA: Toronto, Vancouver, Montreal, Montréal, Calgary, Waterloo, Quebec, Ontario, British Columbia, Alberta
AU: Sydney, Melbourne, Brisbane, Perth, Adelaide
IN: Bangalore, Bengaluru, Mumbai, Bombay, Hyderabad, Chennai, Pune, Kolkata, Gurgaon, Gurugram, Noida
CN: Shanghai, Shenzhen, Guangzhou, Hangzhou, Chengdu, Hong Kong
JP: Osaka, Kyoto, Yokohama, Fukuoka, Nagoya, Sapporo
BR: São Paulo, Sao Paulo, Rio de Janeiro, Belo Horizonte, Porto Alegre
PL: Krakow, Kraków, Wroclaw, Wrocław, Gdansk, Gdańsk, Poznan, Poznań
PT: Lisboa, Porto, Braga, Coimbra
SE: Gothenburg, Göteborg, Malmö, Malmo
IE: Cork, Galway
TR: Istanbul
AE: Dubai
VN: Ho Chi Minh City, Saigon
ZA: Cape Town, Johannesburg, Durban
NG: Lagos
KE: Nairobi
IL: Tel Aviv
NZ: Auckland
RU: Saint Petersburg, St Petersburg
UA: Lviv, Kharkiv, Odesa
MX: Guadalajara, Monterrey
CO: Medellín, Medellin
KR: Busan
CZ: Brno
AT: Graz, Salzburg
BE: Antwerp, Ghent
DK: Aarhus
NO: Bergen
FI: Espoo, Tampere`

var places = sync.OnceValue(func() *gazetteer {
	g := &gazetteer{byPhrase: map[string]place{}, maxLen: 1}
	add := func(name, country string, city bool) {
		ts := tokens(name)
		if len(ts) == 0 {
			return
		}
		k := strings.Join(ts, " ")
		if _, ok := g.byPhrase[k]; ok {
			return // the first spelling wins: a country over a city of the same name
		}
		g.byPhrase[k] = place{name: name, key: k, country: country, city: city}
		g.maxLen = max(g.maxLen, len(ts))
	}
	all := countries.All()
	for _, c := range all {
		add(c.String(), c.Alpha2(), false)
	}
	eachListed(countryAliases, func(code, name string) {
		add(name, code, false)
	})
	for _, c := range all {
		if cp := c.Capital().String(); cp != "" && !strings.EqualFold(cp, "unknown") {
			add(cp, c.Alpha2(), true)
		}
	}
	eachListed(extraCities, func(code, name string) { add(name, code, true) })
	return g
})

func eachListed(spec string, f func(code, name string)) {
	for _, line := range strings.Split(spec, "\n") {
		code, names, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		for _, n := range strings.Split(names, ",") {
			if n = strings.TrimSpace(n); n != "" {
				f(strings.TrimSpace(code), n)
			}
		}
	}
}

// countryName is the display name of an ISO code: "Japan", "United States".
func countryName(code string) string {
	if code == "" {
		return ""
	}
	c := countries.ByName(code)
	if c == countries.Unknown {
		return code
	}
	return c.String()
}

// at returns the longest gazetteer place starting at ts[i] and its length
// in tokens.
func (g *gazetteer) at(ts []string, i int) (place, int) {
	for n := min(g.maxLen, len(ts)-i); n >= 1; n-- {
		if p, ok := g.byPhrase[strings.Join(ts[i:i+n], " ")]; ok {
			return p, n
		}
	}
	return place{}, 0
}

// placesIn returns the places a piece of profile text (a job's location,
// a school's name) names, in order.
func placesIn(text string) []place {
	g := places()
	ts := tokens(text)
	var out []place
	for i := 0; i < len(ts); {
		if p, n := g.at(ts, i); n > 0 && (n > 1 || len(ts[i]) > 2) {
			out = append(out, p)
			i += n
			continue
		}
		i++
	}
	return out
}

// placeWords lead a place in a question: "worked in Japan", "from Spain".
var placeWords = setOf(`in from near around to outside across throughout`)

// findPlace returns the place a question asks about: a gazetteer phrase,
// or a word of one of the profile's own locations, after "in", "from"...
func (x *Index) findPlace(raw []string) (place, bool) {
	g := places()
	for i := 1; i < len(raw); i++ {
		if !placeWords[raw[i-1]] {
			continue
		}
		j := i
		if raw[j] == "the" && j+1 < len(raw) {
			if p, n := g.at(raw, j); n > 0 { // "the US", "the Netherlands"
				return p, true
			}
			j++
		}
		if x.nameToks[raw[j]] || personWords[raw[j]] {
			continue
		}
		if p, n := g.at(raw, j); n > 0 && (n > 1 || len(raw[j]) > 2) {
			p.outside = raw[i-1] == "outside"
			return p, true
		}
		if x.locWords[raw[j]] {
			return place{name: raw[j], key: raw[j], city: true, outside: raw[i-1] == "outside"}, true
		}
	}
	return place{}, false
}

// placeOfItem is the country and place text of a job (its location) or a
// school (places in its name).
func placeOfItem(it *item) (country string, where []place) {
	text := locationText(it.loc)
	if it.sec == secEducation {
		text = it.title
	}
	where = placesIn(text)
	for _, p := range where {
		if p.country != "" {
			return p.country, where
		}
	}
	return "", where
}

// locationText is a location as " tok tok ", with a US state's postal
// abbreviation after a comma ("Palo Alto, CA") spelt out as well.
func locationText(loc string) string {
	text := " " + strings.Join(tokens(loc), " ") + " "
	if i := strings.LastIndexByte(loc, ','); i >= 0 {
		if st := usStates[strings.ToLower(strings.TrimSpace(loc[i+1:]))]; st != "" && len(strings.TrimSpace(loc[i+1:])) == 2 {
			text += st + " united states "
		}
	}
	return text
}

// inPlace reports whether an entry was in p: the same city or region by
// name, or any place in the same country.
func inPlace(it *item, p place) bool {
	country, where := placeOfItem(it)
	text := locationText(it.loc)
	if it.sec == secEducation {
		text = it.norm
	}
	if strings.Contains(text, " "+p.key+" ") {
		return true
	}
	if p.city {
		for _, w := range where {
			if w.key == p.key {
				return true
			}
		}
		return false
	}
	return country != "" && country == p.country
}

// basicsCountry is the country the person is based in, from the country
// code or the city and region.
func (x *Index) basicsCountry() string {
	l := x.r.Basics.Location
	if c := countries.ByName(l.CountryCode); l.CountryCode != "" && c != countries.Unknown {
		return c.Alpha2()
	}
	for _, p := range placesIn(l.City + " , " + l.Region) {
		if p.country != "" {
			return p.country
		}
	}
	return ""
}

// basedIn renders where the person is based: "Berlin, Germany".
func (x *Index) basedIn() string {
	l := x.r.Basics.Location
	country := countryName(x.basicsCountry())
	if country == "" {
		country = l.CountryCode
	}
	parts := nonEmpty(l.City, l.Region, country)
	if len(parts) == 3 && strings.EqualFold(parts[0], parts[1]) { // "Berlin, Berlin"
		parts = parts[1:]
	}
	return strings.Join(parts, ", ")
}

// placeAnswer answers "did he work in Japan", "has she lived in Germany",
// "did they study in Leeds" from the jobs' locations, the schools' names
// and where the person is based.
func (x *Index) placeAnswer(o *out, q *query, p place) {
	display := p.name
	if p.city && p.country != "" && countryName(p.country) != "" {
		display = capital(p.name)
	}
	entries := x.work
	noun := "job"
	if q.scores[iEducation] > q.scores[iWork] && q.scores[iEducation] > 0 {
		entries, noun = x.education, "school"
	}
	aboutHome := q.scores[iLocation] > 0 && q.scores[iLocation] >= q.scores[iWork]
	o.in = iWhere
	if aboutHome {
		o.in = iLocation
		home := x.basedIn()
		switch {
		case home == "":
			o.say("The profile doesn't say where %s is based.", x.who())
		case x.homeIn(p):
			o.say("Yes, %s is based in %s.", x.who(), home)
			o.cite(secBasics, 0, "location")
			return
		case strings.Contains(q.joined, " from "):
			o.say("The profile doesn't say where %s is from; it says %s is based in %s.", x.who(), x.who(), home)
			o.cite(secBasics, 0, "location")
		default:
			o.say("The profile says %s is based in %s.", x.who(), home)
			o.cite(secBasics, 0, "location")
		}
	}
	var hits []*item
	located := 0
	for i := range entries {
		it := &entries[i]
		if c, where := placeOfItem(it); c != "" || len(where) > 0 || it.loc != "" {
			located++
		}
		if inPlace(it, p) != p.outside && (!p.outside || it.loc != "") {
			hits = append(hits, it)
		}
	}
	if len(hits) > 0 {
		parts := make([]string, 0, len(hits))
		for _, it := range hits {
			s := it.label()
			if it.sec == secWork && it.role != "" {
				s = it.role + " at " + it.label()
			}
			if it.loc != "" && !strings.EqualFold(it.loc, p.name) {
				s += " in " + it.loc
			}
			parts = append(parts, s+it.span())
			o.citeItem(it)
		}
		switch {
		case p.outside:
			o.say("Yes: outside %s, the profile lists %s.", display, list(parts))
		case aboutHome:
			o.say("The profile also lists, in %s: %s.", display, list(parts))
		default:
			o.say("Yes: in %s, the profile lists %s.", display, list(parts))
		}
		o.focusOn(hits...)
		return
	}
	if aboutHome {
		return
	}
	if located == 0 {
		o.say("The profile doesn't say where %s %ss were.", x.whose(), noun)
	} else {
		where := "in"
		if p.outside {
			where = "outside"
		}
		o.say("The profile doesn't list a %s %s %s.", noun, where, display)
		var elsewhere []string
		for i := range entries {
			it := &entries[i]
			if it.sec == secWork && it.loc != "" {
				elsewhere = append(elsewhere, it.label()+" ("+it.loc+")")
				o.citeItem(it)
			}
		}
		if len(elsewhere) > 0 {
			o.say("The locations it gives: %s.", list(firstN(elsewhere, 5)))
		}
	}
	if home := x.basedIn(); home != "" {
		o.say("%s is based in %s.", x.Who(), home)
		o.cite(secBasics, 0, "location")
	}
}

// homeIn reports whether the person is based in p.
func (x *Index) homeIn(p place) bool {
	l := x.r.Basics.Location
	home := " " + strings.Join(tokens(l.City+" "+l.Region), " ") + " "
	if strings.Contains(home, " "+p.key+" ") {
		return true
	}
	return !p.city && p.country != "" && x.basicsCountry() == p.country
}

// relocation answers "would she relocate": résumés rarely say.
func (x *Index) relocation(o *out) {
	o.in = iUnknown
	o.say("The profile doesn't mention %s work-location preferences.", x.whose())
	if home := x.basedIn(); home != "" {
		o.say("%s is based in %s.", x.Who(), home)
		o.cite(secBasics, 0, "location")
	}
}

// abroad answers "has he worked abroad": the jobs in another country than
// the one the person is based in, or the countries of the jobs when the
// profile doesn't say where the person is based.
func (x *Index) abroad(o *out) {
	o.in = iWhere
	home := x.basicsCountry()
	byCountry := map[string][]*item{}
	var order []string
	for i := range x.work {
		it := &x.work[i]
		c, _ := placeOfItem(it)
		if c == "" {
			continue
		}
		if _, ok := byCountry[c]; !ok {
			order = append(order, c)
		}
		byCountry[c] = append(byCountry[c], it)
	}
	if len(order) == 0 {
		o.say("The profile doesn't say in which countries %s jobs were.", x.whose())
		if h := x.basedIn(); h != "" {
			o.say("%s is based in %s.", x.Who(), h)
			o.cite(secBasics, 0, "location")
		}
		return
	}
	var parts []string
	for _, c := range order {
		if c == home {
			continue
		}
		var jobs []string
		for _, it := range byCountry[c] {
			jobs = append(jobs, it.label()+it.span())
			o.citeItem(it)
		}
		parts = append(parts, countryName(c)+" ("+list(jobs)+")")
	}
	switch {
	case home == "":
		o.say("The profile lists jobs in %s.", list(parts))
	case len(parts) == 0:
		o.say("Every job with a location in the profile was in %s, where %s is based.", countryName(home), x.who())
		o.cite(secBasics, 0, "location")
	default:
		o.say("Yes: %s is based in %s, and the profile lists work in %s.", x.who(), countryName(home), list(parts))
		o.cite(secBasics, 0, "location")
	}
}

// remote answers "has she worked remotely": the jobs whose location or
// text says remote.
func (x *Index) remote(o *out) {
	o.in = iWhere
	var hits []*item
	for i := range x.work {
		it := &x.work[i]
		w := x.r.Work[i]
		text := " " + strings.Join(tokens(it.loc+" "+it.role+" "+w.Summary+" "+strings.Join(w.Highlights, " ")), " ") + " "
		if strings.Contains(text, " remote ") || strings.Contains(text, " remotely ") || strings.Contains(text, " distributed team ") {
			hits = append(hits, it)
		}
	}
	if len(hits) == 0 {
		o.say("The profile doesn't say whether %s has worked remotely.", x.who())
		if h := x.basedIn(); h != "" {
			o.say("%s is based in %s.", x.Who(), h)
			o.cite(secBasics, 0, "location")
		}
		return
	}
	var parts []string
	for _, it := range hits {
		parts = append(parts, nonBlank(it.role, "a job")+" at "+it.label()+it.span())
		o.citeItem(it)
	}
	o.say("Yes: the profile lists remote work: %s.", list(parts))
	o.focusOn(hits...)
}

// placeTokens returns the gazetteer places a question names anywhere, as
// phrases.
func placeTokens(raw []string) []string {
	g := places()
	var out []string
	for i := 0; i < len(raw); i++ {
		if p, n := g.at(raw, i); n > 0 && (n > 1 || len(raw[i]) > 2) {
			out = append(out, p.key)
			i += n - 1
		}
	}
	return out
}
