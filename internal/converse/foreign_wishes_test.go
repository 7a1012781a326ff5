package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestForeignWishes: a summary in French, German, Spanish or Portuguese
// answers "is she looking for a job", "is she open to remote work" and
// "would she relocate" with its own sentence; one that says none of it
// still gets the plain "doesn't say".
func TestForeignWishes(t *testing.T) {
	mk := func(summary string) *converse.Index {
		return converse.Compile(profile.Resume{
			Basics: profile.Basics{Name: "Ana Roux", Summary: "Développeuse depuis 6 ans. " + summary},
			Work:   []profile.Work{{Name: "Mobiliz", Position: "Développeuse back-end", StartDate: "2019-09"}},
		}, profile.Privacy{}, today)
	}
	fr := mk("Je recherche un poste en CDI à Lyon ou en télétravail partiel.")
	de := mk("Ich suche eine Stelle in Hamburg oder remote.")
	es := mk("Busco un rol remoto en una empresa internacional; no me interesa mudarme.")
	pt := mk("Disponível para trabalho remoto.")
	none := mk("J'aime le vélo.")
	cases := []struct {
		name      string
		x         *converse.Index
		q         string
		want, not []string
	}{
		{"fr looking", fr, "is she looking for a job", []string{"Je recherche un poste"}, []string{"doesn't say"}},
		{"fr remote", fr, "is she open to remote work", []string{"télétravail"}, []string{"doesn't say"}},
		{"de looking", de, "is she looking for a job", []string{"Ich suche eine Stelle"}, []string{"doesn't say"}},
		{"de remote", de, "would she work remotely", []string{"oder remote"}, []string{"doesn't say"}},
		{"es remote", es, "does she want a remote job", []string{"rol remoto"}, []string{"doesn't say"}},
		{"es relocate", es, "is she open to relocation", []string{"no me interesa mudarme"}, []string{"doesn't mention"}},
		{"pt remote", pt, "is she open to remote work", []string{"trabalho remoto"}, []string{"doesn't say"}},
		{"nothing said", none, "is she looking for a job", []string{"doesn't say"}, []string{"vélo"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, c.x, []string{c.q}, c.want, c.not) })
	}
}
