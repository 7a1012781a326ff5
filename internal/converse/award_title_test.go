package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// communityAwardsProfile is written for these tests: community titles held
// as awards, one named with a technology ("Java Champion"), a backend job
// with no "software" in its title, and an award that names no role.
func communityAwardsProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Ida Brandt", Label: "Developer Advocate"},
		Work: []profile.Work{
			{Name: "Quillnet", Position: "Developer Advocate", StartDate: "2021-01"},
			{Name: "Harbor Pay", Position: "Backend Engineer", StartDate: "2016-01", EndDate: "2020-12"},
		},
		Awards: []profile.Award{
			{Title: "Google Developer Expert, Firebase", Awarder: "Google", Date: "2022-05"},
			{Title: "AWS Serverless Hero", Awarder: "Amazon Web Services", Date: "2023-11"},
			{Title: "Java Champion", Awarder: "Oracle", Date: "2021"},
			{Title: "Employee of the Year", Awarder: "Harbor Pay", Date: "2019"},
		},
		Skills: []profile.Skill{{Name: "Backend", Keywords: []string{"Java", "AWS"}}},
	}
}

// TestAwardAsTitle: a community title held as an award answers "is she a
// …" with a yes and the award, also when a technology is one of its
// words; the technology alone is still the skill.
func TestAwardAsTitle(t *testing.T) {
	x := converse.Compile(communityAwardsProfile(), profile.Privacy{}, today)
	cases := []struct {
		q         string
		want, not []string
	}{
		{"is she a google developer expert", []string{"Yes", "Google Developer Expert, Firebase", "May 2022"}, []string{"doesn't describe"}},
		{"is she an aws hero", []string{"Yes", "AWS Serverless Hero", "November 2023"}, []string{"listed as a skill"}},
		{"is she a java champion", []string{"Yes", "Java Champion", "2021"}, []string{"listed as a skill"}},
		{"what about aws hero?", []string{"AWS Serverless Hero", "November 2023"}, []string{"listed as a skill"}},
		{"does she know java", []string{"Java", "skill"}, []string{"Java Champion"}},
		{"is she an employee", []string{"doesn't describe"}, []string{"Yes"}},
		{"was she ever a software engineer", []string{"Backend Engineer at Harbor Pay"}, []string{"doesn't describe"}},
		{"is she a software developer", []string{"Developer Advocate"}, nil},
	}
	for _, c := range cases {
		t.Run(c.q, func(t *testing.T) {
			checkText(t, c.q, ask(x, c.q)[0].Text, c.want, c.not)
		})
	}
}
