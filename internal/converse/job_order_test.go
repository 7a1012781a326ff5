package converse_test

import (
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// jobsProfile is the sample profile with its work section replaced by the
// given jobs (employer, start, end; "" end is open-ended).
func jobsProfile(t *testing.T, jobs ...[3]string) *converse.Index {
	t.Helper()
	r := mustLoad(t, "sample")
	r.Basics.Label = ""
	r.Work = nil
	for _, j := range jobs {
		r.Work = append(r.Work, profile.Work{Name: j[0], Position: "Engineer", StartDate: j[1], EndDate: j[2]})
	}
	return converse.Compile(r, profile.Privacy{}, today)
}

// TestWorkHistoryOrder: a list of jobs gives the open-ended ones first,
// then the ended ones by when they ended, most recent first, whatever
// order they started in; "most recent job" is the latest held, never the
// longest or the latest started.
func TestWorkHistoryOrder(t *testing.T) {
	// Ashford ran longest and ended last; Birch started later inside it
	// and ended first; Cobalt is open-ended but started before both.
	x := jobsProfile(t,
		[3]string{"Birch Labs", "2019-01-01", "2019-09-01"},
		[3]string{"Ashford Group", "2012-01-01", "2022-06-01"},
		[3]string{"Cobalt Trust", "2010-05-01", ""},
		[3]string{"Dune Works", "2005-01-01", "2009-12-01"},
	)
	order := []string{"Cobalt Trust", "Ashford Group", "Birch Labs", "Dune Works"}
	for _, q := range []string{"where has he worked", "list his jobs", "what jobs has he had"} {
		text := ask(x, q)[0].Text
		last := -1
		for _, name := range order {
			at := strings.Index(text, name)
			if at < 0 || at < last {
				t.Errorf("%q: want the order %v, got %q", q, order, text)
				break
			}
			last = at
		}
	}
	for _, c := range []struct {
		q         string
		want, not []string
	}{
		{"what is his most recent job", []string{"Cobalt Trust"}, []string{"Birch Labs", "Ashford"}},
		{"what was his latest job", []string{"Cobalt Trust"}, []string{"Birch Labs", "Ashford"}},
	} {
		checkText(t, c.q, ask(x, c.q)[0].Text, c.want, c.not)
	}
	// no open-ended job: the one that ended last, not the one started last
	// nor the longest
	y := jobsProfile(t,
		[3]string{"Birch Labs", "2019-01-01", "2019-09-01"},
		[3]string{"Ashford Group", "2012-01-01", "2022-06-01"},
		[3]string{"Elm Studio", "2020-03-01", "2021-02-01"},
	)
	for _, q := range []string{"what was his most recent job", "what was his last job", "his latest role?"} {
		checkText(t, q, ask(y, q)[0].Text, []string{"Ashford Group"}, []string{"Birch Labs", "Elm Studio"})
	}
	text := ask(y, "where has he worked")[0].Text
	if a, e, b := strings.Index(text, "Ashford"), strings.Index(text, "Elm Studio"), strings.Index(text, "Birch"); !(a >= 0 && a < e && e < b) {
		t.Errorf("want Ashford, Elm, Birch in that order, got %q", text)
	}
}
