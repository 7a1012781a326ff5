package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestJournalNamedResearch: a paper asked by its journal's name ("her
// Genome Research paper") is the publication, though "research" is also a
// word of method and "genome" a word of a skill; a method asked alone
// still reads the skills.
func TestJournalNamedResearch(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Aoife Byrne", Label: "Bioinformatician"},
		Work:   []profile.Work{{Name: "Genomics Core", Position: "Bioinformatician", StartDate: "2021-09"}},
		Skills: []profile.Skill{{Name: "Genomics", Keywords: []string{"whole-genome sequencing", "Qualitative interviewing"}}},
		Publications: []profile.Publication{
			{Name: "Allele-specific expression across tissues", Publisher: "Genome Research", ReleaseDate: "2017-05", URL: "https://doi.org/10.5555/gr.2017.0412"},
			{Name: "Clonal sweeps", Publisher: "Nature Genetics", ReleaseDate: "2020-11", URL: "https://doi.org/10.5555/ng.2020.1187"},
		},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"doi of the genome research paper", []string{"what is the DOI of her Genome Research paper?"}, []string{"10.5555/gr.2017.0412"}, []string{"among", "ng.2020"}},
		{"a method still", []string{"can she do qualitative research"}, []string{"Qualitative interviewing"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}
