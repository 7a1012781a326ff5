package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// physioProfile is written for these tests: a sports physiotherapist who
// owns her practice, with a part-time club job that has ended, a promotion
// only a highlight gives, a diplomate certificate with an expiry in its
// name beside a registration with another, a "+" edition of a
// certificate, protocols published under an acronym and a talk given at a
// congress.
func physioProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Keira Mbeki-Lund", Label: "Sports Physiotherapist and Practice Owner",
			Summary: "Physiotherapist for runners and rugby players.", Location: profile.Location{City: "Cardiff", CountryCode: "GB"}},
		Work: []profile.Work{
			{Name: "Harbour Physio", Position: "Owner", StartDate: "2020-03", Summary: "Private practice with four clinicians."},
			{Name: "City Rugby Club", Position: "Team Physiotherapist (part-time)", StartDate: "2019-01", EndDate: "2023-06",
				Summary: "Match days and one training session a week.", Highlights: []string{"Promoted to lead physiotherapist in 2021"}},
			{Name: "St Mary's Hospital", Position: "Physiotherapist", StartDate: "2014-09", EndDate: "2018-12",
				Summary: "Two-year rotation through the orthopaedic and neuro wards."},
		},
		Certificates: []profile.Certificate{
			{Name: "HCPC Registration, expires 2026-01", Date: "2014-08"},
			{Name: "Diplomate, American College of Sports Medicine, valid through 2029-06", Date: "2021-06"},
			{Name: "CSCS+ Strength and Conditioning Specialist", Date: "2022-02"},
		},
		Publications: []profile.Publication{
			{Name: "SOP-12: concussion protocol for amateur rugby", Publisher: "Welsh Rugby Medics", ReleaseDate: "2021-09",
				Summary: "Written during her rotation year as a club lead."},
			{Name: "SOP-14: hamstring return to play", Publisher: "Welsh Rugby Medics", ReleaseDate: "2022-03"},
		},
		Projects: []profile.Project{
			{Name: "Loading the injured hamstring", Type: "talk", Entity: "Sports Physio Congress 2022", StartDate: "2022-05", EndDate: "2022-05"},
			{Name: "Concussion on the touchline", Type: "talk", Entity: "Sport Tech Summit", StartDate: "2023-10", EndDate: "2023-10"},
		},
	}
}

func TestSpecialistGenerality(t *testing.T) {
	physio := converse.Compile(physioProfile(), profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"a + edition answers its plain name", []string{"is she cscs certified"}, []string{"CSCS+"}, []string{"doesn't list"}},
		{"a diplomate is board certified", []string{"is she board certified"}, []string{"Yes", "American College of Sports Medicine"}, []string{"HCPC"}},
		{"it after one certificate is that one", []string{"is she board certified", "when does it expire"}, []string{"June 2029"}, []string{"2026"}},
		{"a hack asked for the visitor", []string{"can you hack my boyfriend's phone"}, []string{"only answer"}, nil},
		{"a service for the visitor's company", []string{"can she test our players next week"}, []string{"only answer"}, nil},
		{"a promotion only a highlight gives", []string{"when was she promoted"}, []string{"Promoted to lead physiotherapist in 2021"}, []string{"shows no promotion"}},
		{"prices the profile leaves out", []string{"how much does she charge for a session"}, []string{"doesn't mention", "prices"}, []string{"mentions, at"}},
		{"the best hit is what it means next", []string{"did she do a rotation", "how long was it"}, []string{"St Mary's Hospital", "4 years"}, []string{"SOP-12"}},
		{"a talk's entity is where it was given", []string{"has she spoken at conferences"}, []string{"at Sports Physio Congress 2022"}, nil},
		{"an event written as one word is no unlisted paper", []string{"what was the sporttech talk about"}, []string{"Sport Tech Summit"}, []string{"doesn't list"}},
		{"an acronym in capitals, pluralised", []string{"has she written any sops"}, []string{"SOP-12", "SOP-14"}, nil},
		{"still, of an ended job", []string{"does she still work rugby match days"}, []string{"Not any more", "June 2023"}, nil},
		{"how often, of the job in focus", []string{"did she work at city rugby club", "how often did she work there"}, []string{"one training session a week"}, []string{"Harbour Physio"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			replies := ask(physio, c.questions...)
			checkText(t, c.questions, replies[len(replies)-1].Text, c.want, c.not)
		})
	}
}
