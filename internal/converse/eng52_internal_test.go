package converse

import "testing"

// TestSameFamily: an interest answers a word of its family, whole words
// only ("go" is not "golf", "read" not "ready").
func TestSameFamily(t *testing.T) {
	for _, c := range []struct {
		text, w string
		want    bool
	}{
		{" sailing ", "sail", true},
		{" board games ", "game", true},
		{" photography ", "photograph", true},
		{" golf ", "go", false},
		{" ready steady ", "read", false},
	} {
		if got := sameFamily(c.text, c.w); got != c.want {
			t.Errorf("sameFamily(%q, %q) = %v, want %v", c.text, c.w, got, c.want)
		}
	}
}
