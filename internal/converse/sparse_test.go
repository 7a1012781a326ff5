package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// sparseProfile is a résumé as some exporters write it: a URL-only
// profile, languages without levels, one skill group with an alias.
func sparseProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Ola Berg", Label: "Backend Engineer", Email: "ola@example.org",
			Summary:  "Backend engineer 🚀. Open to remote roles 🌍",
			Profiles: []profile.SocialProfile{{URL: "https://gitlab.com/olab"}}},
		Work: []profile.Work{{Name: "Fjord Data", Position: "Backend Engineer", StartDate: "2021-02"},
			{Name: "Nordlys", StartDate: "2017"}},
		Skills: []profile.Skill{{Name: "Tools", Keywords: []string{"Go", "k8s", "Kafka"}},
			{Name: "Team work"}},
		Languages: []profile.Language{{Language: "Norwegian"}, {Language: "German", Fluency: "Fluent"}},
	}
}

// TestSparseExport: what a sparse export leaves out is said plainly, and
// what it writes its own way is still found.
func TestSparseExport(t *testing.T) {
	x := converse.Compile(sparseProfile(), profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"network named from the URL", []string{"does he have a gitlab"}, []string{"gitlab.com/olab"}, []string{"doesn't"}},
		{"a network he lacks is still missing", []string{"does he have a github"}, []string{"doesn't list"}, nil},
		{"no level given", []string{"how good is his norwegian"}, []string{"Norwegian", "doesn't say how well"}, []string{"Yes"}},
		{"plain yes when no level is asked", []string{"does he speak norwegian"}, []string{"Yes"}, []string{"doesn't"}},
		{"a given level", []string{"how good is his german"}, []string{"Fluent"}, []string{"doesn't"}},
		{"alias shown as written", []string{"does he know kubernetes"}, []string{"Kubernetes", "as “k8s”"}, nil},
		{"no alias note when spelt alike", []string{"does he know kafka"}, []string{"Kafka"}, []string{"as “"}},
		{"skills counted", []string{"how many skills does he list"}, []string{"lists 4 skills", "Kafka"}, nil},
		{"an employer with no title", []string{"what was his job title at nordlys"}, []string{"Nordlys", "doesn't give Ola's job title"}, nil},
		{"a title given", []string{"tell me about fjord data"}, []string{"Backend Engineer"}, []string{"doesn't give"}},
		{"remote only in the summary", []string{"is he open to remote work"}, []string{"summary says", "Open to remote roles"}, []string{"doesn't say whether"}},
		{"skills listed without a count", []string{"what are his skills"}, []string{"Kafka"}, []string{"lists 4"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}

// TestNamedProfilesLeavesResumeAlone: naming a URL-only profile's network
// must not write into the caller's résumé.
func TestNamedProfilesLeavesResumeAlone(t *testing.T) {
	r := sparseProfile()
	converse.Compile(r, profile.Privacy{}, today)
	if got := r.Basics.Profiles[0].Network; got != "" {
		t.Fatalf("Compile wrote network %q into the résumé", got)
	}
}
