// The profile's words, stems and acronyms, compiled once per Index so a
// question can tell a topic the profile never mentions.

package converse

import (
	"strings"
)

// compileWords records the stems of the profile's words, so "is she good
// at maths" can tell a topic the profile never mentions.
func (x *Index) compileWords() {
	x.words = map[string]bool{}
	add := func(texts ...string) {
		for _, s := range texts {
			for _, t := range tokens(s) {
				x.words[stem(t)] = true
			}
		}
	}
	b := x.r.Basics
	add(b.Label, b.Summary)
	for _, sn := range x.snippets {
		for _, t := range sn.toks {
			x.words[stem(t)] = true
		}
	}
	for _, s := range x.r.Skills {
		add(s.Name, s.Level)
		add(s.Keywords...)
	}
	for _, list := range [][]item{x.work, x.volunteer, x.education, x.projects, x.awards, x.certificates, x.publications} {
		for i := range list {
			add(list[i].title, list[i].role)
		}
	}
	for _, e := range x.r.Education {
		add(e.Courses...)
	}
	for _, t := range x.techOrder {
		add(t)
	}
	x.secWords = map[string]map[string]bool{}
	for _, sec := range []string{secAwards, secCertificates, secPublications, secProjects} {
		items := x.section(sec)
		if len(items) == 0 {
			continue
		}
		have := map[string]bool{}
		for i := range items {
			var initials, acr []byte // "Certified Kubernetes Administrator" -> "cka"
			for _, t := range tokens(items[i].title + " " + items[i].role) {
				have[stem(t)] = true
				if b := plusBase(t, items[i].title); b != "" {
					have[stem(b)] = true
				}
				initials = append(initials, t[0])
			}
			for _, t := range tokens(items[i].title) {
				if !genericNameWords[t] {
					acr = append(acr, t[0])
				}
			}
			have[string(initials)], have[string(acr)] = true, true
			if sec == secPublications && items[i].idx < len(x.r.Publications) {
				// "how many bulletins has he written": the kind of a
				// publication is often said only in its summary
				// ("Extension bulletin on ...").
				for _, t := range tokens(firstWords(x.r.Publications[items[i].idx].Summary, 3)) {
					have[stem(t)] = true
				}
			}
		}
		x.secWords[sec] = have
	}
}

// findWithEvidence adds to it the technologies each text names, keeping
// for each the first text that names it, which an answer can quote.
func (x *Index) findWithEvidence(it *item, texts []string) {
	for _, text := range texts {
		// A summary written as lines, or a long one, is quoted by the
		// sentence that names the technology, not as a whole.
		if strings.IndexByte(text, '\n') >= 0 || len(text) > 240 {
			if ss := splitSentences(text); len(ss) > 1 {
				x.findWithEvidence(it, ss)
				continue
			}
		}
		for _, t := range x.techs.find(text) {
			k := strings.ToLower(t)
			if it.evidence == nil {
				it.evidence = map[string]string{}
			}
			if _, ok := it.evidence[k]; !ok {
				it.evidence[k] = strings.TrimRight(strings.TrimSpace(text), ".")
			}
			it.techs = mergeTechs(it.techs, []string{t})
		}
	}
}

func stemsOf(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = stem(w)
	}
	return out
}

// nameHead is a name before its details: "Commercial Driver's License"
// of "Commercial Driver's License, Class A (expires 2027-08)".
func nameHead(name string) string {
	if i := strings.IndexAny(name, ",(;:"); i > 0 {
		return name[:i]
	}
	return name
}

// acronymOf returns the initials visitors use for a long name
// ("University College Dublin" -> "ucd", "University of California, Los
// Angeles" -> "ucla"), or "" when the name is short or the initials spell
// an everyday word.
func acronymOf(name string) string {
	var b []byte
	n := 0
	ts := tokens(name)
	if len(ts) >= 5 {
		// "Innovation, Science and Economic Development Canada" is ISED:
		// a country closing a long name is left out of its initials
		if p, ok := places().byPhrase[ts[len(ts)-1]]; ok && !p.city {
			ts = ts[:len(ts)-1]
		}
	}
	for _, t := range ts {
		switch t {
		case "of", "the", "and", "at", "for", "in", "de", "la", "du", "der", "&":
			continue
		}
		if t[0] < 'a' || t[0] > 'z' {
			return ""
		}
		b = append(b, t[0])
		n++
	}
	a := string(b)
	if _, chat := slang[a]; n < 3 || n > 5 || chat || commonWords[a] || cueTable[a] != nil || offTopicTable[a] != nil {
		return ""
	}
	return a
}

// firstWords is the start of s up to n words: where a summary says what
// kind of thing its entry is.
func firstWords(s string, n int) string {
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			if n--; n == 0 {
				return s[:i]
			}
		}
	}
	return s
}
