package apperr_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parleyhq/parley/internal/apperr"
)

func TestQuote(t *testing.T) {
	for _, tt := range []struct {
		name, in, want string
	}{
		{"short", "abc", `"abc"`},
		{"empty", "", `""`},
		{"64 bytes kept whole", strings.Repeat("a", 64), `"` + strings.Repeat("a", 64) + `"`},
		{"cut after 64 bytes", strings.Repeat("a", 10000), `"` + strings.Repeat("a", 64) + `"… (10000 bytes)`},
		// "é" is two bytes: the 64th byte would split one, so the cut is before it.
		{"cut at a character boundary", strings.Repeat("a", 63) + strings.Repeat("é", 10), `"` + strings.Repeat("a", 63) + `"… (83 bytes)`},
		{"control characters escaped", "a\nb\x00", `"a\nb\x00"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := apperr.Quote(tt.in)
			if got != tt.want {
				t.Errorf("Quote(%d bytes) = %s, want %s", len(tt.in), got, tt.want)
			}
			if !utf8.ValidString(got) {
				t.Errorf("Quote(%d bytes) is not valid UTF-8: %q", len(tt.in), got)
			}
		})
	}
}
