package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestHeardTechnologyNames: names as a speech recogniser writes them — a
// letter spelt as the word it sounds like before "sharp" or "plus plus",
// and the heard forms the alias table keeps ("no js", "post grass", "my
// sequel") — are read as the technology, listed or not.
func TestHeardTechnologyNames(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Lea Brandt", Label: "Backend developer"},
		Work:   []profile.Work{{Name: "Kontor", Position: "Developer", StartDate: "2020-01", Summary: "Services in C# and C++ on PostgreSQL."}},
		Skills: []profile.Skill{{Name: "Backend", Keywords: []string{"C#", "C++", "PostgreSQL"}}},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"see sharp", []string{"does she know see sharp"}, []string{"Yes, C#"}, []string{"doesn't"}},
		{"sea plus plus", []string{"does she know sea plus plus"}, []string{"Yes, C++"}, []string{"doesn't"}},
		{"see sharp then a conjunction", []string{"does she know see sharp or dot net"}, []string{"C#", "doesn't mention .NET"}, nil},
		{"post grass", []string{"does she know post grass"}, []string{"Yes, PostgreSQL"}, []string{"doesn't"}},
		{"no js is node", []string{"does she know no js"}, []string{"doesn't mention Node.js"}, []string{"JavaScript"}},
		{"my sequel", []string{"does she know my sequel"}, []string{"doesn't mention MySQL"}, nil},
		{"see is still a verb", []string{"did she see sharp growth"}, nil, []string{"C#"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}
