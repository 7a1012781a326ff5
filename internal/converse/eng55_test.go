package converse_test

import "testing"

// eng55Cases are one-question checks of the h-eng55 fixes.
var eng55Cases = []struct {
	profile, question string
	want, not         []string
}{
	// the total of every freelance, contract and self-employed job,
	// overlaps once, and which they are; a client named asks for that job
	{"consultant", "how long has she been freelancing?", []string{"almost 7 years in all", "since August 2018", "10 roles", "Baxters Food Group"}, []string{"spent 9 months at Heineken"}},
	{"consultant", "how many years has she been self-employed", []string{"almost 7 years in all"}, []string{"so far (since January 2021)"}},
	{"consultant", "how long was she freelancing at diageo", []string{"9 months at Diageo"}, []string{"in all"}},
	{"engmgr", "how long was he freelancing", []string{"2 years and 7 months", "Freelance Web Developer"}, []string{"in all"}},
	// the titles of managing or leading, with dates, not the summary
	// nor every job; none said as none
	{"engmgr", "what management roles has he had", []string{"Engineering Manager, Payments at Nordpay AB (since May 2022)"}, []string{"Senior Backend Engineer", "turned engineering manager"}},
	{"tomas", "which leadership positions did he hold", []string{"Chief Technology Officer at Carewell Health", "VP of Engineering at PayLoop (2015–2021)"}, []string{"Software Engineer at IBM"}},
	{"consultant", "any management roles?", []string{"Interim S&OP Lead (contract) at Baxters Food Group", "Distribution Centre Team Lead"}, []string{"Logistics Trainee"}},
	{"amara", "what management roles has she had", []string{"None of Amara's job titles", "Mentored four junior engineers"}, []string{"Analyst (graduate scheme)"}},
	// where she comes from, which "based in" does not say
	{"engmgr", "where is he from", []string{"doesn't say where Tobias grew up or comes from", "based in Malmö"}, nil},
	{"consultant", "where does she come from", []string{"Originally from Groningen", "based in Edinburgh"}, []string{"doesn't say"}},
	{"architect", "where is he from", []string{"Born in São Paulo"}, []string{"doesn't say"}},
	// a chief title asked: held now, held before, or none, with what
	// she does today
	{"spinout", "is she the cto", []string{"Yes: Tamsin is the CTO", "Chief Technology Officer at Depolymer Bio"}, nil},
	{"tomas", "is he the cto", []string{"Yes", "Chief Technology Officer at Carewell Health"}, []string{"CTO of the Year"}},
	{"sample", "is he the ceo", []string{"Not now", "CEO/President at Pied Piper (2013–2014)"}, nil},
	{"engmgr", "is he the cto", []string{"No: the profile doesn't describe Tobias as a CTO", "Today Tobias works as an Engineering Manager"}, nil},
	// clubs and associations: volunteering at a club, a membership in the
	// summary, or none; never the employers
	{"consultant", "what clubs is she in", []string{"Club Member and Treasurer at Edinburgh Rowing Club", "Member of the Chartered Institute of Procurement & Supply"}, []string{"Baxters", "Yes"}},
	{"electrician", "is he a member of any associations", []string{"Yes", "member of IBEW Local 292"}, nil},
	{"engmgr", "what clubs is he in", []string{"doesn't mention any clubs or associations Tobias belongs to"}, []string{"Nordpay"}},
	// "600 GitHub stars" is no technology of the project
	{"backend", "what is pgqueue built with", []string{"Technologies: Go, PostgreSQL."}, []string{"PostgreSQL, GitHub"}},
	{"mlsci", "what is tabkit built with", []string{"Python"}, []string{"Technologies: Open source, Python, Deep learning, GitHub", ", GitHub."}},
	// "is she a good programmer": no verdict, the evidence
	{"engmgr", "is he a good programmer", []string{"doesn't rate how good a programmer Tobias is", "Go, Python and PHP", "almost 9 years in all", "Built the payouts service"}, []string{"Yes", "Not currently"}},
	{"consultant", "Is she a good programmer?", []string{"doesn't rate", "Python and SQL", "Today Ilse works as"}, []string{"Yes"}},
}

func TestEng55(t *testing.T) {
	for _, c := range eng55Cases {
		x := mustIndex(t, c.profile)
		r := ask(x, c.question)[0]
		checkText(t, c.profile+": "+c.question, r.Text, c.want, c.not)
	}
}

// TestElseAfterOverview: "what else has she done" after the summary moves
// on to the work history, then to the next section, never the summary
// again.
func TestElseAfterOverview(t *testing.T) {
	for _, c := range []struct {
		profile   string
		questions []string
		want, not []string
	}{
		{"engmgr", []string{"who is he", "what else has he done"}, []string{"Senior Backend Engineer at Nordpay AB (2019–2022)", "Freelance Web Developer"}, []string{"turned engineering manager"}},
		{"amara", []string{"tell me about her", "what else has she done", "what else has she done"}, []string{"pipewatch"}, []string{"Zalando"}},
		{"consultant", []string{"tell me about her", "what else has she done?", "and what else"}, []string{"Rijksuniversiteit Groningen"}, []string{"Independent consultant who helps"}},
	} {
		rs := ask(mustIndex(t, c.profile), c.questions...)
		checkText(t, c.questions, rs[len(rs)-1].Text, c.want, c.not)
	}
}
