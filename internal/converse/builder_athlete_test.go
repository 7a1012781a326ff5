package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// surveyorSwimmerProfile is written for these tests: a quantity surveyor
// and former international swimmer, with a part-time radio job beside the
// day job, a credential whose name gives its renewal date, a degree still
// under way, medals whose summaries name the city, and personal bests kept
// as a skill group.
func surveyorSwimmerProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Ruth Adeyemi", Label: "Quantity Surveyor · Olympian", Summary: "Ruth costs hospitals and schools. An Olympian at Rio 2016, Ruth retired from swimming in 2018 and qualified as a surveyor.",
			Location: profile.Location{City: "Leeds", CountryCode: "GB"}},
		Work: []profile.Work{
			{Name: "Clayfield Construction", Position: "Senior Quantity Surveyor", StartDate: "2019-04",
				Summary: "Cost plans and final accounts for hospitals and schools."},
			{Name: "Northgate Radio", Position: "Swimming Pundit (part-time)", StartDate: "2021-06",
				Summary: "Summarises swimming galas on weekend sports shows."},
			{Name: "British Swimming", Position: "Swimmer, National Team", StartDate: "2010-01", EndDate: "2018-09"},
		},
		Education: []profile.Education{
			{Institution: "King's College London", Area: "Construction Law", StudyType: "MSc", StartDate: "2023-09"},
			{Institution: "Loughborough University", Area: "Quantity Surveying", StudyType: "BSc", StartDate: "2012-09", EndDate: "2016-06"},
		},
		Projects: []profile.Project{
			{Name: "Kirkstall Multi-Storey Car Park", Description: "A six-storey car park 120 m long with 900 spaces; a GBP 14M cost plan.", StartDate: "2022-01", EndDate: "2023-05"},
		},
		Certificates: []profile.Certificate{
			{Name: "Chartered Quantity Surveyor (MRICS), recertification due 2027-03", Date: "2020-03", Issuer: "RICS"},
			{Name: "CSCS Card", Date: "2019-02", Issuer: "CITB"},
			{Name: "Level 1 Certificate (Certified)", Date: "2019-05", Issuer: "Swim England Coaching"},
			{Name: "Level 2 Coach, Swimming", Date: "2021-03", Issuer: "Swim England"},
		},
		Awards: []profile.Award{
			{Title: "European Championships, 200 m butterfly, silver medal", Date: "2016-05-20", Awarder: "LEN", Summary: "Budapest; 2:07.10 in the final."},
			{Title: "National Champion, butterfly", Date: "2015", Awarder: "British Swimming"},
		},
		Skills: []profile.Skill{
			{Name: "Personal bests", Keywords: []string{"200 m butterfly: 2:06.88 (2016)", "100 m butterfly: 58.90 (2015)"}},
			{Name: "Cost management", Keywords: []string{"NRM2", "CostX"}},
			{Name: "Equipment", Keywords: []string{"Omega timing pads", "FINIS tempo trainer"}},
		},
	}
}

