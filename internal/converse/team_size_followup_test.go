package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestTeamSizeAfterAJob: "how big was the team" right after a reply about
// a job is about that job: a number when a sentence gives one (at another
// job, said where), else a plain "doesn't say", never the off-topic
// refusal; asked with nothing before it, or of something else, it is
// still declined.
func TestTeamSizeAfterAJob(t *testing.T) {
	work := []profile.Work{
		{Name: "Quanta Freight", Position: "Engineering Manager", StartDate: "2020-01", Summary: "Led a team of 9 engineers on routing."},
		{Name: "Bluefin Labs", Position: "Software Engineer", StartDate: "2016-01", EndDate: "2019-12", Summary: "Built the billing service."},
	}
	withNumber := converse.Compile(profile.Resume{Basics: profile.Basics{Name: "Nell Ortiz", Label: "Engineering Manager"}, Work: work}, profile.Privacy{}, today)
	work[0].Summary = "Leads the routing team."
	without := converse.Compile(profile.Resume{Basics: profile.Basics{Name: "Nell Ortiz", Label: "Engineering Manager"}, Work: work}, profile.Privacy{}, today)
	cases := []struct {
		name      string
		x         *converse.Index
		questions []string
		want, not []string
		refused   bool
	}{
		{"a number given", withNumber, []string{"tell me about her job at quanta freight", "how big was the team?"}, []string{"9 engineers"}, nil, false},
		{"a number at another job", withNumber, []string{"what did she do at bluefin labs", "how big was the team?"}, []string{"9 engineers", "at Quanta Freight"}, nil, false},
		{"no number given", without, []string{"what did she do at bluefin labs", "how big was the team?"}, []string{"doesn't say how big", "Bluefin Labs"}, nil, false},
		{"nothing before", without, []string{"how big was the team?"}, nil, nil, true},
		{"another team", without, []string{"what did she do at bluefin labs", "what is the team size of the lakers?"}, nil, nil, true},
	}
	for _, c := range cases {
		rs := ask(c.x, c.questions...)
		r := rs[len(rs)-1]
		checkText(t, c.questions, r.Text, c.want, c.not)
		if r.Refused != c.refused {
			t.Errorf("%s: refused %v, want %v: %s", c.name, r.Refused, c.refused, r.Text)
		}
	}
}
