package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// archivistProfile is written for these tests: an archivist with a
// glossed collection system, two foreign languages at different levels,
// a reference note instead of a referee, a consulting past and exhibitions
// kept as projects.
func archivistProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Ilse Varga", Label: "Head Archivist",
			Location: profile.Location{City: "Vienna", CountryCode: "AT"}},
		Work: []profile.Work{
			{Name: "Stadtarchiv Graz", Position: "Head Archivist", StartDate: "2019-02",
				Highlights: []string{"Led the acquisition of the Pichler family papers in 2021"}},
			{Name: "Northgate Advisory", Position: "Consultant", StartDate: "2014-01", EndDate: "2018-12",
				Highlights: []string{"Records strategy for a regional insurer"}},
		},
		Projects: []profile.Project{
			{Name: "Paper Cities", Type: "exhibition", Description: "Exhibition of 80 maps at the Stadtmuseum Graz.",
				StartDate: "2022-03", EndDate: "2022-09", Roles: []string{"Lead curator"}, Highlights: []string{"51,000 visitors"}},
			{Name: "Ink and Iron", Type: "exhibition", Description: "Exhibition on early printing at the Landesbibliothek.",
				StartDate: "2020-05", EndDate: "2020-08", Roles: []string{"Co-curator"}, Highlights: []string{"9,500 visitors"}},
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
		{thread: []string{"does she speak czech or polish"}, want: []string{"Czech", "Polish"}},
		// a reference note in the name field is quoted, not "X says: “”"
		{thread: []string{"references?"}, want: []string{"available upon request"}, not: []string{"“”"}},
		// a firm's name is an employer asked for, not the consulting sector
		{thread: []string{"did she work for deloitte"}, want: []string{"doesn't list a job at Deloitte"}, not: []string{"Yes"}},
	} {
		replies := ask(x, tc.thread...)
		last := replies[len(replies)-1]
		checkText(t, tc.thread, last.Text, tc.want, tc.not)
		if last.Refused != tc.refusing {
			t.Errorf("%q: refused = %v, want %v", tc.thread, last.Refused, tc.refusing)
		}
	}
}
