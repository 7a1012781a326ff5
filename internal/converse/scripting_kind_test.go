package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestScriptingLanguages: "scripting languages" are a family of
// technologies, not the spoken languages.
func TestScriptingLanguages(t *testing.T) {
	r := profile.Resume{
		Basics:    profile.Basics{Name: "Dan Holt", Label: "Mainframe developer"},
		Work:      []profile.Work{{Name: "Bank", Position: "Systems Programmer", StartDate: "1997-04"}},
		Skills:    []profile.Skill{{Name: "Mainframe", Keywords: []string{"COBOL", "JCL", "REXX", "Bash"}}},
		Languages: []profile.Language{{Language: "English", Fluency: "Native speaker"}},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"any scripting languages", []string{"does he know any scripting languages?"}, []string{"REXX", "Bash"}, []string{"English", "COBOL"}},
		{"scripting alone", []string{"scripting?"}, []string{"REXX"}, []string{"English"}},
		{"spoken languages stay", []string{"what languages does he speak?"}, []string{"English"}, []string{"REXX"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}
