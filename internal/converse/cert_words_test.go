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
