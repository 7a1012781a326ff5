package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestForeignDegreesAndPosts: degrees named in French or Portuguese
// ("Licence", "Diplôme d'ingénieur", "Bacharelado") answer "a bachelor's",
// "a master's" and "an engineering degree" with the level said; "did she
// do an internship" names the posts that were one, a French "Stagiaire"
// among them, in English titles too.
func TestForeignDegreesAndPosts(t *testing.T) {
	fr := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Camille Roux"},
		Work: []profile.Work{
			{Name: "Mobiliz", Position: "Développeuse back-end", StartDate: "2019-09"},
			{Name: "LIG", Position: "Stagiaire en développement logiciel", StartDate: "2017-04", EndDate: "2017-08"},
		},
		Education: []profile.Education{
			{Institution: "INSA Lyon", StudyType: "Diplôme d'ingénieur", Area: "Informatique", StartDate: "2016-09", EndDate: "2019-07"},
			{Institution: "UGA", StudyType: "Licence", Area: "Informatique", StartDate: "2014-09", EndDate: "2017-06"},
		},
	}, profile.Privacy{}, today)
	pt := converse.Compile(profile.Resume{
		Basics:    profile.Basics{Name: "Rafael Lima"},
		Education: []profile.Education{{Institution: "UFMG", StudyType: "Bacharelado", Area: "Sistemas de Informação", StartDate: "2018-03", EndDate: "2022-12"}},
	}, profile.Privacy{}, today)
	en := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Leila Haddad"},
		Work: []profile.Work{
			{Name: "Spotify", Position: "Research Intern", StartDate: "2024-06", EndDate: "2024-09"},
			{Name: "Mila", Position: "Graduate Researcher", StartDate: "2023-09"},
			{Name: "Shopify", Position: "Machine Learning Intern", StartDate: "2022-05", EndDate: "2022-08"},
		},
	}, profile.Privacy{}, today)
	cases := []struct {
		name      string
		x         *converse.Index
		qs        []string
		want, not []string
	}{
		{"licence", fr, []string{"does she have a bachelor's degree"}, []string{"Yes", "Licence", "level of a bachelor's degree"}, nil},
		{"diplôme d'ingénieur", fr, []string{"does she have a master's"}, []string{"Yes", "Diplôme d'ingénieur", "level of a master's degree"}, nil},
		{"engineering degree", fr, []string{"does she have an engineering degree"}, []string{"Diplôme d'ingénieur"}, []string{"doesn't"}},
		{"bacharelado", pt, []string{"does he have a bachelor's"}, []string{"Yes", "Bacharelado"}, nil},
		{"stagiaire", fr, []string{"did she do an internship"}, []string{"Yes", "Stagiaire"}, []string{"Mobiliz"}},
		{"then when", fr, []string{"did she do an internship", "when was that"}, []string{"April to August 2017"}, []string{"Mobiliz"}},
		{"two internships", en, []string{"has she done any internships"}, []string{"internships", "Research Intern", "Machine Learning Intern"}, []string{"Mila"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, c.x, c.qs, c.want, c.not) })
	}
}
