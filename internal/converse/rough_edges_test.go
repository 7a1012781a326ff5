package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// checkLast asks the questions and checks the last reply for each wanted
// and unwanted string.
func checkLast(t *testing.T, x *converse.Index, questions []string, want, not []string) {
	t.Helper()
	replies := ask(x, questions...)
	got := replies[len(replies)-1]
	for _, w := range want {
		if !containsFold(got.Text, w) {
			t.Errorf("reply lacks %q: %s", w, got.Text)
		}
	}
	for _, n := range not {
		if containsFold(got.Text, n) {
			t.Errorf("reply has %q: %s", n, got.Text)
		}
	}
}

// TestCareerBreakIsNoJob: a break listed with the work (productProfile's
// "Sabbatical") is no role, employer, first job or experience.
func TestCareerBreakIsNoJob(t *testing.T) {
	r := productProfile()
	r.Work = append(r.Work, profile.Work{Name: "Career break", Position: "Parental leave", StartDate: "2012-01", EndDate: "2013-12"},
		profile.Work{Name: "Studio Vik", Position: "Junior designer", StartDate: "2013-12", EndDate: "2014-02"})
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"roles counted without the breaks", []string{"where has she worked"}, []string{"has held 3 roles", "also lists", "Parental leave"}, []string{"held 5 roles"}},
		{"employers without the breaks", []string{"how many companies has she worked for"}, []string{"3 employers", "Studio Vik"}, []string{"Sabbatical", "Career break"}},
		{"the first job is a job", []string{"what was her first job"}, []string{"Junior designer"}, []string{"Parental leave"}},
		{"experience without the breaks", []string{"how many years of experience does she have"}, []string{"3 jobs"}, []string{"5 jobs"}},
		{"the longest stay is at an employer", []string{"where did she stay the longest"}, []string{"Kölner Möbel"}, []string{"Sabbatical", "Career break"}},
		{"a window still names the break", []string{"what was she doing in 2020"}, []string{"career break"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}

// TestPresentlyInAnswersFromHome: "is she in X" is about where the person
// is based, whatever the jobs or certificates say of X.
func TestPresentlyInAnswersFromHome(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Lea Brun", Location: profile.Location{City: "Zürich", CountryCode: "CH"}},
		Work: []profile.Work{{Name: "Acme", Position: "Engineer", Location: "Paris, France", StartDate: "2018-01"},
			{Name: "Beta", Position: "Intern", Location: "London, United Kingdom", StartDate: "2016-01", EndDate: "2017-12"}},
		Certificates: []profile.Certificate{{Name: "Admitted to the Paris Bar", Issuer: "Ordre des avocats de Paris", Date: "2019"}},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		q         string
		want, not []string
	}{
		{"is she in zurich", []string{"Yes", "Zürich"}, nil},
		{"is lea still in zurich", []string{"Yes", "Zürich"}, nil},
		{"is she in paris", []string{"No", "Zürich"}, []string{"Yes"}},
		{"is she in london", []string{"No", "Zürich"}, []string{"Yes"}},
		{"does she live in switzerland", []string{"Yes", "Zürich"}, nil},
		{"is she based in france", []string{"No", "Zürich"}, []string{"Yes"}},
		{"has she worked in paris", []string{"Acme"}, nil},
	}
	for _, c := range cases {
		t.Run(c.q, func(t *testing.T) { checkLast(t, x, []string{c.q}, c.want, c.not) })
	}
}

// TestUnlistedEmployerAsWritten: a name the profile lacks is echoed with
// the visitor's signs.
func TestUnlistedEmployerAsWritten(t *testing.T) {
	x := converse.Compile(productProfile(), profile.Privacy{}, today)
	for q, want := range map[string]string{
		"has she worked at foster + partners":     "Foster + Partners",
		"did she work at kirkland & ellis":        "Kirkland & Ellis",
		"has she ever worked for skidmore owings": "Skidmore Owings",
	} {
		t.Run(q, func(t *testing.T) { checkLast(t, x, []string{q}, []string{"doesn't list a job at " + want}, nil) })
	}
}
