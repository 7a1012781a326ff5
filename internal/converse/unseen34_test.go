package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// harbourClerkProfile is written for these tests: a hostel receptionist and
// duty manager turned insurance adjuster, with a degree followed by a
// licensing course, a language certificate whose name is not in English,
// industry designations, a summary giving why she changed careers, a summary wishing for a role "or remote within"
// a region, and a hostel sized in beds.
func harbourClerkProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Mirela Dragan", Label: "Claims Adjuster", Email: "mirela@example.org",
			Summary:  "Claims adjuster since 2019, after six years in hostels. I moved into insurance because I liked untangling problems. Looking for a senior adjuster role in Lisbon or remote within Portugal.",
			Location: profile.Location{City: "Lisbon", CountryCode: "PT"}},
		Work: []profile.Work{
			{Name: "Atlantico Seguros", Position: "Senior Claims Adjuster", StartDate: "2021-06",
				Highlights: []string{"Settled 900 property claims worth €14 million", "Leading a small team of 4 junior adjusters"}},
			{Name: "Lusa Mutual", Position: "Claims Adjuster", StartDate: "2019-05", EndDate: "2021-05"},
			{Name: "Tagus Backpackers", Position: "Duty Manager", StartDate: "2015-02", EndDate: "2019-04",
				Summary: "Ran the 140-bed hostel at night.", Highlights: []string{"Led a team of 5 receptionists"}},
			{Name: "Hostel Alfama Sol", Position: "Receptionist", StartDate: "2013", EndDate: "2015"},
		},
		Education: []profile.Education{
			{Institution: "Universidade de Lisboa", Area: "Tourism Management", StudyType: "Bachelor", StartDate: "2009-09", EndDate: "2013-06"},
			{Institution: "Lisbon Insurance Academy", Area: "Claims Adjusting (60 hours)", StudyType: "Course", StartDate: "2019-01", EndDate: "2019-03"},
		},
		Certificates: []profile.Certificate{
			{Name: "Diplôme d'études en langue française B2", Date: "2018-06", Issuer: "France Éducation International"},
			{Name: "Chartered Insurance Adjuster (CIA)", Date: "2022", Issuer: "Insurance Institute"},
		},
		Languages: []profile.Language{{Language: "Portuguese", Fluency: "Native"}, {Language: "French", Fluency: "B2"}},
	}
}

func TestUnseenResumesH34(t *testing.T) {
	x := converse.Compile(harbourClerkProfile(), profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		// education_fact.go: one graduates from the degree, not the licensing course taken after it
		{"graduation is the degree's", []string{"when did she graduate"}, []string{"June 2013", "Universidade de Lisboa"}, []string{"Lisbon Insurance Academy"}},
		// cues.go: designations are certificates
		{"designations", []string{"does she have any designations"}, []string{"Chartered Insurance Adjuster"}, []string{"doesn't mention"}},
		// understand.go, unlisted.go: a language certificate is a certificate, and its name need not say the language in English
		{"a language certificate", []string{"does she have a french certificate"}, []string{"Diplôme d'études en langue française B2"}, []string{"doesn't list", "speaks French"}},
		// answer_places.go: "or remote within Portugal" is a wish for remote work
		{"remote within a region", []string{"is she open to remote work"}, []string{"remote within Portugal"}, nil},
		// why_stated.go: "switch careers" is answered by the summary's "moved into ... because"
		{"why she changed careers", []string{"why did she switch careers"}, []string{"untangling problems"}, []string{"doesn't say why"}},
		// answer_business.go: a hostel or a resort is hospitality
		{"hostels are hospitality", []string{"has she worked in hospitality"}, []string{"Duty Manager at Tagus Backpackers", "Receptionist at Hostel Alfama Sol"}, nil},
		// first_in_field.go: the first job whose title holds the field, not the first job of all
		{"first job in a field", []string{"what was her first claims adjuster job"}, []string{"Claims Adjuster at Lusa Mutual"}, []string{"Receptionist"}},
		{"first job in a field, after", []string{"what was her first job in claims"}, []string{"Claims Adjuster at Lusa Mutual"}, []string{"Receptionist"}},
		// answer_role.go: a current job that leads a team in its sentences is no "not currently"
		{"a team led without the title", []string{"does she lead a team"}, []string{"team of 4 junior adjusters", "Duty Manager"}, []string{"Not currently"}},
		// guard.go: "my house" is the visitor's home, not a request for her address
		{"the visitor's house", []string{"write a listing description for my house"}, []string{"only answer questions about"}, []string{"street address"}},
		// resolve_work.go, answer_business.go: "the hostel" is the kind of place in focus, sized in beds
		{"the size of the place in focus", []string{"what did she do at tagus backpackers", "how big was the hostel"}, []string{"140-bed"}, []string{"900 property claims"}},
		{"and its team, there", []string{"what did she do at tagus backpackers", "how big was the hostel", "how many people did she manage there"}, []string{"team of 5"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			replies := ask(x, c.questions...)
			checkText(t, c.questions, replies[len(replies)-1].Text, c.want, c.not)
		})
	}
}
