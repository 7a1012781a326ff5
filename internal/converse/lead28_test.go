package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestLeadTwentyEight: "what did he write" is his writing; a handle or a
// username is a contact detail; a time zone is answered from where he is
// based, saying the profile gives none; "how large was her team" and a
// team's size at a named employer say so when no sentence has a number;
// founding a company is read from the titles and from the sentences that
// say he started or founded one.
func TestLeadTwentyEight(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Tomasz Wrona", Label: "Engineer", Location: profile.Location{City: "Gdansk", CountryCode: "PL"},
			Summary:  "Tomasz lives by the sea. Before launching Amberline, he worked as a contractor for shipyards.",
			Profiles: []profile.SocialProfile{{Network: "Mastodon", Username: "twrona"}}},
		Work: []profile.Work{
			{Name: "Amberline", Position: "Chief Engineer", StartDate: "2019-01", Summary: "Builds hull sensors."},
			{Name: "Baltic Yards", Position: "Engineer", StartDate: "2014-01", EndDate: "2018-12"},
		},
		Publications: []profile.Publication{{Name: "Sensing Hull Fatigue", Publisher: "Marine Tech Review", ReleaseDate: "2021-05"}},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	founderTitle := profile.Resume{
		Basics: profile.Basics{Name: "Lena Okafor", Label: "Designer"},
		Work: []profile.Work{
			{Name: "Kettle Studio", Position: "Co-founder & Creative Director", StartDate: "2020-02"},
			{Name: "Brightside", Position: "Designer", StartDate: "2016-01", EndDate: "2020-01"},
		},
	}
	y := converse.Compile(founderTitle, profile.Privacy{}, today)
	employee := profile.Resume{
		Basics: profile.Basics{Name: "Ravi Shah", Label: "Analyst"},
		Work:   []profile.Work{{Name: "Northwind", Position: "Analyst", StartDate: "2018-01"}},
	}
	z := converse.Compile(employee, profile.Privacy{}, today)
	cases := []struct {
		name      string
		x         *converse.Index
		questions []string
		want, not []string
	}{
		{"what did he write", x, []string{"what did he write?"}, []string{"Sensing Hull Fatigue"}, []string{"doesn't say anything"}},
		{"handle", x, []string{"what's his handle?"}, []string{"twrona"}, []string{"doesn't say anything"}},
		{"username there", x, []string{"is he on mastodon?", "what's his username there?"}, []string{"twrona"}, []string{"doesn't say anything"}},
		{"time zone", x, []string{"what time zone is he in?"}, []string{"The profile doesn't give Tomasz's time zone", "based in Gdansk"}, []string{"Chief Engineer"}},
		{"timezone", x, []string{"which timezone does he work in?"}, []string{"based in Gdansk"}, []string{"current role"}},
		{"how large", x, []string{"tell me about amberline", "how large was his team?"}, []string{"The profile doesn't say how big Tomasz's team was at Amberline"}, []string{"doesn't say anything"}},
		{"team at named employer", x, []string{"how big was the team at baltic yards?"}, []string{"The profile doesn't say how big Tomasz's team was at Baltic Yards"}, []string{"Engineer at Baltic Yards, from"}},
		{"started a company, said in the summary", x, []string{"did he start a company?"}, []string{"“Before launching Amberline, he worked as a contractor for shipyards”", "Chief Engineer at Amberline"}, []string{"The profile lists 2 jobs"}},
		{"founder, said in the summary", x, []string{"is he a founder?"}, []string{"“Before launching Amberline"}, nil},
		{"founder by title", y, []string{"did she start her own business?"}, []string{"Yes: Lena is Co-founder & Creative Director at Kettle Studio"}, nil},
		{"plural unsaid", x, []string{"does he have experience with hull coatings?"}, []string{"doesn't mention any hull coatings"}, []string{"a hull coatings"}},
		{"no handle", y, []string{"what's her handle?"}, []string{"The profile doesn't list a user name or handle for Lena."}, nil},
		{"no founding", z, []string{"has he ever founded a company?"}, []string{"The profile doesn't say Ravi founded a company"}, []string{"Yes"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, c.x, c.questions, c.want, c.not) })
	}
}

