package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// fjordEngineerProfile is written for these tests: a ship's engineer turned
// counsellor whose summary says what she wants next and that she is not
// seeing clients, who worked for two ferry lines (one named "Ferries",
// one only "Ferry"), holds a certificate with "Ferry" in its name, a
// licence marked inactive beside another certificate, and whose employer
// shares a word with the weather.
func fjordEngineerProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Ingrid Solheim", Label: "Counsellor", Email: "ingrid@example.org",
			Summary:  "Ship's engineer turned counsellor. I am not currently seeing clients. Looking to join a community health team in Bergen.",
			Location: profile.Location{City: "Bergen", CountryCode: "NO"}},
		Work: []profile.Work{
			{Name: "Fjord Counselling", Position: "Counsellor", StartDate: "2021-01"},
			{Name: "Bergen Maritime College", Position: "Guest Lecturer (part-time)", StartDate: "2019-09", EndDate: "2022-06"},
			{Name: "Nordlys Ferries", Position: "Chief Engineer", StartDate: "2016-03", EndDate: "2020-12",
				Highlights: []string{"Led the ballast refit of three ships, a NOK 12 million project"}},
			{Name: "Nordlys Ferries", Position: "Second Engineer", StartDate: "2013-03", EndDate: "2016-02"},
			{Name: "Hardanger Ferry Co", Position: "Engine Cadet", StartDate: "2011-06", EndDate: "2013-02"},
			{Name: "Storm Marine Services", Position: "Deckhand", StartDate: "2009-06", EndDate: "2011-05"},
		},
		Skills: []profile.Skill{{Name: "Counselling", Keywords: []string{"Narrative interviewing", "Group work"}}},
		Certificates: []profile.Certificate{
			{Name: "Ferry Safety Officer Certificate", Date: "2015-04", Issuer: "Norwegian Maritime Authority"},
			{Name: "Licensed Counsellor, Norway (inactive since 2024)", Date: "2021-02", Issuer: "Norwegian Counselling Board"},
			{Name: "First Aid at Sea", Date: "2012-05", Issuer: "Red Cross"},
		},
		Awards:       []profile.Award{{Title: "Engineer of the Year", Date: "2019", Awarder: "Nordlys Ferries"}},
		Publications: []profile.Publication{{Name: "Ballast Water Notes for Small Ships", Publisher: "Maritime Review", ReleaseDate: "2019-05"}},
	}
}

func TestUnseenResumesH27(t *testing.T) {
	x := converse.Compile(fjordEngineerProfile(), profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
		refused   bool
	}{
		// answer_availability.go: the summary's own words on what she wants and whether she sees clients
		{"a move she is looking to make", []string{"is she looking for a new job"}, []string{"Looking to join a community health team"}, []string{"doesn't say"}, false},
		{"not seeing clients", []string{"is she taking clients"}, []string{"not currently seeing clients"}, []string{"doesn't say"}, false},
		// cues.go: a weather forecast is off-topic even when a word names her employer
		{"a forecast for tomorrow", []string{"what's the storm forecast for Bergen tomorrow?"}, nil, nil, true},
		{"starting tomorrow is about her", []string{"could she start tomorrow?"}, nil, nil, false},
		{"free tomorrow is about her", []string{"is she free tomorrow"}, nil, nil, false},
		{"a forecast she made is about her", []string{"did she forecast demand for the ferries"}, nil, nil, false},
		// employer_kind.go: the employers of a kind, not every entry sharing the word
		{"the ferry lines she worked for", []string{"which ferries has she worked for"}, []string{"Nordlys Ferries", "Hardanger Ferry Co", "Chief Engineer"}, []string{"Safety Officer", "Engineer of the Year", "Storm Marine"}, false},
		// answer_order.go: before her current job, the job it took over from, not a part-time post beside it
		{"before that, not the side post", []string{"what does she do now", "and before that?"}, []string{"Chief Engineer"}, []string{"Guest Lecturer"}, false},
		// answer_free.go: "X research" with X a skill's word is the skill, not a paper called X
		{"a method among the skills", []string{"can she do narrative research"}, []string{"Narrative interviewing"}, []string{"publications"}, false},
		// search.go, followup.go: a paper named by one word, a highlight holding two
		{"a highlight says more than a title sharing one word", []string{"how big was the ballast refit"}, []string{"NOK 12 million"}, []string{"Maritime Review"}, false},
		// licensed_where.go: "is she licensed" gives the licence, and "it" is the licence
		{"is she licensed", []string{"is she licensed"}, []string{"Licensed Counsellor"}, []string{"First Aid"}, false},
		{"is it still active", []string{"is she licensed", "is it still active"}, []string{"inactive since 2024"}, nil, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			replies := ask(x, c.questions...)
			r := replies[len(replies)-1]
			if r.Refused != c.refused {
				t.Errorf("%q: refused %v, want %v (%q)", c.questions, r.Refused, c.refused, r.Text)
			}
			checkText(t, c.questions, r.Text, c.want, c.not)
		})
	}
}

