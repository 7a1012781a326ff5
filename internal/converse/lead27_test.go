package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestLeadTwentySeven: a language set aside ("besides English") is not
// the answer; "did he go to Oxford" finds the school there, not only jobs;
// a certificate whose name marks it surrendered is not listed as held now,
// and a word that starts a certificate's word ("pilot" of "Pilotage") names it.
func TestLeadTwentySeven(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Rui Valadares", Label: "Master Mariner", Location: profile.Location{City: "Halifax", CountryCode: "CA"}},
		Work: []profile.Work{
			{Name: "Chebucto Pilotage Services", Position: "Harbour Pilot", Location: "Halifax, Nova Scotia", StartDate: "2013-01", EndDate: "2021-06"},
			{Name: "Nordhavn Container Lines", Position: "Master", Location: "Lisbon, Portugal", StartDate: "1997-04", EndDate: "2012-12"},
		},
		Education: []profile.Education{
			{Institution: "University of Oxford", Area: "History", StudyType: "BA", EndDate: "1981"},
		},
		Certificates: []profile.Certificate{
			{Name: "Halifax Pilotage Licence, Class A (surrendered 2021)", Issuer: "Atlantic Pilotage Authority", Date: "2014-03"},
			{Name: "GMDSS General Operator Certificate", Issuer: "Portuguese Maritime Authority", Date: "1999-05"},
		},
		Languages: []profile.Language{
			{Language: "Portuguese", Fluency: "Native"}, {Language: "English", Fluency: "Fluent"}, {Language: "French", Fluency: "Basic"},
		},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"besides", []string{"does he speak any languages besides english?"}, []string{"Yes: besides English, Rui speaks Portuguese (Native) and French (Basic)."}, []string{"Yes, Rui speaks English"}},
		{"apart from two", []string{"apart from english and portuguese, what does he speak?"}, []string{"Besides English and Portuguese, Rui speaks French (Basic)."}, []string{"better than"}},
		{"other than all", []string{"does he speak languages other than english, french and portuguese?"}, []string{"Besides English, French and Portuguese, the profile doesn't list another language Rui speaks."}, nil},
		{"went to a school", []string{"did he go to oxford?"}, []string{"Yes: in Oxford, the profile lists BA in History at University of Oxford (1981)."}, []string{"doesn't list a job in Oxford"}},
		{"went to a job's city", []string{"did he go to lisbon?"}, []string{"Master at Nordhavn Container Lines"}, nil},
		{"held now", []string{"which certificates are still valid?"}, []string{"Rui's current certificate is: GMDSS General Operator Certificate", "No longer held: Halifax Pilotage Licence, Class A (surrendered 2021)"}, nil},
		{"word start", []string{"does he have a pilot licence?"}, []string{"Rui held the certificate “Halifax Pilotage Licence, Class A (surrendered 2021)”"}, []string{"Yes, the profile lists 2 certificates"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}
