package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// plumberProfile is written for these tests: a plumber who came up through
// a union apprenticeship and now runs his own shop, sizing his jobs by
// their sums.
func plumberProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Gareth Hughes", Label: "Master Plumber",
			Summary:  "Master plumber with 21 years on the tools. Member of UA Local 400 since 2004.",
			Location: profile.Location{City: "Appleton", Region: "Wisconsin", CountryCode: "US"}},
		Work: []profile.Work{
			{Name: "Hughes Plumbing & Heating", Position: "Owner and Master Plumber", StartDate: "2019-03",
				Highlights: []string{"Employs 8 plumbers and 3 apprentices", "Revenue of $2.4M in 2024", "Took on 40 new commercial clients in 2023"}},
			{Name: "Faith Technologies", Position: "Plumbing Foreman", StartDate: "2012", EndDate: "2019-02",
				Summary: "Ran crews on hospital and school projects.", Highlights: []string{"Taught 12 first-year apprentices at the UA training centre"}},
			{Name: "Riverside Mechanical", Position: "Apprentice Pipefitter", StartDate: "2004-06", EndDate: "2011-12"},
		},
		Education: []profile.Education{{Institution: "Fox Valley Technical College", StudyType: "Diploma", Area: "Plumbing", EndDate: "2006"}},
		Projects: []profile.Project{
			{Name: "Fox Valley Clinic", Description: "$3.1M plumbing contract for a two-storey clinic.", StartDate: "2017", EndDate: "2018"},
			{Name: "Kimberly Middle School", Description: "$850,000 re-pipe over one summer.", StartDate: "2021-06", EndDate: "2021-08"},
		},
	}
}

// keeperProfile is written for these tests: a goalkeeper turned coach and
// part-time commentator, whose highlights name the competition she played in.
func keeperProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Sara Lindgren", Label: "Goalkeeping Coach"},
		Work: []profile.Work{
			{Name: "BBC Radio 5 Live", Position: "Co-commentator", StartDate: "2022-08", Summary: "Freelance, women's football on match days."},
			{Name: "Arsenal Women", Position: "Goalkeeping Coach", StartDate: "2021-07"},
			{Name: "Chelsea FC Women", Position: "Professional Footballer (Goalkeeper)", StartDate: "2015-07", EndDate: "2021-05",
				Highlights: []string{"Played 12 Champions League matches in 2017–18", "Kept 40 clean sheets"}},
			{Name: "Linköpings FC", Position: "Professional Footballer (Goalkeeper)", StartDate: "2011", EndDate: "2015"},
		},
		Certificates: []profile.Certificate{{Name: "UEFA A Licence", Date: "2022"}},
		Awards:       []profile.Award{{Title: "FA Cup winner", Date: "2018"}},
	}
}

func TestTradesAndSportGenerality(t *testing.T) {
	plumber := converse.Compile(plumberProfile(), profile.Privacy{}, today)
	keeper := converse.Compile(keeperProfile(), profile.Privacy{}, today)
	cases := []struct {
		name      string
		x         *converse.Index
		questions []string
		want, not []string
	}{
		{"a trade's own years from the summary", plumber, []string{"how long has he been a plumber"}, []string{"21 years on the tools"}, nil},
		{"union from its local", plumber, []string{"is he union"}, []string{"Yes", "UA Local 400"}, []string{"doesn't"}},
		{"no union named", keeper, []string{"is she in a union"}, []string{"doesn't mention a union"}, []string{"Yes"}},
		{"before his own business", plumber, []string{"what did he do before starting his own business"}, []string{"Plumbing Foreman", "Faith Technologies"}, []string{"Riverside"}},
		{"a service asked with 'come and'", plumber, []string{"can he come and install my boiler"}, []string{"only answer"}, nil},
		{"employees now", plumber, []string{"how many employees does he have now"}, []string{"8 plumbers"}, nil},
		{"a contract sized by its sum is no headcount", plumber, []string{"what's the biggest job he has done", "how big was that contract"}, []string{"$3.1M"}, []string{"team size"}},
		{"the largest sum", plumber, []string{"what was his largest project"}, []string{"Fox Valley Clinic", "$3.1M"}, []string{"Kimberly"}},
		{"a league the profile names is no off-topic", keeper, []string{"did she play in the champions league"}, []string{"12 Champions League matches"}, []string{"only answer"}},
		{"a forecast stays off-topic", keeper, []string{"who will win the champions league"}, []string{"only answer"}, nil},
		{"height of the person", keeper, []string{"how tall is she"}, []string{"doesn't mention", "height"}, []string{"only answer"}},
		{"clubs played for", keeper, []string{"which clubs did she play for"}, []string{"Chelsea FC Women", "Linköpings FC"}, nil},
		{"position played", keeper, []string{"what position did she play"}, []string{"Goalkeeper"}, nil},
		{"a named club keeps its dates", keeper, []string{"when did she play for chelsea"}, []string{"2015", "2021"}, []string{"Linköpings"}},
		{"a pro's years", keeper, []string{"how long was she a pro"}, []string{"about 10 years"}, nil},
		{"coaching badges are certificates", keeper, []string{"what coaching badges does she have"}, []string{"UEFA A Licence"}, []string{"doesn't list"}},
		{"trophies are awards", keeper, []string{"what trophies has she won"}, []string{"FA Cup winner"}, []string{"doesn't list"}},
		{"teaching students is no degree", plumber, []string{"does he teach students"}, []string{"Taught 12 first-year apprentices"}, []string{"Fox Valley Technical College"}},
		{"selling my house is a service", plumber, []string{"can he sell my house"}, []string{"only answer"}, nil},
		{"a market in a place is off-topic", plumber, []string{"what's the housing market like in appleton"}, []string{"only answer"}, nil},
		{"a figure for one year", plumber, []string{"how much revenue did he make last year"}, []string{"$2.4M"}, []string{"40 new"}},
		{"a count for another year", plumber, []string{"how many new clients did he get in 2023"}, []string{"40 new commercial clients"}, []string{"$2.4M"}},
		{"freelance answers full time", keeper, []string{"is she full time"}, []string{"freelance", "Co-commentator"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			replies := ask(c.x, c.questions...)
			last := replies[len(replies)-1]
			checkText(t, c.questions, last.Text, c.want, c.not)
		})
	}
}
