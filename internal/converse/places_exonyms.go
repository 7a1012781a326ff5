package converse

import "strings"

// cityExonyms lists cities that English and the local language name
// differently: a résumé says "München", a visitor asks about "Munich".
// Every spelling on a line shares the first one's key, so the two match;
// each keeps its own spelling for display. Diacritics are folded by
// tokens already ("Zürich" is "zurich"), so only other spellings are here.
const cityExonyms = `DE: Munich, München, Muenchen
DE: Cologne, Köln, Koeln
DE: Nuremberg, Nürnberg, Nuernberg
DE: Hanover, Hannover
DE: Brunswick, Braunschweig
AT: Vienna, Wien
CZ: Prague, Praha
PL: Warsaw, Warszawa
PL: Krakow, Cracow
PL: Wroclaw, Breslau
PT: Lisbon, Lisboa
DK: Copenhagen, København, Kobenhavn
CH: Geneva, Genève, Genf
CH: Zurich, Zuerich
CH: Basel, Basle
CH: Bern, Berne
CH: Lucerne, Luzern
IT: Milan, Milano
IT: Turin, Torino
IT: Naples, Napoli
IT: Florence, Firenze
IT: Venice, Venezia
IT: Rome, Roma
IT: Genoa, Genova
ES: Seville, Sevilla
ES: Saragossa, Zaragoza
SE: Gothenburg, Göteborg
BE: Brussels, Bruxelles, Brussel
BE: Antwerp, Antwerpen
BE: Ghent, Gent
BE: Bruges, Brugge
BE: Louvain, Leuven
NL: The Hague, Den Haag
GR: Athens, Athina
GR: Thessaloniki, Salonica
RO: Bucharest, Bucuresti
RS: Belgrade, Beograd
UA: Kyiv, Kiev
UA: Odesa, Odessa
RU: Moscow, Moskva
FI: Helsinki, Helsingfors
CN: Beijing, Peking
CN: Guangzhou, Canton
IN: Mumbai, Bombay
IN: Bengaluru, Bangalore
IN: Kolkata, Calcutta
IN: Chennai, Madras
VN: Ho Chi Minh City, Saigon
MX: Mexico City, Ciudad de Mexico`

// exonymKeys maps every spelling's key to its line's first key.
func exonymKeys() map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(cityExonyms, "\n") {
		_, names, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		first := ""
		for _, n := range strings.Split(names, ",") {
			k := strings.Join(tokens(n), " ")
			if k == "" {
				continue
			}
			if first == "" {
				first = k
			}
			m[k] = first
		}
	}
	return m
}

// addExonyms puts every spelling of cityExonyms in g under its line's
// first key, and re-keys the spellings g already has.
func (g *gazetteer) addExonyms() {
	canon := exonymKeys()
	for k, p := range g.byPhrase {
		if c, ok := canon[k]; ok && c != k {
			p.key = c
			g.byPhrase[k] = p
		}
	}
	eachListed(cityExonyms, func(code, name string) {
		ts := tokens(name)
		k := strings.Join(ts, " ")
		if _, ok := g.byPhrase[k]; ok || k == "" {
			return
		}
		g.byPhrase[k] = place{name: name, key: canon[k], country: code, city: true}
		g.maxLen = max(g.maxLen, len(ts))
	})
}
