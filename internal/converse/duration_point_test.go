package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestHowLongAfterACertificate: "how long has she been practicing" after a
// reply about her board certificate is her career, not the certificate's
// (a certificate lasts no time).
func TestHowLongAfterACertificate(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Marisol Vega", Label: "Veterinarian"},
		Work: []profile.Work{
			{Name: "Saguaro Small Animal Clinic", Position: "Owner", StartDate: "2019-04"},
			{Name: "VCA Animal Hospital", Position: "Intern", StartDate: "2014-06", EndDate: "2015-06"},
		},
		Certificates: []profile.Certificate{{Name: "Diplomate, American College of Veterinary Emergency and Critical Care", Issuer: "ACVECC"}},
	}, profile.Privacy{}, today)
	r := ask(x, "is she board certified", "how long has she been practicing")
	checkText(t, "how long has she been practicing", r[1].Text, []string{"2014"}, []string{"doesn't give dates"})
}
