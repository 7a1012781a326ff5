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

// TestTechLevelAsked: "how good is he at JavaScript" answers with the level
// the skills section gives it, not "Yes, JavaScript appears"; a
// technology listed without a level says the profile gives none.
func TestTechLevelAsked(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Richard Hendriks"},
		Skills: []profile.Skill{{Name: "Web Development", Level: "Master", Keywords: []string{"HTML", "Javascript"}},
			{Name: "Data", Keywords: []string{"SQL"}}},
	}, profile.Privacy{}, today)
	for _, c := range []struct {
		q         string
		want, not []string
	}{
		{"how good is he at javascript", []string{"Web Development", "Master"}, []string{"Yes"}},
		{"rate his javascript", []string{"Master"}, []string{"Yes"}},
		{"what's his SQL level?", []string{"SQL", "no level"}, []string{"Yes"}},
		{"does he know javascript", []string{"Yes"}, nil},
	} {
		checkText(t, c.q, ask(x, c.q)[0].Text, c.want, c.not)
	}
}
