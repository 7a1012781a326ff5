package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// opsProfile is written for these tests: an operations analyst whose
// employers' names start like sectors' stems ("Insurely", "Bankwise"),
// with skills whose names hold other words ("Adobe Illustrator", "Tableau
// Prep Builder").
func opsProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Tomas Reed", Label: "Operations Analyst"},
		Work: []profile.Work{
			{Name: "Insurely", Position: "Operations Analyst", StartDate: "2022-02", Summary: "Claims operations for a car-insurance app."},
			{Name: "Bankwise", Position: "Support Specialist", StartDate: "2019-05", EndDate: "2022-01", Summary: "Tier-1 support."},
			{Name: "Harbor Bank", Position: "Teller", StartDate: "2017-06", EndDate: "2019-04"},
			{Name: "Corner Books", Position: "Bookseller", StartDate: "2015-06", EndDate: "2017-05"},
		},
		Skills: []profile.Skill{
			{Name: "Design", Level: "Advanced", Keywords: []string{"Adobe Illustrator", "Figma"}},
			{Name: "Data tools", Level: "Beginner", Keywords: []string{"Tableau Prep Builder", "Adobe Analytics"}},
			{Name: "Cloud", Level: "Intermediate", Keywords: []string{"AWS Lambda", "Azure Functions"}},
		},
	}
}

// TestEmployerNameLikeSector: a question that names an employer whose name
// starts like a sector's stem asks about that employer, not the sector;
// the sector's own words still ask about the sector.
func TestEmployerNameLikeSector(t *testing.T) {
	x := converse.Compile(opsProfile(), profile.Privacy{}, today)
	for _, c := range []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"where before a -ly employer", []string{"where did he work before insurely?"}, []string{"Bankwise"}, []string{"Yes: in"}},
		{"where before a -wise employer", []string{"where did he work before bankwise?"}, []string{"Harbor Bank"}, []string{"Yes: in"}},
		{"the sector still asked", []string{"has he worked in insurance?"}, []string{"Yes: in fintech and finance", "Insurely"}, nil},
		{"a stem that is the employer's word", []string{"has he worked at a bank?"}, []string{"Harbor Bank"}, nil},
	} {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}

// TestSkillLevelInsideLongerName: "how good is he with illustrator" gives
// the level of the one skill whose name holds the word; a word two skill
// names hold gives no single level.
func TestSkillLevelInsideLongerName(t *testing.T) {
	x := converse.Compile(opsProfile(), profile.Privacy{}, today)
	for _, c := range []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"one word of a keyword", []string{"how good is he with illustrator?"}, []string{"Adobe Illustrator", "Advanced"}, nil},
		{"two words of a keyword", []string{"how good is he at tableau prep?"}, []string{"Tableau Prep Builder", "Beginner"}, nil},
		{"the whole keyword still", []string{"how good is he with figma?"}, []string{"Figma", "Advanced"}, nil},
		{"a word in two names", []string{"how good is he with adobe?"}, nil, []string{"Beginner"}},
	} {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}
