package dbcopy

import (
	"encoding/json"
	"testing"
)

func TestNormJSON(t *testing.T) {
	cases := []struct {
		a, b string
		same bool
	}{
		{`{"b":1,"a":[1,2]}`, `{"a": [1, 2], "b": 1}`, true},
		{`{"w":1.50}`, `{"w":1.5}`, true},
		{`{"w":100}`, `{"w":1e2}`, true},
		{`{"w":0.0}`, `{"w":-0}`, true},
		{`{"w":1.5}`, `{"w":1.6}`, false},
		{`{"w":"1.5"}`, `{"w":1.5}`, false},
		{`{"a":1,"a":2}`, `{"a":2}`, true}, // jsonb keeps the last duplicate key
		{`[1,2]`, `[2,1]`, false},
		{`{"s":"<&>"}`, `{"s":"\u003c&\u003e"}`, true},
		{`12345678901234567890123`, `1.2345678901234567890123e22`, true},
		{`{}`, `[]`, false},
	}
	for _, c := range cases {
		if got := normJSON(c.a) == normJSON(c.b); got != c.same {
			t.Errorf("normJSON(%s) == normJSON(%s): %v, want %v (%q, %q)", c.a, c.b, got, c.same, normJSON(c.a), normJSON(c.b))
		}
	}
}

// FuzzNormJSON checks that normalising never panics, that valid JSON stays
// valid JSON, and that normalising is idempotent.
func FuzzNormJSON(f *testing.F) {
	for _, s := range []string{`{"a":1.50,"b":[true,null,"x"]}`, `1e400`, `-0.000e-5`, `"\u0000"`, `{`, `[1e9999999999999999999]`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := normJSON(s)
		if !json.Valid([]byte(s)) {
			return
		}
		if !json.Valid([]byte(n)) {
			t.Fatalf("normJSON(%q) = %q, not JSON", s, n)
		}
		if again := normJSON(n); again != n {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, n, again)
		}
	})
}
