package llm_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/parleyhq/parley/internal/llm"
)

var testFacts = []string{
	"Ada Lovelace works as Staff Engineer at Acme Corp since 2019-03.",
	"From 2015-06 to 2019-02 Ada was a Software Engineer at Globex, using Go, PostgreSQL and Kubernetes.",
	"Ada studied Mathematics at the University of Cambridge, 2011–2015.",
}

// globalTech stands in for the profile package's alias table.
var globalTech = llm.NewTermFinder([]llm.Term{
	{Name: "Go", Aliases: []string{"golang"}}, {Name: "Python"}, {Name: "Rust"}, {Name: "Java"},
	{Name: "Kubernetes", Aliases: []string{"k8s"}}, {Name: "PostgreSQL", Aliases: []string{"postgres"}},
	{Name: "React"}, {Name: "Terraform"}, {Name: "AWS", Aliases: []string{"Amazon Web Services"}}, {Name: "C++"},
})

var knownOrgs = llm.NewTermFinder([]llm.Term{
	{Name: "Google"}, {Name: "Microsoft"}, {Name: "Stanford University", Aliases: []string{"Stanford"}}, {Name: "MIT"},
})

func testVocab(asked string) llm.Vocabulary {
	return llm.Vocabulary{
		Employers:         []llm.Term{{Name: "Acme Corp", Aliases: []string{"Acme"}}, {Name: "Globex"}},
		Schools:           []llm.Term{{Name: "University of Cambridge", Aliases: []string{"Cambridge"}}},
		Technologies:      []llm.Term{{Name: "Go"}, {Name: "PostgreSQL"}, {Name: "Kubernetes"}, {Name: "Python"}},
		Allowed:           []string{"Ada", "Lovelace"},
		FindTechnologies:  globalTech,
		FindOrganizations: knownOrgs,
		Asked:             asked,
	}
}

func TestCheckGroundedAccepts(t *testing.T) {
	tests := []struct{ name, asked, answer string }{
		{"current role", "", "Ada has worked at Acme Corp since 2019 [1]."},
		{"alias of an employer", "", "She is a Staff Engineer at Acme [1]."},
		{"earlier job with technologies", "", "Before that she was at Globex from 2015 to 2019, working with Go and PostgreSQL [2]."},
		{"school", "", "She studied Mathematics at the University of Cambridge [3]."},
		{"technology alias", "", "Yes, she has used k8s [2]."},
		{"profile technology not in this turn's facts", "", "She also knows Python."},
		{"denies an asked technology", "Does she know Rust?", "The profile does not mention Rust."},
		{"denies an asked employer", "Did she work at Google?", "There is no mention of her working at Google."},
		{"denies with contraction", "Did she go to MIT?", "The profile doesn't say she studied at MIT."},
		{"asked year inside a fact's span", "What did she do in 2017?", "In 2017 she was a Software Engineer at Globex [2]."},
		{"decade with a fact year", "", "In the 2010s she worked at Globex [2]."},
		{"month names are no employers", "", "She joined Acme Corp in March 2019 [1]."},
		{"location after a known employer", "", "She works at Acme Corp [1] and studied at Cambridge [3]."},
		{"no names at all", "", "She enjoys building reliable systems."},
		{"citation numbers are not years", "", "See [1, 2] and [3]."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := llm.CheckGrounded(tt.answer, testFacts, testVocab(tt.asked)); err != nil {
				t.Errorf("CheckGrounded(%q) = %v, want nil", tt.answer, err)
			}
		})
	}
}

