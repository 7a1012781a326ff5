package converse_test

import (
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/converse"
)

// Places and families of technologies are answered from what the profile
// says, never from the gazetteer or the alias table alone.
func TestPlacesAndTechnologyFamilies(t *testing.T) {
	x := mustIndex(t, "kenji")
	tests := []answerCase{
		{"did he work in japan", []string{"Rakuten", "CyberAgent"}, []string{"Wooga", "Code for Japan"}},
		{"has he worked in Osaka", []string{"doesn't list a job in Osaka", "Berlin"}, []string{"Yes"}},
		{"did he study in tokyo", []string{"Tokyo Institute of Technology"}, []string{"Rakuten"}},
		{"is he based in germany", []string{"Yes", "Berlin, Germany"}, nil},
		{"is he from japan", []string{"doesn't say where Kenji is from", "Berlin"}, []string{"Yes,"}},
		{"has he worked abroad", []string{"Japan", "Rakuten"}, []string{"N26"}},
		{"would he relocate to london", []string{"doesn't mention"}, []string{"London"}},
		{"which databases has he used", []string{"doesn't mention any databases"}, nil},
		{"does he do ci/cd", []string{"GitHub Actions", "Fastlane"}, []string{"doesn't"}},
		{"what mobile frameworks does he know", []string{"SwiftUI", "Jetpack Compose"}, []string{"phone"}},
		{"which jobs used swift", []string{"Wooga", "Rakuten"}, []string{"swift-perf-kit"}},
		{"what is his salary", []string{"doesn't mention Kenji's salary"}, []string{"Staff Mobile Engineer"}},
		{"how big is his team", []string{"eight engineers"}, nil},
	}
	check(t, x, tests)
}

// Answers built from free text: the summary, highlights, references,
// skill levels and interests of the shared sample.
func TestFreeTextAnswers(t *testing.T) {
	check(t, mustIndex(t, "sample"), []answerCase{
		{"where is richard from originally", []string{"hails from Tulsa"}, nil},
		{"is he an expert in compression", []string{"Master"}, []string{"doesn't describe"}},
		{"what is middle-out compression", []string{"middle-out compression algorithm"}, []string{"2 entries"}},
		{"is he a consultant", []string{"Main St"}, nil},
		{"is he into music", []string{"music", "SoundCloud"}, nil},
		{"what did he win at techcrunch", []string{"Digital Compression Pioneer Award", "Techcrunch Disrupt"}, nil},
		{"what's a weissman score", []string{"Weisman"}, []string{"Sorry"}},
		{"how old was he when he founded pied piper", []string{"doesn't mention"}, []string{"2013"}},
		{"what video formats does he know", []string{"MP4"}, []string{"Video compression for 3d media"}},
	})
}

type answerCase struct {
	question string
	want     []string // every one in the reply
	not      []string // none of these in the reply
}

func check(t *testing.T, x *converse.Index, tests []answerCase) {
	t.Helper()
	for _, tt := range tests {
		got := ask(x, tt.question)[0]
		for _, w := range tt.want {
			if !containsFold(got.Text, w) {
				t.Errorf("%q: reply %q lacks %q", tt.question, got.Text, w)
			}
		}
		for _, n := range tt.not {
			if strings.Contains(got.Text, n) {
				t.Errorf("%q: reply %q has %q", tt.question, got.Text, n)
			}
		}
		if len(got.Citations) == 0 && !strings.Contains(got.Text, "doesn't mention") {
			t.Errorf("%q: no citation", tt.question)
		}
	}
}
