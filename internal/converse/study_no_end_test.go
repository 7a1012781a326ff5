package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestStaleStudyNoEnd: a study with no end date that started longer ago
// than a program runs is not told as going on; a recent one is, and a
// doctorate is given longer than a bachelor's.
func TestStaleStudyNoEnd(t *testing.T) {
	person := func(edu ...profile.Education) *converse.Index {
		return converse.Compile(profile.Resume{
			Basics:    profile.Basics{Name: "Ana Ruiz", Label: "Web developer"},
			Work:      []profile.Work{{Name: "Acme", Position: "Front-end developer", StartDate: "2019-01"}},
			Education: edu,
		}, profile.Privacy{}, today)
	}
	oldBSc := profile.Education{Institution: "Universidad de Sevilla", Area: "Computer Science", StudyType: "BSc", StartDate: "2018-09"}
	newMSc := profile.Education{Institution: "UNED", Area: "Data Science", StudyType: "Master", StartDate: "2024-10"}
	phd := profile.Education{Institution: "KTH", Area: "Robotics", StudyType: "PhD", StartDate: "2018-09"}
	for _, c := range []struct {
		name      string
		x         *converse.Index
		q         string
		want, not []string
	}{
		{"old bachelor's", person(oldBSc), "what is she studying", []string{"2018", "no end date"}, []string{"is studying", "since September 2018"}},
		{"old bachelor's detail", person(oldBSc), "tell me about her bsc", []string{"started", "2018", "no end date"}, []string{"is studying"}},
		{"old bachelor's finish", person(oldBSc), "when did she finish her bsc", []string{"no end date"}, []string{"will be finished"}},
		{"old bachelor's now", person(oldBSc, newMSc), "is she still studying", []string{"Data Science", "UNED"}, []string{"Computer Science"}},
		{"recent master's", person(newMSc), "what is she studying", []string{"Data Science", "since October 2024"}, []string{"no end date"}},
		{"doctorate of seven years", person(phd), "tell me about her phd", []string{"is studying", "since September 2018"}, []string{"no end date"}},
	} {
		checkText(t, c.name, ask(c.x, c.q)[0].Text, c.want, c.not)
	}
}
