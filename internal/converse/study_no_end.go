package converse

import "time"

// A study with a start date and no end date reads, in JSON Resume, as one
// still going on. For a recent start it is: a master's begun last autumn.
// For one that began longer ago than any program runs, the missing end is
// far likelier a finish or a drop-out the profile left out than a degree
// still under way, and the engine should claim neither: such a study is
// not current, and its dates say the end is not given (item.noEnd).

// longestStudy is how long a program may plausibly still run, part-time
// included: a doctorate longer than the rest.
func longestStudy(studyType string) int {
	for _, t := range tokens(studyType) {
		if degreeRank[t] >= degreeRank["phd"] {
			return 8
		}
	}
	return 6
}

// markStaleStudies records item.noEnd on open studies started longer ago
// than longestStudy; Compile calls it once the education section is built.
func (x *Index) markStaleStudies(now time.Time) {
	for i := range x.education {
		it := &x.education[i]
		if !it.dated || !it.per.Open || it.unfin {
			continue
		}
		if it.per.From().AddDate(longestStudy(x.r.Education[it.idx].StudyType), 0, 0).Before(now) {
			it.noEnd = true
		}
	}
}