// TestBuilderAthleteRules checks the rules learnt from the civil-engineer
// and coach résumés on another profile: each case is the last reply of a
// short conversation.
func TestBuilderAthleteRules(t *testing.T) {
	x := converse.Compile(surveyorSwimmerProfile(), profile.Privacy{}, today)
	for _, tc := range []struct {
		thread   []string
		want     []string
		not      []string
		refusing bool
	}{
		// a renewal date in a credential's name is its end, said as a renewal
		{thread: []string{"is she chartered", "when is it due for renewal"}, want: []string{"due for renewal by March 2027"}, not: []string{"doesn't give"}},
		// a degree under way with no end: when it ends is not known
		{thread: []string{"is she doing a masters", "when will she finish it"}, want: []string{"since September 2023", "doesn't say when MSc in Construction Law"}},
		{thread: []string{"is she doing a masters", "when did she start it"}, want: []string{"September 2023"}, not: []string{"doesn't say"}},
		// "anything besides" a job held now: the other jobs held now
		{thread: []string{"does she do anything other than quantity surveying"}, want: []string{"Northgate Radio"}, not: []string{"British Swimming"}},
		{thread: []string{"does she do anything other than quantity surveying", "is that full time"}, want: []string{"part-time"}, not: []string{"doesn't say"}},
		// where a medal was won, from the award's own summary
		{thread: []string{"did she win any medals", "where did she win the silver"}, want: []string{"Budapest"}, not: []string{"doesn't say"}},
		// a number glued to its unit and "pb" find the personal bests
		{thread: []string{"whats her 200m pb"}, want: []string{"2:06.88"}},
		{thread: []string{"what is her personal best"}, want: []string{"Personal bests", "58.90"}},
		// a verb no cue knows, dated by the sentence that says it with a year
		{thread: []string{"what was her first job", "when did she retire"}, want: []string{"retired from swimming in 2018"}, not: []string{"2010"}},
		// "years experience" is the career, whatever entry was just named
		{thread: []string{"what was her first job", "how many years experience does she have"}, want: []string{"years of work experience"}},
		// a part of a job's title names the job, whatever was in focus
		{thread: []string{"does she do anything other than quantity surveying", "how long was she on the national team"}, want: []string{"British Swimming", "8 years"}, not: []string{"Northgate"}},
		// a title only the headline carries: the summary's sentence on it too
		{thread: []string{"was she an olympian"}, want: []string{"Yes", "Rio 2016"}},
		// tools for a purpose: the keywords holding the word, not a "part-time" job
		{thread: []string{"what timing tools does she use"}, want: []string{"Omega timing pads"}, not: []string{"Northgate"}},
		// a kind of certificate asked by a word of names or issuers: all of them
		{thread: []string{"what coaching certifications does she have"}, want: []string{"Level 1 Certificate", "Level 2 Coach"}, not: []string{"CSCS"}},
		// "how long is" a named project: its length, not a stay
		{thread: []string{"how long is the kirkstall car park"}, want: []string{"120 m"}, not: []string{"month"}},
		// a short follow-up on a skill group: the one keyword it begins
		{thread: []string{"whats her 200m pb", "and the 100?"}, want: []string{"100 m butterfly: 58.90"}, not: []string{"2:06.88"}},
		// a service on the visitor's own thing, named after "the ... my"
		{thread: []string{"can she check the cost plan for my loft conversion"}, refusing: true, not: []string{"address"}},
		// a forecast about others is no question about her
		{thread: []string{"who will win the 200m butterfly in 2028"}, refusing: true},
	} {
		replies := ask(x, tc.thread...)
		last := replies[len(replies)-1]
		checkText(t, tc.thread, last.Text, tc.want, tc.not)
		if last.Refused != tc.refusing {
			t.Errorf("%q: refused = %v, want %v (%q)", tc.thread, last.Refused, tc.refusing, last.Text)
		}
	}
}

// TestPriceOfEntryInFocus: "how much does it cost" right after an entry,
// on a profile that gives no prices anywhere, says the profile gives none
// rather than describing the entry again (main's businessUnsaid answers
// it since the h-eng17 round; this guards the follow-up case).
func TestPriceOfEntryInFocus(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Mara Quist", Label: "Swimming Teacher"},
		Work:   []profile.Work{{Name: "Quist Swim School", Position: "Owner", StartDate: "2018-04", Summary: "Lessons for 300 children a week."}},
		Projects: []profile.Project{{Name: "Learn to Swim Week", Description: "A free week of lessons every August for 80 children.",
			StartDate: "2019-08"}},
	}, profile.Privacy{}, today)
	replies := ask(x, "tell me about learn to swim week", "how much does it cost")
	checkText(t, "how much does it cost", replies[1].Text, []string{"doesn't mention", "prices"}, []string{"300 children", "80 children"})
}
