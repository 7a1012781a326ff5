package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestDegreeHeldIsAYes: "does she have a masters" of a finished master's
// starts with a yes and names it; one still under way, or a question that
// asks more of it, keeps the usual answer.
func TestDegreeHeldIsAYes(t *testing.T) {
	done := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Marta Nowak"},
		Education: []profile.Education{
			{Institution: "AGH University", Area: "Computer Science", StudyType: "Master", StartDate: "2013-10", EndDate: "2015-07"},
			{Institution: "AGH University", Area: "Computer Science", StudyType: "Bachelor", StartDate: "2010-10", EndDate: "2013-07"},
		},
	}, profile.Privacy{}, today)
	studying := converse.Compile(profile.Resume{
		Basics:    profile.Basics{Name: "Ola Berg"},
		Education: []profile.Education{{Institution: "Oslo Met", Area: "Nursing", StudyType: "MSc", StartDate: "2024-09"}},
	}, profile.Privacy{}, today)
	for _, c := range []struct {
		x         *converse.Index
		q         string
		want, not []string
	}{
		{done, "does she have a masters", []string{"Yes", "Master in Computer Science", "2013–2015"}, []string{"Bachelor"}},
		{done, "has she got a master's degree?", []string{"Yes", "Master"}, []string{"Bachelor"}},
		{done, "does she have a bachelors", []string{"Yes", "Bachelor in Computer Science"}, nil},
		{done, "does she have a masters in physics", []string{"doesn't list studies in physics"}, []string{"Yes"}},
		{done, "does she have a phd", []string{"doesn't list a PhD"}, []string{"Yes"}},
		{studying, "does she have a masters", []string{"Nursing"}, []string{"Yes"}},
	} {
		checkText(t, c.q, ask(c.x, c.q)[0].Text, c.want, c.not)
	}
}

// TestNoTalksSaysTalks: asked about talks of a profile with neither talks
// nor publications, the reply names both, not "publications" alone.
func TestNoTalksSaysTalks(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Marta Nowak"},
		Work:   []profile.Work{{Name: "Paylane", Position: "Engineer", StartDate: "2021-03"}},
	}, profile.Privacy{}, today)
	checkText(t, "talks", ask(x, "has she spoken at conferences?")[0].Text, []string{"doesn't list any talks or publications"}, nil)
	checkText(t, "papers", ask(x, "has she published anything?")[0].Text, []string{"doesn't list any publications"}, []string{"talks"})
}
