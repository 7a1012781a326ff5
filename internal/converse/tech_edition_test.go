package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestTechWithoutEditionWord: a product asked for without its edition word
// ("ArcGIS" for the keyword "ArcGIS Pro", "Burp" for "Burp Suite") is the
// listed keyword, not an absent technology; a product the profile lacks is
// still said to be missing.
func TestTechWithoutEditionWord(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Rhea Dunn", Label: "GIS Analyst"},
		Work:   []profile.Work{{Name: "County Survey", Position: "GIS Analyst", StartDate: "2019-01"}},
		Skills: []profile.Skill{{Name: "Tools", Keywords: []string{"ArcGIS Pro", "Burp Suite", "QGIS"}}},
	}, profile.Privacy{}, today)
	for _, c := range []struct{ q, want string }{
		{"does she use arcgis", "ArcGIS Pro"},
		{"does she know burp", "Burp Suite"},
	} {
		r := ask(x, c.q)
		checkText(t, c.q, r[0].Text, []string{c.want}, []string{"doesn't"})
	}
	r := ask(x, "does she use tableau")
	checkText(t, "tableau", r[0].Text, []string{"doesn't mention Tableau"}, nil)
}
