package converse

import "testing"

// TestImpliedRoleDeterministic: a question holding two role words reads
// the one said first, every time (the words were read from a map, in
// Go's random order).
func TestImpliedRoleDeterministic(t *testing.T) {
	for _, c := range []struct{ joined, want string }{
		{" is @p still coaching or still teaching ", "coach"},
		{" is @p still teaching or still coaching ", "teacher"},
		{" has @p taught or has @p coached ", "teacher"},
		{" did @p coach or did @p ever teach ", "coach"},
		{" is @p still nursing ", "nurse"},
	} {
		for range 50 {
			got := impliedRole(c.joined)
			if len(got) != 1 || got[0] != c.want {
				t.Fatalf("impliedRole(%q) = %v, want [%s]", c.joined, got, c.want)
			}
		}
	}
}
