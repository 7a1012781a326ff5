package converse_test

import (
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestTwoAbsentTechnologies: two technologies the profile lacks are each
// said to be missing, with the ones it has listed once; a follow-up's
// adverb ("more recently") is never taken for a technology.
func TestTwoAbsentTechnologies(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Kai Lund", Label: "Mobile Engineer"},
		Work:   []profile.Work{{Name: "Bank Nine", Position: "Mobile Engineer", StartDate: "2019-01", Summary: "Builds the iOS app in Swift."}},
		Skills: []profile.Skill{{Name: "Mobile", Keywords: []string{"Swift", "Kotlin"}}},
	}, profile.Privacy{}, today)
	r := ask(x, "does he have experience with aws or gcp", "which one did he use more recently")
	checkText(t, "aws or gcp", r[0].Text, []string{"AWS", "Google Cloud", "Swift"}, nil)
	if n := strings.Count(r[0].Text, "Technologies it does mention"); n != 1 {
		t.Errorf("the technologies it mentions are listed %d times, want once: %s", n, r[0].Text)
	}
	checkText(t, "more recently", r[1].Text, nil, []string{"Recently"})
}
