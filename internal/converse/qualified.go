package converse

import (
	"strings"

	"github.com/parleyhq/parley/internal/profile"
)

// qualifiedCategory is the alias table's category of a skill written with
// a bracketed qualifier, "Python (basic)" or "Spanish (medical)": the
// category of the name before the bracket, so "can he code" finds it. The
// keyword keeps its qualifier wherever it is quoted.
func qualifiedCategory(low string) (string, string) {
	i := strings.IndexByte(low, '(')
	if i <= 0 || !strings.HasSuffix(strings.TrimSpace(low), ")") {
		return "", ""
	}
	base := strings.TrimSpace(low[:i])
	c, ok := profile.Technologies().Canonical(base)
	if !ok {
		return "", ""
	}
	c = strings.ToLower(c)
	return c, techCategory()[c]
}

// notADegree holds the words of education entries that are programmes
// but no degree ("Accelerator", "Bootcamp", "Exchange semester"): they
// neither hold an asked-for degree nor make the degrees unreadable.
var notADegree = setOf(`accelerator incubator bootcamp bootcamps nanodegree exchange workshop residency fellowship mooc`)

// nonDegreeEntry reports whether an education entry's study type names a
// programme that is not a degree.
func nonDegreeEntry(studyType string) bool {
	for _, t := range tokens(studyType) {
		if notADegree[t] {
			return true
		}
	}
	return false
}

// degreeLevelWords name a level of degree as visitors ask for it, with the
// rank degreeRankOf gives it.
var degreeLevelWords = map[string]int{"phd": 6, "phds": 6, "doctorate": 6, "doctoral": 6, "masters": 5, "master": 5, "bachelors": 3, "bachelor": 3}

// degreeByLevel returns the one education entry at the level the question
// names when no entry was named by its words: "where did she get her
// doctorate" on a "PsyD", "when did he finish his masters" on an "MSc".
// Nil when none or several are at that level.
func (x *Index) degreeByLevel(ts []string) *item {
	rank := 0
	for _, t := range ts {
		rank = max(rank, degreeLevelWords[t])
	}
	if rank == 0 {
		return nil
	}
	return x.soleEducation(func(e *profile.Education) bool { return degreeRankOf(e.StudyType) == rank })
}
