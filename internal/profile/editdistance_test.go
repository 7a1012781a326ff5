package profile

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// osa is the textbook optimal-string-alignment distance, full matrix,
// no limit: the reference editDistance must agree with under its limit.
func osa(a, b []rune) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

func TestEditDistanceMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	word := func(n int) []rune {
		w := make([]rune, n)
		for i := range w {
			w[i] = rune('a' + r.IntN(4)) // a small alphabet makes near misses common
		}
		return w
	}
	for range 20000 {
		// Lengths past the stack rows (32 runes) take the heap path.
		a, b := word(r.IntN(40)), word(r.IntN(40))
		if r.IntN(2) == 0 && len(a) > 1 { // a near copy: the interesting distances
			b = append([]rune(nil), a...)
			i := r.IntN(len(b) - 1)
			b[i], b[i+1] = b[i+1], b[i]
		}
		limit := r.IntN(4)
		got, want := editDistance(a, b, limit), min(osa(a, b), limit+1)
		if got != want {
			t.Fatalf("editDistance(%q, %q, %d) = %d, want %d", string(a), string(b), limit, got, want)
		}
	}
}

func TestEditDistanceShortWordsDoNotAllocate(t *testing.T) {
	a, b := []rune("kubernets"), []rune("kubernetes")
	if n := testing.AllocsPerRun(100, func() { editDistance(a, b, 2) }); n != 0 {
		t.Fatalf("editDistance of two short words allocates %v times", n)
	}
}

// FuzzEditDistance checks the banded editDistance against the full-matrix
// reference for any pair of words and limit.
func FuzzEditDistance(f *testing.F) {
	f.Add("kubernets", "kubernetes", 2)
	f.Add("postgress", "postgresql", 2)
	f.Add("ab", "ba", 1)
	f.Add("", "abc", 3)
	f.Fuzz(func(t *testing.T, x, y string, limit int) {
		a, b := []rune(x), []rune(y)
		if len(a) > 64 || len(b) > 64 || limit < 0 || limit > 8 {
			t.Skip()
		}
		if got, want := editDistance(a, b, limit), min(osa(a, b), limit+1); got != want {
			t.Fatalf("editDistance(%q, %q, %d) = %d, want %d", x, y, limit, got, want)
		}
	})
}

// guessAll is guess before its forms were kept in length order: every
// form of the first letter, near or not.
func guessAll(idx *TechIndex, w string) (int, bool) {
	r := []rune(w)
	limit := 0
	switch {
	case len(r) >= 9:
		limit = 2
	case len(r) >= 5:
		limit = 1
	}
	if limit == 0 || idx.stop[w] {
		return 0, false
	}
	best, bestDist, tie := -1, limit+1, false
	for _, k := range idx.fuzzy[r[0]] {
		d := min(osa(r, k.key), limit+1)
		switch {
		case d < bestDist:
			best, bestDist, tie = k.entry, d, false
		case d == bestDist && k.entry != best:
			tie = true
		}
	}
	if best < 0 || tie {
		return 0, false
	}
	return best, true
}

// TestGuessSkipsOnlyFarForms misspells every fuzzy form of the embedded
// table (a letter dropped, doubled, changed or swapped) and checks guess,
// which reads only forms of a near length, against a scan of all of them.
func TestGuessSkipsOnlyFarForms(t *testing.T) {
	idx := Technologies()
	r := rand.New(rand.NewPCG(3, 4))
	n := 0
	for _, ks := range idx.fuzzy {
		for _, k := range ks {
			for range 4 {
				w := slices.Clone(k.key)
				i := 1 + r.IntN(len(w)-1)
				switch r.IntN(4) {
				case 0:
					w = slices.Delete(w, i, i+1)
				case 1:
					w = slices.Insert(w, i, w[i])
				case 2:
					w[i] = rune('a' + r.IntN(26))
				default:
					if i+1 < len(w) {
						w[i], w[i+1] = w[i+1], w[i]
					}
				}
				got, gotOK := idx.guess(string(w))
				want, wantOK := guessAll(idx, string(w))
				if got != want || gotOK != wantOK {
					t.Fatalf("guess(%q) = %d, %v; scanning every form gives %d, %v", string(w), got, gotOK, want, wantOK)
				}
				n++
			}
		}
	}
	if n < 100 {
		t.Fatalf("only %d misspellings tried", n)
	}
}
