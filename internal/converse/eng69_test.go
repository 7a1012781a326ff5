package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestDoingThatIsTheRole: "how long has he been doing that" / "how long
// did she do that" after a reply naming one role at an employer where
// the profile lists several asks for the time in that role (the activity),
// not the years at the employer; "how long was she there" still asks for
// the employer.
func TestDoingThatIsTheRole(t *testing.T) {
	for _, c := range []struct {
		profile string
		qs      []string
		want    []string
		not     []string
	}{
		{"dispatch", []string{"what's his current job?", "how long has he been doing that?"}, []string{"3 years and 9 months"}, []string{"8 years"}},
		{"actuary", []string{"where does she work?", "and before that?", "how long did she do that?"}, []string{"2 years and 8 months"}, []string{"5 years and 10 months"}},
		{"windtech", []string{"What does he do now?", "how long has he been doing that", "and before that?"}, []string{"Lead Wind Turbine Technician"}, nil},
		{"fpa", []string{"what does she do now?", "and before that?", "how long was she there?"}, []string{"Ecolab"}, nil},
		{"dispatch", []string{"what's his current job?", "how long has he been there?"}, []string{"8 years and 1 month"}, nil},
	} {
		r := ask(mustIndex(t, c.profile), c.qs...)
		checkText(t, c.qs, r[len(r)-1].Text, c.want, c.not)
	}
}

// TestVisitorsOwnAdvice: "how do I become a 911 dispatcher", "what life
// insurance should I buy" ask for advice for the visitor, not about the
// person, even when their words are the profile's; "how do I contact
// him" and "should I hire her" are about the person.
func TestVisitorsOwnAdvice(t *testing.T) {
	for _, c := range []struct {
		profile, q string
		refused    bool
	}{
		{"dispatch", "how do I become a 911 dispatcher?", true},
		{"actuary", "what life insurance should I buy?", true},
		{"hotelgm", "how can I get a job at a hotel?", true},
		{"actuary", "which actuarial exam should I take first?", true},
		{"dispatch", "how do I contact him?", false},
		{"actuary", "should I hire her?", false},
		{"hotelgm", "how can i get in touch", false},
		{"actuary", "what should I ask her in an interview?", false},
	} {
		r := ask(mustIndex(t, c.profile), c.q)[0]
		if r.Refused != c.refused {
			t.Errorf("%q: refused %v, want %v (%s)", c.q, r.Refused, c.refused, r.Text)
		}
	}
}

// TestCertificatesNoLongerCurrent: a certificate whose name says it
// lapsed or expired, or gives an expiry already past, is no longer held:
// "are any of his certificates expired" lists those (not every name with
// "expires" in it), "which are still valid" leaves them out, and "is he
// still a BLS instructor" says he held it, not that he holds it.
func TestCertificatesNoLongerCurrent(t *testing.T) {
	lifeguard := profile.Resume{
		Basics: profile.Basics{Name: "Ana Ruiz"},
		Work:   []profile.Work{{Name: "City Pools", Position: "Lifeguard Supervisor", StartDate: "2019-05"}},
		Certificates: []profile.Certificate{
			{Name: "Pool Lifeguard, expires 2024-06", Issuer: "Red Cross", Date: "2022-06"},
			{Name: "Water Safety Instructor, valid through 2026-05", Issuer: "Red Cross", Date: "2023-05"},
		},
	}
	for _, c := range []struct {
		x         *converse.Index
		q         string
		want, not []string
	}{
		{mustIndex(t, "dispatch"), "are any of his certificates expired?", []string{"BLS Instructor, expired 2024-11", "Washington State Paramedic Certification (lapsed 2019)"}, []string{"entries that match"}},
		{mustIndex(t, "clinician"), "which licences have lapsed?", []string{"PALS Provider (lapsed 2023)"}, []string{"entries that match"}},
		{mustIndex(t, "dispatch"), "is he still a BLS instructor?", []string{"held", "BLS Instructor"}, []string{"holds"}},
		{converse.Compile(lifeguard, profile.Privacy{}, today), "are any of her certifications expired", []string{"Yes", "no longer held: Pool Lifeguard, expires 2024-06"}, []string{"entries that match"}},
		{converse.Compile(lifeguard, profile.Privacy{}, today), "which certificates are still valid", []string{"Water Safety Instructor", "No longer held: Pool Lifeguard"}, []string{"Pool Lifeguard, expires 2024-06 (2022)"}},
	} {
		r := ask(c.x, c.q)[0]
		checkText(t, c.q, r.Text, c.want, c.not)
	}
}

