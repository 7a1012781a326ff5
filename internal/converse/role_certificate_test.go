package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestRoleModifiersAndFields: a certificate holding the head word of the
// role asked ("Application Developer") does not answer "is she a frontend
// developer" when the modifier is missing; "back-end" in a title is
// "backend"; a study area in French or German ("Informatique",
// "Wirtschaftsinformatik") answers a field asked in English.
func TestRoleModifiersAndFields(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Camille Roux"},
		Work: []profile.Work{
			{Name: "Mobiliz", Position: "Ingénieure logicielle senior", StartDate: "2022-03"},
			{Name: "Banque", Position: "Développeuse back-end", StartDate: "2019-09", EndDate: "2022-02"},
		},
		Education: []profile.Education{
			{Institution: "INSA Lyon", StudyType: "Diplôme d'ingénieur", Area: "Informatique", StartDate: "2016-09", EndDate: "2019-07"},
			{Institution: "Nordakademie", StudyType: "B.Sc.", Area: "Wirtschaftsinformatik", StartDate: "2012-10", EndDate: "2015-09"},
		},
		Certificates: []profile.Certificate{{Name: "Certified Kubernetes Application Developer (CKAD)", Date: "2021-06-15"}},
	}, profile.Privacy{}, today)
	cases := []struct {
		name      string
		q         string
		want, not []string
	}{
		{"frontend not in the certificate", "is she a frontend developer", []string{"doesn't describe"}, []string{"CKAD"}},
		{"full stack not in the certificate", "is she a full stack developer", []string{"doesn't describe"}, []string{"CKAD"}},
		{"back-end", "is she a backend developer", []string{"Développeuse back-end"}, []string{"doesn't describe"}},
		{"informatique", "does she have a degree in computer science", []string{"Yes", "Informatique"}, []string{"doesn't list"}},
		{"wirtschaftsinformatik", "did she study information systems", []string{"Yes", "Wirtschaftsinformatik"}, []string{"doesn't list"}},
		{"no such field", "did she study law", []string{"doesn't list studies in law"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, []string{c.q}, c.want, c.not) })
	}
}
