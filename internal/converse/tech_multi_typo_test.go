package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestMisspeltSkillOfTwoWords: a skill of two words with a typo in the
// second ("soil fertilty") is the listed skill, not an absent technology;
// a question whose second word is another, correctly spelt word still
// finds nothing of it.
func TestMisspeltSkillOfTwoWords(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Ole Berg", Label: "Agronomist"},
		Work:   []profile.Work{{Name: "Berg Farms", Position: "Farm Manager", StartDate: "2015-01"}},
		Skills: []profile.Skill{{Name: "Agronomy", Keywords: []string{"Soil fertility", "Crop scouting"}}},
	}, profile.Privacy{}, today)
	r := ask(x, "does he know soil fertilty")
	checkText(t, "soil fertilty", r[0].Text, []string{"Soil fertility"}, []string{"doesn't mention"})
	r = ask(x, "does he know crop scoutng")
	checkText(t, "crop scoutng", r[0].Text, []string{"Crop scouting"}, []string{"doesn't mention"})
	r = ask(x, "does he know soil chemistry")
	checkText(t, "soil chemistry", r[0].Text, nil, []string{"Yes, Soil fertility"})
}
