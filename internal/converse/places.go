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
CA: Toronto, Vancouver, Montreal, Montréal, Calgary, Waterloo, Ottawa, Edmonton, Winnipeg, Quebec, Ontario, British Columbia, Alberta, Nova Scotia, New Brunswick, Manitoba, Saskatchewan, Newfoundland, Newfoundland and Labrador, Prince Edward Island
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
	g.addExonyms()
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
	var buf [64]byte // the phrase is looked up, not kept: no string is built for it
	for n := min(g.maxLen, len(ts)-i); n >= 1; n-- {
		if p, ok := g.byPhrase[string(appendPhrase(buf[:0], ts[i:i+n]))]; ok {
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
var placeWords = setOf(`in from near around to outside across throughout about`)

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
				p.outside = raw[i-1] == "outside"
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
	if it.placeKept {
		return it.placeCountry, it.placeWhere
	}
	return placeOfItemText(it)
}

// placeOfItemText is placeOfItem worked out from the entry's texts.
func placeOfItemText(it *item) (country string, where []place) {
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
	text := it.locText
	if !it.placeKept {
		text = locationText(it.loc)
	}
	if it.sec == secEducation {
		text = it.norm
	}
	if strings.Contains(text, " "+p.key+" ") {
		return true
	}
	if it.sec == secEducation && p.city && namesInflected(text, p.key) {
		return true // "Politechnika Łódzka" is Łódź's, as "Uniwersytet Warszawski" is Warsaw's
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

// namesInflected reports a word of text (" padded, folded ") that is the
// one-word place key with an ending added, as languages that inflect a
// city's name into an adjective write it in a school's name.
func namesInflected(text, key string) bool {
	if len(key) < 4 || strings.Contains(key, " ") {
		return false
	}
	for _, t := range strings.Fields(text) {
		if len(t) > len(key) && len(t) <= len(key)+3 && strings.HasPrefix(t, key) {
			return true
		}
	}
	return false
}

// placeTokens returns the gazetteer places a question names anywhere, as
// phrases.
func placeTokens(raw []string) []string {
	g := places()
	var out []string
	for i := 0; i < len(raw); i++ {
		if _, n := g.at(raw, i); n > 0 && (n > 1 || len(raw[i]) > 2) {
			out = append(out, strings.Join(raw[i:i+n], " ")) // as asked: "munchen", not its key "munich"
			i += n - 1
		}
	}
	return out
}

// keepPlaces works out each entry's placeOfItem and locationText once:
// place questions read them for every entry on every turn.
func (x *Index) keepPlaces() {
	for _, list := range [][]item{x.work, x.projects, x.education, x.volunteer, x.awards, x.certificates, x.publications} {
		for i := range list {
			it := &list[i]
			it.placeCountry, it.placeWhere = placeOfItemText(it)
			it.locText = locationText(it.loc)
			it.placeKept = true
		}
	}
}
