package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// vetProfile is written for these tests: a veterinary surgeon addressed by
// a title, with two first languages among four and one that is not.
func vetProfile(langs []profile.Language) profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Ines Carvalho", Label: "Veterinary Surgeon",
			Location: profile.Location{City: "Porto", CountryCode: "PT"}},
		Work: []profile.Work{
			{Name: "Clínica Veterinária do Porto", Position: "Surgeon", StartDate: "2019-05"},
		},
		Languages: langs,
	}
}

func TestVisitorWordsGenerality(t *testing.T) {
	two := converse.Compile(vetProfile([]profile.Language{
		{Language: "Portuguese", Fluency: "Mother tongue"},
		{Language: "French", Fluency: "Native or bilingual proficiency"},
		{Language: "English", Fluency: "Fluent (C1)"},
		{Language: "Spanish", Fluency: "Basic"},
	}), profile.Privacy{}, today)
	none := converse.Compile(vetProfile([]profile.Language{
		{Language: "English", Fluency: "Fluent"},
		{Language: "Spanish", Fluency: "Basic"},
	}), profile.Privacy{}, today)
	cases := []struct {
		name      string
		x         *converse.Index
		questions []string
		want, not []string
	}{
		{"a title before the surname", two, []string{"who is dr carvalho"}, []string{"Ines Carvalho", "Veterinary Surgeon"}, []string{"doesn't say"}},
		{"a title before the first name", two, []string{"tell me about prof ines"}, []string{"Ines Carvalho"}, []string{"doesn't say"}},
		{"thanks and bye: goodbye", two, []string{"thanks, bye"}, []string{"Goodbye"}, []string{"Anything else"}},
		{"thanks alone: welcome", two, []string{"thanks a lot"}, []string{"welcome"}, []string{"Goodbye"}},
		{"native languages only", two, []string{"which languages is she native in"}, []string{"Portuguese", "French"}, []string{"English", "Spanish"}},
		{"mother tongue", two, []string{"what is her mother tongue"}, []string{"Portuguese"}, []string{"Spanish"}},
		{"no native language: says so, lists all", none, []string{"which languages is she native in"}, []string{"doesn't give any language as native", "English", "Spanish"}, nil},
		{"all languages still all", two, []string{"what languages does she speak"}, []string{"Portuguese", "French", "English", "Spanish"}, nil},
	}
	// a count stated as a total in the summary, parts of it in entries
	counted := vetProfile(nil)
	counted.Basics.Summary = "Small-animal surgeon with 2,400 total operations. I also teach."
	counted.Work[0].Highlights = []string{"About 900 operations on cats"}
	counted.Work = append(counted.Work, profile.Work{Name: "Vet School Clinic", Position: "Resident", StartDate: "2016", EndDate: "2019",
		Highlights: []string{"Assisted in 600 operations"}})
	cases = append(cases, struct {
		name      string
		x         *converse.Index
		questions []string
		want, not []string
	}{"a stated total comes first", converse.Compile(counted, profile.Privacy{}, today), []string{"how many operations has she done"}, []string{"in the summary: “Small-animal surgeon with 2,400 total operations”"}, nil})
	services := []struct {
		question string
		refused  bool
	}{
		{"can you diagnose my dog", true},
		{"could she treat my cat", true},
		{"will she examine my horse", true},
		{"can she do surgery", false}, // a question about her, no service asked
		{"does she treat cats", false},
	}
	for _, c := range services {
		t.Run("service: "+c.question, func(t *testing.T) {
			if got := ask(two, c.question); got[0].Refused != c.refused {
				t.Errorf("%q: refused %v, want %v (%q)", c.question, got[0].Refused, c.refused, got[0].Text)
			}
		})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := ask(c.x, c.questions...)
			text := got[len(got)-1].Text
			checkText(t, c.questions, text, c.want, c.not)
		})
	}
}
