package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// archivistProfile is written for these tests: an archivist who was a
// consultant (two titles at one firm with a degree between them), with
// exhibitions kept as projects, their catalogues as publications, a
// glossed collection system, languages at different levels, fellowships
// named in a title or only in a summary, and a reference note instead of
// a referee.
func archivistProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Ilse Varga", Label: "Head Archivist", Summary: "Archivist in Graz.",
			Location: profile.Location{City: "Graz", CountryCode: "AT"}},
		Work: []profile.Work{
			{Name: "City Archive Graz", Position: "Head Archivist", StartDate: "2019-02",
				Summary:    "Advised the Archivo start-up on its EUR 2 million Series A in 2023.",
				Highlights: []string{"Led the acquisition of the Pichler family papers in 2021"}},
			{Name: "Northgate Advisory", Position: "Senior Consultant", StartDate: "2017-09", EndDate: "2018-12"},
			{Name: "Northgate Advisory", Position: "Consultant", StartDate: "2014-01", EndDate: "2016-06",
				Highlights: []string{"Records strategy for a regional insurer"}},
		},
		Volunteer: []profile.Volunteer{{Organization: "Heritage Fund Austria", Position: "Board Advisor", StartDate: "2020-03"}},
		Education: []profile.Education{
			{Institution: "University of Vienna", Area: "Archive Studies", StudyType: "MA", StartDate: "2016-09", EndDate: "2017-06"},
			{Institution: "University of Graz", Area: "History", StudyType: "BA", StartDate: "2009-10", EndDate: "2013-06", Score: "Distinction"},
		},
		Projects: []profile.Project{
			{Name: "Paper Cities", Type: "exhibition", Description: "Exhibition of 80 maps at the Stadtmuseum Graz.",
				StartDate: "2022-03", EndDate: "2022-09", Roles: []string{"Lead curator"}, Highlights: []string{"51,000 visitors"}},
			{Name: "Ink and Iron", Type: "exhibition", Description: "Exhibition on early printing at the Landesbibliothek.",
				StartDate: "2020-05", EndDate: "2020-08", Roles: []string{"Co-curator"}, Highlights: []string{"9,500 visitors"}},
		},
		Publications: []profile.Publication{
			{Name: "Paper Cities (exhibition catalogue)", Publisher: "Böhlau", ReleaseDate: "2022-03"},
			{Name: "Ink and Iron (exhibition catalogue)", Publisher: "Landesbibliothek", ReleaseDate: "2020-05"},
		},
		Awards: []profile.Award{
			{Title: "Archival Research Fellowship", Date: "2018-05", Awarder: "Austrian Academy of Sciences"},
			{Title: "Visiting Scholar", Date: "2022-10", Awarder: "Leiden University", Summary: "Six-month fellowship in Leiden."},
			{Title: "Preservation Grant", Date: "2021-04", Awarder: "Province of Styria", Summary: "EUR 12,000 for the conservation of maps."},
		},
		Skills: []profile.Skill{{Name: "Systems", Keywords: []string{"AtoM (Access to Memory)", "Zotero"}}},
		Languages: []profile.Language{
			{Language: "Hungarian", Fluency: "Native"},
			{Language: "Czech", Fluency: "Basic"},
			{Language: "Polish", Fluency: "Full professional proficiency"},
		},
		References: []profile.Reference{{Name: "References available upon request"}},
	}
}

// TestConsultantCuratorRules checks the rules learnt from the chief-of-staff
// and curator résumés on another profile: each case is the last reply of a
// short conversation.
func TestConsultantCuratorRules(t *testing.T) {
	x := converse.Compile(archivistProfile(), profile.Privacy{}, today)
	for _, tc := range []struct {
		thread   []string
		want     []string
		not      []string
		refusing bool
	}{
		// a keyword glossed in brackets is asked for by its name alone
		{thread: []string{"does she use atom"}, want: []string{"AtoM (Access to Memory)"}, not: []string{"doesn't"}},
		// two languages named: both levels, the stronger first, no bare yes
		{thread: []string{"is her czech better than her polish"}, want: []string{"Polish (Full professional proficiency) better than Czech (Basic)"}, not: []string{"Yes"}},
		// a reference note in the name field is quoted, not "X says: “”"
		{thread: []string{"references?"}, want: []string{"available upon request"}, not: []string{"“”"}},
		// a firm's name is an employer asked for, not the consulting sector
		{thread: []string{"did she work for deloitte"}, want: []string{"doesn't list a job at Deloitte"}, not: []string{"Yes"}},
		// a count naming an entry quotes that entry and puts it in focus
		{thread: []string{"how many visitors did paper cities get"}, want: []string{"51,000"}, not: []string{"9,500"}},
		{thread: []string{"how many visitors did paper cities get", "when was it on"}, want: []string{"Paper Cities", "2022"}, not: []string{"Head Archivist"}},
		{thread: []string{"how many visitors did paper cities get", "what was her role"}, want: []string{"Lead curator"}},
		// "done there" is "do there"; a funding round's letter is no language
		{thread: []string{"where does she work now", "what has she done there"}, want: []string{"Pichler"}, not: []string{"Technologies"}},
		{thread: []string{"does she know c"}, not: []string{"Yes"}},
		{thread: []string{"how much money did the start-up raise"}, want: []string{"EUR 2 million Series A"}},
		// an unpaid seat matched only by a kindred title is left out
		{thread: []string{"was she a consultant"}, want: []string{"Consultant at Northgate Advisory"}, not: []string{"Board Advisor"}},
		// the most of a counted noun; a count of a project kind
		{thread: []string{"which exhibition had the most visitors"}, want: []string{"Paper Cities", "51,000"}, not: []string{"9,500"}},
		{thread: []string{"how many exhibitions has she curated"}, want: []string{"2 exhibitions", "Paper Cities", "Ink and Iron"}},
		{thread: []string{"what exibitions has she done"}, want: []string{"Paper Cities", "Ink and Iron"}, not: []string{"catalogue"}},
		// the one publication named by the most words
		{thread: []string{"who published the iron catalogue"}, want: []string{"Landesbibliothek"}, not: []string{"Böhlau"}},
		{thread: []string{"has she received any grants", "how much was it"}, want: []string{"12,000"}},
		// a generic word naming several entries, a verb the search knows
		{thread: []string{"did she buy anything for the archive"}, want: []string{"Pichler"}},
		// the first degree, its place, and a score asked by its word
		{thread: []string{"what did she study in undergrad", "where"}, want: []string{"University of Graz"}, not: []string{"Vienna"}},
		{thread: []string{"did she get a distinction"}, want: []string{"Yes", "Distinction"}},
		// a plural asks for every award holding the word
		{thread: []string{"what fellowships has she had"}, want: []string{"Archival Research Fellowship", "Visiting Scholar"}, not: []string{"Preservation Grant"}},
		// the visitor's thing to judge is a service, declined
		{thread: []string{"is this map real? i can send a photo"}, refusing: true},
		{thread: []string{"can she authenticate my painting"}, refusing: true},
		// two titles bound a stretch of time
		{thread: []string{"what did she do between consultant and senior consultant"}, want: []string{"University of Vienna"}},
	} {
		replies := ask(x, tc.thread...)
		last := replies[len(replies)-1]
		checkText(t, tc.thread, last.Text, tc.want, tc.not)
		if last.Refused != tc.refusing {
			t.Errorf("%q: refused = %v, want %v (%q)", tc.thread, last.Refused, tc.refusing, last.Text)
		}
	}
}
