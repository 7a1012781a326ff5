package cachebench

import (
	"math"
	"math/rand/v2"
	"sort"
)

// Zipf draws ranks 0..n-1 with P(k) proportional to 1/(k+1)^s. The standard
// library's rand.Zipf needs s > 1; popularity skews around s = 0.99 are
// drawn here by inverting the cumulative distribution.
type Zipf struct {
	cdf []float64
}

// NewZipf returns a sampler over n ranks with exponent s.
func NewZipf(n int, s float64) *Zipf {
	cdf := make([]float64, n)
	sum := 0.0
	for k := range n {
		sum += 1 / math.Pow(float64(k+1), s)
		cdf[k] = sum
	}
	for k := range cdf {
		cdf[k] /= sum
	}
	return &Zipf{cdf: cdf}
}

// Draw returns a rank using r.
func (z *Zipf) Draw(r *rand.Rand) int {
	u := r.Float64()
	return min(sort.SearchFloat64s(z.cdf, u), len(z.cdf)-1)
}
