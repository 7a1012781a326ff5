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

// TestDropStarCounts: a platform named in a star count is blanked; other
// words before "stars" and a star that is no count stay.
func TestDropStarCounts(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"600 GitHub stars", "600        stars"},
		{"about 2,300 GitHub stars; built in Rust", "about 2,300        stars; built in Rust"},
		{"1.2k GitLab stars", "1.2k        stars"},
		{"Rated five stars", "Rated five stars"},
		{"GitHub Actions for CI", "GitHub Actions for CI"},
		{"300 starships", "300 starships"},
	} {
		if got := dropStarCounts(c.in); got != c.want {
			t.Errorf("dropStarCounts(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
