package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestDurationRoundsHonestly: a span of years and months is never said as
// "about" the next whole year: 15 years and 8 months is "almost 16 years",
// 40 years and a few months still "about 40 years".
func TestDurationRoundsHonestly(t *testing.T) {
	for _, c := range []struct {
		profile, q string
		want, not  []string
	}{
		{"mariner", "how long was he a master", []string{"almost 16 years"}, []string{"about 16 years", "for about almost"}},
		{"mariner", "how much experience does he have", []string{"about 40 years of work experience"}, []string{"about about"}},
		{"changer", "how long was she a teacher", []string{"worked as a teacher for almost 9 years"}, []string{"about 9 years"}},
	} {
		checkText(t, c.q, ask(mustIndex(t, c.profile), c.q)[0].Text, c.want, c.not)
	}
}

// TestFaithAskedAlone: "religion?" typed alone is declined as "what
// religion is she" is, with the faith-specific reply, not the generic
// off-topic one; of a profile that uses the word it is no personal matter.
func TestFaithAskedAlone(t *testing.T) {
	for _, c := range []struct {
		profile, q string
	}{
		{"brewer", "religion?"},
		{"brewer", "and religion?"},
		{"brewer", "what religion is she?"},
		{"amara", "What religion is she?"},
		{"amara", "religion?"},
	} {
		r := ask(mustIndex(t, c.profile), c.q)[0]
		if !r.Refused {
			t.Errorf("%s: want a refusal, got %q", c.q, r.Text)
		}
		checkText(t, c.q, r.Text, []string{"religion or politics", "doesn't mention"}, []string{"Sorry, I can only answer"})
	}
	// a scholar of religion is asked about her field
	r := mustLoad(t, "brewer")
	r.Basics.Summary += " I also studied the history of religion in brewing monasteries."
	x := converse.Compile(r, profile.Privacy{}, today)
	checkText(t, "scholar", ask(x, "religion?")[0].Text, nil, []string{"religion or politics"})
}

// TestCaptainIsShipMaster: a ship's "Master" is its captain (and skipper),
// for "was he a captain" and "how long was he captain"; a "Master" degree,
// a "Scrum Master" or a "Master Electrician" is no captain.
func TestCaptainIsShipMaster(t *testing.T) {
	for _, c := range []struct {
		profile, q string
		want, not  []string
	}{
		{"mariner", "was he a captain", []string{"was a Master at Nordhavn Container Lines"}, []string{"doesn't describe"}},
		{"mariner", "was he ever a skipper", []string{"was a Master at Nordhavn Container Lines"}, []string{"doesn't describe"}},
		{"mariner", "how long was he captain", []string{"almost 16 years", "Master at Nordhavn Container Lines"}, []string{"Chief Officer"}},
		{"mariner", "is he a master mariner", []string{"Master Mariner"}, nil},
		{"mariner", "was he captain at nordhavn", []string{"Master at Nordhavn Container Lines"}, []string{"doesn"}},
	} {
		checkText(t, c.q, ask(mustIndex(t, c.profile), c.q)[0].Text, c.want, c.not)
	}
	for _, title := range []string{"Scrum Master", "Master Electrician", "Master of Ceremonies"} {
		r := mustLoad(t, "sample")
		r.Work[0].Position = title
		r.Basics.Label = ""
		x := converse.Compile(r, profile.Privacy{}, today)
		checkText(t, title, ask(x, "was he a captain")[0].Text, []string{"doesn't describe"}, []string{"Yes"})
	}
	r := mustLoad(t, "sample")
	r.Education[0].StudyType = "Master"
	x := converse.Compile(r, profile.Privacy{}, today)
	checkText(t, "degree", ask(x, "was he a captain")[0].Text, nil, []string{"Yes", "University of Oklahoma"})
}

// TestNothingBeforeOnlyJob: "what did he do before" (or "and before
// that?") after the one job of a profile says no job is listed before it,
// then the studies and volunteering from before it began.
func TestNothingBeforeOnlyJob(t *testing.T) {
	for _, qs := range [][]string{
		{"what is his current job", "what did he do before"},
		{"what was his most recent role", "and before that?"},
		{"what does he do", "what was he doing before"},
	} {
		got := ask(mustIndex(t, "sample"), qs...)
		checkText(t, qs, got[len(got)-1].Text,
			[]string{"doesn't list any job before Pied Piper", "University of Oklahoma (2011–2014)", "volunteering as Teacher at CoderDojo (2012–2013)"},
			[]string{"doesn't say anything about that"})
	}
	// studies begun after the job started are not before it
	r := mustLoad(t, "sample")
	r.Education[0].StartDate, r.Education[0].EndDate = "2014-06-01", "2016-01-01"
	x := converse.Compile(r, profile.Privacy{}, today)
	got := ask(x, "what is his current job", "what did he do before")
	checkText(t, "later study", got[1].Text, []string{"CoderDojo"}, []string{"Oklahoma"})
}

// TestBecameRankMonth: "when did he become captain" gives the month the
// first title of that rank began, not only the years of the job.
func TestBecameRankMonth(t *testing.T) {
	for _, c := range []struct {
		profile, q string
		want, not  []string
	}{
		{"mariner", "when did he become captain", []string{"became a Master at Nordhavn Container Lines in April 1997"}, []string{"Yes"}},
		{"mariner", "when did he become a master", []string{"in April 1997"}, []string{"Yes"}},
	} {
		checkText(t, c.q, ask(mustIndex(t, c.profile), c.q)[0].Text, c.want, c.not)
	}
}
