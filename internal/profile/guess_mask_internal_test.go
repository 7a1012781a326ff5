package profile

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// guessRef is guess before it ruled forms out by their rune masks.
func (idx *TechIndex) guessRef(w string) (int, bool) {
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
	ks := idx.fuzzy[r[0]]
	from, _ := slices.BinarySearchFunc(ks, len(r)-limit, func(k fuzzKey, n int) int { return len(k.key) - n })
	best, bestDist, tie := -1, limit+1, false
	for _, k := range ks[from:] {
		if len(k.key) > len(r)+limit {
			break
		}
		d := editDistance(r, k.key, limit)
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

// TestGuessMasks: guess answers as guessRef for every fuzzy form of the
// embedded table with up to three random slips each.
func TestGuessMasks(t *testing.T) {
	idx := Technologies()
	r := rand.New(rand.NewPCG(9, 10))
	slip := func(w []rune) []rune {
		w = slices.Clone(w)
		if len(w) < 2 {
			return append(w, 'x')
		}
		i := r.IntN(len(w) - 1)
		switch r.IntN(4) {
		case 0:
			return slices.Delete(w, i, i+1)
		case 1:
			return slices.Insert(w, i, w[i])
		case 2:
			w[i] = []rune("aeioustrnlé")[r.IntN(11)]
		default:
			w[i], w[i+1] = w[i+1], w[i]
		}
		return w
	}
	n, found := 0, 0
	for _, ks := range idx.fuzzy {
		for _, k := range ks {
			w := k.key
			for range 4 {
				w = slip(w)
				if len(w) == 0 {
					break
				}
				n++
				gi, gok := idx.guess(string(w))
				wi, wok := idx.guessRef(string(w))
				if gi != wi || gok != wok {
					t.Fatalf("guess(%q) = %d %v, want %d %v", string(w), gi, gok, wi, wok)
				}
				if gok {
					found++
				}
			}
		}
	}
	t.Logf("%d words, %d guessed", n, found)
}
