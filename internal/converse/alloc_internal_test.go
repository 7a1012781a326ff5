package converse

import (
	"strconv"
	"testing"
)

// TestAtoiAgreesWithStrconv: atoi reads exactly what strconv.Atoi reads,
// signs and overflow included, so the windows and years it finds stay.
func TestAtoiAgreesWithStrconv(t *testing.T) {
	for _, s := range []string{"", "0", "7", "2019", "+5", "-3", "+", "-", "12a", "a12", "c++", "c#",
		"99999999999999999999", "１２", "1.5", "node.js", "2010s"} {
		want, err := strconv.Atoi(s)
		got, ok := atoi(s)
		if ok != (err == nil) || ok && got != want {
			t.Errorf("atoi(%q) = %d, %v; strconv.Atoi = %d, %v", s, got, ok, want, err)
		}
	}
}

// TestAtoiWordsDoNotAllocate: strconv.Atoi allocates its error for every
// word a question is scanned with; atoi does not.
func TestAtoiWordsDoNotAllocate(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { atoi("kubernetes") }); n != 0 {
		t.Errorf("atoi of a word: %v allocations, want 0", n)
	}
}
