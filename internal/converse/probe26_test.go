package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestProbe26: phrasings a probe of unseen questions found answered
// badly (twenty-sixth session). The habitual past reads as the past; a
// programming language beside "language" is no spoken language; an award
// found only by its awarder's word does not compete with the employer of
// that name.
func TestProbe26(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Zoë Brandt", Label: "Data Engineer"},
		Work: []profile.Work{
			{Name: "Flinkwerk GmbH", Position: "Senior Data Engineer", StartDate: "2021-04"},
			{Name: "Ubisoft Montréal", Position: "Data Analyst", StartDate: "2018-09", EndDate: "2021-03"},
			{Name: "Gymnasium am Rosental", Position: "Mathematics Teacher", StartDate: "2012-08", EndDate: "2018-07"},
		},
		Education: []profile.Education{{Institution: "Universität Leipzig", StudyType: "Staatsexamen", Area: "Mathematics and Physics (teaching)", StartDate: "2006", EndDate: "2012"}},
		Awards:    []profile.Award{{Title: "Best Student Game", Awarder: "Ubisoft Game Lab Competition", Date: "2011"}},
		Skills:    []profile.Skill{{Name: "Languages", Keywords: []string{"Go", "Python", "SQL"}}},
		Languages: []profile.Language{{Language: "German", Fluency: "Native speaker"}, {Language: "English", Fluency: "Fluent"}},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"used to be", []string{"did she use to be a teacher"}, []string{"Mathematics Teacher", "Gymnasium am Rosental"}, []string{"entries that match"}},
		{"used to be, statement", []string{"she used to be a teacher?"}, []string{"Mathematics Teacher"}, []string{"entries that match"}},
		{"used to a thing", []string{"is she used to remote teams"}, nil, []string{"Mathematics Teacher"}},
		{"code in", []string{"what language does she code in"}, []string{"Go", "Python"}, []string{"German"}},
		{"main language", []string{"is go her main language"}, []string{"Go"}, []string{"German"}},
		{"spoken still", []string{"what languages does she speak"}, []string{"German", "English"}, nil},
		{"employer, not the award", []string{"did she work at ubisoft"}, []string{"Ubisoft Montréal", "Data Analyst"}, []string{"entries that match", "Best Student Game"}},
		{"the award by its title", []string{"tell me about the best student game award"}, []string{"Best Student Game"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}
