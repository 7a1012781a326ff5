package converse_test

import "testing"

// TestEng52WeakAnswers: known weak answers of the engine, each asked of
// a profile that shows it (h-eng52). Every case failed before its fix.
func TestEng52WeakAnswers(t *testing.T) {
	for _, c := range []struct {
		profile, q string
		want, not  []string
	}{
		// a job titled exactly as asked is not the only one of that role
		{"zoe", "how many years has she been a data engineer", []string{"almost 7 years", "Senior Data Engineer at Flinkwerk", "Data Engineer at Stadtwerke Leipzig"}, []string{"2 years and 7 months"}},
		{"amara", "how many years has she been a data engineer", []string{"about 8 years", "Zalando", "Monzo", "eight years"}, nil},
		{"senior", "how many years has he been a software engineer", []string{"Senior Software Engineer at Bluefin", "Software Engineer at Quarry"}, []string{"2 years and 9 months"}},
		// a city: where the person would work, not a technology list
		{"zoe", "can she work from Toronto", []string{"doesn't mention whether", "Toronto", "Leipzig"}, []string{"Technologies"}},
		{"amara", "could she work in London?", []string{"doesn't mention whether", "worked in London before", "Monzo", "Lisbon"}, []string{"Yes"}},
		{"returner", "could she work in London?", []string{"not able to relocate", "Sheffield or remote"}, []string{"Yes"}},
		{"sremgr", "would he relocate to Berlin?", []string{"remote roles anywhere in Europe", "Kestrel Cloud", "Amsterdam"}, nil},
		{"senior", "would he relocate to Berlin?", []string{"based in Berlin"}, []string{"doesn't mention"}},
		{"realtor", "would she relocate to Denver?", []string{"doesn't mention", "Phoenix"}, []string{"relocation clients"}},
		{"engmgr", "could he work in London?", []string{"relocating within the Nordics", "outside Europe", "Malmö"}, nil},
		// interests: whole words and families, plainly when not listed
		{"zoe", "does she read novels?", []string{"doesn't mention novels", "Bouldering"}, []string{"readings"}},
		{"trucker", "does he read novels?", []string{"doesn't mention novels", "Fishing"}, nil},
		// a GitHub link outside the profiles list
		{"finalyear", "what's his github?", []string{"https://github.com/samok/tinykv", "tinykv"}, nil},
		{"engmgr", "what's his github?", []string{"https://github.com/tlindqvist"}, []string{"linkedin"}},
		// a career switch: a change of field, or into management, said so
		{"mlsci", "when did she switch careers", []string{"no change of career"}, []string{"changed careers in"}},
		{"sremgr", "when did he switch careers", []string{"moved into management in March 2024", "Staff Site Reliability Engineer"}, nil},
		{"engmgr", "has he changed careers?", []string{"moved into management in May 2022", "Senior Backend Engineer"}, nil},
		// a verb of a job matches titles by word family
		{"trucker", "did he drive trucks?", []string{"Yes", "Linehaul Driver at ABF Freight", "Over-the-Road Driver"}, []string{"Driver Trainer at"}},
		{"trucker", "did he cook?", []string{"doesn't say", "cooking"}, []string{"Sorry"}},
		{"nurse", "did she drive trucks?", nil, []string{"Yes"}},
		// no doubled words where a title already says how the job was held
		{"engmgr", "what was his first job", []string{"Freelance Web Developer"}, []string{"freelance Freelance"}},
		{"engmgr", "how long was he freelancing", []string{"working as a Freelance Web Developer"}, []string{"freelance as Freelance"}},
	} {
		checkText(t, c.profile+": "+c.q, ask(mustIndex(t, c.profile), c.q)[0].Text, c.want, c.not)
	}
}