// TestLeftInTheJobsOwnWords: "why did he stop working as a paramedic"
// is answered by the job's own sentence that he left it and why ("Left
// the road after a back injury in 2016"), not "doesn't say why"; the job
// stays in focus for "tell me more about that job".
func TestLeftInTheJobsOwnWords(t *testing.T) {
	x := mustIndex(t, "dispatch")
	for _, qs := range [][]string{
		{"why did he stop working as a paramedic?"},
		{"why did he leave american medical response?"},
	} {
		checkText(t, qs, ask(x, qs...)[len(qs)-1].Text, []string{"back injury"}, []string{"doesn't say why"})
	}
	r := ask(x, "why did he stop working as a paramedic?", "tell me more about that job")
	checkText(t, "more", r[1].Text, []string{"2,400 calls"}, []string{"Washington State Paramedic Certification"})
}

// TestTechWithWhatIsMadeOfIt: "VBA macros", "R scripts", "SQL queries",
// "Excel formulas" ask for the technology by what one makes with it, not
// for a product named "VBA Macros" the profile never mentions.
func TestTechWithWhatIsMadeOfIt(t *testing.T) {
	x := mustIndex(t, "actuary")
	for _, c := range []struct {
		q    string
		want string
	}{
		{"can she write VBA macros?", "VBA"},
		{"can she write R scripts?", "R"},
		{"does she write SQL queries", "SQL"},
		{"is she good with excel formulas", "Excel"},
	} {
		checkText(t, c.q, ask(x, c.q)[0].Text, []string{c.want}, []string{"doesn't mention"})
	}
}

// TestAcronymInsideATechName: an acronym the profile writes only inside a
// longer name ("US GAAP LDTI", "Opera PMS") is that name's part: "is she
// familiar with LDTI" is answered with the longer name, not denied.
func TestAcronymInsideATechName(t *testing.T) {
	for _, c := range []struct {
		profile, q, want string
	}{
		{"actuary", "is she familiar with LDTI?", "US GAAP LDTI"},
		{"actuary", "does she know GAAP?", "US GAAP LDTI"},
		{"hotelgm", "has she used a PMS?", "Opera PMS"},
	} {
		checkText(t, c.q, ask(mustIndex(t, c.profile), c.q)[0].Text, []string{c.want}, []string{"doesn't mention"})
	}
}

// TestExamsAreCertificates: "exams" is the plural of the certificate cue
// "exam": "which exams did she pass in 2018" lists the certificates of
// that year, not a summary sentence that says "exams".
func TestExamsAreCertificates(t *testing.T) {
	x := mustIndex(t, "actuary")
	for _, c := range []struct {
		q         string
		want, not []string
	}{
		{"which exams did she pass in 2018?", []string{"Exam FM"}, []string{"Exam P (", "in the summary"}},
		{"which FSA exams has she passed?", []string{"ILA DP"}, []string{"in the summary"}},
		{"what exams has she passed?", []string{"Exam P", "Exam FM"}, []string{"in the summary"}},
	} {
		checkText(t, c.q, ask(x, c.q)[0].Text, c.want, c.not)
	}
}

// TestStudyingForACertificate: with no school under way, "what is she
// still studying for" is answered by a certificate its name says is in
// progress, not "no current studies".
func TestStudyingForACertificate(t *testing.T) {
	for _, c := range []struct {
		profile, q, want string
	}{
		{"actuary", "what is she still studying for?", "DMAC"},
		{"actuary", "is she currently studying?", "DMAC"},
	} {
		checkText(t, c.q, ask(mustIndex(t, c.profile), c.q)[0].Text, []string{c.want, "working towards"}, []string{"doesn't list any current studies"})
	}
}

// TestTitleOfAnOrganisation: "is she a fellow of the Society of
// Actuaries", with no such title, is answered by what the profile lists
// from that organisation (its certificates: an Associate), not by the
// current job alone; an organisation the profile never names adds nothing.
func TestTitleOfAnOrganisation(t *testing.T) {
	x := mustIndex(t, "actuary")
	for _, c := range []struct {
		q         string
		want, not []string
	}{
		{"is she a fellow of the society of actuaries?", []string{"doesn't describe", "Associate of the Society of Actuaries (ASA)"}, []string{"Yes"}},
		{"is she a member of the american academy of actuaries?", []string{"doesn't describe"}, []string{"Associate of the Society"}},
	} {
		checkText(t, c.q, ask(x, c.q)[0].Text, c.want, c.not)
	}
}
