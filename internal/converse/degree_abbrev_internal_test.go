package converse

import "testing"

// TestSameDegreeKind: an abbreviation matches the degree written short or
// spelt out, not another degree of its level.
func TestSameDegreeKind(t *testing.T) {
	for _, c := range []struct {
		studyType, abbr string
		want            bool
	}{
		{"M.Sc.", "msc", true}, {"MSc (Hons)", "ms", true}, {"Master of Science", "msc", true},
		{"Master of Science", "ms", true}, {"Master of Engineering", "meng", true},
		{"Master of Arts in History", "ma", true}, {"Master of Fine Arts", "ma", false},
		{"MFA", "ma", false}, {"Master of Science", "ma", false}, {"Bachelor of Arts", "bsc", false},
	} {
		if got := sameDegreeKind(c.studyType, c.abbr); got != c.want {
			t.Errorf("sameDegreeKind(%q, %q) = %v, want %v", c.studyType, c.abbr, got, c.want)
		}
	}
}
