package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// platformProfile is written for these tests: a platform engineer with a
// security certificate and no clearance, a remote side job and a summary
// that says what work she wants, a recovery time cut in a highlight, a
// master's whose thesis is among its courses.
func platformProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Marta Kowalczyk", Label: "Platform Engineer",
			Summary:  "Platform engineer in Kraków. Open to remote roles in the EU.",
			Location: profile.Location{City: "Kraków", CountryCode: "PL"}},
		Work: []profile.Work{
			{Name: "Vistula Bank", Position: "Platform Engineer", Location: "Kraków, Poland", StartDate: "2021-02",
				Highlights: []string{"Cut the mean time to recovery from 60 to 18 minutes", "Wrote the on-call handbook"}},
			{Name: "opsbook", Position: "Maintainer (part-time)", Location: "Remote", StartDate: "2019"},
			{Name: "Krakow Hosting", Position: "Systems Administrator", Location: "Kraków, Poland", StartDate: "2016", EndDate: "2021"},
		},
		Education: []profile.Education{
			{Institution: "AGH University of Krakow", StudyType: "Master of Science", Area: "Computer Science", StartDate: "2014", EndDate: "2016",
				Courses: []string{"Distributed Systems", "Thesis: Leader election under network partitions"}},
			{Institution: "AGH University of Krakow", StudyType: "Bachelor of Science", Area: "Computer Science", StartDate: "2011", EndDate: "2014"},
		},
		Certificates: []profile.Certificate{{Name: "Certified Kubernetes Security Specialist (CKS)", Issuer: "The Linux Foundation", Date: "2023-06"}},
	}
}

func TestAskedUnsaid(t *testing.T) {
	x := converse.Compile(platformProfile(), profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"a thesis among the courses, not the list of degrees", []string{"what was her thesis on"}, []string{"Leader election"}, []string{"Bachelor of Science"}},
		{"a dissertation is a thesis", []string{"what was her dissertation about"}, []string{"Leader election"}, nil},
		{"a visa asked with a place", []string{"does she need a visa to work in poland"}, []string{"doesn't mention", "visa"}, []string{"Yes", "Vistula Bank"}},
		{"citizenship asked with a country", []string{"is she a polish citizen"}, []string{"doesn't mention"}, []string{"Yes"}},
		{"a right to work asked without the word visa", []string{"can she work in the US?"}, []string{"doesn't mention", "work-authorisation", "based in Kraków"}, []string{"Yes", "Vistula Bank", "opsbook"}},
		{"legally, in another country", []string{"could she legally work in germany"}, []string{"doesn't mention", "Germany"}, []string{"Yes"}},
		{"authorised to work", []string{"is she authorised to work in the UK?"}, []string{"doesn't mention", "visa"}, []string{"Yes", "Vistula Bank"}},
		{"eligible to work", []string{"is she eligible to work in canada"}, []string{"doesn't mention", "visa"}, []string{"Yes"}},
		{"a clearance is no certificate that shares another word", []string{"does she have a security clearance"}, []string{"doesn't mention a security clearance"}, []string{"Yes", "CKS"}},
		{"security cleared", []string{"is she security cleared"}, []string{"doesn't say Marta is security cleared"}, []string{"Yes"}},
		{"a certificate asked by its own words still is", []string{"does she have the kubernetes security certificate"}, []string{"Certified Kubernetes Security Specialist"}, []string{"doesn't mention"}},
		{"open to remote work: her own words, not the side job", []string{"is she open to remote work"}, []string{"Open to remote roles in the EU"}, []string{"opsbook"}},
		{"remote work done: the remote job", []string{"has she worked remotely"}, []string{"opsbook"}, nil},
		{"MTTR is the mean time to recovery", []string{"how much did she reduce MTTR"}, []string{"60 to 18 minutes"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := ask(x, c.questions...)
			checkText(t, c.questions, got[len(got)-1].Text, c.want, c.not)
		})
	}
}
