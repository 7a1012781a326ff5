package converse

// Entity detection: the profile entries (employers, schools, projects,
// papers...) a question names, by name or by a distinctive part of it.

import (
	"cmp"
	"slices"
	"strings"
)

// findEntities returns the profile entries a question names: a whole name
// ("Pied Piper") or a distinctive part of it ("Oklahoma"), with typos
// tolerated in longer words. Only the best-scoring entries are returned.
func (x *Index) findEntities(raw []string) ([]*item, bool) {
	if len(x.entities) == 0 || len(raw) == 0 {
		return nil, false
	}
	j := joinTokens(raw)
	// The first bytes of j's words: a name " tok tok " whose first byte
	// follows no space of j is not in j, and most names are ruled out so
	// before searching j for them.
	var jl byteSet
	for i := 0; i+1 < len(j); i++ {
		if j[i] == ' ' {
			jl[j[i+1]>>6] |= 1 << (j[i+1] & 63)
		}
	}
	if x.labelHead != "" && len(x.labelHead) >= 4 {
		var cp [24]string
		c := append(cp[:0], raw...)
		for i, t := range c {
			if t[0] == x.labelHead[0] && singular(t) == x.labelHead {
				c[i] = "" // entityScore skips blanks; the whole name as a phrase still counts
			}
		}
		raw = c
	}
	// Stem the question once; every entry compares against it.
	var buf, rbuf [24]string
	stems, roots := buf[:0], rbuf[:0]
	var l leads
	for _, t := range raw {
		stems = append(stems, stem(t))
		r := irregular[t] // the stem a role title has: "taught" -> teach, "contractor" -> contract
		if r == "" {
			r = agentOf(t)
		}
		if r == "" {
			r = "\x00" // matches no key
		}
		roots = append(roots, r)
		l.add(t, stems[len(stems)-1], r)
	}
	type scored struct {
		e *item
		s int
	}
	var allBuf [16]scored // on the stack for a question naming a few entries
	all := allBuf[:0]
	bestScore := 0
	acro := "" // initials of an entry's name the question uses, found once for all entries
	if len(x.acros) > 0 {
		for _, t := range raw {
			if len(t) >= 3 && len(t) <= 5 && x.acros[t] {
				acro = t
				break
			}
		}
	}
	for _, e := range x.entities {
		if s := entityScore(e, raw, stems, roots, j, &jl, acro, &l); s > 0 {
			all = append(all, scored{e, s})
			bestScore = max(bestScore, s)
		}
	}
	// Keep everything at least half as good as the best: "teacher" names
	// both the teaching job and the "Teacher of the Year" award.
	slices.SortStableFunc(all, func(a, b scored) int { return cmp.Compare(b.s, a.s) })
	var best []*item
	for _, c := range all {
		if 2*c.s >= bestScore && len(best) < 4 && !givenByNamed(c.e, c.s, all[0].e, bestScore) {
			best = append(best, c.e)
		}
	}
	return best, bestScore >= 100
}

// givenByNamed reports an award, certificate or paper found only by a word
// of who gave or published it ("Ubisoft Game Lab Competition") when that
// word is the name of the organisation the question names best (the job at
// Ubisoft Montréal): "did he work at Ubisoft" asks of the job.
func givenByNamed(e *item, s int, top *item, topScore int) bool {
	if s >= 100 || topScore < 100 || e == top {
		return false
	}
	switch e.sec {
	case secAwards, secCertificates, secPublications:
	default:
		return false
	}
	switch top.sec {
	case secWork, secVolunteer, secEducation:
	default:
		return false
	}
	for _, k := range top.keyStems {
		if slices.Contains(e.roleKeys, k) {
			return true
		}
	}
	return false
}

