package converse_test

import "testing"

// TestEng74FollowUps: a follow-up after a reply sees every entry the reply
// quoted (a search naming two acquisitions: "by whom" names both buyers).
func TestEng74FollowUps(t *testing.T) {
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"mlsci", []string{"were any of them acquired", "by whom"}, []string{"Ocado Group", "Criteo"}, nil},
	}
	for _, c := range cases {
		checkLast(t, mustIndex(t, c.name), c.questions, c.want, c.not)
	}
}

// TestEng74LeftReason: a sentence of an event the job went on through
// ("during the 2020 closures", "through the closure") is no reason for
// leaving it.
func TestEng74LeftReason(t *testing.T) {
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"teacher", []string{"why did she leave teaching"}, []string{"doesn't say why"}, []string{"says, of"}},
		{"teacher", []string{"why did she leave St. Andrew's College?"}, nil, []string{"says, of"}},
		{"hotelgm", []string{"why did she leave Meridia Grand Dubai Marina?"}, nil, []string{"closure and reopening"}},
	}
	for _, c := range cases {
		checkLast(t, mustIndex(t, c.name), c.questions, c.want, c.not)
	}
}

// TestEng74YearOnlyRole: a role dated "2011" to "2013" (years only) lasted
// about two years, as the time at an employer so dated already says, not
// the three from the start of one year to the end of the other.
func TestEng74YearOnlyRole(t *testing.T) {
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"tattoo", []string{"how long was the apprenticeship?"}, []string{"about 2 years", "2011", "2013"}, []string{"3 years"}},
	}
	for _, c := range cases {
		checkLast(t, mustIndex(t, c.name), c.questions, c.want, c.not)
	}
}

// TestEng74LanguagesThere: the languages asked of the job in focus are
// those its own text names, not every language she speaks.
func TestEng74LanguagesThere(t *testing.T) {
	checkLast(t, mustIndex(t, "supportops"), []string{"where did she work before ledgerly?", "what languages did she take calls in there?"},
		[]string{"German", "English", "Teleperformance"}, []string{"Czech", "Slovak"})
	// no job in focus: the whole list
	checkLast(t, mustIndex(t, "supportops"), []string{"what languages does she speak?"}, []string{"Czech", "Slovak", "German"}, nil)
}
