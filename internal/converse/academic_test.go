package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// labProfile is written for these tests: a lecturer whose doctoral
// supervisor is named only in a reference and the summary, talks kept as
// projects, grants as awards (one titled a grant, one a prize with a
// sum), an editorship as volunteering, a past job titled with the verb
// she does now, one degree of two with a score.
func labProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Ilse Marchetti", Label: "Lecturer in Soil Science",
			Summary:  "I did my doctorate under Dr. Paul Ferris, who was my advisor at Lincoln. I teach soil chemistry. I enjoy taking on hard problems.",
			Location: profile.Location{City: "Leeds", CountryCode: "GB"}},
		Work: []profile.Work{
			{Name: "University of Leeds", Position: "Lecturer", StartDate: "2021-09",
				Highlights: []string{"Teaches SOIL 210 Soil Chemistry to about 90 students"}},
			{Name: "ETH Zurich", Position: "Postdoctoral Researcher", StartDate: "2020-01", EndDate: "2021-08"},
			{Name: "Lincoln University", Position: "Teaching Fellow", StartDate: "2016", EndDate: "2019", Summary: "Ran laboratory classes."},
		},
		Education: []profile.Education{
			{Institution: "Lincoln University", StudyType: "PhD", Area: "Soil Science", StartDate: "2016", EndDate: "2020"},
			{Institution: "University of Padua", StudyType: "BSc", Area: "Agriculture", StartDate: "2011", EndDate: "2014", Score: "110/110"},
		},
		Awards: []profile.Award{
			{Title: "Leverhulme Early Career Grant", Date: "2022", Awarder: "Leverhulme Trust"},
			{Title: "Rothamsted Prize", Date: "2023", Awarder: "Rothamsted Research", Summary: "GBP 20,000 for field work."},
			{Title: "Best Poster", Date: "2018", Awarder: "British Society of Soil Science"},
		},
		Projects: []profile.Project{
			{Name: "Keynote: Carbon below ground", Description: "Opening keynote at Eurosoil, Seville.", StartDate: "2024-09"},
			{Name: "Soil sensor kit", Description: "Open hardware; version 2.1 released in 2023."},
		},
		Volunteer:  []profile.Volunteer{{Organization: "European Journal of Soil Science", Position: "Associate Editor", StartDate: "2022"}},
		References: []profile.Reference{{Name: "Paul Ferris", Reference: "Ilse is the best doctoral student I have supervised."}},
	}
}

// maintainerProfile is written for these tests: no education at all, the
// summary says why; three contracts sharing a word; a home in one city.
func maintainerProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Tarek Haddad", Label: "Open-source maintainer",
			Summary:  "Self-taught developer. I dropped out of college after one term. Between releases I take short freelance contracts.",
			Location: profile.Location{City: "Lyon", CountryCode: "FR"}},
		Work: []profile.Work{
			{Name: "Scaleway", Position: "Contract Engineer", StartDate: "2023-01", EndDate: "2023-04",
				Summary: "Paid through a grant from the Open Tech Fund of USD 40,000."},
			{Name: "Doctolib", Position: "Contract Developer", StartDate: "2021-05", EndDate: "2021-11"},
			{Name: "OVHcloud", Position: "Contract Engineer", StartDate: "2019-02", EndDate: "2019-08"},
			{Name: "French Army", Position: "Signals Corporal", StartDate: "2014", EndDate: "2016"},
		},
		Awards: []profile.Award{{Title: "Community Grant", Awarder: "NLnet", Date: "2022", Summary: "EUR 5,000."}},
	}
}