// entityScore rates how well a question names e: 1000 for the whole name
// as a phrase, else 100 per distinctive word plus a bonus for naming all.
func entityScore(e *item, raw, stems, roots []string, joined string, jl *byteSet, acro string, l *leads) int {
	if acro != "" && (e.acro == acro || e.roleAcro == acro) {
		return 900 // "ucd": University College Dublin
	}
	if len(e.norm) > 2 && (len(e.keys) > 0 || len(e.norm) > 12) && (e.norm[0] != ' ' || jl.has(e.norm[1:])) && strings.Contains(joined, e.norm) {
		return 1000 + len(e.norm)
	}
	if !e.leads.meet(l) {
		return 0 // no key, role or place word of e starts as a word of the question: the tests below all fail
	}
	if len(e.keys) == 0 {
		return locScore(e, raw, stems, roots, l)
	}
	matched, distinctive, cueOnly := 0, false, false
	for ki, k := range e.keys {
		if !l.mayName(k) {
			continue // no word of the question starts as k does (or could be a typo of it)
		}
		for i, t := range raw {
			if t == "" || k == "" || t[0] != k[0] {
				continue // every test below needs the same first letter
			}
			if t == k || (len(k) >= 4 && singular(t) == singular(k)) || pluralAcronym(t, k, e.title) || (len(k) >= 6 && len(t) >= 6 && stems[i] == e.keyStems[ki] && !verbAndAgent(t, k)) || nameTypo(t, k) {
				matched++
				// a year in a name ("Hackathon winner, PolCode 2019") names
				// nothing alone: "what was she doing in 2019" asks a window
				if !commonWords[k] && !commonWords[singular(k)] && !personWords[k] && !holdsYear(raw[i:i+1]) {
					distinctive = true
					cueOnly = cueTable[t] != nil
				}
				break
			}
		}
	}
	if matched == 1 && cueOnly && len(e.keys) > 1 {
		distinctive = false // "achievement" alone names no "Junior Achievement": it asks for highlights
	}
	if matched == 0 || (!distinctive && matched < len(e.keys)) {
		return locScore(e, raw, stems, roots, l)
	}
	s := 100 * matched
	if matched == len(e.keys) {
		s += 50
	}
	if twoWordsOfName(e, raw) {
		s += 150 // "ohio state": the name that has both words together, not every name with "Ohio"
	}
	return s
}

var spokenLanguages = setOf(`english french spanish german italian portuguese dutch russian
chinese mandarin cantonese japanese korean arabic hindi bengali urdu turkish polish swedish
norwegian danish finnish greek hebrew czech slovak hungarian romanian bulgarian ukrainian
vietnamese thai indonesian malay tagalog filipino swahili persian farsi catalan basque irish
gaelic welsh afrikaans punjabi tamil telugu marathi gujarati croatian serbian slovenian
estonian latvian lithuanian icelandic esperanto latin yoruba igbo hausa amharic zulu xhosa
nepali sinhala khmer lao burmese mongolian kazakh uzbek georgian armenian albanian maltese
luxembourgish galician`)

// looksLikeMath reports arithmetic like "2+2", "12 * 7" or "what is 5 x 3".
func looksLikeMath(s string) bool {
	if !hasDigit(s) {
		return false // arithmetic needs a number on each side of its operator
	}
	digitBefore := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digitBefore = true
		case c == ' ':
		case digitBefore && strings.IndexByte("+*/^=×÷x", c) >= 0:
			for k := i + 1; k < len(s); k++ {
				if s[k] == ' ' {
					continue
				}
				if s[k] >= '0' && s[k] <= '9' {
					return true
				}
				break
			}
			digitBefore = false
		default:
			digitBefore = false
		}
	}
	return false
}

// hasDigit reports whether s has an ASCII digit: most questions have
// none, and then looksLikeMath need not scan for operators.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// nameTypo reports a question word that misspells the name word k: six
// letters or more, and no word of its own ("twenty" is no misspelt FC
// Twente, "transfusion" no TransUnion).
func nameTypo(t, k string) bool {
	return len(t) >= 6 && !commonWords[t] && fuzzyName(t, k) && !realWord(t)
}

// fuzzyName forgives one typo in a name word of 6+ letters, two from 10.
func fuzzyName(w, k string) bool {
	n := 1
	if min(len(w), len(k)) >= 10 {
		n = 2
	}
	return within(w, k, n)
}

