package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// flightMedicProfile: a flight medic whose skills share their names with
// her credentials ("Medevac" and the "Medical Evacuation Endorsement",
// "Water rescue" and "Swiftwater Rescuer"), two "Advanced" certificates, a
// summary that says "advanced-certified", and lifesaving results that are
// no medals beside a medal from elsewhere.
func flightMedicProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{
			Name: "Nadia Ferreira", Label: "Flight Paramedic",
			Summary: "Advanced-certified flight medic with ten years on rotor-wing crews, the last four in trauma transport.",
		},
		Work: []profile.Work{
			{Name: "Coastline Air Ambulance", Position: "Flight Paramedic", StartDate: "2019-04"},
			{Name: "Harbor County EMS", Position: "Paramedic", StartDate: "2015-01", EndDate: "2019-03"},
		},
		Education: []profile.Education{
			{Institution: "Coastal College", StudyType: "Diploma", Area: "Paramedicine", StartDate: "2012", EndDate: "2014"},
		},
		Skills: []profile.Skill{
			{Name: "Field skills", Keywords: []string{"Medevac", "Water rescue", "Triage"}},
			{Name: "Tools", Keywords: []string{"Excel"}},
		},
		Certificates: []profile.Certificate{
			{Name: "Medical Evacuation Endorsement, expires 2027-03", Issuer: "State EMS Board", Date: "2022-03"},
			{Name: "Swiftwater Rescuer Level II", Issuer: "Rescue 3", Date: "2020-06"},
			{Name: "Advanced Trauma Provider", Issuer: "Trauma Society", Date: "2018-05"},
			{Name: "Advanced Pediatric Provider", Issuer: "Pediatric Council", Date: "2017-09"},
			{Name: "Flight Paramedic (FP-C), valid through 2026-11", Issuer: "Board for Critical Care Transport", Date: "2020-11"},
			{Name: "Critical Care Paramedic (in progress)", Issuer: "Critical Care Academy"},
		},
		Awards: []profile.Award{
			{Title: "National Lifesaving Games, 200 m obstacle swim, 4th place", Awarder: "Lifesaving Federation", Date: "2013-07"},
			{Title: "National Lifesaving Games, rescue medley, 6th place", Awarder: "Lifesaving Federation", Date: "2014-07"},
			{Title: "Regional Surf Championship, gold medal", Awarder: "Surf Coast Association", Date: "2012-02"},
		},
	}
}

// TestCredentialOfSkill: a credential word (valid, expire, current,
// certified, endorsement) asks about the certificate a skill's name points
// to, not the skill; a plain skill question still answers the skill, and
// names the tied certificate beside it.
func TestCredentialOfSkill(t *testing.T) {
	nadia := converse.Compile(flightMedicProfile(), profile.Privacy{}, today)
	cases := []struct {
		name      string
		question  string
		want, not []string
	}{
		{"validity of a credential clipped from two words", "is her medevac still valid", []string{"valid through March 2027", "Medical Evacuation"}, []string{"listed as a skill"}},
		{"its expiry asked with when", "when does her medevac expire", []string{"March 2027"}, []string{"listed as a skill"}},
		{"still good is validity", "is her medevac still good", []string{"March 2027"}, []string{"listed as a skill"}},
		{"held, by a word the title lengthens", "is she certified in water rescue", []string{"Yes, Nadia holds the certificate “Swiftwater Rescuer Level II”"}, []string{"listed as a skill"}},
		{"held, asked as an endorsement", "does she have a medevac endorsement", []string{"holds the certificate “Medical Evacuation Endorsement"}, []string{"listed as a skill"}},
		{"a skill question answers the skill and names the certificate", "can she do water rescue", []string{"listed as a skill", "also lists the certificate “Swiftwater Rescuer Level II”"}, nil},
		{"a tool with no certificate stays a skill", "does she know excel", []string{"Excel", "listed as a skill"}, []string{"certificate"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := ask(nadia, c.question)
			checkText(t, c.question, r[len(r)-1].Text, c.want, c.not)
		})
	}
}

// TestCredentialNamedByWords: a certificate named by its own words is
// answered with its expiry when its validity is asked ("is X current"),
// and held when two of its words single it out from its siblings and from
// the summary's wording.
func TestCredentialNamedByWords(t *testing.T) {
	nadia := converse.Compile(flightMedicProfile(), profile.Privacy{}, today)
	cases := []struct {
		name      string
		question  string
		want, not []string
	}{
		{"a closing current asks validity, not the job held now", "is her flight paramedic cert current", []string{"valid through November 2026"}, []string{"Coastline Air Ambulance"}},
		{"still valid gives the expiry of the one named", "is her flight paramedic certification still valid", []string{"valid through November 2026"}, []string{"Advanced Trauma"}},
		{"hold with a plural lists the certificates of the word", "does she hold the advanced certifications", []string{"holds 2 certificates", "Advanced Trauma Provider", "Advanced Pediatric Provider"}, []string{"rotor-wing"}},
		{"one in progress is worked towards, not held", "is she certified in critical care", []string{"working towards the certificate “Critical Care Paramedic (in progress)”"}, []string{"holds"}},
		{"two title words single out one of two siblings", "is she advanced certified in trauma", []string{"Yes, Nadia holds the certificate “Advanced Trauma Provider”"}, []string{"Pediatric", "rotor-wing"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := ask(nadia, c.question)
			checkText(t, c.question, r[len(r)-1].Text, c.want, c.not)
		})
	}
}

// TestAwardOfKind: "<qualifier> <award noun>" that no award holds both
// words of is a no, with the qualifier's results, not a list that reads as
// yes; and a licence class ("class b") is a certificate question, not a
// course.
func TestAwardOfKind(t *testing.T) {
	nadia := converse.Compile(flightMedicProfile(), profile.Privacy{}, today)
	cases := []struct {
		name      string
		question  string
		want, not []string
	}{
		{"no award is both: no, with the qualifier's results", "did she win a lifesaving medal", []string{"No:", "4th place", "6th place", "gold medal"}, []string{"Yes"}},
		{"one award is both: found as before", "did she win a surf medal", []string{"Regional Surf Championship, gold medal"}, []string{"No:"}},
		{"a licence class is no course", "does she have a class b cdl", []string{"certificates"}, []string{"Coastal College", "Yes"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := ask(nadia, c.question)
			checkText(t, c.question, r[len(r)-1].Text, c.want, c.not)
		})
	}
}
