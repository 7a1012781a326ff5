package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestEng73 holds h-eng73's classes of question, each on a small profile
// built here rather than a résumé of the public set.
func TestEng73(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Lin Tao (林涛)", Label: "Urban Planner"},
		Work: []profile.Work{
			{Name: "Northgate Council", Position: "Planner", StartDate: "2019-01", Highlights: []string{"Manage 3 senior planning staff"}},
			{Name: "Harbour Works", Position: "Surveyor", StartDate: "2012-01", EndDate: "2018-12", Highlights: []string{"Managed 40 site staff"}},
		},
		Skills:       []profile.Skill{{Name: "Tools", Keywords: []string{"ArcGIS", "AutoCAD"}}},
		Certificates: []profile.Certificate{{Name: "Confined Space Entry Training (CSE), renewed 2022", Date: "2015-02", Issuer: "Safety Board"}},
		Education:    []profile.Education{{Institution: "Riverside University", Area: "Geography", StudyType: "BSc", EndDate: "2011-06", Courses: []string{"Urban Design"}}},
		References:   []profile.Reference{{Name: "Ada Brook, Chief Planner", Reference: "Careful and quick."}},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"who's reads as who is", []string{"who's his reference?"}, []string{"Ada Brook"}, nil},
		{"a name in another script", []string{"what's his chinese name?"}, []string{"林涛"}, nil},
		{"an acronym inside a listed tool", []string{"does he know GIS?"}, []string{"ArcGIS"}, []string{"doesn't mention GIS"}},
		{"a certificate's acronym with training", []string{"has he done CSE training?"}, []string{"Confined Space Entry"}, nil},
		{"a count two words before the people", []string{"how many people does he manage?"}, []string{"3 senior planning staff"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}

// TestEng73BreakLength: "how long" of a career break listed with the work
// is the break's length, not the whole career's.
func TestEng73BreakLength(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Ana Ruiz", Label: "Chemist"},
		Work: []profile.Work{
			{Name: "Lumen Labs", Position: "Chemist", StartDate: "2021-03"},
			{Name: "Career break", Position: "Parental leave", StartDate: "2018-09", EndDate: "2021-02"},
			{Name: "Dorset Paints", Position: "Lab Technician", StartDate: "2012-01", EndDate: "2018-08"},
		},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	for _, q := range []string{"how long was her career break?", "how long was she off work?"} {
		t.Run(q, func(t *testing.T) {
			checkLast(t, x, []string{q}, []string{"Parental leave", "almost 3 years"}, []string{"years of work experience"})
		})
	}
}
