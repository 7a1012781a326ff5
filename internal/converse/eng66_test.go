package converse_test

import (
	"strings"
	"testing"
)

// TestAssistantKindKept: "how long has he been a research assistant" is
// the research assistantship only; a teaching assistant is another job
// (any weak title head: assistant, associate, intern, fellow).
func TestAssistantKindKept(t *testing.T) {
	for _, c := range []struct {
		profile, q string
		want, not  []string
	}{
		{"robotphd", "how long has he been a research assistant?", []string{"Graduate Research Assistant"}, []string{"Teaching Assistant"}},
		{"robotphd", "how long was he a teaching assistant?", []string{"16-385", "16-311"}, []string{"Graduate Research"}},
		{"leila", "how long was she a teaching assistant", []string{"COMP 551"}, []string{"Graduate Researcher"}},
	} {
		r := ask(mustIndex(t, c.profile), c.q)[0]
		checkText(t, c.q, r.Text, c.want, c.not)
	}
}

// TestSeveralRolesAtOneEmployer: a résumé with several roles at one
// employer (promotions: Associate, Senior, Manager) asked about that
// employer: the time there and the roles in order, when she left it (the
// last role's end), the roles "there", and what came after the last of
// them; "for how long?" after a role check is that role's time only.
func TestSeveralRolesAtOneEmployer(t *testing.T) {
	for _, c := range []struct {
		profile string
		qs      []string
		want    []string
		not     []string
	}{
		{"fpa", []string{"did she work at KPMG?"}, []string{"Yes", "6 years and 11 months", "Audit Associate", "Audit Manager"}, []string{"entries that match"}},
		{"fpa", []string{"what did she do at kpmg?"}, []string{"3 roles", "As Audit Manager: Managed audits"}, []string{"entries that match"}},
		{"cfo", []string{"what did she do at deloitte"}, []string{"2 roles", "Audit Senior", "Audit Manager"}, []string{"entries that match"}},
		{"fpa", []string{"what did she do at kpmg?", "when did she leave?"}, []string{"left KPMG in July 2020", "Audit Manager"}, []string{"October 2015"}},
		{"fpa", []string{"what did she do at kpmg?", "when did she join?"}, []string{"joined KPMG in September 2013", "Audit Associate"}, []string{"July 2020"}},
		{"fpa", []string{"how long was she at KPMG in total?", "what roles did she hold there?"}, []string{"held 3 roles", "Audit Associate", "Senior Associate", "Audit Manager"}, []string{"Highlights"}},
		{"fpa", []string{"how long was she at KPMG in total?", "what came after that?"}, []string{"Ecolab"}, []string{"Senior Associate"}},
		{"fpa", []string{"was she ever an audit manager?", "for how long?"}, []string{"1 year and 10 months"}, []string{"6 years"}},
	} {
		rs := ask(mustIndex(t, c.profile), c.qs...)
		checkText(t, c.qs, rs[len(rs)-1].Text, c.want, c.not)
	}
}

// TestVendorProductUnlisted: "does she know Oracle Hyperion" when the
// profile mentions neither: the product asked is what it doesn't
// mention, not the technology the vendor's name alone stands for.
func TestVendorProductUnlisted(t *testing.T) {
	for _, c := range []struct {
		profile, q string
		want, not  []string
	}{
		{"fpa", "Does she know Oracle Hyperion?", []string{"doesn't mention Oracle Hyperion"}, []string{"Oracle Database"}},
		{"robotphd", "has he used sap ariba", []string{"doesn't mention SAP Ariba"}, []string{"Yes"}},
		{"fpa", "does she use sap ariba", []string{"doesn't mention SAP Ariba", "SAP BPC"}, nil},
	} {
		r := ask(mustIndex(t, c.profile), c.q)[0]
		checkText(t, c.q, r.Text, c.want, c.not)
	}
}

// TestThesisInSummary: a candidate whose thesis is told only in the
// summary (no courses line names it): that sentence, not the degrees.
func TestThesisInSummary(t *testing.T) {
	for _, c := range []struct {
		profile, q string
		want, not  []string
	}{
		{"robotphd", "what's his thesis about?", []string{"Closing the Loop on Deformable Manipulation"}, []string{"Zhejiang"}},
		{"robotphd", "what is his dissertation on", []string{"fold cloth"}, []string{"Bachelor of Engineering"}},
	} {
		r := ask(mustIndex(t, c.profile), c.q)[0]
		checkText(t, c.q, r.Text, c.want, c.not)
	}
}

// TestTalksAmongProjectsBesidePapers: "has he given any talks" of a
// researcher whose papers appeared at conferences (no publication says
// it was a talk) and whose talks are projects typed "talk": the talks.
func TestTalksAmongProjectsBesidePapers(t *testing.T) {
	r := ask(mustIndex(t, "robotphd"), "has he given any talks?")[0]
	checkText(t, "talks", r.Text, []string{"Touch is the missing modality", "Robots that fold laundry"}, []string{"VisuoTactile Folding"})
}

