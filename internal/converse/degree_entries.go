package converse

import (
	"strings"

	"github.com/parleyhq/parley/internal/profile"
)

// A degree may be listed as started and left ("Master of Public
// Administration (not completed)", no end date): it is not being studied
// now, and "did he finish his MPA" is answered with that.

// unfinishedMarks are the words by which an education entry says it was
// not completed.
var unfinishedMarks = []string{"not completed", "incomplete", "uncompleted", "unfinished", "did not complete", "didn't complete",
	"not finished", "withdrew", "withdrawn", "discontinued", "paused", "left before", "no degree", "without a degree", "did not graduate", "didn't graduate"}

// compileDegree records an education entry's degree initials and whether
// it was left unfinished.
func (x *Index) compileDegree(it *item) {
	e := x.r.Education[it.idx]
	if st := e.StudyType; len(st) <= 8 {
		if c := compactLetters(st); c != "" {
			if x.degreeAbbr == nil {
				x.degreeAbbr = map[string]bool{}
			}
			x.degreeAbbr[c] = true
		}
	}
	kind := e.StudyType
	if i := strings.IndexByte(kind, '('); i > 0 {
		kind = kind[:i] // "Juris Doctor (J.D.)"
	}
	a := degreeInitials(kind)
	if a == "" && strings.Contains(kind, ".") && !strings.Contains(strings.TrimSpace(kind), " ") {
		// "LL.M.", "M.Sc.": the letters are how visitors type it ("llm")
		if c := compactLetters(kind); len(c) >= 3 && len(c) <= 5 && degreeRank[c] > 0 {
			a = c
		}
	}
	if a != "" {
		it.roleAcro = a
		if x.acros == nil {
			x.acros = map[string]bool{}
		}
		x.acros[a] = true
	}
	if !it.dated || !it.per.Open && e.EndDate != "" {
		return // an end date is a finish, whatever else it says
	}
	text := strings.ToLower(e.StudyType + " " + e.Area)
	for _, m := range unfinishedMarks {
		if strings.Contains(text, m) {
			it.unfin = true
			return
		}
	}
}

// degreeInitials returns the initials visitors use for a degree of three
// to five words ("mpa", "mba", "msw"), or "". Unlike acronymOf, a cue word
// may be one: "mba" is both.
func degreeInitials(kind string) string {
	var b []byte
	for _, t := range tokens(kind) {
		switch t {
		case "of", "the", "and", "in", "&":
			continue
		}
		if t[0] < 'a' || t[0] > 'z' {
			return ""
		}
		b = append(b, t[0])
	}
	if a := string(b); len(a) >= 3 && len(a) <= 5 && !commonWords[a] {
		return a
	}
	return ""
}

// expectedEnd is the summary's sentence on when an unfinished degree
// (no end date) ends: one naming the degree and a year ("finishing an MSN
// ... in 2026"), "" when none does.
func (x *Index) expectedEnd(it *item) string {
	if it.sec != secEducation || strings.TrimSpace(x.r.Education[it.idx].EndDate) != "" {
		return ""
	}
	e := x.r.Education[it.idx]
	names := tokens(e.StudyType + " " + e.Area)
	for _, sn := range splitSentences(x.r.Basics.Summary) {
		ts := tokens(sn)
		year, named := false, false
		for _, t := range ts {
			year = year || len(t) == 4 && (strings.HasPrefix(t, "19") || strings.HasPrefix(t, "20")) && isDigits(t)
			named = named || len(t) >= 3 && !commonWords[t] && containsString(names, t)
		}
		if year && named {
			return strings.TrimRight(strings.TrimSpace(sn), ".")
		}
	}
	return ""
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// undergraduate answers "what did she study in undergrad" with the one
// first degree: a bachelor's, or an honours degree ("MA (Hons)" is a
// Scottish first degree, as "BA (Hons)" is an English one). False unless
// exactly one entry is one.
func (x *Index) undergraduate(o *out) bool {
	found := x.soleEducation(func(e *profile.Education) bool {
		return degreeRankOf(e.StudyType) == 3 || hasAnyToken(tokens(e.StudyType), "hons", "honours", "honors")
	})
	if found == nil {
		return false
	}
	o.in = iEducation
	score := ""
	if sc := strings.TrimRight(strings.TrimSpace(x.r.Education[found.idx].Score), "."); sc != "" {
		score = ", score " + sc
	}
	o.say("%s first degree is %s%s%s.", capital(x.whose()), article(found.describe()), found.span(), score)
	o.citeItem(found)
	o.focusOn(found)
	return true
}

// gotVerbs introduce a result in "did she get a first", "did he graduate
// with distinction".
var gotVerbs = setOf(`get got graduate graduated achieve achieved receive received earn earned`)

// scoreNamed answers "did she get a first": the word after the verb (and
// "a", "an" or "with") is a word of a degree's listed score ("First
// Class"). False when no score holds it.
func (x *Index) scoreNamed(o *out, ts []string) bool {
	if len(ts) < 4 || ts[0] != "did" && ts[0] != "does" && ts[0] != "has" {
		return false
	}
	for i, t := range ts {
		if !gotVerbs[t] {
			continue
		}
		w := at(ts, i+1)
		if w == "a" || w == "an" || w == "with" {
			w = at(ts, i+2)
		}
		if len(w) < 4 || searchStop[w] {
			return false
		}
		for _, it := range x.sorted(secEducation) {
			sc := strings.TrimSpace(x.r.Education[it.idx].Score)
			if sc == "" || !hasAnyToken(tokens(sc), w) {
				continue
			}
			o.in = iEducation
			o.say("Yes: the profile lists %s for %s%s.", strings.TrimRight(sc, "."), article(it.describe()), it.span())
			o.citeItem(it)
			o.focusOn(it)
			return true
		}
		return false
	}
	return false
}

// finishWords ask when something still under way will end.
var finishWords = setOf(`finish finishes finished graduate graduates graduating graduation complete completes completed completion done end ends`)

// unknownFinish says plainly that the profile gives no end for a degree
// still under way, when the question asks when it will end: "since
// January 2024" alone reads as though the question had been answered.
// Among several degrees (the reply to "is she doing a masters" may list
// them all), the one under way is meant.
func (x *Index) unknownFinish(o *out, items []*item, ts []string) {
	if !hasAnyTokenIn(ts, finishWords) {
		return
	}
	var open *item
	for _, it := range items {
		if it.sec != secEducation {
			return
		}
		if strings.TrimSpace(x.r.Education[it.idx].EndDate) != "" || it.unfin {
			continue
		}
		if open != nil || x.expectedEnd(it) != "" {
			return
		}
		open = it
	}
	if open != nil && open.noEnd {
		o.say("The profile doesn't say whether or when %s was finished: no end date is given.", open.describe())
	} else if open != nil {
		o.say("The profile doesn't say when %s will be finished: no end date is given.", open.describe())
	}
}

// soleEducation returns the one education entry keep accepts, or nil when
// none or several do (an answer about "the" entry must not pick one).
func (x *Index) soleEducation(keep func(e *profile.Education) bool) *item {
	var found *item
	for _, it := range x.sorted(secEducation) {
		if !keep(&x.r.Education[it.idx]) {
			continue
		}
		if found != nil {
			return nil
		}
		found = it
	}
	return found
}