func TestAcademicAndMaintainerGenerality(t *testing.T) {
	lab := converse.Compile(labProfile(), profile.Privacy{}, today)
	oss := converse.Compile(maintainerProfile(), profile.Privacy{}, today)
	cases := []struct {
		name      string
		x         *converse.Index
		questions []string
		want, not []string
	}{
		{"another city is a plain no", oss, []string{"is he in paris"}, []string{"No,", "Lyon"}, []string{"Yes"}},
		{"a state may hold the home town", converse.Compile(inCity("San Francisco", "US"), profile.Privacy{}, today), []string{"is he in california"}, []string{"San Francisco"}, []string{"No,"}},
		{"no education: the summary's schooling sentences", oss, []string{"does he have a degree"}, []string{"dropped out of college"}, nil},
		{"the advisor named in a reference and the summary", lab, []string{"who was her phd advisor"}, []string{"Paul Ferris"}, []string{"That was at"}},
		{"who she supervised asks the other way", lab, []string{"who has she supervised"}, nil, []string{"On who trained"}},
		{"an editorship anywhere is a volunteer role", lab, []string{"is she an editor anywhere"}, []string{"Yes", "Associate Editor"}, nil},
		{"talks kept among projects", lab, []string{"what talks has she given"}, []string{"Keynote: Carbon below ground"}, []string{"doesn't list any talks"}},
		{"a verb in the present: the current job's sentences", lab, []string{"what does she teach"}, []string{"SOIL 210"}, []string{"Teaching Fellow"}},
		{"grants: titled a grant or giving a sum", lab, []string{"what grants has she gotten"}, []string{"Leverhulme Early Career Grant", "Rothamsted Prize", "GBP 20,000"}, []string{"Best Poster"}},
		{"the last of several contracts", oss, []string{"what was his last contract"}, []string{"Scaleway"}, []string{"Doctolib"}},
		{"the first of several contracts", oss, []string{"what was his first contract"}, []string{"OVHcloud"}, []string{"Scaleway"}},
		{"a version number quotes its sentence", lab, []string{"when did 2.1 come out"}, []string{"version 2.1 released in 2023"}, nil},
		{"military yes/no starts with yes", oss, []string{"was he in the military"}, []string{"Yes.", "French Army"}, nil},
		{"a postdoc is a postdoctoral title", lab, []string{"was she ever a postdoc"}, []string{"Postdoctoral Researcher"}, []string{"doesn't list a job titled"}},
		{"postdocs in the plural list those roles", lab, []string{"what postdocs did she do"}, []string{"ETH Zurich"}, []string{"Lecturer at"}},
		{"how much: the sentence with a sum and the question's words", oss, []string{"how much was the open tech fund grant"}, []string{"USD 40,000"}, []string{"EUR 5,000"}},
		{"taking paid work, words apart, is availability", oss, []string{"is he available for hire"}, []string{"take short freelance contracts"}, []string{"doesn't say whether"}},
		{"taking on problems is no job search", lab, []string{"is she looking for a job"}, []string{"doesn't say whether"}, []string{"hard problems"}},
		{"the first of the roles a noun names", converse.Compile(interned(), profile.Privacy{}, today), []string{"what was her first internship"}, []string{"Alder Labs"}, []string{"Birch", "Cedar"}},
		{"the last of the roles a noun names", converse.Compile(interned(), profile.Privacy{}, today), []string{"what was her last internship"}, []string{"Birch Robotics"}, []string{"Alder", "Cedar"}},
		{"gpa names the scored study only", lab, []string{"what was her gpa"}, []string{"110/110", "University of Padua"}, []string{"Lincoln"}},
		{"gpa with no score anywhere", converse.Compile(gpaless(), profile.Privacy{}, today), []string{"what was his gpa"}, []string{"doesn't list a GPA"}, []string{"Rennes"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := ask(c.x, c.questions...)
			text := got[len(got)-1].Text
			checkText(t, c.questions, text, c.want, c.not)
		})
	}
}

func gpaless() profile.Resume {
	r := maintainerProfile()
	r.Education = []profile.Education{
		{Institution: "Université de Rennes", StudyType: "Licence", Area: "Informatique", StartDate: "2010", EndDate: "2013"},
		{Institution: "Lycée Chateaubriand", StudyType: "Baccalauréat", StartDate: "2007", EndDate: "2010"},
	}
	return r
}

func inCity(city, country string) profile.Resume {
	r := maintainerProfile()
	r.Basics.Location = profile.Location{City: city, CountryCode: country}
	return r
}

func interned() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Noor Saleh"},
		Work: []profile.Work{
			{Name: "Cedar Health", Position: "Software Developer", StartDate: "2023-02"},
			{Name: "Birch Robotics", Position: "Software Intern", StartDate: "2022-06", EndDate: "2022-09"},
			{Name: "Alder Labs", Position: "Data Intern", StartDate: "2021-06", EndDate: "2021-08"},
		},
	}
}