func TestCheckGroundedRejects(t *testing.T) {
	org := func(s string) llm.Finding { return llm.Finding{Kind: llm.KindOrganization, Term: s} }
	year := func(s string) llm.Finding { return llm.Finding{Kind: llm.KindYear, Term: s} }
	tech := func(s string) llm.Finding { return llm.Finding{Kind: llm.KindTechnology, Term: s} }
	tests := []struct {
		name, asked, answer string
		want                []llm.Finding
	}{
		{"invented well-known employer", "", "Ada worked at Google from 2015 to 2019 [2].", []llm.Finding{org("Google")}},
		{"invented unknown employer after at", "", "She worked at Initrode before Globex [2].", []llm.Finding{org("Initrode")}},
		{"invented company with legal suffix", "", "Hooli Inc hired her as a Staff Engineer.", []llm.Finding{org("Hooli Inc")}},
		{"invented technology", "", "She used Rust and Go at Globex [2].", []llm.Finding{tech("Rust")}},
		{"invented year", "", "She joined Acme Corp in 2018 [1].", []llm.Finding{year("2018")}},
		{"year inside a span but not asked", "", "In 2016 she used Go [2].", []llm.Finding{year("2016")}},
		{"invented decade", "", "In the 1990s she learned to code.", []llm.Finding{year("1990s")}},
		{"invented known school", "", "She studied at Stanford University [3].", []llm.Finding{org("Stanford University")}},
		{"invented institution form", "", "She holds a degree from the University of Oxford.", []llm.Finding{org("University of Oxford")}},
		{"asked technology affirmed", "Does she know Rust?", "Yes, she used Rust at Globex [2].", []llm.Finding{tech("Rust")}},
		{"asked employer affirmed", "Did she work at Google?", "Yes, she worked at Google [2].", []llm.Finding{org("Google")}},
		{"asked year affirmed outside every span", "What about 2005?", "In 2005 she started at Globex.", []llm.Finding{year("2005")}},
		{"negation in another sentence does not help", "Does she know Rust?",
			"She does not know Java. She used Rust at Acme [1].", []llm.Finding{tech("Java"), tech("Rust")}},
		{"several at once", "", "At Microsoft in 2012 she wrote Terraform.",
			[]llm.Finding{year("2012"), tech("Terraform"), org("Microsoft")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := llm.CheckGrounded(tt.answer, testFacts, testVocab(tt.asked))
			if !errors.Is(err, llm.ErrUngrounded) {
				t.Fatalf("CheckGrounded(%q) = %v, want ErrUngrounded", tt.answer, err)
			}
			var ue *llm.UngroundedError
			if !errors.As(err, &ue) {
				t.Fatalf("error %T is not *UngroundedError", err)
			}
			sortF := cmpopts.SortSlices(func(a, b llm.Finding) bool { return a.Kind+a.Term < b.Kind+b.Term })
			if d := cmp.Diff(tt.want, ue.Findings, sortF); d != "" {
				t.Errorf("findings (-want +got):\n%s", d)
			}
		})
	}
}

func TestCheckGroundedWithoutFinders(t *testing.T) {
	// With no catalogue, technologies cannot be judged, but years and
	// patterned organisations still are.
	v := llm.Vocabulary{}
	if err := llm.CheckGrounded("She used Rust.", testFacts, v); err != nil {
		t.Errorf("unknown technology without a finder: %v, want nil", err)
	}
	if err := llm.CheckGrounded("She joined Initech Inc in 2001.", testFacts, v); !errors.Is(err, llm.ErrUngrounded) {
		t.Errorf("invented company and year without a finder: %v, want ErrUngrounded", err)
	}
}

func TestNewTermFinder(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Go, golang and GO", []string{"Go"}},
		{"Amazon Web Services and k8s", []string{"AWS", "Kubernetes"}},
		{"C++ but not C", []string{"C++"}},
		{"javascript and typescript", nil}, // whole tokens only: no Java inside JavaScript
		{"postgresql vs postgres", []string{"PostgreSQL"}},
		{"", nil},
	}
	for _, tt := range tests {
		got := globalTech(tt.text)
		if d := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); d != "" {
			t.Errorf("find(%q) (-want +got):\n%s", tt.text, d)
		}
	}
}

func BenchmarkCheckGrounded(b *testing.B) {
	answer := "Ada has worked at Acme Corp since 2019 [1]. Before that she was a Software Engineer at Globex " +
		"from 2015 to 2019, using Go, PostgreSQL and Kubernetes [2]. She studied Mathematics at the University of Cambridge [3]."
	facts := append([]string(nil), testFacts...)
	for i := range 12 {
		facts = append(facts, strings.Repeat("She led a project on distributed systems in 2018 with Go. ", 1+i%3))
	}
	for _, bc := range []struct {
		name  string
		vocab llm.Vocabulary
	}{
		{"finders", testVocab("Where has she worked?")},
		{"patterns-only", llm.Vocabulary{Asked: "Where has she worked?"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := llm.CheckGrounded(answer, facts, bc.vocab); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
