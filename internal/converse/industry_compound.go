package converse

import (
	"slices"
	"strings"
)

// "How long has he worked in wind energy?", "has she worked in retail
// banking?", "how many years in the games industry?": an industry asked in
// two words, a qualifier and a head. The broad industry ("energy") is not
// what is asked, and the words of the jobs may not hold it at all ("North
// Channel Offshore Wind"); the qualifier is. The jobs whose own words
// (employer, title, summary, highlights) hold every word asked answer it;
// when the head is a general word ("energy", "industry", "services") the
// qualifier alone does. The summary's sentences that say the same are
// quoted, so a career told only there ("six years in retail banking") is
// never answered with "doesn't list".

// industryHeads are words that make "X energy", "X industry" the
// industry X: the qualifier alone names it.
var industryHeads = setOf(`energy industry industries sector sectors business businesses field fields space market markets
services service trade tech technology world domain`)

// phraseEnds end the words asked after "in".
var phraseEnds = setOf(`@p does do did has have had is was for so now since before after and or as at with over during overall
total experience altogether then`)

// compoundIndustry answers the time in, or whether of, an industry asked
// with a qualifier.
func (r *resolver) compoundIndustry() bool {
	x, o, q := r.x, r.o, r.q
	if len(q.techs) > 0 || q.hasWin || q.lang != "" || q.inPlace {
		return false
	}
	length := asksLength(q.ts)
	if !length && !workedInAsked(q.ts) {
		return false
	}
	words, headed := industryPhrase(q.ts)
	if len(words) == 0 || len(words) == 1 && !headed {
		return false // one plain word ("in fintech") is the industry answer's
	}
	for _, w := range words {
		if x.locWords[w] {
			return false // "has he worked in san antonio": a place, which the jobs' locations answer
		}
	}
	named := len(industriesNamed(words, false)) > 0
	stems := make([]string, len(words))
	for i, w := range words {
		stems[i] = stem(w)
	}
	asked := strings.Join(words, " ")
	if headed {
		asked = "the " + asked + " " + q.ts[slices.Index(q.ts, words[len(words)-1])+1] // "the games industry"
	}
	jobs := x.jobsSaying(stems)
	says := x.summarySentences(func(low string) bool { return allStemsSaid(low, stems) })
	if len(jobs) == 0 && len(says) == 0 && len(stems) >= 2 && industryHeads[words[len(words)-1]] {
		// "wind energy": the jobs say "wind", not "energy"
		stems = stems[:len(stems)-1]
		jobs = x.jobsSaying(stems)
		says = x.summarySentences(func(low string) bool { return allStemsSaid(low, stems) })
	}
	if len(jobs) == 0 && len(says) == 0 {
		if length && x.jobsSayIndustryWord(words) {
			return false // "years of experience in game development": the tenure answers count the games industry's jobs
		}
		return named && len(words) >= 2 && !industryHeads[words[len(words)-1]] && x.noneInCompound(o, q, words)
	}
	if !headed && !named && len(jobs) == 0 {
		return false // "in Lisbon", "in Python": no industry, and the summary alone says little
	}
	o.in = iWork
	switch {
	case len(jobs) == 0:
		x.quoteSentences(o, "The summary says:", says)
		o.say("No job in the work history is described as %s.", asked)
		return true
	case length:
		x.tenureIn(o, asked, jobs, r.now, true)
	default:
		parts := make([]string, len(jobs))
		for i, it := range jobs {
			parts[i] = it.roleAt() + it.span()
			o.citeItem(it)
		}
		o.say("%s, the profile lists %s.", yesIn(q.ts, "in", asked), list(parts))
		o.focusOn(jobs...)
	}
	x.quoteSentences(o, "The summary says:", says)
	return true
}

// workedInAsked reports "has he worked in", "did she work in", "any
// experience in", "is he in".
func workedInAsked(ts []string) bool {
	i := slices.Index(ts, "in")
	if i < 1 {
		return false
	}
	return hasAnyToken(ts[:i], "worked", "work", "working", "experience", "experienced", "background", "career", "been")
}

// industryPhrase returns the words asked after "in" ("the" dropped, up
// to the next word that is no part of a name), without a trailing head
// word such as "industry", and whether one followed them. The head
// "energy" stays: it is one of the industries, and the words with it the
// stricter question.
func industryPhrase(ts []string) (words []string, headed bool) {
	i := slices.Index(ts, "in")
	if i < 0 {
		return nil, false
	}
	rest := ts[i+1:]
	for len(rest) > 0 && (rest[0] == "the" || rest[0] == "a" || rest[0] == "an") {
		rest = rest[1:]
	}
	for _, t := range rest {
		if phraseEnds[t] || searchStop[t] && !industryHeads[t] {
			break
		}
		words = append(words, t)
	}
	if len(words) > 3 {
		return nil, false
	}
	if n := len(words); n >= 2 && industryHeads[words[n-1]] && words[n-1] != "energy" {
		return words[:n-1], true
	}
	return words, false
}

// jobsSaying returns the dated jobs, newest first, whose own words (title
// too) hold every stem.
func (x *Index) jobsSaying(stems []string) []*item {
	var out []*item
	for _, it := range x.sorted(secWork) {
		if it.brk || !it.dated {
			continue
		}
		if allStemsSaid(x.entryText(it)+strings.ToLower(it.role)+" ", stems) {
			out = append(out, it)
		}
	}
	return out
}

// allStemsSaid reports whether low (lower-cased, spaced) holds a word
// starting with each stem.
func allStemsSaid(low string, stems []string) bool {
	for _, s := range stems {
		if !strings.Contains(low, " "+s) && !strings.Contains(low, "-"+s) {
			return false
		}
	}
	return true
}

// noneInCompound says that no job is in "offshore oil", and which jobs
// hold its qualifier ("offshore"), when one does: the broad industry's
// answer would say "energy" of offshore wind.
func (x *Index) noneInCompound(o *out, q *query, words []string) bool {
	quals := x.jobsSaying([]string{stem(words[0])})
	if len(quals) == 0 {
		return false
	}
	o.in = iWork
	o.say("The profile doesn't list a job in %s.", strings.Join(words, " "))
	parts := make([]string, len(quals))
	for i, it := range quals {
		parts[i] = it.roleAt() + it.span()
		o.citeItem(it)
	}
	o.say("Jobs it describes as %s: %s.", words[0], list(parts))
	o.focusOn(quals...)
	return true
}

// jobsSayIndustryWord reports a job whose own words hold a word of the
// question that names an industry ("game" of "game development"), though
// not the whole phrase.
func (x *Index) jobsSayIndustryWord(words []string) bool {
	for _, w := range words {
		if len(industriesNamed([]string{w}, false)) > 0 && len(x.jobsSaying([]string{stem(w)})) > 0 {
			return true
		}
	}
	return false
}
