package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestFirstLanguageIsNative: "first language" and "mother tongue" ask for
// the language given at a native level, not the whole list; with none
// given as native, the list comes after saying so.
func TestFirstLanguageIsNative(t *testing.T) {
	for _, c := range []struct {
		profile, q string
		want, not  []string
	}{
		{"gigworker", "whats her first language", []string{"Shona"}, []string{"English"}},
		{"gigworker", "mother tongue?", []string{"Shona"}, []string{"English"}},
		{"linguist", "first language?", []string{"Kazakh"}, []string{"Russian", "German"}},
		{"linguist", "what was the first language she learned", []string{"Kazakh"}, []string{"German"}},
		// "first" elsewhere in the question is no first language
		{"linguist", "what languages does she speak", []string{"Kazakh", "German"}, nil},
	} {
		checkText(t, c.q, ask(mustIndex(t, c.profile), c.q)[0].Text, c.want, c.not)
	}
	r := mustLoad(t, "linguist")
	for i := range r.Languages {
		r.Languages[i].Fluency = "Fluent"
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	checkText(t, "no native", ask(x, "whats her first language")[0].Text, []string{"doesn't give any language as native", "Kazakh", "German"}, nil)
}

// TestGigsAreJobs: "gigs" asks what "jobs" asks (the work history, the
// longest, the current one), while "gig workers" and an entry named with
// the word stay words of the text.
func TestGigsAreJobs(t *testing.T) {
	x := mustIndex(t, "gigworker")
	for q, c := range map[string]struct{ want, not []string }{
		"what gigs has she done":                  {[]string{"Deliveroo", "TaskRabbit", "Showsec", "Lidl"}, []string{"The profile mentions"}},
		"which gig did she do the longest":        {[]string{"Deliveroo", "3 years"}, []string{"doesn't say"}},
		"ok what gigs is she doing at the moment": {[]string{"Podcast and Video Editor"}, []string{"Lidl", "Deliveroo"}},
		"does her podcast interview gig workers":  {[]string{"gig workers"}, nil},
	} {
		checkText(t, q, ask(x, q)[0].Text, c.want, c.not)
	}
	got := ask(x, "what gigs has she done")[0]
	if got.Intent != "work_history" {
		t.Errorf("what gigs has she done: intent %s, want work_history", got.Intent)
	}
	// a venue named with the word keeps it as a name
	r := mustLoad(t, "gigworker")
	r.Work[1].Name = "The Gig Room"
	named := converse.Compile(r, profile.Privacy{}, today)
	checkText(t, "gig named", ask(named, "what did she do at the gig room")[0].Text, []string{"The Gig Room", "Stage Crew"}, nil)
}

// TestDeclinesToVouch: asked to recommend, vouch for or endorse the
// person itself, or for a quote of its own, the engine declines and points
// at the references; asked who recommends or vouches, it quotes them.
func TestDeclinesToVouch(t *testing.T) {
	for _, c := range []struct {
		profile, q string
		refused    bool
		want       []string
	}{
		{"gigworker", "would you recommend her", true, []string{"can't vouch", "references"}},
		{"gigworker", "give me a quote about tendai i can put on my website", true, []string{"can't vouch"}},
		{"autotech", "can you vouch for him", true, []string{"can't vouch"}},
		{"autotech", "recommend me a mechanic in toledo", true, []string{"can't vouch"}},
		{"autotech", "do you personally recommend dale", true, []string{"can't vouch"}},
		{"gigworker", "who can vouch for her", false, []string{"Gemma Hartley"}},
		{"gigworker", "does anyone recommend her", false, []string{"Gemma Hartley"}},
		{"autotech", "what do customers say about him", false, []string{"Linda Ortiz"}},
		{"gigworker", "give me a quote from her references", false, []string{"Gemma Hartley"}},
	} {
		got := ask(mustIndex(t, c.profile), c.q)[0]
		if got.Refused != c.refused {
			t.Errorf("%q: refused %v, want %v (%s)", c.q, got.Refused, c.refused, got.Text)
		}
		checkText(t, c.q, got.Text, c.want, nil)
	}
	// no references: the decline does not send the visitor to them
	r := mustLoad(t, "linguist")
	got := ask(converse.Compile(r, profile.Privacy{}, today), "would you recommend her")[0]
	if !got.Refused {
		t.Errorf("linguist, would you recommend her: not refused (%s)", got.Text)
	}
	checkText(t, "no references", got.Text, []string{"can't vouch"}, []string{"references"})
}

// TestHyphenatedToolWord: a hyphenated word of a keyword of several words
// ("Snap-on Zeus", "Hunter Road-Force") names the keyword typed joined or
// spaced; a keyword that is the hyphenated word alone ("Pro-Tools",
// "Auto-Tune") was found already and still is.
func TestHyphenatedToolWord(t *testing.T) {
	for _, c := range []struct{ profile, q, want string }{
		{"autotech", "does he know snapon", "Snap-on Zeus"},
		{"autotech", "snap on?", "Snap-on Zeus"},
		{"autotech", "roadforce?", "Hunter Road-Force"},
		{"gigworker", "protools?", "Pro-Tools"},
		{"gigworker", "can she use auto tune", "Auto-Tune"},
	} {
		checkText(t, c.q, ask(mustIndex(t, c.profile), c.q)[0].Text, []string{c.want}, []string{"doesn't"})
	}
	// spaced over everyday words, the part counts only with a technology cue
	r := mustLoad(t, "autotech")
	r.Skills[1].Keywords = append(r.Skills[1].Keywords, "Long-term fleet contracts")
	x := converse.Compile(r, profile.Privacy{}, today)
	checkText(t, "long term", ask(x, "is he looking for long term work")[0].Text, nil, []string{"Long-term fleet contracts"})
	checkText(t, "longterm", ask(x, "does he do longterm fleet contracts")[0].Text, []string{"Long-term fleet contracts"}, nil)
}

// TestJournalPaperIsNoTalk: a paper in a journal is counted as a paper
// though its title speaks of "talk" ("Almaty family talk"); a publication
// that says it was a talk still counts as one.
func TestJournalPaperIsNoTalk(t *testing.T) {
	x := mustIndex(t, "linguist")
	checkText(t, "how many papers", ask(x, "how many papers")[0].Text, []string{"5 publications"}, []string{"1 talk"})
	r := mustLoad(t, "linguist")
	r.Publications[0].Summary = "Keynote talk at the Turkic Linguistics Conference."
	r.Publications[0].Publisher = "Turkic Linguistics Conference"
	y := converse.Compile(r, profile.Privacy{}, today)
	checkText(t, "with a talk", ask(y, "how many papers")[0].Text, []string{"4 papers and 1 talk"}, nil)
}

// TestStationedAsksPlace: "where was he stationed" after his Army job
// gives its place; "stationed" names no "Gas Station Attendant" job.
func TestStationedAsksPlace(t *testing.T) {
	x := mustIndex(t, "autotech")
	got := ask(x, "was he in the military", "when", "where was he stationed")
	checkText(t, "stationed", got[2].Text, []string{"Fort Hood"}, []string{"Sunoco", "Maumee"})
	// the job is still found by its own words
	checkText(t, "gas station", ask(x, "when did he work at the gas station")[0].Text, []string{"Dave's Sunoco"}, nil)
}

// TestScoreOfStudyInFocus: a bare "what did she get" or "how did she do"
// after one study gives its listed score, or says it lists none.
func TestScoreOfStudyInFocus(t *testing.T) {
	x := mustIndex(t, "linguist")
	for _, c := range []struct {
		qs        []string
		want, not []string
	}{
		{[]string{"what was her masters in", "what did she get"}, []string{"Distinction"}, []string{"doesn't say anything"}},
		{[]string{"what was her masters in", "how did she do"}, []string{"Distinction"}, nil},
		{[]string{"where did she do her phd", "what did she get"}, []string{"doesn't list a grade", "PhD"}, []string{"Distinction"}},
		// no study in focus: no score is made up
		{[]string{"what projects has she worked on", "what did she get"}, nil, []string{"Distinction"}},
	} {
		got := ask(x, c.qs...)
		checkText(t, c.qs, got[len(got)-1].Text, c.want, c.not)
	}
}
