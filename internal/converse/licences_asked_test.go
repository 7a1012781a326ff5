package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestLicencesAskedListAll: "what licences does he hold" asks for his
// credentials, not only those whose names say licence: a certificate of
// competency or a card is one too.
func TestLicencesAskedListAll(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Rui Vala", Label: "Master mariner"},
		Certificates: []profile.Certificate{
			{Name: "Master Mariner (Unlimited) Certificate of Competency", Date: "1996"},
			{Name: "Halifax Pilotage Licence, Class A", Date: "2014"},
		},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	checkLast(t, x, []string{"what licences does he hold"}, []string{"Master Mariner (Unlimited)", "Halifax Pilotage Licence"}, nil)
	checkLast(t, x, []string{"what licenses does he have"}, []string{"Master Mariner (Unlimited)", "Halifax Pilotage Licence"}, nil)
}
