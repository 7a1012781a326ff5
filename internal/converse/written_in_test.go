package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestWrittenIn: "go" after a verb of writing code is the language, as
// after "know"; "write" alone asks no technology.
func TestWrittenIn(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Ida Brandt", Label: "Backend Engineer"},
		Work:   []profile.Work{{Name: "Harbor Pay", Position: "Backend Engineer", StartDate: "2016-01", Summary: "Builds payment services."}},
		Skills: []profile.Skill{{Name: "Backend", Keywords: []string{"Go", "Java"}}},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	for _, q := range []string{"does she write go", "has she written go", "does she program in go"} {
		checkText(t, q, ask(x, q)[0].Text, []string{"Yes", "Go"}, []string{"doesn't"})
	}
	checkText(t, "where did she go to work", ask(x, "where did she go to work")[0].Text, []string{"Harbor Pay"}, []string{"Go appears"})
}