// TestTradeKindFromSummary: "what kind of N does she V" is answered by the
// summary's sentence with the verb or the doer of the noun, and the
// latest job's sentence with the verb, not by the entries sharing the noun.
func TestTradeKindFromSummary(t *testing.T) {
	baker := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Hugo Martin", Label: "Baker", Summary: "Baker from Lyon. We bake sourdough and rye in a wood oven. I teach bread classes on Sundays."},
		Work: []profile.Work{
			{Name: "Lycée Ampère", Position: "Chemistry Teacher", StartDate: "2008-09", EndDate: "2011-12", Summary: "Taught chemistry to final-year students."},
			{Name: "Boulangerie Martin", Position: "Owner", StartDate: "2018-01", Summary: "Opened a bakery baking only with heritage wheat."},
			{Name: "Bread & Co", Position: "Bread Baker", StartDate: "2012-01", EndDate: "2017-12"},
		},
		Certificates: []profile.Certificate{{Name: "Bread Making Certificate", Date: "2011-06"}},
	}, profile.Privacy{}, today)
	lawyer := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Ana Ruiz", Label: "Partner", Summary: "Employment lawyer. I defend employers in wrongful-dismissal and wage claims. Former law clerk."},
		Work: []profile.Work{
			{Name: "Ruiz & Vega", Position: "Partner", StartDate: "2019-01"},
			{Name: "Superior Court", Position: "Law Clerk", StartDate: "2015-09", EndDate: "2016-08"},
		},
		Awards: []profile.Award{{Title: "Law Society Pro Bono Award", Date: "2021"}},
	}, profile.Privacy{}, today)
	cases := []struct {
		name      string
		x         *converse.Index
		question  string
		want, not []string
	}{
		{"the verb in the summary and the latest job", baker, "what bread does he bake", []string{"sourdough and rye", "heritage wheat"}, []string{"Making Certificate"}},
		{"the doer of the noun, a short headline and the sentence after it", lawyer, "what kind of law does she practice", []string{"Employment lawyer", "wrongful-dismissal"}, []string{"Pro Bono Award"}},
		{"a job that says the verb answers itself", baker, "what subjects did he teach", []string{"Chemistry Teacher"}, []string{"bread classes"}},
		{"no verb", lawyer, "what area of law is she in", []string{"wrongful-dismissal"}, []string{"Pro Bono Award"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := ask(c.x, c.question)[0]
			checkText(t, c.question, r.Text, c.want, c.not)
		})
	}
}

// TestThereKeepsTheEntryInFocus: "there" after a job keeps to that job
// when the question's words also match other jobs' titles.
func TestThereKeepsTheEntryInFocus(t *testing.T) {
	x := mustIndex(t, "windtech")
	r := ask(x, "tell me about highland wind services", "which turbines did he work on there")[1]
	checkText(t, "which turbines did he work on there", r.Text, []string{"Highland Wind Services", "V112"}, []string{"North Channel"})
}

// TestHyphenatedSkillAskedWithSpaces: "high voltage switching" is the
// skill "High-voltage switching (Senior Authorised Person)", not a
// technology the profile doesn't mention.
func TestHyphenatedSkillAskedWithSpaces(t *testing.T) {
	x := mustIndex(t, "windtech")
	r := ask(x, "can he do high voltage switching")[0]
	checkText(t, "can he do high voltage switching", r.Text, []string{"Yes", "Senior Authorised Person"}, []string{"doesn't mention"})
}

// TestEmployersOfKind: "which airlines" lists the employers whose names
// say so, and one whose name only starts the word when the job there is
// of the same kind; not a certificate, an award or another kind of job.
func TestEmployersOfKind(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Maren Holt", Label: "Airline Pilot"},
		Work: []profile.Work{
			{Name: "Nordic Airlines", Position: "Captain", StartDate: "2020-01"},
			{Name: "Nordic Airlines", Position: "First Officer", StartDate: "2016-01", EndDate: "2019-12"},
			{Name: "Skyways Air", Position: "First Officer", StartDate: "2012-01", EndDate: "2015-12"},
			{Name: "Air Rescue Trust", Position: "Volunteer Pilot", StartDate: "2014-01"},
		},
		Certificates: []profile.Certificate{{Name: "Airline Transport Pilot Licence", Date: "2015-06"}},
		Awards:       []profile.Award{{Title: "Crew Award", Awarder: "Nordic Airlines", Date: "2022"}},
	}, profile.Privacy{}, today)
	for _, q := range []string{"which airlines has she flown for", "what airlines did she fly for"} {
		r := ask(x, q)[0]
		checkText(t, q, r.Text, []string{"Nordic Airlines", "Skyways Air"}, []string{"Air Rescue Trust", "Transport Pilot", "Crew Award"})
	}
}
