package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestEmployerAfterRole: "and at the company overall?" after how long a
// role has lasted asks for the time at that employer across its roles.
func TestEmployerAfterRole(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Ana Lima", Label: "People analyst"},
		Work: []profile.Work{
			{Name: "Caju", Position: "People Analyst", StartDate: "2022-08", Highlights: []string{"Built an attrition model"}},
			{Name: "Caju", Position: "Junior Analyst", StartDate: "2021-10", EndDate: "2022-08"},
			{Name: "Varejo", Position: "HR Partner", StartDate: "2016-01", EndDate: "2021-02"},
		},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	role := []string{"where does she work now", "how long has she been in that role"}
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"overall", append(role, "and at the company overall?"), []string{"since October 2021", "2 roles"}, []string{"has held"}},
		{"altogether", append(role, "and with the employer altogether"), []string{"since October 2021"}, []string{"has held"}},
		{"the role stays the subject", append(role, "and at the company overall?", "what did she build there"), []string{"attrition model"}, nil},
		{"the role itself still", role, []string{"since August 2022"}, []string{"October 2021"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}
