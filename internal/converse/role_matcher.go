package converse

import "strings"

// roleMatcher tells whether a text names the asked role: the head word (or
// its family) and every other word of the noun.
type roleMatcher struct {
	head map[string]bool
	mods []string
	// spelled is the title an abbreviation stands for ("chief financial
	// officer" for "cfo"), as tokens joined by spaces.
	spelled string
	// gerundOff: "a nurse" is no "Nursing Assistant" — a gerund before
	// another word of the title is a modifier, not the role.
	gerundOff bool
	// shipMaster: a captain or skipper asked, a title "Master" (alone,
	// "Relief Master", "Master Mariner") is the ship's captain, while a
	// "Scrum Master", "Master Electrician" or "Master of Science" is not.
	shipMaster bool
}

// shipMasterBefore are the words that may stand before a ship's "Master".
var shipMasterBefore = setOf(`ship ships vessel yacht relief sea`)

// shipMasterAt reports the title word "master" at ts[i] that names a
// ship's captain: nothing after it but "mariner", nothing before it but a
// word of ships.
func shipMasterAt(ts []string, i int) bool {
	if ts[i] != "master" {
		return false
	}
	if n := at(ts, i+1); n != "" && n != "mariner" && n != "mariners" {
		return false
	}
	return i == 0 || shipMasterBefore[ts[i-1]]
}

// titleAbbrevs are the abbreviations visitors use for titles résumés often
// spell out.
var titleAbbrevs = map[string]string{"ceo": "chief executive officer", "cfo": "chief financial officer",
	"cto": "chief technology officer", "coo": "chief operating officer", "cmo": "chief marketing officer",
	"cio": "chief information officer", "ciso": "chief information security officer", "cpo": "chief product officer",
	"chro": "chief human resources officer", "cro": "chief revenue officer", "vp": "vice president",
	"svp": "senior vice president", "evp": "executive vice president", "md": "managing director", "gm": "general manager"}

// weakRoleHeads are title heads that say little alone: a research
// assistant is no teaching assistant, a research fellow no teaching
// fellow, so the word before the head is kept even when it is a role
// word itself ("research", "teaching") that other titles drop.
var weakRoleHeads = setOf(`assistant assistants associate associates intern interns fellow fellows aide aides`)

func newRoleMatcher(noun []string) roleMatcher {
	h := stem(noun[len(noun)-1])
	m := roleMatcher{head: roleFamilies[h], spelled: titleAbbrevs[noun[len(noun)-1]]}
	if m.head == nil {
		m.head = map[string]bool{h: true}
	}
	m.shipMaster = h == stem("captain") || h == stem("skipper")
	weak := weakRoleHeads[noun[len(noun)-1]]
	for _, w := range noun[:len(noun)-1] {
		if weak || !commonWords[w] || roleFamilies[stem(w)] == nil {
			m.mods = append(m.mods, stem(w))
		}
	}
	return m
}

func (m roleMatcher) matches(text string) bool { return m.matchesToks(tokens(text)) }

// matchesToks is matches of a text's tokens, for the texts whose tokens
// are kept at compile time (an entry's role and title, a snippet's words).
func (m roleMatcher) matchesToks(ts []string) bool {
	if m.spelled != "" && len(m.mods) == 0 && strings.Contains(" "+strings.Join(ts, " ")+" ", " "+m.spelled+" ") {
		return true // "is she a CFO": "Chief Financial Officer"
	}
	head := false
	for i, t := range ts {
		if m.shipMaster && shipMasterAt(ts, i) {
			head = true
			break
		}
		if m.head[stem(t)] && !(m.gerundOff && strings.HasSuffix(t, "ing") && i < len(ts)-1 && ts[i+1] != "of") {
			head = true
			break
		}
	}
	if !head {
		return false
	}
	for _, md := range m.mods {
		found := false
		for i, t := range ts {
			// "back-end" and "front end" are two tokens for "backend"
			if stem(t) == md || modifierIn(md, t) || i+1 < len(ts) && stem(t+ts[i+1]) == md {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// modsIn reports whether every modifier asked is in name, spaces
// dropped: a "frontend developer" is no "Application Developer"
// certificate, though "developer" is in it.
func (m roleMatcher) modsIn(name string) bool {
	c := compactLetters(name)
	for _, md := range m.mods {
		if !strings.Contains(c, compactLetters(md)) {
			return false
		}
	}
	return true
}
