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

// TestLeadTwentySevenProjectsAndSectors: agencies that never say
// "government" place a job in the public sector; "her library" is the
// project described as a library, not libraries among her skills; "an
// atlas" and "a story map" name the one project of that kind; medals and
// commendations are awards.
func TestLeadTwentySevenProjectsAndSectors(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Ingrid Solberg", Label: "Cartographer"},
		Work: []profile.Work{
			{Name: "Cascade Geospatial LLC", Position: "Senior Cartographer", StartDate: "2022-03"},
			{Name: "Tri-County Regional Planning Council", Position: "GIS Analyst", StartDate: "2013-07", EndDate: "2017-05"},
			{Name: "US Forest Service", Position: "Seasonal Fire Lookout", StartDate: "2011-06", EndDate: "2012-09"},
		},
		Projects: []profile.Project{
			{Name: "Overpass Tiles", Description: "Open-source Rust library that turns OpenStreetMap extracts into vector tiles; about 2,300 GitHub stars.", Type: "library", StartDate: "2019-05"},
			{Name: "Trail Atlas of the Columbia Gorge", Description: "A 96-page print atlas of 120 hiking trails.", Type: "print atlas", StartDate: "2016-03", EndDate: "2017-05"},
			{Name: "Flood Risk Explorer", Description: "Public web map of flood zones.", Type: "web application", StartDate: "2018-01", EndDate: "2018-11"},
			{Name: "Salmon Return", Description: "Scrolling story map following chinook salmon up the Columbia.", Type: "story map", StartDate: "2022-04", EndDate: "2022-09"},
			{Name: "Tactile Trail Maps", Description: "Raised-line and Braille maps of four trails.", Type: "tactile map", StartDate: "2023-02", EndDate: "2023-12"},
		},
		Skills: []profile.Skill{{Name: "GIS", Keywords: []string{"QGIS", "PostGIS"}}},
		Awards: []profile.Award{{Title: "Exemplary Service Medal", Awarder: "Governor General of Canada", Date: "2025-05"}},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"agencies", []string{"has she worked for the government?"}, []string{"Yes: in government and public sector", "GIS Analyst at Tri-County Regional Planning Council", "Seasonal Fire Lookout at US Forest Service"}, []string{"doesn't list a job in government"}},
		{"her library", []string{"how many github stars does her library have?"}, []string{"about 2,300 GitHub stars"}, []string{"frameworks and libraries"}},
		{"an atlas", []string{"has she made an atlas?"}, []string{"Trail Atlas of the Columbia Gorge: A 96-page print atlas"}, []string{"Salmon Return"}},
		{"a story map", []string{"has she built a story map?"}, []string{"Salmon Return: Scrolling story map"}, []string{"Flood Risk Explorer"}},
		{"medals", []string{"any medals?"}, []string{"Exemplary Service Medal"}, nil},
		{"decorated", []string{"has she been decorated?"}, []string{"Exemplary Service Medal"}, []string{"doesn't mention decorated"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}

// TestMarkupNotProgramming: HTML and CSS are said apart from the
// programming languages, and a profile with only markup says so.
func TestMarkupNotProgramming(t *testing.T) {
	both := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Richard Hendriks"},
		Skills: []profile.Skill{{Name: "Web Development", Keywords: []string{"HTML", "CSS", "Javascript"}}},
	}, profile.Privacy{}, today)
	markupOnly := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Noor Haddad"},
		Skills: []profile.Skill{{Name: "Web", Keywords: []string{"HTML", "CSS", "Figma"}}},
	}, profile.Privacy{}, today)
	cases := []struct {
		name      string
		x         *converse.Index
		questions []string
		want, not []string
	}{
		{"both", both, []string{"what programming languages does he know?"}, []string{"the profile mentions JavaScript", "It also lists the markup and style languages HTML and CSS."}, []string{"mentions 3 programming languages"}},
		{"markup only", markupOnly, []string{"what programming languages does she know?"}, []string{"doesn't mention a programming language as such; it mentions the markup and style languages HTML and CSS."}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, c.x, c.questions, c.want, c.not) })
	}
}

