package converse

import (
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/profile"
)

func spokenProfile() *Index {
	p := profile.Resume{
		Basics: profile.Basics{Name: "Inês Okafor", Label: "Site Reliability Engineer"},
		Work: []profile.Work{
			{Name: "Brightloop", Position: "Engineer", StartDate: "2019"},
			{Name: "Rakuten", Position: "iOS Engineer", StartDate: "2014", EndDate: "2017"},
			{Name: "Deloitte", Position: "Auditor", StartDate: "2010", EndDate: "2014"},
		},
		Education: []profile.Education{{Institution: "Tokyo Institute of Technology", StudyType: "PhD", Area: "Physics", StartDate: "2005", EndDate: "2009"}},
		Skills:    []profile.Skill{{Name: "Tools", Keywords: []string{"SwiftUI", "Snowflake", "LightGBM", "PyTorch", "Lines of code"}}},
	}
	return Compile(p, profile.Privacy{}, time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC))
}

// TestSpokenForm: what a recogniser writes is read as what was said; a
// typed question, and a word spelt right, pass unchanged.
func TestSpokenForm(t *testing.T) {
	x := spokenProfile()
	for _, c := range []struct{ name, in, want string }{
		{"a year in two halves", "where did she work in twenty nineteen", "where did she work in 2019"},
		{"a year with thousand and", "what did she do in two thousand and eight", "what did she do in 2008"},
		{"a number of one word stays a word", "was she ever at a big four firm", "was she ever at a big four firm"},
		{"fillers", "um so like where does she uh work", "where does she work"},
		{"you know as a filler", "has she won any awards you know", "has she won any awards"},
		{"do you know stays", "do you know where she works", "do you know where she works"},
		{"a lone okay stays", "okay thanks", "okay thanks"},
		{"an acronym letter by letter", "where did she do her p h d", "where did she do her phd"},
		{"a leading article stays", "is she a c p a", "is she a cpa"},
		{"chat letters stay words", "r u a bot", "r u a bot"},
		{"a whole run the engine knows", "does she know a w s", "does she know aws"},
		{"a name of the profile heard as two words", "what did she do at bright loop", "what did she do at brightloop"},
		{"a keyword heard as two words", "does she know snow flake", "does she know snowflake"},
		{"letters then a join", "what about light g b m", "what about lightgbm"},
		{"a technology of the alias table", "does she know java script", "does she know javascript"},
		{"a first syllable heard as a word", "has she used pie torch", "has she used pytorch"},
		{"a misspelt technology heard as two", "does she know post gress", "does she know postgress"},
		{"a two-word technology stays two words", "does she do ux research", "does she do ux research"},
		{"two English words that name nothing of the profile stay", "does she write type script", "does she write type script"},
		{"no wait keeps the last year", "what did she do in twenty eighteen no wait twenty thirteen", "what did she do in 2013"},
		{"no sorry keeps the last word", "does she know java no sorry go", "does she know go"},
		{"i mean from the repeated preposition", "did she use spark at monzo um actually i mean at zalando", "did she use spark at zalando"},
		{"a new question after the marker", "where did she work sorry where did she study", "where did she study"},
		{"actually inside a question corrects nothing", "what does she actually do", "what does she actually do"},
		{"right after did she is write", "did she right anything", "did she write anything"},
		{"right after is she stays", "is she right for the job", "is she right for the job"},
		{"no after does she is know", "what languages does she no", "what languages does she know"},
		{"which won is which one", "which won was first", "which one was first"},
		{"wear opening a question is where", "wear did she volunteer", "where did she volunteer"},
		{"a homophone by the profile's own pair", "is she a sight reliability engineer", "is she a site reliability engineer"},
		{"a homophone the profile does not pair stays", "what sight did she visit", "what sight did she visit"},
		{"a first name one letter off", "what does inez do", "what does ines do"},
		{"an employer one letter off", "did she work at rakuton", "did she work at rakuten"},
		{"an employer cut short", "how long was she at deloit", "how long was she at deloitte"},
		{"a word spelt right is never mended", "does she know lines of code", "does she know lines of code"},
		{"punctuation after a rewritten word stays", "Did she work in twenty nineteen?", "Did she work in 2019?"},
		{"a typed question is returned as it is", "Where did Inês work in 2019?", "Where did Inês work in 2019?"},
	} {
		if got := x.spokenForm(c.in); got != c.want {
			t.Errorf("%s: spokenForm(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
}

// TestSpokenFormAllocatesNothing: a typed question with no spoken shape
// costs a scan, not a copy.
func TestSpokenFormAllocatesNothing(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts are not kept under -race")
	}
	x := spokenProfile()
	for _, q := range []string{"Where did Inês work in 2019?", "Does she know Kubernets?", "What about SwiftUI?", "which one was first"} {
		if n := testing.AllocsPerRun(50, func() { _ = x.spokenForm(q) }); n != 0 {
			t.Errorf("spokenForm(%q) allocates %.0f times", q, n)
		}
	}
}
