package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestOtherLanguagesAndTalkingToHer: a question in another language gets
// "English only" (not a technology guessed from a word, not "I'm not sure
// what you mean"); an English question with a foreign name in it does not;
// "can I talk to her" asks how to reach her, not for her talks.
func TestOtherLanguagesAndTalkingToHer(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Marta Nowak", Email: "marta@example.com"},
		Work:   []profile.Work{{Name: "Casa de Ideas", Position: "Engineer", StartDate: "2021-03"}},
		Skills: []profile.Skill{{Name: "Web", Keywords: []string{"Node.js"}}},
	}, profile.Privacy{}, today)
	for _, c := range []struct {
		q         string
		want, not []string
	}{
		{"¿dónde trabaja?", []string{"only answer questions in English"}, []string{"not sure"}},
		{"wo arbeitet sie?", []string{"only answer questions in English"}, nil},
		{"onde ela trabalha", []string{"only answer questions in English"}, []string{"Node.js"}},
		{"what did she do at casa de ideas", []string{"Engineer"}, []string{"English"}},
		{"can I talk to marta directly?", []string{"marta@example.com"}, []string{"talks", "publications"}},
		{"can i speak with her", []string{"marta@example.com"}, []string{"talks"}},
	} {
		checkText(t, c.q, ask(x, c.q)[0].Text, c.want, c.not)
	}
}

// TestEnglishWordsAreNoForeignQuestion: a short English ask whose one word
// is also a word of another language is not told to ask in English.
func TestEnglishWordsAreNoForeignQuestion(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics:    profile.Basics{Name: "Marta Nowak"},
		Interests: []profile.Interest{{Name: "Tai chi"}},
	}, profile.Privacy{}, today)
	for _, q := range []string{"tai chi?", "er, hobbies?", "hat?"} {
		checkText(t, q, ask(x, q)[0].Text, nil, []string{"only answer questions in English"})
	}
}

// TestDoveIsEnglish: "dove" is a bird before it is Italian's "where".
func TestDoveIsEnglish(t *testing.T) {
	x := converse.Compile(profile.Resume{Basics: profile.Basics{Name: "Marta Nowak"}}, profile.Privacy{}, today)
	checkText(t, "dove", ask(x, "dove?")[0].Text, nil, []string{"only answer questions in English"})
}