// locScore rates a question naming an entry's role ("her teaching job",
// "the data analyst role") or place ("in Amsterdam"), below any match of
// its name.
func locScore(e *item, raw, stems, roots []string, l *leads) int {
	matched, distinctive := 0, false
	for _, k := range e.roleKeys {
		if !l.stems.has(k) || !l.stemPairs.mayHold(k) {
			continue // every test below needs a stem or root that starts as k does
		}
		for i, t := range raw {
			if len(t) >= 3 && stems[i] == k || len(t) >= 6 && t == stems[i] && strings.HasPrefix(k, t) || roots[i] == k { // "postdoc": Postdoctoral Fellow; not "illustrated": Illustrator
				if placedWords[t] {
					continue // "where was he stationed" names no Gas Station Attendant
				}
				matched++
				distinctive = distinctive || !commonWords[t] && !commonWords[k] && !genericVenueWord(e, k)
				break
			}
		}
	}
	if matched > 0 && (distinctive || matched == len(e.roleKeys)) {
		s := 60 * matched
		if matched == len(e.roleKeys) {
			s += 30
		}
		return min(s, 99)
	}
	for _, k := range e.locKeys {
		if !l.words.has(k) || !l.wordPairs.mayHold(k) {
			continue
		}
		for _, t := range raw {
			if t == k {
				return 30
			}
		}
	}
	return 0
}

// pluralAcronym reports "cves" for the key "cve" of a name that writes it
// in capitals ("CVE-2024-21877: ..."): visitors pluralise acronyms, and
// three letters are too short for the singular test ("bars" is no "Bar").
func pluralAcronym(t, k, title string) bool {
	return len(k) == 3 && len(t) == 4 && t[3] == 's' && t[:3] == k && strings.Contains(title, strings.ToUpper(k))
}

// verbAndAgent reports a verb form and an agent noun that share a stem:
// "played" and "Players" (American Players Theatre), "managed" and
// "Managers". A visitor asking what someone played does not name the
// theatre.
func verbAndAgent(a, b string) bool {
	verb := func(w string) bool { return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") }
	agent := func(w string) bool { return strings.HasSuffix(w, "er") || strings.HasSuffix(w, "ers") }
	return verb(a) && agent(b) || agent(a) && verb(b)
}

// leads are the first bytes of a question's words (and of their stems and
// roots): an entry's key that starts with none of them matches no word,
// and most keys are ruled out so before comparing it with every word.
type leads struct {
	words, stems byteSet
	// wordPairs and stemPairs are the first two bytes of the same words
	// (entity_pairs.go); long the first bytes of words of six letters or
	// more, which a name typo may change after the first.
	wordPairs, stemPairs pairSet
	long                 byteSet
}

// entryLeads are the first bytes of an entry's keys (tested against a
// question's words), role keys (against its stems and roots) and place
// keys (against its words).
type entryLeads struct{ keys, roles, locs byteSet }

// keepLeads fills e.leads from its keys; they are final once the lists
// are compiled.
func (e *item) keepLeads() {
	e.leads = entryLeads{}
	for _, k := range e.keys {
		e.leads.keys.add(k)
	}
	for _, k := range e.roleKeys {
		e.leads.roles.add(k)
	}
	for _, k := range e.locKeys {
		e.leads.locs.add(k)
	}
}

// meet reports whether any key could match a word of the question whose
// leads are l: entityScore and locScore skip a key that starts with no
// byte of l.
func (el *entryLeads) meet(l *leads) bool {
	for i := range el.keys {
		if el.keys[i]&l.words[i] != 0 || el.roles[i]&l.stems[i] != 0 || el.locs[i]&l.words[i] != 0 {
			return true
		}
	}
	return false
}

// byteSet is a set of bytes.
type byteSet [4]uint64

// add puts the first byte of s in the set; "" adds nothing.
func (b *byteSet) add(s string) {
	if s != "" {
		b[s[0]>>6] |= 1 << (s[0] & 63)
	}
}

// has reports whether the first byte of s is in the set; never for "".
func (b *byteSet) has(s string) bool {
	return s != "" && b[s[0]>>6]&(1<<(s[0]&63)) != 0
}
