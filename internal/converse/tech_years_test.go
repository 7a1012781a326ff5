package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestYearsOfATechnology: "how many years of Go experience" counts the
// jobs that mention Go (overlaps once) and names its projects, not the
// whole career; "what about Python" asks the same of Python; a technology
// the profile lacks is said to be missing.
func TestYearsOfATechnology(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Ada Brook", Label: "Backend Engineer"},
		Work: []profile.Work{
			{Name: "Northwind", Position: "Principal Engineer", StartDate: "2021-03", EndDate: "2024-02", Highlights: []string{"Introduced Go and gRPC for routing"}},
			{Name: "Bluefin", Position: "Senior Engineer", StartDate: "2017-06", EndDate: "2021-02", Highlights: []string{"Built a fraud pipeline in Python"}},
			{Name: "Quarry", Position: "Engineer", StartDate: "2010-01", EndDate: "2017-05", Highlights: []string{"Reporting APIs in Java"}},
		},
		Projects: []profile.Project{{Name: "kubeprobe", StartDate: "2019", EndDate: "2020", Description: "A Go tool for probing clusters."}},
		Skills:   []profile.Skill{{Name: "Backend", Keywords: []string{"Go", "Python", "Java"}}},
	}, profile.Privacy{}, today)
	r := ask(x, "How many years of Go experience does she have?", "what about python", "how long has she used rust")
	checkText(t, "years of Go", r[0].Text, []string{"Go", "3 years", "Northwind", "kubeprobe"}, []string{"Bluefin", "14 years", "work experience"})
	checkText(t, "what about python", r[1].Text, []string{"Python", "4 years", "Bluefin"}, []string{"Northwind"})
	checkText(t, "rust", r[2].Text, []string{"doesn't mention Rust"}, nil)
	// asked without a unit: the same years, not a yes with places
	for _, q := range []string{"how much experience with Go?", "how much experience does she have with go"} {
		checkText(t, q, ask(x, q)[0].Text, []string{"3 years", "Northwind", "kubeprobe"}, []string{"Bluefin", "Yes, Go appears"})
	}
	checkText(t, "how experienced", ask(x, "how experienced is she with Python")[0].Text, []string{"4 years", "Bluefin"}, []string{"Northwind", "14 years"})
	checkText(t, "a migration's length", ask(x, "how long did the python rewrite take")[0].Text, nil, []string{"jobs that mention"})
}

// TestWhenStartedATechnology: "when did she start using Go" is the
// earliest dated job or project that mentions it, said as the profile's
// earliest, not a "Yes" with every place; a skill with no dated use says
// no date is given.
func TestWhenStartedATechnology(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Ada Brook"},
		Work: []profile.Work{
			{Name: "Northwind", Position: "Principal Engineer", StartDate: "2021-03", Highlights: []string{"Introduced Go and gRPC"}},
			{Name: "Bluefin", Position: "Senior Engineer", StartDate: "2017-06", EndDate: "2021-02", Highlights: []string{"Fraud pipeline in Python"}},
		},
		Projects: []profile.Project{{Name: "kubeprobe", StartDate: "2019", EndDate: "2020", Description: "A Go tool for probing clusters."}},
		Skills:   []profile.Skill{{Name: "Backend", Keywords: []string{"Go", "Python", "Rust"}}},
	}, profile.Privacy{}, today)
	for _, c := range []struct {
		q         string
		want, not []string
	}{
		{"when did she start using go?", []string{"kubeprobe", "2019"}, []string{"Yes", "Northwind"}},
		{"since when has she used python", []string{"Bluefin", "June 2017"}, []string{"Yes"}},
		{"when did she learn rust", []string{"doesn't say when"}, []string{"Yes"}},
		{"when did she start at bluefin", []string{"June 2017"}, []string{"earliest the profile ties"}},
	} {
		checkText(t, c.q, ask(x, c.q)[0].Text, c.want, c.not)
	}
}

// TestOpenSourceByItsLink: "is it open source" of a project linked to a
// public repository says what the link shows; without one, that the
// profile doesn't say.
func TestOpenSourceByItsLink(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Ada Brook"},
		Projects: []profile.Project{{Name: "pgqueue", Description: "A job queue on PostgreSQL.", URL: "https://github.com/ada/pgqueue"},
			{Name: "Ledger", Description: "An internal accounting tool."}},
	}, profile.Privacy{}, today)
	r := ask(x, "tell me about pgqueue", "is it open source?")
	checkText(t, "pgqueue", r[1].Text, []string{"https://github.com/ada/pgqueue"}, []string{"Yes"})
	r = ask(x, "tell me about ledger", "is it open source?")
	checkText(t, "ledger", r[1].Text, []string{"doesn't mention"}, []string{"github"})
}
