package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// licensedProfile holds certificates named in full, with details after a
// comma or in brackets, a job title holding the acronym, and no references.
func licensedProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Sam Okoro", Label: "Crane operator"},
		Work: []profile.Work{{Name: "Delta Lift", Position: "Operator (NCCO, rigging)", StartDate: "2015-01",
			Highlights: []string{"Worked for airlines at the cargo terminal"}}},
		Certificates: []profile.Certificate{
			{Name: "National Commission Certified Operator, Mobile Cranes (expires 2028-02)", Date: "2018-02"},
			{Name: "Rigger Endorsement (Level II)", Date: "2019-05"},
			{Name: "Signalperson Endorsement", Date: "2019-06"},
			{Name: "First Aid", Date: "2024-01"},
		},
	}
}

// TestCertificateWords: a certificate is found by the initials of its name
// and listed by a word of its name, before a section the word cues.
func TestCertificateWords(t *testing.T) {
	x := converse.Compile(licensedProfile(), profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"initials of the name before its details", []string{"does he have an ncco"}, []string{"National Commission Certified Operator", "2028"}, []string{"Delta Lift"}},
		{"a plural word of certificates' names", []string{"what endorsements does he have"}, []string{"Rigger Endorsement", "Signalperson Endorsement"}, []string{"First Aid", "references"}},
		{"any, short", []string{"any endorsements"}, []string{"Rigger Endorsement"}, []string{"First Aid"}},
		{"the word of a job, not held", []string{"which airlines has he worked for"}, nil, []string{"endorsement"}},
		{"the whole section", []string{"what certificates does he have"}, []string{"First Aid", "Rigger"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}

// TestCertificateSectionWords: the section's own name in the plural asks
// for every certificate, even when only some names carry the word, while a
// kind of certificate (a licence) still lists those of its kind.
func TestCertificateSectionWords(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Ana Lima", Label: "Data analyst"},
		Certificates: []profile.Certificate{
			{Name: "Google Data Analytics Professional Certificate", Date: "2021-09"},
			{Name: "dbt Fundamentals", Date: "2023-02"},
			{Name: "Scrum Master Certification", Date: "2022-01"},
			{Name: "Forklift Licence", Date: "2019-01"},
		},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"certificates, one name has the word", []string{"what certificates does she have"}, []string{"Google Data Analytics", "dbt Fundamentals", "Forklift"}, nil},
		{"certifications, one name has the word", []string{"which certifications does she hold"}, []string{"Scrum Master", "dbt Fundamentals", "Forklift"}, nil},
		{"credentials", []string{"what credentials has she got"}, []string{"Scrum Master", "dbt Fundamentals"}, nil},
		{"a kind of certificate still narrows", []string{"what licences does she hold"}, []string{"Forklift Licence"}, []string{"dbt Fundamentals"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}
