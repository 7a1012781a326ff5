package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestEng53Visitors: what h-eng53's unseen résumés (a warehouse manager in
// Pune, a scientist turned spin-out CTO) showed the engine missing.
func TestEng53Visitors(t *testing.T) {
	for _, c := range []struct {
		name, profile string
		qs            []string // a thread; the last reply is checked
		want, not     []string
	}{
		// a "Visiting Faculty" title is a teaching post, not the forklift-trainer certificate alone
		{"faculty teaches", "warehouse", []string{"did he ever teach"}, []string{"Visiting Faculty", "Government Polytechnic Pune"}, []string{"doesn't"}},
		// "160 on contract" are the staff he runs, not his own terms
		{"others on contract", "warehouse", []string{"where does he work now", "is that full time"}, nil, []string{"freelance"}},
		{"own part-time still read", "warehouse", []string{"did he ever teach", "was that full time"}, []string{"part-time", "Government Polytechnic"}, nil},
		// India's CTC is pay
		{"ctc", "warehouse", []string{"whats his current ctc"}, []string{"doesn't mention"}, []string{"currently works"}},
		// "marks" are grades
		{"marks", "warehouse", []string{"what marks did he get"}, []string{"74%", "CGPA 3.4/4"}, nil},
		{"marks one study", "student", []string{"what marks did she get"}, []string{"3.7"}, nil},
		// an adjective before "roles" that titles write as a noun
		{"advisory now", "spinout", []string{"what advisory roles does she have now"}, []string{"Scientific Advisor at CarbonLoop"}, []string{"Innovate UK"}},
		{"advisory all", "spinout", []string{"which advisory positions has she held"}, []string{"CarbonLoop", "Innovate UK"}, nil},
		{"teaching roles", "warehouse", []string{"what teaching jobs has he had"}, []string{"Visiting Faculty"}, []string{"Mahindra", "Bajaj"}},
		// a granted patent listed as an award and an application as a publication
		{"patents across sections", "spinout", []string{"does she have any patents"}, []string{"11,498,302", "WO 2022/184417"}, nil},
		{"patent and the summary's count", "mech", []string{"Does he have any patents?"}, []string{"Battery enclosure", "co-inventor on three patents"}, nil},
		{"patent lawyer is a field", "lawyer", []string{"is she a patent lawyer"}, nil, []string{"Patents in"}},
		// another grade of the certificate held is no yes
		{"black belt of a green belt", "warehouse", []string{"is he six sigma black belt certified"}, []string{"doesn't list a Black Belt", "Green Belt"}, []string{"Yes"}},
		{"black belt asked alone", "warehouse", []string{"does he have a black belt"}, []string{"doesn't list a Black Belt", "Green Belt"}, []string{"Yes"}},
		{"green belt of a black belt", "mech", []string{"does he have a green belt"}, []string{"doesn't list a Green Belt", "Black Belt"}, []string{"Yes"}},
		{"the grade held", "warehouse", []string{"is he six sigma green belt certified"}, []string{"Yes", "Green Belt"}, []string{"doesn't list"}},
		// a field of study said as the thing done: "did his engineering"
		{"did his engineering", "warehouse", []string{"wher did he do his engineering"}, []string{"College of Engineering Pune", "Mechanical Engineering"}, []string{"Symbiosis", "based in Pune"}},
		{"finished his engineering", "warehouse", []string{"when did he finish his engineering"}, []string{"June 2011"}, []string{"Symbiosis"}},
		// the next job a year later: the time between and what the summary says of it
		{"gap after that", "spinout", []string{"did she do a postdoc", "what did she do after that"}, []string{"Research Associate", "no job between the two for 1 year", "travel through South America"}, nil},
		{"gap before that", "spinout", []string{"what did she do at cambridge", "and before that?"}, []string{"ETH Zürich", "no job between the two"}, nil},
		{"no gap, no note", "warehouse", []string{"where does he work now", "and before that?"}, []string{"Hub Manager"}, []string{"no job between"}},
		// "when" of a promotion: the month each later title began
		{"promoted when", "warehouse", []string{"when did he get promoted"}, []string{"Hub Manager in April 2016"}, nil},
		{"promoted, no when", "warehouse", []string{"was he promoted"}, []string{"Shift Supervisor", "Hub Manager"}, []string{"April 2016"}},
		// money saved, in rupees and crore, and under budget
		{"saved in crore", "warehouse", []string{"how much money did he save at mahindra"}, []string{"₹1.4 crore"}, []string{"entries that match"}},
		{"saved under budget", "civileng", []string{"how much money did he save"}, []string{"$1.1M under budget"}, nil},
		// "why did she leave X": the summary's sentence with "left" and a kin of X
		{"why leave academia", "spinout", []string{"why did she leave academia"}, []string{"left academic research to turn enzymes"}, []string{"hasn't left"}},
		// two titles at one employer: roles and employers counted
		{"roles at employers", "warehouse", []string{"how many jobs has he had"}, []string{"5 roles at 4 employers"}, nil},
		{"one title each", "wildweb", []string{"where has she worked"}, []string{"3 roles (most"}, []string{"employers"}},
		{"did as an auxiliary", "warehouse", []string{"where did he work"}, []string{"Mahindra"}, []string{"College of Engineering"}},
		{"did as the verb", "warehouse", []string{"he did his engineering where?"}, []string{"College of Engineering Pune"}, nil},
		// a title abbreviation is a word to search for
		{"who is the ceo", "spinout", []string{"who is the ceo"}, []string{"Arjun Mehta"}, []string{"Sorry"}},
	} {
		rs := ask(mustIndex(t, c.profile), c.qs...)
		checkText(t, c.name, rs[len(rs)-1].Text, c.want, c.not)
	}
	// a tier of a certificate family: an Associate asked as an Expert
	r := mustLoad(t, "warehouse")
	r.Certificates = append(r.Certificates, profile.Certificate{Name: "Microsoft Certified: Power BI Data Analyst Associate", Date: "2022-01", Issuer: "Microsoft"})
	x := converse.Compile(r, profile.Privacy{}, today)
	checkText(t, "tier", ask(x, "is he a certified power bi data analyst expert")[0].Text, []string{"doesn't list an Expert", "Associate"}, []string{"Yes"})
	checkText(t, "tier held", ask(x, "is he a certified power bi data analyst associate")[0].Text, []string{"Associate"}, []string{"doesn't list"})
}
