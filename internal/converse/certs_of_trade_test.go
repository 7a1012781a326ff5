package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestCertsQualifiedByTrade: "what sales certifications does she have" of
// a sales director lists every certificate she holds, not only the one
// whose name says "Sales"; a certificate named in the question is still
// the one answered.
func TestCertsQualifiedByTrade(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Dana Ruiz", Label: "Sales Director"},
		Work:   []profile.Work{{Name: "Vane Software", Position: "Sales Director", StartDate: "2022-02"}},
		Certificates: []profile.Certificate{
			{Name: "MEDDICC Certified Practitioner", Date: "2021-04", Issuer: "MEDDICC"},
			{Name: "Challenger Sales Certification", Date: "2016", Issuer: "Challenger Inc."},
		},
	}, profile.Privacy{}, today)
	r := ask(x, "what sales certifications does she have")
	checkText(t, "sales certifications", r[0].Text, []string{"MEDDICC Certified Practitioner", "Challenger Sales Certification"}, nil)
	r = ask(x, "is she meddicc certified")
	checkText(t, "meddicc", r[0].Text, []string{"MEDDICC Certified Practitioner"}, []string{"Challenger"})
}
