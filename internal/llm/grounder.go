package llm

import (
	"strconv"
	"strings"
)

// grounder holds what one CheckGrounded call derives from facts and vocabulary.
type grounder struct {
	vocab         Vocabulary
	allowed       string          // phraseText of facts, profile names and Allowed
	allowedTokens map[string]bool // the same, as a token set
	years         map[int]bool    // years named in the facts
	decades       map[int]bool    // decades named in the facts ("2010s" -> 2010)
	spans         [][2]int        // first and last year of each fact naming two or more
	knownTechs    map[string]bool // technologies in the facts or the profile, normalised
	asked         string          // phraseText of the question
	askedTechs    map[string]bool // technologies the question names, normalised
	askedYears    map[int]bool
}

func newGrounder(facts []string, v Vocabulary) *grounder {
	parts := append([]string(nil), facts...)
	for _, terms := range [][]Term{v.Employers, v.Schools, v.Technologies} {
		for _, t := range terms {
			parts = append(parts, t.Name)
			parts = append(parts, t.Aliases...)
		}
	}
	parts = append(parts, v.Allowed...)
	g := &grounder{
		vocab:         v,
		allowed:       phraseText(parts...),
		allowedTokens: make(map[string]bool),
		years:         make(map[int]bool),
		decades:       make(map[int]bool),
		asked:         phraseText(v.Asked),
		askedYears:    yearsIn(v.Asked),
	}
	for _, t := range strings.Fields(g.allowed) {
		g.allowedTokens[t] = true
	}
	for _, f := range facts {
		for _, m := range scanYears(f) {
			if m.decade {
				g.decades[m.year] = true
			}
		}
		ys := yearsIn(f)
		lo, hi := 0, 0
		for y := range ys {
			g.years[y] = true
			if lo == 0 || y < lo {
				lo = y
			}
			hi = max(hi, y)
		}
		if lo != hi {
			g.spans = append(g.spans, [2]int{lo, hi})
		}
	}
	if v.FindTechnologies != nil {
		g.knownTechs = make(map[string]bool)
		for _, f := range facts {
			for _, name := range v.FindTechnologies(f) {
				g.knownTechs[normTerm(name)] = true
			}
		}
		for _, t := range v.Technologies {
			g.knownTechs[normTerm(t.Name)] = true
		}
		g.askedTechs = make(map[string]bool)
		for _, name := range v.FindTechnologies(v.Asked) {
			g.askedTechs[normTerm(name)] = true
		}
	}
	return g
}

func normTerm(s string) string { return strings.Join(termTokens(s), " ") }

func yearsIn(s string) map[int]bool {
	out := make(map[int]bool)
	for _, m := range scanYears(s) {
		if !m.decade { // a decade ("2010s") is no year of its own
			out[m.year] = true
		}
	}
	return out
}

// check returns the findings of one sentence.
func (g *grounder) check(sentence string) []Finding {
	negated := negationRE.MatchString(sentence)
	var out []Finding
	out = append(out, g.checkYears(sentence, negated)...)
	out = append(out, g.checkTechnologies(sentence, negated)...)
	out = append(out, g.checkOrganizations(sentence, negated)...)
	return out
}

func (g *grounder) checkYears(sentence string, negated bool) []Finding {
	var out []Finding
	for _, m := range scanYears(sentence) {
		y := m.year
		if m.decade {
			if !g.decadeGrounded(y) && !(negated && g.askedDecade(y)) {
				out = append(out, Finding{Kind: KindYear, Term: m.text})
			}
			continue
		}
		if g.years[y] || (g.askedYears[y] && (negated || g.inSpan(y))) {
			continue
		}
		out = append(out, Finding{Kind: KindYear, Term: m.text})
	}
	return out
}

func (g *grounder) decadeGrounded(start int) bool {
	if g.decades[start] {
		return true
	}
	for y := start; y < start+10; y++ {
		if g.years[y] || g.inSpan(y) {
			return true
		}
	}
	return false
}

func (g *grounder) askedDecade(start int) bool {
	return strings.Contains(g.asked, " "+strconv.Itoa(start)+"s ")
}

func (g *grounder) inSpan(y int) bool {
	for _, s := range g.spans {
		if s[0] <= y && y <= s[1] {
			return true
		}
	}
	return false
}

func (g *grounder) checkTechnologies(sentence string, negated bool) []Finding {
	if g.vocab.FindTechnologies == nil {
		return nil
	}
	var out []Finding
	for _, name := range g.vocab.FindTechnologies(sentence) {
		n := normTerm(name)
		if g.knownTechs[n] || containsPhrase(g.allowed, name) || (negated && g.askedTechs[n]) {
			continue
		}
		out = append(out, Finding{Kind: KindTechnology, Term: name})
	}
	return out
}

func (g *grounder) checkOrganizations(sentence string, negated bool) []Finding {
	var out []Finding
	if g.vocab.FindOrganizations != nil {
		for _, name := range g.vocab.FindOrganizations(sentence) {
			if !containsPhrase(g.allowed, name) && !(negated && containsPhrase(g.asked, name)) {
				out = append(out, Finding{Kind: KindOrganization, Term: name})
			}
		}
	}
	for _, name := range findNames(sentence) {
		if !g.nameGrounded(name, negated) {
			out = append(out, Finding{Kind: KindOrganization, Term: name})
		}
	}
	return out
}

// nameGrounded checks a pattern-found name token by token: every token that
// carries identity must occur in the facts or profile. Token-wise rather
// than as a phrase, because patterns over-capture ("Acme Corp London").
func (g *grounder) nameGrounded(name string, negated bool) bool {
	if g.vocab.FindTechnologies != nil && len(g.vocab.FindTechnologies(name)) > 0 {
		return true // a technology after "for"/"with": checkTechnologies judges it
	}
	grounded, asked := true, true
	for _, t := range termTokens(name) {
		if nameStopwords[t] {
			continue
		}
		if !g.allowedTokens[t] {
			grounded = false
		}
		if !strings.Contains(g.asked, " "+t+" ") {
			asked = false
		}
	}
	return grounded || (negated && asked)
}
