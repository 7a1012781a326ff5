package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestBareTopic: a personal matter typed alone as the whole question is
// answered as the longer question about the person is ("the profile
// doesn't mention her age"), not with "I'm not sure what you mean", a
// search for the word, or a technology read from the turn before.
func TestBareTopic(t *testing.T) {
	for _, c := range []struct {
		profile string
		qs      []string // the last is checked
		want    []string
		not     []string
	}{
		{"brewer", []string{"age?"}, []string{"doesn't mention", "age"}, nil},
		{"brewer", []string{"salary?"}, []string{"doesn't mention", "salary"}, []string{"not sure"}},
		{"brewer", []string{"married?"}, []string{"doesn't mention", "family status"}, nil},
		{"brewer", []string{"visa status?"}, []string{"doesn't mention", "visa"}, nil},
		{"brewer", []string{"what about her team", "and salary expectations?"}, []string{"doesn't mention", "salary"}, []string{"brewers"}},
		{"returner", []string{"age?"}, []string{"doesn't mention", "age"}, []string{"aged 7 to 10"}},
		{"cartographer", []string{"which projects used maplibre", "kids?"}, []string{"doesn't mention", "family status"}, []string{"not sure"}},
		// a profile that speaks of the owner's own children is quoted
		{"returner", []string{"whats the tableau project", "kids?"}, []string{"two children"}, []string{"doesn't mention"}},
		{"returner", []string{"does she have kids"}, []string{"two children"}, []string{"doesn't mention"}},
		// children she works with are no family of hers
		{"midwife", []string{"does she have kids"}, []string{"doesn't mention", "family status"}, nil},
	} {
		got := ask(mustIndex(t, c.profile), c.qs...)
		checkText(t, c.qs, got[len(got)-1].Text, c.want, c.not)
	}
	// faith is declined as "what religion is she" is; a word with a step
	// of its own ("remote?") is no personal matter
	x := mustIndex(t, "brewer")
	if r := ask(x, "religion?")[0]; !r.Refused {
		t.Errorf("religion?: want a refusal, got %q", r.Text)
	}
	checkText(t, "remote?", ask(x, "remote?")[0].Text, []string{"Gdańsk"}, []string{"doesn't mention Małgorzata's"})
}

// TestSinceAlone: "since?" typed alone after a job is "since when?": the
// start of the thing in context, not "I'm not sure what you mean".
func TestSinceAlone(t *testing.T) {
	for _, c := range []struct {
		profile string
		qs      []string
		want    []string
	}{
		{"atco", []string{"what does he do now", "since?"}, []string{"April 2021"}},
		{"midwife", []string{"where's she work", "since?"}, []string{"October 2023"}},
		{"brewer", []string{"where does she work", "and since?"}, []string{"March 2019"}},
	} {
		got := ask(mustIndex(t, c.profile), c.qs...)
		checkText(t, c.qs, got[len(got)-1].Text, c.want, []string{"not sure what you mean"})
	}
}

// TestNegatedOpening: a yes/no question opened with a negated auxiliary
// is answered as the positive question is; a negation closing a
// statement is still a claim put for confirmation.
func TestNegatedOpening(t *testing.T) {
	for _, c := range []struct {
		profile  string
		neg, pos string
		want     []string
	}{
		{"atco", "isn't he still an air traffic controller?", "is he still an air traffic controller?", []string{"Not currently", "Pryce Joinery"}},
		{"cartographer", "doesn't she know python", "does she know python", []string{"Python"}},
		{"cartographer", "does she not know rust", "does she know rust", []string{"Rust"}},
		{"cartographer", "hasn't she worked with postgis?", "has she worked with postgis?", []string{"Cascade Geospatial"}},
		{"cartographer", "didnt she study in madison?", "did she study in madison?", []string{"University of Wisconsin–Madison"}},
		{"brewer", "wait, isn't she at browar zuraw anymore?", "is she at browar zuraw still?", []string{"Browar Żuraw"}},
	} {
		x := mustIndex(t, c.profile)
		neg, pos := ask(x, c.neg)[0], ask(x, c.pos)[0]
		checkText(t, c.neg, neg.Text, c.want, []string{"doesn't mention"})
		if neg.Text != pos.Text {
			t.Errorf("%q: got %q, want the reply to %q: %q", c.neg, neg.Text, c.pos, pos.Text)
		}
	}
	// "don't know" is no question about someone
	x := mustIndex(t, "cartographer")
	checkText(t, "i don't know, what does she do", ask(x, "i don't know, what does she do")[0].Text, []string{"Cartographer"}, nil)
}

// TestNameForms: the possessive of the name typed without an apostrophe
// and a nickname the summary gives ("Friends call me Gosia") ask about the
// person.
func TestNameForms(t *testing.T) {
	for _, c := range []struct {
		profile string
		q       string
		want    []string
		not     []string
	}{
		{"returner", "whats siobhans work history", []string{"doesn't list any work experience", "retail banking"}, nil},
		{"brewer", "who's gosia", []string{"Małgorzata Wąsik", "Head Brewer"}, []string{"Friends call me"}},
		{"brewer", "where does gosia work", []string{"Browar Żuraw"}, nil},
		{"brewer", "what is gosias job", []string{"Head Brewer"}, nil},
	} {
		checkText(t, c.q, ask(mustIndex(t, c.profile), c.q)[0].Text, c.want, c.not)
	}
	// no nickname is made of a word after "call me" in lower case
	r := mustLoad(t, "brewer")
	r.Basics.Summary = "Call me anytime about brewhouse work."
	x := converse.Compile(r, profile.Privacy{}, today)
	checkText(t, "who is anytime", ask(x, "who is anytime")[0].Text, nil, []string{"Head Brewer · Piwowar based"})
}

// TestSupervisorReference: a referee named as the person's PhD supervisor
// ("Prof. Helen Carter, PhD supervisor") answers "who supervised her phd",
// also as a follow-up on the PhD; "who has she supervised" still asks the
// other way.
func TestSupervisorReference(t *testing.T) {
	x := mustIndex(t, "midwife")
	for _, qs := range [][]string{
		{"who was her phd supervisor"},
		{"who supervised her phd"},
		{"whats her phd on", "who supervised it"},
	} {
		got := ask(x, qs...)
		checkText(t, qs, got[len(got)-1].Text, []string{"Helen Carter"}, []string{"Supervises 2 PhD students"})
	}
	checkText(t, "who has she supervised", ask(x, "who has she supervised")[0].Text, []string{"Supervises 2 PhD students"}, []string{"Helen Carter"})
}

// TestWhatHasSheDone: "what has she done", also with a time window after
// a turn about something else, asks for her work, not "the profile doesn't
// say anything about that" or the previous turn's certificates.
func TestWhatHasSheDone(t *testing.T) {
	x := mustIndex(t, "peopleops")
	got := ask(x, "isn't she cipd qualified?", "what has she done in the last 3 years")
	checkText(t, "what has she done in the last 3 years", got[1].Text, []string{"Head of People at Brightwell Health"}, []string{"certificates"})
	checkText(t, "what has she done", ask(x, "what has she done")[0].Text, []string{"Brightwell Health", "Hays"}, []string{"doesn't say"})
}
