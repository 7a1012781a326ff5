package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestForeignTitleModifiers: titles in French and German carry the
// modifier of the English role asked ("logicielle", the "Software" of a
// German compound, the "Werk" of "Werkstudent"), and work-study titles
// ("alternance", "Azubi") answer "was she an apprentice". A title without
// the modifier is still not one.
func TestForeignTitleModifiers(t *testing.T) {
	fr := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Camille Roux"},
		Work: []profile.Work{
			{Name: "Mobiliz", Position: "Ingénieure logicielle senior", StartDate: "2022-03"},
			{Name: "Atelier", Position: "Développeuse en alternance", StartDate: "2017-09", EndDate: "2019-08"},
		},
	}, profile.Privacy{}, today)
	de := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Jonas Hart"},
		Work: []profile.Work{
			{Name: "Nordhafen", Position: "Data Engineer", StartDate: "2022-03"},
			{Name: "Elbe AG", Position: "Softwareentwickler (Data)", StartDate: "2018-10", EndDate: "2021-02"},
			{Name: "Elbe AG", Position: "Werkstudent Business Intelligence", StartDate: "2017-04", EndDate: "2018-09"},
			{Name: "Kiel GmbH", Position: "Auszubildender Fachinformatiker", StartDate: "2012-08", EndDate: "2014-07"},
		},
	}, profile.Privacy{}, today)
	cases := []struct {
		name      string
		x         *converse.Index
		q         string
		want, not []string
	}{
		{"logicielle", fr, "is she a software engineer", []string{"Yes", "Ingénieure logicielle senior"}, []string{"doesn't"}},
		{"alternance", fr, "was she ever an apprentice", []string{"Développeuse en alternance"}, []string{"doesn't"}},
		{"software compound", de, "was he a software developer", []string{"Softwareentwickler (Data)"}, []string{"doesn't"}},
		{"werkstudent", de, "was he a working student", []string{"Werkstudent Business Intelligence"}, []string{"doesn't"}},
		{"azubi", de, "did he do an apprenticeship", []string{"Auszubildender Fachinformatiker"}, nil},
		{"no modifier", de, "was he a software architect", []string{"doesn't"}, []string{"Yes"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, c.x, []string{c.q}, c.want, c.not) })
	}
}
