package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// serviceProfile is written for these tests: a navy officer turned
// operations manager, a reserve post still held beside the civilian job,
// a label ending in credentials, a deployment and a clearance only inside
// sentences, a Microsoft tool, certificates none of which names Agile.
func serviceProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Ruth Calloway", Label: "Operations Manager (PMP, CSM)",
			Summary:  "Former naval officer. Holds an active Secret clearance.",
			Location: profile.Location{City: "Norfolk", Region: "Virginia", CountryCode: "US"}},
		Work: []profile.Work{
			{Name: "Tidewater Freight", Position: "Operations Manager", StartDate: "2020-05"},
			{Name: "U.S. Navy Reserve", Position: "Logistics Officer, Lieutenant Commander", StartDate: "2019-09", Summary: "One weekend a month."},
			{Name: "Harbor Cold Storage", Position: "Shift Supervisor", StartDate: "2018-01", EndDate: "2020-04"},
			{Name: "U.S. Navy", Position: "Supply Officer, Lieutenant", StartDate: "2010-06", EndDate: "2017-12",
				Highlights: []string{"Deployed to Bahrain from 2014-03 to 2014-11 with the Fifth Fleet", "Ran a led-clearance audit of the depot"}},
		},
		Education: []profile.Education{{Institution: "Old Dominion University", StudyType: "MBA", Area: "Logistics", StartDate: "2023-09"}},
		Certificates: []profile.Certificate{
			{Name: "Certified ScrumMaster (CSM)", Issuer: "Scrum Alliance", Date: "2021"},
			{Name: "Project Management Professional (PMP)", Issuer: "PMI", Date: "2020"},
			{Name: "CompTIA Security+", Issuer: "CompTIA", Date: "2019"},
		},
		Volunteer: []profile.Volunteer{{Organization: "Habitat for Humanity", Position: "Crew Leader", StartDate: "2016-02", EndDate: "2016-03",
			Summary: "Two-week build in Tegucigalpa, Honduras."}},
		Skills: []profile.Skill{{Name: "Tools", Keywords: []string{"Microsoft Project", "Excel"}}},
	}
}

func TestServiceAndSentenceWords(t *testing.T) {
	x := converse.Compile(serviceProfile(), profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"military service lists the armed-forces jobs", []string{"was she in the military"}, []string{"U.S. Navy", "Lieutenant Commander"}, []string{"Tidewater Freight"}},
		{"a rank is in the military titles", []string{"what rank was she"}, []string{"Lieutenant Commander", "Supply Officer, Lieutenant"}, nil},
		{"first civilian job", []string{"what was her first civilian job"}, []string{"Harbor Cold Storage"}, []string{"Supply Officer"}},
		{"how long she served counts the military jobs", []string{"how long did she serve"}, []string{"served for almost"}, []string{"Tidewater"}},
		{"a word found only inside a sentence", []string{"where was she deployed"}, []string{"Bahrain"}, []string{"based in Norfolk"}},
		{"the last word is the thing asked", []string{"does she have a security clearance"}, []string{"Secret clearance"}, []string{"CompTIA"}},
		{"before skips the reserve post still held", []string{"what did she do before tidewater freight"}, []string{"Harbor Cold Storage"}, []string{"Navy Reserve"}},
		{"ms for Microsoft, and the tool is no project", []string{"ms project?"}, []string{"Microsoft Project"}, []string{"any project"}},
		{"no certificate names the practice: all are listed", []string{"any agile certs"}, []string{"No certificate", "Certified ScrumMaster"}, nil},
		{"a credential after the label is still a word to match", []string{"when did she get her csm"}, []string{"2021"}, []string{"PMP"}},
		{"where a volunteer role without a location was", []string{"where did she volunteer with habitat for humanity"}, []string{"Honduras"}, nil},
		{"volunteering abroad", []string{"has she volunteered abroad"}, []string{"Habitat for Humanity", "Honduras"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := ask(x, c.questions...)
			text := got[len(got)-1].Text
			checkText(t, c.questions, text, c.want, c.not)
		})
	}
}

// clinicProfile is written for these tests: a nurse whose first name is
// close to a cue word, an employer named after a language, a nursing
// assistant job before the nursing ones, a degree under way whose end the
// summary gives.
func clinicProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Grady Okoro", Label: "Registered Nurse",
			Summary: "Emergency nurse. Finishing a DNP in 2027."},
		Work: []profile.Work{
			{Name: "Norwegian Hospital", Position: "Staff Nurse, Emergency Department", StartDate: "2019-01"},
			{Name: "Maple Care Home", Position: "Nursing Assistant", StartDate: "2012", EndDate: "2016"},
		},
		Education: []profile.Education{
			{Institution: "Rush University", StudyType: "DNP", Area: "Family Nurse Practitioner", StartDate: "2024-08"},
			{Institution: "Hunter College", StudyType: "BSN", Area: "Nursing", StartDate: "2014", EndDate: "2018"},
		},
		Languages: []profile.Language{{Language: "English", Fluency: "Native"}},
		Certificates: []profile.Certificate{{Name: "Registered Nurse License, Illinois", Issuer: "IDFPR", Date: "2018"},
			{Name: "TNCC Provider (expired 2022)", Issuer: "ENA", Date: "2018"}},
	}
}

func TestClinicGenerality(t *testing.T) {
	x := converse.Compile(clinicProfile(), profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"the first name is no typo of a cue word", []string{"who is grady"}, []string{"Grady Okoro", "Registered Nurse"}, []string{"education"}},
		{"a language inside an employer's name is the employer", []string{"how long was he at norwegian"}, []string{"Norwegian Hospital", "6 years"}, []string{"speak"}},
		{"time as a nurse leaves out a nursing assistant", []string{"how many years has he been a nurse"}, []string{"about 6 years"}, []string{"Maple Care Home"}},
		{"an unfinished degree's end from the summary", []string{"tell me about his dnp", "when will he finish"}, []string{"2027"}, nil},
		{"a degree under way is studied for, not held", []string{"is he a nurse practitioner"}, []string{"studying for a DNP"}, []string{"holds"}},
		{"what about a place right after a licence question", []string{"is he licensed in illinois", "what about texas"}, []string{"licence or certificate for Texas"}, []string{"job"}},
		{"a lapsed certificate was held, not held now", []string{"does he have tncc"}, []string{"Grady held the certificate"}, []string{"holds"}},
		{"a nursing assistant is still one", []string{"was he a nursing assistant"}, []string{"Maple Care Home"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := ask(x, c.questions...)
			text := got[len(got)-1].Text
			checkText(t, c.questions, text, c.want, c.not)
		})
	}
}