// TestCredentialAcronymAsked: "is she a CFA charterholder" with only "CFA
// Level II" among certificates: not described so, the certificate that
// has the acronym named, the acronym in capitals (any short credential
// acronym a certificate's name writes in capitals).
func TestCredentialAcronymAsked(t *testing.T) {
	for _, c := range []struct {
		profile, q string
		want, not  []string
	}{
		{"fpa", "Is she a CFA charterholder?", []string{"CFA charterholder", "CFA Level II"}, []string{"cfa charterholder"}},
	} {
		r := ask(mustIndex(t, c.profile), c.q)[0]
		if !containsFold(r.Text, "doesn't describe") {
			t.Errorf("%q: want a no in %q", c.q, r.Text)
		}
		checkText(t, c.q, r.Text, c.want, nil)
		for _, n := range c.not {
			if strings.Contains(r.Text, n) { // case matters here
				t.Errorf("%q: %q should not be in %q", c.q, n, r.Text)
			}
		}
	}
}

// TestStartTimeInSummary: "when can he start" when the summary says
// "roles starting summer 2026": that sentence, with no claim that the
// profile gives no date (any "starting/beginning <season, month, year>").
func TestStartTimeInSummary(t *testing.T) {
	r := ask(mustIndex(t, "robotphd"), "when can he start?")[0]
	checkText(t, "start", r.Text, []string{"starting summer 2026"}, []string{"doesn't give"})
}

// TestTeamSizeNotMoney: "how many people does she manage": "a team of 6
// analysts", not "the forecast for a $1.2B division" (a sum before a word
// of people is no headcount: 1.2B, 40M, 5bn).
func TestTeamSizeNotMoney(t *testing.T) {
	r := ask(mustIndex(t, "fpa"), "How many people does she manage?")[0]
	checkText(t, "team", r.Text, []string{"team of 6 analysts"}, []string{"$1.2B division"})
}

// TestOnlyStudentPosts: "has he ever had a full-time job" of a doctoral
// candidate whose jobs are all internships and teaching or research
// assistantships: no, and what they were (any such profile); a profile
// with a real job is not told so.
func TestOnlyStudentPosts(t *testing.T) {
	for _, c := range []struct {
		profile, q string
		want, not  []string
	}{
		{"robotphd", "has he ever had a full-time job?", []string{"No", "internships and assistantships", "Boston Dynamics", "Graduate Research Assistant"}, nil},
		{"fpa", "has she ever had a full-time job?", nil, []string{"internships and assistantships"}},
	} {
		r := ask(mustIndex(t, c.profile), c.q)[0]
		checkText(t, c.q, r.Text, c.want, c.not)
	}
}

// TestListFollowUps: "for which courses?" after teaching posts whose
// titles name the course: the courses, not the degrees; "which one won
// best paper?" after the publications: the paper an award names.
func TestListFollowUps(t *testing.T) {
	for _, c := range []struct {
		profile string
		qs      []string
		want    []string
		not     []string
	}{
		{"robotphd", []string{"was he a teaching assistant?", "for which courses?"}, []string{"16-385 Computer Vision (2022)", "16-311 Introduction to Robotics"}, []string{"Zhejiang"}},
		{"leila", []string{"was she a teaching assistant", "which course?"}, []string{"COMP 551 Applied Machine Learning"}, []string{"American University of Beirut"}},
		{"robotphd", []string{"what has he published?", "which one won best paper?"}, []string{"Sim-to-Real Cable Routing with Tactile Feedback", "Best Paper Award"}, []string{"Presidential Fellowship"}},
		{"robotphd", []string{"which paper won an award?"}, []string{"Sim-to-Real Cable Routing", "Best Paper Award"}, []string{"VisuoTactile"}},
	} {
		rs := ask(mustIndex(t, c.profile), c.qs...)
		checkText(t, c.qs, rs[len(rs)-1].Text, c.want, c.not)
	}
}

// TestTechWithoutVersion: a product asked for without its version number
// ("ROS" for the keyword "ROS 2", "MoveIt" for "MoveIt 2") is the listed
// keyword, as an edition word is; a short name only when the keyword
// writes it in capitals.
func TestTechWithoutVersion(t *testing.T) {
	for _, c := range []struct {
		profile, q string
		want, not  []string
	}{
		{"robotphd", "does he know ROS?", []string{"Yes, ROS 2"}, []string{"doesn't"}},
		{"robotphd", "has he used moveit", []string{"MoveIt 2"}, []string{"doesn't"}},
	} {
		r := ask(mustIndex(t, c.profile), c.q)[0]
		checkText(t, c.q, r.Text, c.want, c.not)
	}
}

// TestPromotionCount: "how many promotions has she had" is a number, the
// later titles at each employer, after the steps themselves.
func TestPromotionCount(t *testing.T) {
	for _, c := range []struct {
		profile, q string
		want       []string
	}{
		{"fpa", "How many promotions has she had?", []string{"2 promotions", "Audit Manager"}},
		{"firefighter", "how many times was he promoted", []string{"2 promotions"}},
	} {
		r := ask(mustIndex(t, c.profile), c.q)[0]
		checkText(t, c.q, r.Text, c.want, nil)
	}
}

// TestYearsOfFieldExperience: "how many years of audit experience" is the
// time in the jobs whose titles name the field, then the whole career's
// figure (titles may miss a job of the field), not the career alone.
func TestYearsOfFieldExperience(t *testing.T) {
	for _, c := range []struct {
		profile, q string
		want       []string
	}{
		{"fpa", "how many years of audit experience does she have?", []string{"audit roles for almost 7 years", "12 years"}},
		{"qa", "how many years of testing experience does he have?", []string{"11 years"}},
	} {
		r := ask(mustIndex(t, c.profile), c.q)[0]
		checkText(t, c.q, r.Text, c.want, nil)
	}
}
