package cachebench

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestZipfFrequencies draws with a fixed seed and compares the observed
// share of the first ranks with 1/(k+1)^s / H(n, s).
func TestZipfFrequencies(t *testing.T) {
	const n, s, draws = 1000, 0.99, 200000
	z := NewZipf(n, s)
	r := rand.New(rand.NewPCG(1, 2))
	counts := make([]int, n)
	for range draws {
		counts[z.Draw(r)]++
	}
	h := 0.0
	for k := range n {
		h += 1 / math.Pow(float64(k+1), s)
	}
	for _, k := range []int{0, 1, 9, 99} {
		want := 1 / math.Pow(float64(k+1), s) / h
		got := float64(counts[k]) / draws
		// Five standard deviations of a binomial share.
		if tol := 5 * math.Sqrt(want*(1-want)/draws); math.Abs(got-want) > tol {
			t.Errorf("rank %d: share %.5f, want %.5f ± %.5f", k, got, want, tol)
		}
	}
}
