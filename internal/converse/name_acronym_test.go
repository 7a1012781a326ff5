package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestEmployerByClosingAcronym: an employer whose name ends in its
// acronym ("National Health Service (NHS)") or in a legal form
// ("Bayerische Motoren Werke GmbH") is named by the acronym, and beats a
// project that has the same word.
func TestEmployerByClosingAcronym(t *testing.T) {
	r := mustLoad(t, "sample")
	r.Basics.Label = ""
	r.Work = []profile.Work{
		{Name: "National Health Service (NHS)", Position: "Data Analyst", StartDate: "2019-01", EndDate: "2022-12", Summary: "Built waiting-list reports for three trusts."},
		{Name: "Bayerische Motoren Werke GmbH", Position: "Software Engineer", StartDate: "2015-01", EndDate: "2018-12"},
		{Name: "Tanaka Media USA", Position: "Editor", StartDate: "2013-01", EndDate: "2014-12"},
	}
	r.Projects = []profile.Project{{Name: "NHS waiting times explorer", Description: "A hobby dashboard of NHS waiting times."}}
	x := converse.Compile(r, profile.Privacy{}, today)
	for _, c := range []struct {
		q         string
		want, not []string
	}{
		{"what did he do at the nhs", []string{"Data Analyst", "National Health Service"}, []string{"explorer"}},
		{"when did he work for the NHS?", []string{"2019"}, []string{"explorer"}},
		{"did he work at bmw", []string{"Bayerische Motoren Werke"}, []string{"doesn't list"}},
		{"tell me about the nhs project", []string{"NHS waiting times explorer"}, nil},
		// a place closing a name is no acronym of it
		{"has he worked in the usa", nil, []string{"Editor at Tanaka Media USA (2013–2014)."}},
	} {
		checkText(t, c.q, ask(x, c.q)[0].Text, c.want, c.not)
	}
}
