package profile

import (
	"math/rand/v2"
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
