package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// sailorProfile is written for these tests: a Navy officer turned sales
// manager, still in the reserve, with certificates whose names carry their
// expiry, a talk and two books, and a job that moved a service off Java.
func sailorProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Rui Mendes", Label: "Enterprise Sales Manager",
			Summary:  "Account manager for industrial IoT sensors; sales to water utilities across Iberia. I left the Navy for sales in 2019.",
			Location: profile.Location{City: "Lisbon", CountryCode: "PT"}},
		Work: []profile.Work{
			{Name: "Sensorium", Position: "Enterprise Sales Manager", Location: "Lisbon, Portugal", StartDate: "2019-03",
				Highlights: []string{"Led the migration of the quoting service from Java to Go with the platform team"}},
			{Name: "Portuguese Navy Reserve", Position: "Lieutenant", StartDate: "2019-01", Summary: "One weekend a month."},
			{Name: "Portuguese Navy", Position: "Lieutenant", StartDate: "2012-06", EndDate: "2018-12"},
		},
		Certificates: []profile.Certificate{
			{Name: "NEBOSH General Certificate, valid through 2026-05", Date: "2021-05", Issuer: "NEBOSH"},
			{Name: "Six Sigma Green Belt, expires 2027-01", Date: "2022-01", Issuer: "ASQ"},
		},
		Awards: []profile.Award{
			{Title: "Sales Rookie of the Year", Date: "2020", Awarder: "Sensorium"},
			{Title: "Navy Achievement Medal", Date: "2016", Awarder: "Portuguese Navy"},
		},
		Projects: []profile.Project{
			{Name: "Keynote: Sensors at the edge", Type: "talk", StartDate: "2023-10"},
			{Name: "gridwatch", Description: "Open-source dashboard for water networks; 900 stars.", StartDate: "2020-02"},
			{Name: "meterlib", Description: "A meter-reading library; 120 stars.", StartDate: "2021-04"},
		},
		Publications: []profile.Publication{
			{Name: "The quiet grid", Publisher: "Tinta", ReleaseDate: "2019-05", Summary: "Book."},
			{Name: "Selling to utilities", Publisher: "Almedina", ReleaseDate: "2024-02", Summary: "Book."},
			{Name: "Acoustic leak detection in water distribution networks", Publisher: "Water Research", ReleaseDate: "2022-06"},
		},
		Skills: []profile.Skill{{Name: "Languages", Keywords: []string{"Go", "Python"}}},
	}
}

// lecturerProfile is an academic: every job at a university or a research
// institute, or, with industry, one job outside them too.
func lecturerProfile(industry bool) profile.Resume {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Marta Sousa", Label: "Lecturer in Hydrology"},
		Work: []profile.Work{
			{Name: "University of Porto", Position: "Lecturer", StartDate: "2020-09"},
			{Name: "Deltares", Position: "Postdoctoral Researcher", StartDate: "2017-01", EndDate: "2020-06"},
		},
	}
	if industry {
		r.Work = append(r.Work, profile.Work{Name: "Aquaflow Engineering", Position: "Hydraulic Engineer", StartDate: "2013", EndDate: "2016"})
	}
	return r
}

