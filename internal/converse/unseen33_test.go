package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// screenedEngineerProfile is written for these tests: a staff engineer who
// leads a team without a manager's title, once taught evenings, went
// through an accelerator after her degree and lists a CAT tool beside Go and
// translation among her skills, with two degrees and two articles.
func screenedEngineerProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Rosa Lind", Label: "Staff Engineer", Email: "rosa@example.org",
			Location: profile.Location{City: "Malmö", CountryCode: "SE"}},
		Work: []profile.Work{
			{Name: "Nordwind Labs", Position: "Staff Engineer", StartDate: "2020-01", Highlights: []string{"Leads a team of 5 engineers"}},
			{Name: "Kite Systems", Position: "Senior Engineer", StartDate: "2016-01", EndDate: "2019-12", Summary: "Built the billing service. Kite Systems was acquired by Orbit Pay in 2019."},
			{Name: "Westbridge College", Position: "Evening Tutor", StartDate: "2014-09", EndDate: "2016-06", Summary: "Part-time evening classes in programming."},
			{Name: "Byte Co", Position: "Software Intern", StartDate: "2013-06", EndDate: "2013-09"},
		},
		Education: []profile.Education{
			{Institution: "Startup Forge", Area: "Spring 2021 batch", StudyType: "Accelerator", StartDate: "2021-01", EndDate: "2021-03"},
			{Institution: "Malmö University", Area: "Software Engineering", StudyType: "MSc", StartDate: "2014-09", EndDate: "2016-06"},
			{Institution: "Lund University", Area: "Computer Science", StudyType: "BSc", StartDate: "2010-09", EndDate: "2013-06"},
		},
		Projects: []profile.Project{{Name: "Tiny Quest", Description: "A puzzle game made in Unity.", Keywords: []string{"Unity"}, StartDate: "2023-01"},
			{Name: "Ledger Revamp", Description: "A design review of the ledger with the bank.", StartDate: "2024-02"}},
		Publications: []profile.Publication{{Name: "Go at Scale", ReleaseDate: "2022-05"}, {Name: "Queues in Practice", ReleaseDate: "2018-03"}},
		Skills:       []profile.Skill{{Name: "Tools", Keywords: []string{"Go", "memoQ", "Unreal Engine", "Design reviews"}}, {Name: "Languages", Keywords: []string{"technical translation"}}},
	}
}

func TestUnseenRecruiterH33(t *testing.T) {
	x := converse.Compile(screenedEngineerProfile(), profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
		refused   bool
	}{
		// spelling.go: "has she never X" asks what "has she ever X" asks
		{"never as ever", []string{"has she never taught?"}, []string{"Evening Tutor", "Westbridge College"}, nil, false},
		// answer_role.go: "an IC or a manager" is the manager check, not a role "ic"
		{"IC or manager", []string{"is she more of an IC or a manager"}, []string{"team of 5"}, []string{"as an ic"}, false},
		// resolve_roles.go: years of leadership with no manager's title are not her total experience
		{"leadership years without a title", []string{"how many years of leadership experience does she have"}, []string{"team of 5"}, []string{"of work experience"}, false},
		// most_senior.go: the highest title, not the list of roles
		{"most senior position", []string{"what's the most senior position she has held"}, []string{"Staff Engineer at Nordwind Labs"}, []string{"Kite Systems", "Software Intern"}, false},
		{"highest level of education is no title", []string{"what is her highest level of education"}, []string{"Malmö University"}, []string{"most senior title"}, false},
		// willing.go: the thing she would take on, not the word "comfortable"
		{"comfortable with on-call", []string{"would she be comfortable with on-call"}, []string{"doesn't mention on-call"}, []string{"comfortable"}, false},
		// answer_category.go: translation-memory tools are CAT tools
		{"translation memory", []string{"what tools does she use for translation memory"}, []string{"memoQ"}, []string{"technical translation"}, false},
		// education_fact.go: an accelerator batch is no graduation
		{"graduation skips an accelerator", []string{"when did she graduate"}, []string{"Malmö University", "2016"}, []string{"Startup Forge"}, false},
		// resolve_followup.go: "when did she graduate" after one finished degree is that degree's
		{"graduation of the degree just named", []string{"where did she do her bachelors", "when did she graduate"}, []string{"Lund University", "2013"}, []string{"2016"}, false},
		{"two asks, one degree", []string{"where did she study computer science and when did she graduate"}, []string{"Lund University", "June 2013"}, []string{"June 2016"}, false},
		// work_hours.go: "ever" asks of every job, not only the current one
		{"ever part time", []string{"has she ever worked part time"}, []string{"part-time: Evening Tutor"}, []string{"doesn't say whether Rosa's work"}, false},
		// sale_price.go: when a company was sold and who bought it are the sentences of the sale
		{"when sold and who bought it", []string{"when was kite systems sold and who bought it"}, []string{"Orbit Pay in 2019"}, []string{"January 2016"}, false},
		{"which got acquired is no sale question", []string{"which of her companies got acquired"}, []string{"Orbit Pay"}, nil, false},
		// understand.go, asked_object.go: a statement before the question sets the scene; the question asks of Unity
		{"the question after a statement", []string{"we mostly use unreal here but i wonder has she shipped anything in unity"}, []string{"Tiny Quest"}, []string{"Unreal"}, false},
		// before_study.go: "straight from university" is what came after it
		{"straight from university", []string{"did she go straight from university to a job"}, []string{"After finishing", "Software Intern"}, nil, false},
		// techs.go: a keyword ending in a plural is found in the singular
		{"a plural keyword in the singular", []string{"has she run any design reviews"}, []string{"Ledger Revamp"}, nil, false},
		// cues.go: "came out first" is the earliest
		{"which came out first", []string{"which article came out first"}, []string{"Queues in Practice"}, []string{"Go at Scale"}, false},
		// resolve_entries.go: "what did she work on there" is the job in focus
		{"work on there", []string{"where did she work before nordwind labs", "what did she work on there"}, []string{"billing service"}, []string{"most recent first"}, false},
		// career_rundown.go: a rundown of her background gives the path, not only the current job
		{"rundown of her background", []string{"can you give me a quick rundown of her background"}, []string{"Nordwind Labs", "Kite Systems"}, nil, false},
		// guard.go, cues.go: a tip for the visitor and a stock pick are off-topic
		{"a restaurant tip", []string{"can you recommend a good restaurant in malmö"}, nil, nil, true},
		{"a stock pick", []string{"whats a good stock to buy right now"}, nil, nil, true},
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
