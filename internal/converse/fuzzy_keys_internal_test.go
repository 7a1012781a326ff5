package converse

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/parleyhq/parley/internal/profile"
)

// closestFuzzyAll is closestFuzzy over every vocabulary word, near in
// length or not: the scan the length order lets it skip.
func closestFuzzyAll(t *techTable, w string) (best string, bestD int) {
	for v := range t.fuzzy {
		if !fuzzyEq(w, v) {
			continue
		}
		d := 1
		if within(w, v, 0) {
			d = 0
		} else if !within(w, v, 1) {
			d = 2
		}
		if best == "" || d < bestD || (d == bestD && v < best) {
			best, bestD = v, d
		}
	}
	return best, bestD
}

// TestClosestFuzzyReadsOnlyNearLengths misspells keywords of a profile
// (letters dropped, doubled, changed, swapped; one to three edits) and
// checks closestFuzzy against the scan of every vocabulary word.
func TestClosestFuzzyReadsOnlyNearLengths(t *testing.T) {
	kws := []string{"Kubernetes", "Terraform", "Pandas", "Pandoc", "Postgres", "Elasticsearch", "Prometheus",
		"Grafana", "Ansible", "Jenkins", "Snowflake", "Tableau", "Airflow", "Redshift", "Kafka", "Svelte", "Webpack"}
	tt := newTechTable(profile.Resume{Skills: []profile.Skill{{Name: "Tools", Keywords: kws}}})
	if len(tt.fuzzyKeys) != len(tt.fuzzy) || len(tt.fuzzy) < 10 {
		t.Fatalf("fuzzyKeys has %d words, fuzzy %d", len(tt.fuzzyKeys), len(tt.fuzzy))
	}
	r := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		w := []byte(tt.fuzzyKeys[r.IntN(len(tt.fuzzyKeys))])
		for range 1 + r.IntN(3) {
			i := r.IntN(len(w))
			switch r.IntN(4) {
			case 0:
				if len(w) > 1 {
					w = slices.Delete(w, i, i+1)
				}
			case 1:
				w = slices.Insert(w, i, w[i])
			case 2:
				w[i] = byte('a' + r.IntN(26))
			default:
				if i+1 < len(w) {
					w[i], w[i+1] = w[i+1], w[i]
				}
			}
		}
		got, gotD := tt.closestFuzzy(string(w))
		want, wantD := closestFuzzyAll(tt, string(w))
		if got != want || gotD != wantD {
			t.Fatalf("closestFuzzy(%q) = %q, %d; every word gives %q, %d", w, got, gotD, want, wantD)
		}
	}
}
