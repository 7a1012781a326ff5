package english_test

import (
	"os"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/english"
)

// TestEveryListedWordIsFound: the bisection finds each line of the list,
// first and last included, and nothing between two lines.
func TestEveryListedWordIsFound(t *testing.T) {
	data, err := os.ReadFile("words.txt")
	if err != nil {
		t.Fatal(err)
	}
	ws := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	for i, w := range ws {
		if !english.Word(w) {
			t.Errorf("Word(%q) = false, want true", w)
		}
		if i > 0 && ws[i-1] >= w {
			t.Fatalf("words.txt not sorted at %q, %q", ws[i-1], w)
		}
		if between := w + "qq"; (i+1 == len(ws) || between < ws[i+1]) && english.Word(between) {
			t.Errorf("Word(%q) = true for a word not listed", between)
		}
	}
}

func TestWord(t *testing.T) {
	for _, c := range []struct {
		w    string
		want bool
	}{
		{"coming", true}, {"competing", true}, {"greeting", true}, {"living", true}, {"looking", true},
		{"education", true}, {"experience", true},
		// typos stay typos, and rare words that are mostly typos are left out
		{"experiance", false}, {"educaton", false}, {"eduction", false}, {"certifcates", false},
		{"skils", false}, {"kubernets", false}, {"postgress", false},
		{"programing", false}, {"goodby", false}, {"employe", false}, {"internes", false},
		{"", false}, {"a", false}, {"zzzzz", false}, {"aaaa", false}, {"Coming", false},
	} {
		if got := english.Word(c.w); got != c.want {
			t.Errorf("Word(%q) = %v, want %v", c.w, got, c.want)
		}
	}
}

// TestWordDoesNotAllocate: it is asked for every mend of every turn.
func TestWordDoesNotAllocate(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { english.Word("competing") }); n != 0 {
		t.Errorf("Word: %v allocations, want 0", n)
	}
}
