package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestEng54RoleTotalOngoing: a role total that takes in a job held today
// says the time goes on ("has worked ..., and still does"), and one of
// roles all ended keeps the plain past.
func TestEng54RoleTotalOngoing(t *testing.T) {
	r := mustLoad(t, "sample")
	r.Work = []profile.Work{
		{Name: "Flinkwerk", Position: "Senior Data Engineer", StartDate: "2021-03"},
		{Name: "Stadtwerke", Position: "Data Engineer", StartDate: "2018-09", EndDate: "2021-02"},
		{Name: "Gymnasium Nord", Position: "Maths Teacher", StartDate: "2012-08", EndDate: "2018-07"},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	for _, c := range []struct {
		q         string
		want, not []string
	}{
		{"how long has she been a data engineer", []string{"has worked as a data engineer", "still does", "Flinkwerk", "Stadtwerke"}, []string{"Gymnasium"}},
		{"how long was she a teacher", []string{"worked as a teacher", "Gymnasium Nord"}, []string{"still does", "has worked"}},
	} {
		checkText(t, c.q, ask(x, c.q)[0].Text, c.want, c.not)
	}
}

// TestEng54BarePay: a short ask of pay with a word before it ("expected
// ctc?", "current salary?") is the pay the profile leaves out, as
// "salary expectations?" is: no search ("Great Expectations"), no
// current job, no "not sure what you mean".
func TestEng54BarePay(t *testing.T) {
	x := mustIndex(t, "amara")
	for _, q := range []string{"expected ctc?", "expected salary?", "salary expectations?", "current ctc?", "desired compensation?"} {
		checkText(t, q, ask(x, q)[0].Text, []string{"doesn't mention Amara's salary"}, []string{"Great Expectations", "currently works", "not sure"})
	}
	// a word of time before anything else is no pay
	checkText(t, "current role?", ask(x, "current role?")[0].Text, []string{"Okafor Data"}, []string{"salary"})
}

// TestEng54TitleHolder: "who is the cto" of a person whose own title
// spells it out is the person, in that role; a title only the summary
// gives another person keeps that answer.
func TestEng54TitleHolder(t *testing.T) {
	for _, c := range []struct {
		profile, q string
		want, not  []string
	}{
		{"spinout", "who is the cto", []string{"Tamsin is the CTO", "Chief Technology Officer at Depolymer Bio"}, []string{"Sorry"}},
		{"tomas", "who's the cto", []string{"Tomás is the CTO", "Carewell Health"}, []string{"Sorry", "CTO of the Year"}},
		{"spinout", "who is the ceo", []string{"Arjun Mehta"}, []string{"Tamsin is"}},
	} {
		checkText(t, c.q, ask(mustIndex(t, c.profile), c.q)[0].Text, c.want, c.not)
	}
}

// TestEng54GradeUnheld: "is he a six sigma black belt" without
// "certified" of a Green Belt is no "Yes": the grade asked is not held.
func TestEng54GradeUnheld(t *testing.T) {
	x := mustIndex(t, "logistics")
	checkText(t, "is he a six sigma black belt", ask(x, "is he a six sigma black belt")[0].Text, []string{"No", "Black Belt", "Lean Six Sigma Green Belt"}, []string{"Yes"})
	checkText(t, "is he a six sigma green belt", ask(x, "is he a six sigma green belt")[0].Text, []string{"Green Belt"}, []string{"doesn't list"})
}
