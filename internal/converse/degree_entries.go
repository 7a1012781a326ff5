package converse

import "strings"

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
	kind := e.StudyType
	if i := strings.IndexByte(kind, '('); i > 0 {
		kind = kind[:i] // "Juris Doctor (J.D.)"
	}
	if a := degreeInitials(kind); a != "" {
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