func TestWeakAnswersGenerality(t *testing.T) {
	sailor := converse.Compile(sailorProfile(), profile.Privacy{}, today)
	academic := converse.Compile(lecturerProfile(false), profile.Privacy{}, today)
	mixed := converse.Compile(lecturerProfile(true), profile.Privacy{}, today)
	self := sailorProfile()
	self.Work = []profile.Work{{Name: "Self-employed", Position: "Enterprise Sales Manager", StartDate: "2019-03"}}
	selfEmployed := converse.Compile(self, profile.Privacy{}, today)
	for _, c := range []struct {
		name      string
		x         *converse.Index
		questions []string
		want, not []string
	}{
		{"one certificate's expiry, from its name", sailor, []string{"when does his nebosh expire"}, []string{"May 2026"}, []string{"Six Sigma"}},
		{"which X asks about the list, names no certificate", sailor, []string{"which fields is he certified in"}, []string{"NEBOSH"}, []string{"doesn't list a"}},
		{"is he certified: yes", sailor, []string{"is he certified"}, []string{"Yes,", "NEBOSH"}, nil},
		{"active duty apart from the reserve", sailor, []string{"how long did he serve"}, []string{"active duty", "7 years", "part-time", "Reserve"}, []string{"13 years"}},
		{"awards of the kind asked", sailor, []string{"has he won any sales awards"}, []string{"Sales Rookie of the Year"}, []string{"Navy Achievement Medal"}},
		{"no award of the kind asked", sailor, []string{"has he won any teaching awards"}, []string{"doesn't say that any of Rui's awards is for teaching"}, []string{"Yes"}},
		{"a talk happened in its month", sailor, []string{"what talks has he given"}, []string{"in October 2023"}, []string{"since"}},
		{"a talk's date", sailor, []string{"when was the keynote"}, []string{"in October 2023"}, []string{"since"}},
		{"it stays on the project in focus", sailor, []string{"what is gridwatch", "how many stars does it have"}, []string{"900"}, []string{"120", "meterlib"}},
		{"a technology only migrated from", sailor, []string{"does he know java"}, []string{"only as what was migrated away from", "Java to Go"}, []string{"Yes"}},
		{"a technology used is still a yes", sailor, []string{"does he know go"}, []string{"Yes"}, []string{"migrated away"}},
		{"his latest book", sailor, []string{"what is his latest book"}, []string{"Selling to utilities"}, []string{"quiet grid"}},
		{"his last book", sailor, []string{"what was his last book"}, []string{"Selling to utilities"}, []string{"quiet grid"}},
		{"a paper by its title's initials", sailor, []string{"where was the ald paper published"}, []string{"Water Research"}, []string{"doesn't"}},
		{"what he sells: the sales sentence", sailor, []string{"what does he sell"}, []string{"IoT sensors"}, []string{"doesn't say"}},
		{"where he works: the place too", sailor, []string{"where does he work"}, []string{"Sensorium", "Lisbon"}, nil},
		{"a switch between fields", sailor, []string{"when did he switch from the navy to sales"}, []string{"2019"}, nil},
		{"industry: no when all academic", academic, []string{"has she ever worked in industry"}, []string{"No,", "University of Porto", "Deltares"}, []string{"Yes"}},
		{"the section noun asks about every certificate", sailor, []string{"when do his certificates expire"}, []string{"NEBOSH", "Six Sigma"}, nil},
		{"a self-employed employer is no place of work", selfEmployed, []string{"where does he work"}, []string{"is currently self-employed as Enterprise Sales Manager"}, []string{"at Self-employed"}},
		{"one certificate by a clipped compound of its title", sailor, []string{"is he sixsig certified"}, []string{"Yes,", "Six Sigma Green Belt"}, []string{"NEBOSH"}},
		{"industry: yes with the other job", mixed, []string{"has she ever worked in industry"}, []string{"Yes,", "Aquaflow Engineering"}, []string{"University of Porto"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			replies := ask(c.x, c.questions...)
			checkText(t, c.questions, replies[len(replies)-1].Text, c.want, c.not)
		})
	}
}

// TestExpiryOfSeveralCertificates: "when do they expire" after a list of
// certificates whose names give their ends answers each one's end (to the
// day when the name has it), never an issue date as the answer.
func TestExpiryOfSeveralCertificates(t *testing.T) {
	p := sailorProfile()
	p.Certificates[0].Name = "NEBOSH General Certificate, expires 2026-05-31"
	x := converse.Compile(p, profile.Privacy{}, today)
	qs := []string{"any certs", "when do they expire"}
	replies := ask(x, qs...)
	checkText(t, qs, replies[1].Text, []string{"valid through May 31, 2026", "valid through January 2027"},
		[]string{": in May 2021", ": in January 2022"})
}
