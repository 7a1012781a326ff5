package converse

import (
	"strings"
	"testing"
)

// TestRoleFamiliesSharedStem: two keys with one stem ("lead", "leader")
// give one family holding both keys' words, whatever order the spec map
// is ranged in; keeping the last one made replies differ between
// processes.
func TestRoleFamiliesSharedStem(t *testing.T) {
	fam := roleFamilies[stem("leadership")]
	for _, w := range strings.Fields("lead leads led leader manager head director chief ceo cto president founder") {
		if !fam[stem(w)] {
			t.Errorf("the family of %q lacks %q", "leadership", w)
		}
	}
}
