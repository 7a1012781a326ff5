package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestLeadTwentyNine: a bare follow-up ("how many?", "by whom?", "why?")
// is answered from the entries just given and never refused as
// off-topic; "how long has he been driving" is the time in the roles of
// the verb's doer (a Driver, an Interpreter) and "doing data science" in
// the Data Scientist roles; "what truck was it", "why did he sell it"
// quote the one job in focus; "what software does he use for dispatch"
// and "what are his dispatch skills" list the skill group that word
// names, and "what ML frameworks" the group the technology names; "any
// trials" is no "a Trials".
func TestLeadTwentyNine(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Ruben Cole", Label: "Dispatcher"},
		Work: []profile.Work{
			{Name: "Redline Freight", Position: "Dispatcher", StartDate: "2021-03", Summary: "Dispatch a 46-truck fleet."},
			{Name: "Cole Trucking LLC", Position: "Owner-Operator", StartDate: "2015-06", EndDate: "2021-02",
				Summary: "Ran my own 2014 Peterbilt 579 hauling steel. Sold the truck in 2021 when my daughter was born."},
			{Name: "ABF Freight", Position: "Linehaul Driver", StartDate: "2011-04", EndDate: "2015-05", Summary: "Pulled doubles between Kansas City and Dallas."},
			{Name: "Werner", Position: "Over-the-Road Driver", StartDate: "2008-01", EndDate: "2011-03"},
			{Name: "Acme Tech", Position: "Data Scientist", StartDate: "2005-01", EndDate: "2007-12",
				Summary: "Acme Tech was acquired by Globex in 2007."},
		},
		Volunteer: []profile.Volunteer{{Organization: "Legal Aid Chicago", Position: "Volunteer Driver", StartDate: "2016-01"}},
		Skills: []profile.Skill{
			{Name: "Dispatch and fleet", Keywords: []string{"McLeod LoadMaster", "Samsara ELD"}},
			{Name: "Machine learning", Keywords: []string{"PyTorch", "LightGBM"}},
		},
		Education: []profile.Education{{Institution: "Crowder College", StudyType: "Certificate", Area: "Truck Driving", EndDate: "2007-12"}},
		Awards:    []profile.Award{{Title: "Dispatcher of the Year", Awarder: "Redline Freight", Date: "2023-01"}},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"how many after a job", []string{"tell me about redline freight", "how many?"}, []string{"46-truck"}, []string{"Sorry, I can only answer"}},
		{"how much with no sum", []string{"tell me about redline freight", "how much?"}, []string{"doesn't give a number"}, []string{"Sorry"}},
		{"by whom after an acquisition", []string{"what did he do at acme tech", "by whom?"}, []string{"acquired by Globex"}, []string{"I'm not sure what you mean"}},
		{"by whom after an award", []string{"what awards has he won", "who by?"}, []string{"Dispatcher of the Year: Redline Freight"}, nil},
		{"why with no reason", []string{"tell me about werner", "why?"}, []string{"The profile doesn't say why."}, []string{"Sorry"}},
		{"bare with nothing before", []string{"how many?"}, []string{"I'm not sure what that refers to"}, []string{"Sorry, I can only answer"}},
		{"been driving", []string{"how long has he been driving trucks"}, []string{"as a driver", "Linehaul Driver", "Over-the-Road Driver"}, []string{"Cole Trucking"}},
		{"been running it is the job", []string{"tell me about cole trucking llc", "how long has he been running it"}, []string{"Cole Trucking"}, []string{"runner"}},
		{"doing data science", []string{"how long has he been doing data science"}, []string{"Data Scientist at Acme Tech"}, nil},
		{"what truck was it", []string{"tell me about cole trucking llc", "what truck was it"}, []string{"Peterbilt 579"}, nil},
		{"why did he sell it", []string{"tell me about cole trucking llc", "why did he sell it"}, []string{"“Sold the truck in 2021 when my daughter was born”"}, []string{"Peterbilt"}},
		{"software for a group's word", []string{"what software does he use for dispatch"}, []string{"Dispatch and fleet as a skill: McLeod LoadMaster and Samsara ELD"}, []string{"Dispatcher of the Year"}},
		{"skills of a group's word", []string{"what are his dispatch skills"}, []string{"McLeod LoadMaster"}, []string{"Dispatcher of the Year"}},
		{"frameworks of a group named as a technology", []string{"what ml frameworks does he use"}, []string{"Machine learning as a skill: PyTorch and LightGBM"}, []string{"Yes, Machine learning appears"}},
		{"any plural unlisted", []string{"has he won any trials"}, []string{"doesn't list any trials among"}, []string{"a Trials"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}

// TestLeadTwentyNineFragments: "what kind?" gives more of what was just
// said, "in which aircraft?" the sentence of the entry in focus that names
// one (by the skill group "Aircraft"), and "what did he build" right
// after one job what that job built, not his projects.
func TestLeadTwentyNineFragments(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Dan Oak", Label: "Pilot"},
		Work: []profile.Work{
			{Name: "Skyways", Position: "Captain", StartDate: "2019-04"},
			{Name: "Riddle Flight School", Position: "Flight Instructor", StartDate: "2009-01", EndDate: "2012-12",
				Summary: "Taught instrument students in the Cessna 172 and Piper Seminole."},
			{Name: "Freelance", Position: "Web Developer", StartDate: "2005-01", EndDate: "2008-12", Highlights: []string{"Built WordPress sites for small businesses"}},
		},
		Skills:    []profile.Skill{{Name: "Aircraft", Keywords: []string{"Airbus A320", "Cessna 172", "Piper Seminole"}}},
		Projects:  []profile.Project{{Name: "ledgerlint", Description: "A linter for ledgers."}},
		Interests: []profile.Interest{{Name: "Aerobatics", Keywords: []string{"Pitts S-2B"}}},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"what kind after hobbies", []string{"does he have any hobbies", "what kind?"}, []string{"Pitts S-2B"}, []string{"Sorry"}},
		{"in which aircraft", []string{"what did he do at riddle flight school", "in which aircraft?"}, []string{"“Taught instrument students in the Cessna 172 and Piper Seminole”"}, []string{"not sure what you mean"}},
		{"what did he build after one job", []string{"tell me about his freelance work", "what did he build"}, []string{"Built WordPress sites"}, []string{"ledgerlint"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}
