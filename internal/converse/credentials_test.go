package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// credentialProfile is written for these tests: licences for places, an
// unfinished degree with no end date, and a finished one.
func credentialProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Ruth Obi", Location: profile.Location{City: "Toronto", CountryCode: "CA"}},
		Work:   []profile.Work{{Name: "Northway Clinic", Position: "Nurse", StartDate: "2016-01"}},
		Education: []profile.Education{
			{Institution: "University of Toronto", StudyType: "Master of Business Administration (incomplete)", Area: "Health management", StartDate: "2021-09"},
			{Institution: "McMaster University", StudyType: "Bachelor of Science in Nursing", Area: "Nursing", StartDate: "2011-09", EndDate: "2015-06"},
		},
		Certificates: []profile.Certificate{
			{Name: "Registered Nurse, Ontario", Issuer: "College of Nurses of Ontario", Date: "2015-08"},
			{Name: "Registered Nurse licence", Issuer: "New York State Education Department", Date: "2018-02"},
		},
	}
}

func TestCredentialsGenerality(t *testing.T) {
	x := converse.Compile(credentialProfile(), profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"a licence for the place", []string{"is she licensed in ontario"}, []string{"Yes", "Registered Nurse, Ontario"}, []string{"New York State"}},
		{"a licence in the issuer", []string{"is she licensed in new york"}, []string{"Yes", "New York State Education Department"}, nil},
		{"no licence for the place", []string{"is she licensed in texas"}, []string{"doesn't list a licence or certificate for Texas"}, []string{"Yes"}},
		{"an unfinished degree is not current", []string{"is she studying anything now"}, []string{"doesn't list any current studies"}, []string{"is currently studying"}},
		{"an unfinished degree says so", []string{"does she have an mba"}, []string{"without completing it"}, []string{"is studying"}},
		{"degree initials name the entry", []string{"did she finish her MBA"}, []string{"University of Toronto", "without completing it"}, nil},
		{"an unfinished degree in a list", []string{"where did she study"}, []string{"not completed", "McMaster"}, []string{"since September 2021"}},
		{"a mayor is off topic", []string{"who is the mayor of ottawa"}, nil, []string{"Nursing"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
	if r := ask(x, "who is the mayor of ottawa")[0]; !r.Refused {
		t.Errorf("mayor question not declined: %s", r.Text)
	}
}
