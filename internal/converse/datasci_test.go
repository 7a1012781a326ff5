package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// dataSciProfile is written for these tests: competition awards from a
// platform she also has an account on, a school named after a country,
// papers with co-authors in their summaries, an open-source project with
// stars, team sizes in two jobs.
func dataSciProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Mira Tanaka", Label: "Data Scientist",
			Profiles: []profile.SocialProfile{{Network: "Kaggle", Username: "mirat", URL: "https://www.kaggle.com/mirat"}}},
		Work: []profile.Work{
			{Name: "Northwind AI", Position: "Lead Data Scientist", StartDate: "2022-01", Highlights: []string{"Leads a team of 4 data scientists"}},
			{Name: "Fjord Retail", Position: "Data Scientist", StartDate: "2018-01", EndDate: "2021-12", Highlights: []string{"Mentored a team of 9 analysts"}},
		},
		Education: []profile.Education{{Institution: "Universidad de Chile", StudyType: "Master", Area: "Statistics", EndDate: "2017"}},
		Awards: []profile.Award{
			{Title: "Kaggle Competitions Master", Awarder: "Kaggle", Date: "2021", Summary: "Four gold medals."},
			{Title: "2nd place, Walmart Sales Forecasting", Awarder: "Kaggle", Date: "2020", Summary: "Out of 1,200 teams."},
		},
		Publications: []profile.Publication{
			{Name: "Sparse Models for Demand", Publisher: "KDD", ReleaseDate: "2021", Summary: "With Ana Ruiz and Leo Park."},
			{Name: "Fast Gradient Boosting", Publisher: "ICLR", ReleaseDate: "2019", Summary: "With Leo Park."},
		},
		Projects: []profile.Project{{Name: "fastcat", Description: "Open-source library for categorical features; 2,300 GitHub stars."}},
	}
}

func TestDataScienceGenerality(t *testing.T) {
	x := converse.Compile(dataSciProfile(), profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"a network after a possessive is the account", []string{"whats her kaggle"}, []string{"kaggle.com/mirat"}, nil},
		{"a word for the account after the network", []string{"whats her kaggle profile"}, []string{"kaggle.com/mirat"}, nil},
		{"team size right after one job is that job's", []string{"where does she work now", "what does she do there", "how big is her team"}, []string{"4 data scientists"}, []string{"9 analysts"}},
		{"team size with nothing in focus lists every one", []string{"how big is her team"}, []string{"4 data scientists", "9 analysts"}, nil},
		{"a capital is no school named after the country", []string{"whats the capital of chile"}, []string{"Sorry"}, []string{"Universidad"}},
		{"the school named by the country is still found", []string{"did she study in chile"}, []string{"Universidad de Chile"}, []string{"Sorry"}},
		{"a task for the assistant", []string{"train me a model to predict stock prices"}, []string{"Sorry"}, []string{"Sparse Models"}},
		{"build me", []string{"build me a demand forecast"}, []string{"Sorry"}, nil},
		{"github stars of the project in focus", []string{"any open source projects", "how many github stars does it have"}, []string{"2,300"}, []string{"kaggle.com"}},
		{"co-authors of the papers just listed", []string{"how many papers has she published", "who did she write them with"}, []string{"Ana Ruiz", "Leo Park"}, nil},
		{"co-authors of one paper", []string{"tell me about sparse models for demand", "who were her co-authors"}, []string{"Ana Ruiz"}, []string{"Fast Gradient"}},
		{"a venue the profile never names", []string{"has she published at neurips"}, []string{"doesn't list a publication at neurips", "Sparse Models"}, []string{"Yes"}},
		{"a venue the profile names", []string{"has she published at kdd"}, []string{"Sparse Models for Demand"}, []string{"doesn't list"}},
		{"kinds of venue are no venue", []string{"has she published in journals"}, nil, []string{"doesn't list a publication in journals"}},
		{"a plural in one award's title asks for all", []string{"what competitions did she win"}, []string{"Kaggle Competitions Master", "Walmart Sales Forecasting"}, nil},
		{"a word beside the one naming several entries picks the sentence", []string{"how many teams were in the kaggle one"}, []string{"1,200 teams"}, []string{"entries that match"}},
		{"any and a plural in one award's title", []string{"did she win any kaggle competitions"}, []string{"Walmart Sales Forecasting"}, nil},
		{"a role an award's title has a word of", []string{"is she a kaggle grandmaster"}, []string{"doesn't describe", "Kaggle Competitions Master"}, []string{"Yes"}},
		{"papers with a co-author", []string{"which papers did she write with ana ruiz"}, []string{"With Ana Ruiz", "Sparse Models for Demand"}, []string{"Fast Gradient"}},
		{"papers with someone the profile never names", []string{"has she published with yann lecun"}, []string{"doesn't list a publication with yann lecun"}, []string{"Yes"}},
		{"where she grew up is not where the school just named was", []string{"where did she study", "where did she grow up"}, []string{"doesn't say where Mira grew up"}, []string{"Universidad"}},
		{"prices is no typo of prizes", []string{"what are her prices"}, nil, []string{"Kaggle Competitions"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}
