package converse

import "strings"

// Claims put for confirmation ("he's type rated on the 737, right?",
// "confirm he has 20,000 flight hours") and events taken for granted ("why
// did she sell her clinic", "was he fired"): what the claim names that the
// profile doesn't is said first, so that the sentences found after it
// are not read as a yes.

// claimUnsaid says which word or figure of a claim the profile doesn't
// mention, and lets the usual answer follow.
func (r *resolver) claimUnsaid() bool {
	x, o, q := r.x, r.o, r.q
	if !claimAsked(q.ts) || len(q.techs) > 0 || q.lang != "" {
		return false // a technology or a language has its own "doesn't mention"
	}
	if hasAnyTokenIn(q.ts, slights) {
		o.say("The profile doesn't say that.") // "her students got terrible results, didn't they"
		return false
	}
	for i, t := range q.ts {
		if !x.foreignWord(t) || claimWords[t] || judgement[t] || strings.HasSuffix(t, "ed") {
			continue // "finished her bsc": a verb of the claim, not a thing to look for
		}
		j := i + 1
		for j < len(q.ts) && (x.foreignWord(q.ts[j]) && !claimWords[q.ts[j]] || isNumberToken(q.ts[j])) {
			j++
		}
		o.say("The profile doesn't mention %s.", nameCase(x.visitorSpelling(q.raw, q.ts[i:j])))
		return false
	}
	if n := x.unsaidFigure(q.raw); n != "" {
		o.say("The profile doesn't say %s.", n)
	}
	return false
}

// claimWords put a claim, and are no part of it.
var claimWords = setOf(`confirm right correct yeah yes true innit isn doesn didn wasn aren hasn weren haven don won`)

// slights judge the person badly: a claim the profile can't back.
var slights = setOf(`terrible awful poor horrible lazy incompetent dishonest useless unreliable mediocre worst`)

// isNumberToken reports a token of digits: "737".
func isNumberToken(t string) bool {
	for i := 0; i < len(t); i++ {
		if t[i] < '0' || t[i] > '9' {
			return false
		}
	}
	return t != ""
}

// unsaidFigure returns a figure of the question ("20,000 flight hours")
// that no sentence of the profile writes, with the two words after it;
// "" when every figure is the profile's, or is a year.
func (x *Index) unsaidFigure(raw string) string {
	f := strings.Fields(raw)
	for i, w := range f {
		num := strings.TrimRight(w, ".,?!")
		if num == "" || num[0] < '0' || num[0] > '9' {
			continue
		}
		digits := strings.ReplaceAll(num, ",", "")
		if !isNumberToken(digits) || len(digits) == 4 && (digits[:2] == "19" || digits[:2] == "20") || len(digits) < 2 {
			continue // a year, or a count too small to be a claim
		}
		said := false
		for k := range x.snippets {
			if strings.Contains(strings.ReplaceAll(x.snippets[k].text, ",", ""), digits) {
				said = true
				break
			}
		}
		if said {
			continue
		}
		phrase := []string{num}
		for _, next := range f[i+1 : min(i+3, len(f))] {
			next = strings.TrimRight(next, ".,?!")
			if next == "" || commonWords[strings.ToLower(next)] || claimWords[strings.ToLower(next)] {
				break
			}
			phrase = append(phrase, next)
		}
		return strings.Join(phrase, " ")
	}
	return ""
}

// eventGerunds name an event a résumé would record, as "the profile
// doesn't mention her ..." says it.
var eventGerunds = map[string]string{"fired": "being fired", "sacked": "being fired", "dismissed": "being dismissed",
	"sell": "selling it", "sold": "selling it", "quit": "quitting", "resign": "resigning", "resigned": "resigning",
	"close": "closing it", "closed": "closing it", "demoted": "being demoted"}

// eventUnsaid answers an event taken for granted that no sentence of the
// profile records ("why did she sell her clinic", "was he fired from
// Horizon Air"): it doesn't mention it, then what it says of the place.
func (r *resolver) eventUnsaid() bool {
	x, o, q := r.x, r.o, r.q
	if !q.third || len(q.techs) > 0 {
		return false
	}
	// "why did she sell her clinic", "was he fired": an event taken for
	// granted; "what does he sell" asks about his trade
	why, yes := at(q.ts, 0) == "why", yesNoQuestion(q.ts)
	if !why && !yes {
		return false
	}
	g := ""
	var after []string
	for i, t := range q.ts {
		if v, ok := eventGerunds[t]; ok && !x.words[stem(t)] && (why || strings.HasPrefix(v, "being ")) {
			g, after = v, q.ts[i+1:]
			break
		}
	}
	if g == "" {
		return false
	}
	var work []*item
	for _, e := range q.ents {
		if e.sec == secWork || e.sec == secVolunteer {
			work = append(work, e)
		}
	}
	// "quit the IBEW": a membership only a sentence names
	var words []string
	for _, t := range after {
		if len(t) >= 3 && !commonWords[t] && !searchStop[t] && t != "@p" {
			words = append(words, t)
		}
	}
	var sns []*snippet
	for k := range x.snippets {
		if len(work) == 0 && len(words) > 0 && hasAllTokens(x.snippets[k].toks, words) {
			sns = append(sns, &x.snippets[k])
		}
	}
	if len(work) == 0 && len(sns) == 0 {
		return false // "why did he quit": the job in focus, answered elsewhere
	}
	o.in = iUnknown
	o.say("The profile doesn't mention %s %s.", x.who(), g)
	if len(work) > 0 {
		for _, e := range work {
			o.say("It lists %s%s.", e.roleAt(), e.span())
			o.citeItem(e)
		}
		o.in = iEmployer
		o.focusOn(work...)
		return true
	}
	o.in = iSearch
	x.quoteSentences(o, "What it says:", sns)
	return true
}

// hasAllTokens reports whether ts holds every word.
func hasAllTokens(ts, words []string) bool {
	for _, w := range words {
		if !hasAnyToken(ts, w) {
			return false
		}
	}
	return true
}
