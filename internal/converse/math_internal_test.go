package converse

import "testing"

// TestLooksLikeMath pins the arithmetic test, whose digit pre-check skips
// the operator scan for questions without a number.
func TestLooksLikeMath(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"2+2", true},
		{"what is 12 * 7", true},
		{"what is 5 x 3", true},
		{"10 / 2?", true},
		{"Where does Dana work now?", false},
		{"Does she know Kubernets?", false},
		{"what about x+y", false},
		{"worked there from 2016 to 2019", false},
		{"3 x", false},
		{"", false},
	} {
		if got := looksLikeMath(c.in); got != c.want {
			t.Errorf("looksLikeMath(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}