// TestLeadTwentyEightDegreeInField: "does he have a CS degree" of a
// chemist is no plain "does he have a degree": not a yes.
func TestLeadTwentyEightDegreeInField(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Jordan Lee", Label: "Data Analyst"},
		Work:   []profile.Work{{Name: "Civic Data Co", Position: "Data Analyst", StartDate: "2022-01"}},
		Education: []profile.Education{
			{Institution: "Temple University", Area: "Chemistry", StudyType: "Bachelor of Science", StartDate: "2008-09", EndDate: "2012-05"},
			{Institution: "General Assembly", Area: "Data Analytics", StudyType: "Bootcamp certificate", StartDate: "2021-07", EndDate: "2021-12"},
		},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"field named", []string{"does he have a CS degree?"}, []string{"doesn't list studies in", "Chemistry"}, []string{"Yes"}},
		{"another field", []string{"does he have a nursing degree?"}, []string{"doesn't list studies in", "Chemistry"}, []string{"Yes"}},
		{"the field held", []string{"does he have a chemistry degree?"}, []string{"Yes", "Chemistry"}, nil},
		{"a bootcamp is no degree", []string{"does he have a data analytics degree?"}, []string{"The profile doesn't list a degree in data analytics; it lists a Bootcamp certificate"}, []string{"Yes"}},
		{"plain degree", []string{"does he have a degree?"}, []string{"Yes: Bachelor of Science in Chemistry"}, nil},
		{"university degree", []string{"does he have a university degree?"}, []string{"Yes: Bachelor of Science in Chemistry"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}

// TestLeadTwentyEightStackAtJob: the technologies of the job asked about
// ("her last job", "his current role", "at Northwind", "there"), not every
// skill listed.
func TestLeadTwentyEightStackAtJob(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Dana Kowal", Label: "Engineer"},
		Work: []profile.Work{
			{Name: "Northwind", Position: "Principal Engineer", StartDate: "2021-03", Highlights: []string{"Moved 40 services to Kubernetes on AWS"}},
			{Name: "Bluefin", Position: "Senior Engineer", StartDate: "2017-06", EndDate: "2021-02", Highlights: []string{"Built fraud scoring in Java with Kafka"}},
			{Name: "Hatch Studio", Position: "Intern", StartDate: "2016-06", EndDate: "2016-09"},
		},
		Skills: []profile.Skill{{Name: "Backend", Keywords: []string{"Go", "Java", "Kafka", "Kubernetes", "AWS", "Terraform"}}},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"current", []string{"what technologies does she use in her current job?"}, []string{"As Principal Engineer at Northwind (since March 2021), the profile names", "Kubernetes"}, []string{"Terraform", "Java"}},
		{"previous", []string{"what tools did she use in her previous role?"}, []string{"As Senior Engineer at Bluefin (2017–2021)", "Kafka"}, []string{"Kubernetes"}},
		{"named", []string{"what was her tech stack at bluefin?"}, []string{"Java", "Kafka"}, []string{"Terraform"}},
		{"none named there", []string{"what stack did she use at her first job?"}, []string{"The profile doesn't name the technologies Dana used as Intern at Hatch Studio (2016)"}, nil},
		{"there", []string{"tell me about bluefin", "what was the stack there?"}, []string{"Java", "Kafka"}, []string{"Terraform"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
	chef := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Lucia Ferrer", Label: "Chef"},
		Work:   []profile.Work{{Name: "Casa Vela", Position: "Head Chef", StartDate: "2015-01", EndDate: "2019-12", Highlights: []string{"Ran a twelve-cook brigade"}}},
		Skills: []profile.Skill{{Name: "Kitchen", Keywords: []string{"Chef", "Butchery"}}},
	}, profile.Privacy{}, today)
	checkLast(t, chef, []string{"what tools did she use at casa vela?"}, nil, []string{"names Chef"})
}

// TestLeadTwentyEightStudyingNow: "what is she studying" is the study
// going on, not her school years too.
func TestLeadTwentyEightStudyingNow(t *testing.T) {
	student := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Sam Rivera", Label: "Student"},
		Education: []profile.Education{
			{Institution: "University of Texas", Area: "Computer Science", StudyType: "Bachelor", StartDate: "2022-08", EndDate: "2026-05"},
			{Institution: "Westlake High School", StudyType: "High School Diploma", StartDate: "2018-08", EndDate: "2022-05"},
		},
	}, profile.Privacy{}, today)
	checkLast(t, student, []string{"what is she studying?"}, []string{"Sam is currently studying Computer Science (Bachelor) at University of Texas"}, []string{"Westlake"})
}

// TestLeadTwentyEightHealthChecker: an open-source "health checker" for
// Kubernetes places no entry in healthcare.
func TestLeadTwentyEightHealthChecker(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics:   profile.Basics{Name: "Dana Kowal", Label: "Engineer"},
		Work:     []profile.Work{{Name: "Northwind Logistics", Position: "Engineer", StartDate: "2021-03"}},
		Projects: []profile.Project{{Name: "kubeprobe", Description: "An open-source health checker for Kubernetes workloads", StartDate: "2019-01", EndDate: "2020-01"}},
	}, profile.Privacy{}, today)
	checkLast(t, x, []string{"did she work in healthcare?"}, []string{"doesn't list"}, []string{"Yes", "kubeprobe"})
	y := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Ana Ruiz", Label: "Engineer"},
		Work:   []profile.Work{{Name: "Clarity Health", Position: "Engineer", StartDate: "2021-03", Summary: "Builds patient scheduling software."}},
	}, profile.Privacy{}, today)
	checkLast(t, y, []string{"did she work in healthcare?"}, []string{"Yes", "Clarity Health"}, nil)
}
