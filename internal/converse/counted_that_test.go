package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// fieldNurseProfile is written for these tests: a nurse who trained
// volunteers in a programme and mentors in another (a volunteer post whose
// title holds "programme"), and a registration whose revalidation date is
// in its name.
func fieldNurseProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Grace Mensah", Label: "Community Nurse"},
		Work: []profile.Work{
			{Name: "Ashanti Health Trust", Position: "Community Nurse", StartDate: "2019-03"},
			{Name: "Volta Outreach", Position: "Outreach Nurse", StartDate: "2015-01", EndDate: "2019-02",
				Summary:    "Community immunisation programme in three counties.",
				Highlights: []string{"Trained 120 community health volunteers in Ho, Hohoe and Keta counties"}},
		},
		Volunteer: []profile.Volunteer{{Organization: "Ghana Nurses Association", Position: "Mentor, young nurses programme", StartDate: "2020-01",
			Summary: "Mentors newly qualified nurses; 9 mentees so far."}},
		Certificates: []profile.Certificate{{Name: "Registered Nurse (revalidation due 2027-04)", Issuer: "Nursing Council", Date: "2014-09"}},
	}
}

func TestCountedThatAndRevalidation(t *testing.T) {
	x := converse.Compile(fieldNurseProfile(), profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"volunteers counted are people trained, not her volunteering",
			[]string{"how many community health volunteers did she train"}, []string{"120"}, []string{"Nurses Association"}},
		{"her volunteering still is",
			[]string{"how many hours does she volunteer"}, []string{"Nurses Association"}, nil},
		{"that programme: the entry just discussed, whose own words say programme",
			[]string{"how many community health volunteers did she train", "which counties did that programme cover"}, []string{"Volta Outreach"}, []string{"Nurses Association"}},
		{"a revalidation date in the name is when it is due",
			[]string{"when is her revalidation due"}, []string{"April 2027"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := ask(x, c.questions...)
			checkText(t, c.questions, got[len(got)-1].Text, c.want, c.not)
		})
	}
}

// TestBeforeMoveTo: "before moving to X" is the work before the first job
// in X, not the jobs there.
func TestBeforeMoveTo(t *testing.T) {
	p := profile.Resume{
		Basics: profile.Basics{Name: "Kwame Asante", Label: "Nurse", Location: profile.Location{City: "Toronto", CountryCode: "CA"}},
		Work: []profile.Work{
			{Name: "Toronto General", Position: "Charge Nurse", Location: "Toronto, Canada", StartDate: "2021-05"},
			{Name: "Halton Care", Position: "Staff Nurse", Location: "Burlington, Canada", StartDate: "2018-02", EndDate: "2021-04"},
			{Name: "Korle Bu Teaching Hospital", Position: "Staff Nurse", Location: "Accra, Ghana", StartDate: "2012", EndDate: "2017"},
		},
		Interests: []profile.Interest{{Name: "Running", Keywords: []string{"Toronto Marathon"}}},
	}
	x := converse.Compile(p, profile.Privacy{}, today)
	// "coming" is no misspelt "coding" (a cue of programming languages)
	for _, q := range []string{"what did he do before moving to canada", "what did he do before he moved to canada", "what did he do before coming to canada"} {
		t.Run(q, func(t *testing.T) {
			r := ask(x, q)
			checkText(t, q, r[len(r)-1].Text, []string{"Korle Bu", "Halton Care"}, []string{"Toronto General"})
		})
	}
}

// TestBabiesAreBirths: a midwife's births answer "how many babies", over
// a sentence that only shares "delivered".
func TestBabiesAreBirths(t *testing.T) {
	p := profile.Resume{
		Basics: profile.Basics{Name: "Ama Boateng", Label: "Midwife"},
		Work: []profile.Work{
			{Name: "Tamale Teaching Hospital", Position: "Midwife", StartDate: "2015", Highlights: []string{"Attended more than 800 births"}},
			{Name: "Northern Outreach", Position: "Programme Officer", StartDate: "2012", EndDate: "2014", Highlights: []string{"Clinic deliveries rose from 30% to 52%"}},
		},
	}
	x := converse.Compile(p, profile.Privacy{}, today)
	q := "how many babies has she delivered"
	r := ask(x, q)
	checkText(t, q, r[len(r)-1].Text, []string{"800"}, nil)
}
