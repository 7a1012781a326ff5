package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestHowGoodAndWhereUsed: "how good is her English" is the level, not a
// "Yes"; "where has she used Python" of a skill listed alone says that no
// job or project does, and of one a job names, names the job.
func TestHowGoodAndWhereUsed(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Marta Nowak"},
		Work:   []profile.Work{{Name: "Paylane", Position: "Engineer", StartDate: "2021-03", Highlights: []string{"Moved settlement to Go"}}},
		Skills: []profile.Skill{{Name: "Languages", Keywords: []string{"Go", "Python"}}},
		Languages: []profile.Language{{Language: "Polish", Fluency: "Native speaker"}, {Language: "English", Fluency: "C1"},
			{Language: "German", Fluency: "Basic"}},
	}, profile.Privacy{}, today)
	for _, c := range []struct {
		qs        []string
		want, not []string
	}{
		{[]string{"how good is her english"}, []string{"English", "C1", "advanced"}, []string{"Yes"}},
		{[]string{"what level is her german?"}, []string{"German", "Basic"}, []string{"Yes"}},
		{[]string{"does she speak english"}, []string{"Yes", "C1"}, nil},
		{[]string{"where has she used python"}, []string{"doesn't tie Python to any job or project", "skill"}, []string{"Yes"}},
		{[]string{"does she know python", "where has she used it"}, []string{"doesn't tie Python"}, []string{"Yes"}},
		{[]string{"where has she used go"}, []string{"Paylane"}, []string{"doesn't tie"}},
	} {
		r := ask(x, c.qs...)
		checkText(t, c.qs[len(c.qs)-1], r[len(r)-1].Text, c.want, c.not)
	}
}
