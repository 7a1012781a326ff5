package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// threads37Profile is written for these tests (h-eng37): a teacher turned
// analyst with two publications, two jobs at once, an employer named with
// a common last word, and hobbies with keywords.
func threads37Profile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Noor Haddad", Label: "Analyst"},
		Work: []profile.Work{
			{Name: "Riverbend Foundation", Position: "Board Advisor (part-time)", StartDate: "2023-01", Summary: "Advises the foundation board on its grant-making data."},
			{Name: "Copperleaf Health", Position: "Data Analyst", StartDate: "2022-04", Summary: "Analyses clinic waiting times.",
				Highlights: []string{"Won the Copperleaf Innovation Prize for a triage dashboard"}},
			{Name: "Eastfield Academy", Position: "Physics Teacher", StartDate: "2012-09", EndDate: "2021-07",
				Highlights: []string{"Raised A-level pass rates to 94%"}},
			{Name: "Harbourside Tutors", Position: "Tutor", StartDate: "2008-09", EndDate: "2012-06",
				Highlights: []string{"Tutored 40 students a year"}},
		},
		Projects:  []profile.Project{{Name: "clinicq", Description: "An open-source queue simulator for clinics.", StartDate: "2022-05"}},
		Education: []profile.Education{{Institution: "Northern Data School", StudyType: "Certificate", Area: "Data Analytics", StartDate: "2021-08", EndDate: "2022-02"}},
		Awards:    []profile.Award{{Title: "Teacher of the Year", Awarder: "Regional Schools Board", Date: "2019"}},
		Publications: []profile.Publication{
			{Name: "Dashboards for Clinics", Publisher: "PyData Leeds", ReleaseDate: "2023-11"},
			{Name: "Teaching Optics with Spreadsheets", Publisher: "Physics Education", ReleaseDate: "2019-03"},
		},
		Interests: []profile.Interest{{Name: "Photography", Keywords: []string{"medium-format cameras"}}, {Name: "Running"}},
	}
}

func TestThreads37(t *testing.T) {
	x := converse.Compile(threads37Profile(), profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"where a publication from a list was published: its publisher",
			[]string{"has she published anything", "where was the second one published"}, []string{"Physics Education"}, []string{"took place"}},
		{"'the foundation': the one entry whose name ends with the kind of body",
			[]string{"what does she do at the foundation"}, []string{"Riverbend Foundation", "grant-making"}, nil},
		{"'the academy' after another topic",
			[]string{"does she run", "when did she leave the academy"}, []string{"Eastfield Academy", "July 2021"}, nil},
		{"'what kind of' a hobby's keyword names: the hobby, not who she is",
			[]string{"what are her hobbies", "what kind of cameras"}, []string{"medium-format cameras"}, []string{"Analyst"}},
		{"'r' ending a question is the language, not 'are'",
			[]string{"does she know r"}, []string{"doesn't mention R"}, nil},
		{"a count the profile never gives, of the entry in focus: said so, not its description",
			[]string{"tell me about clinicq", "how many stars does it have"}, []string{"doesn't say how many stars clinicq has"}, []string{"queue simulator"}},
		{"besides her main job: the part-time role held now, not past jobs",
			[]string{"does she do anything besides her main job", "since when?"}, []string{"January 2023"}, []string{"Eastfield", "April 2022"}},
		{"a search that found nothing keeps the entry discussed before",
			[]string{"what does she do at copperleaf health", "does she treat horses", "when did she start there"}, []string{"April 2022"}, []string{"Eastfield"}},
		{"retraining is study",
			[]string{"how did she retrain"}, []string{"Northern Data School"}, []string{"doesn't say"}},
		{"what she won there: the award given while she held the job, not every award",
			[]string{"what did she do at eastfield academy", "did she win anything there"}, []string{"While at Eastfield Academy", "Teacher of the Year"}, nil},
		{"none won there: said, with what the job achieved",
			[]string{"what did she do at harbourside tutors", "what did she win there"}, []string{"no award", "Harbourside Tutors", "40 students"}, []string{"Teacher of the Year"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rs := ask(x, c.questions...)
			r := rs[len(rs)-1]
			checkText(t, c.questions, r.Text, c.want, c.not)
		})
	}
}

// TestDoingThatAfterTwoRoles: "how long has he been doing that" after two
// roles held now, neither part-time, is each role's time, not his career.
func TestDoingThatAfterTwoRoles(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Jens Holm", Label: "Coach and Pundit"},
		Work: []profile.Work{
			{Name: "Kolding Boldklub", Position: "Head Coach", StartDate: "2021-07"},
			{Name: "Nordic Sport TV", Position: "Pundit", StartDate: "2019-08"},
			{Name: "Kolding Boldklub", Position: "Player", StartDate: "2008-07", EndDate: "2019-05"},
		},
	}, profile.Privacy{}, today)
	r := ask(x, "what does he do now", "how long has he been doing that")

	checkText(t, "doing that", r[1].Text, []string{"Head Coach at Kolding Boldklub for 3 years and 11 months", "Pundit at Nordic Sport TV for 5 years and 10 months"}, []string{"work experience", "more than once"})
}

// TestTheLetterName: "the b licence" is the one certificate whose name
// holds the letter and the noun, not every certificate.
func TestTheLetterName(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Ola Berg", Label: "Coach"},
		Certificates: []profile.Certificate{
			{Name: "FA A Licence", Date: "2022-03", Issuer: "The FA"},
			{Name: "FA B Licence", Date: "2019-06", Issuer: "The FA"},
		},
	}, profile.Privacy{}, today)
	r := ask(x, "when did he get the b licence")
	checkText(t, "the b licence", r[0].Text, []string{"June 2019"}, []string{"FA A Licence"})
}
