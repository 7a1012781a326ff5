package converse_test

import "testing"

// TestSpokenTurnsGenerality: the rules h-eng40 added for questions as a
// recogniser writes them hold typed too, on profiles of other shapes: the
// last reply of each thread is checked.
func TestSpokenTurnsGenerality(t *testing.T) {
	for _, c := range []struct {
		name, profile string
		qs            []string
		want, not     []string
	}{
		{"money raised at an employer named by one word is that employer's", "cfo",
			[]string{"how much did she raise at fernway"}, []string{"$60M"}, []string{"$25M"}},
		{"a team size at an employer named by one word is that employer's", "tomas",
			[]string{"how many engineers did he grow carewell to"}, []string{"85 people"}, []string{"140"}},
		{"did she go to a school keeps the schools among the entries named", "cfo",
			[]string{"did she go to ut austin"}, []string{"University of Texas at Austin"}, []string{"40 Under 40"}},
		{"a year asked with what happened in it quotes the sentence dated then", "chef",
			[]string{"what did she do in the floods in 2024"}, []string{"World Central Kitchen"}, []string{"Brasa Ferrer"}},
		{"what a year was spent on quotes the summary's sentence naming it", "ines",
			[]string{"what was she doing in 2016"}, []string{"Altice Portugal", "South America"}, nil},
		{"did she write anything asks for publications", "amara",
			[]string{"did she write anything"}, []string{"Boring pipelines are a feature"}, nil},
		{"a year off asks about gaps, not the section before", "amara",
			[]string{"is she certified in kubernetes", "did she take a year off in 2021"}, []string{"sabbatical"}, []string{"certificates in 2021"}},
		{"spoken: a self-correction keeps the last year", "kenji",
			[]string{"what did he do in twenty eighteen no wait twenty thirteen"}, []string{"CyberAgent"}, []string{"Wooga"}},
		{"spoken: a misheard first name is the person", "ines",
			[]string{"what does inez do"}, []string{"Site Reliability Engineer"}, []string{"Sorry"}},
		{"spoken: a two-word name of the profile is joined", "tomas",
			[]string{"when did he join pay loop"}, []string{"June 2013"}, []string{"IBM"}},
		{"spoken: view js is Vue.js", "sample",
			[]string{"does he know view js"}, []string{"doesn't mention Vue.js"}, []string{"Yes"}},
	} {
		r := ask(mustIndex(t, c.profile), c.qs...)
		checkText(t, c.name, r[len(r)-1].Text, c.want, c.not)
	}
}