// TestWidenedWords: "teach" finds precepting, "vaccines" finds
// immunizations though no technology is named so, and "what is his
// schedule" asks about a thing of his, not what he is.
func TestWidenedWords(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Priyanka Desai", Label: "Clinical Pharmacist",
			Summary: "I verify chemotherapy orders and precept PharmD students. I work a 24-hour shift rotation."},
		Work: []profile.Work{
			{Name: "The James Cancer Hospital", Position: "Clinical Pharmacist", StartDate: "2019-02", Highlights: []string{"Preceptor for 14 PharmD students"}},
			{Name: "Walgreens", Position: "Pharmacy Intern", StartDate: "2011", EndDate: "2014", Summary: "Dispensing, immunizations and counseling."},
		},
	}, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"precepting is teaching", []string{"does she teach?"}, []string{"Preceptor for 14 PharmD students"}, []string{"doesn't mention teach"}},
		{"vaccines", []string{"can she give vaccines?"}, []string{"immunizations"}, []string{"doesn't mention Vaccines"}},
		{"his schedule", []string{"what is her shift schedule?"}, []string{"24-hour shift rotation"}, []string{"is a Clinical Pharmacist"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}

// TestAnyDegree: "does he have a degree" answers yes with the degrees and
// sets a bootcamp or a certificate apart, says "not yet" while one is
// being studied for, and no when only non-degrees are listed.
func TestAnyDegree(t *testing.T) {
	grad := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Kofi Mensah"},
		Education: []profile.Education{
			{Institution: "University of Ghana", Area: "Economics", StudyType: "BA", StartDate: "2019", EndDate: "2023"},
			{Institution: "ALX Africa", Area: "Data Analytics", StudyType: "Bootcamp", StartDate: "2023-09", EndDate: "2024-03"},
		},
	}, profile.Privacy{}, today)
	studying := converse.Compile(profile.Resume{
		Basics:    profile.Basics{Name: "Sam Lee"},
		Education: []profile.Education{{Institution: "University of Manchester", Area: "Computer Science", StudyType: "BSc", StartDate: "2023-09", EndDate: "2026-06"}},
	}, profile.Privacy{}, today)
	trade := converse.Compile(profile.Resume{
		Basics:    profile.Basics{Name: "Rubén Ortiz"},
		Education: []profile.Education{{Institution: "Crowder College", Area: "Truck Driving", StudyType: "Certificate", EndDate: "2007"}},
	}, profile.Privacy{}, today)
	cases := []struct {
		name      string
		x         *converse.Index
		questions []string
		want, not []string
	}{
		{"degree and bootcamp", grad, []string{"does he have a degree?"}, []string{"Yes: BA in Economics at University of Ghana (2019–2023).", "The profile also lists Bootcamp in Data Analytics at ALX Africa"}, nil},
		{"studying", studying, []string{"does she have a degree?"}, []string{"Not yet: Sam is studying for BSc in Computer Science"}, []string{"Yes"}},
		{"certificate only", trade, []string{"does he have a degree?"}, []string{"The profile doesn't list a degree for Rubén. It lists Certificate in Truck Driving at Crowder College (2007)."}, []string{"Yes"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, c.x, c.questions, c.want, c.not) })
	}
}

// TestWouldLikeToWork: "where would he like to work" asks what he wants
// next, not where he has worked.
func TestWouldLikeToWork(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Kofi Mensah", Summary: "Economics graduate turned analyst. Currently looking for my next role in Accra or remote."},
		Work:   []profile.Work{{Name: "Hubtel", Position: "Data Analyst Intern", StartDate: "2024-06", EndDate: "2024-12"}},
	}, profile.Privacy{}, today)
	for _, q := range []string{"where would he like to work?", "what kind of role would he like?"} {
		t.Run(q, func(t *testing.T) {
			checkLast(t, x, []string{q}, []string{"looking for my next role in Accra or remote"}, []string{"has held"})
		})
	}
}

// TestJobAfterStudies: "what did he do after the bootcamp", the latest
// studies, names the job that followed.
func TestJobAfterStudies(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Kofi Mensah"},
		Work: []profile.Work{
			{Name: "Hubtel", Position: "Data Analyst Intern", StartDate: "2024-06", EndDate: "2024-12"},
			{Name: "Melcom", Position: "Sales Assistant", StartDate: "2021-01", EndDate: "2022-08"},
		},
		Education: []profile.Education{
			{Institution: "University of Ghana", Area: "Economics", StudyType: "BA", StartDate: "2019", EndDate: "2023"},
			{Institution: "ALX Africa", Area: "Data Analytics", StudyType: "Bootcamp", StartDate: "2023-09", EndDate: "2024-03"},
		},
	}, profile.Privacy{}, today)
	checkLast(t, x, []string{"what did he do after the bootcamp?"}, []string{"After it, the profile lists Data Analyst Intern at Hubtel"}, []string{"Melcom"})
}
