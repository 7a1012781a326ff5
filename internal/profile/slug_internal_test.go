package profile

import (
	"regexp"
	"strings"
	"testing"
)

// slugReference is the rule validSlug implements by hand.
var slugReference = regexp.MustCompile(`^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$`)

func TestValidSlugMatchesTheRule(t *testing.T) {
	for _, s := range []string{
		"", "a", "-", "a-", "-a", "ada", "ada-lovelace", "ada--lovelace", "Ada", "ada_l", "ada l", "é",
		"0", "9-9", strings.Repeat("a", 63), strings.Repeat("a", 64), strings.Repeat("a", 65),
		"a" + strings.Repeat("-", 62) + "a", "a" + strings.Repeat("-", 63) + "a", "ada\n", "ada/..",
	} {
		if got, want := validSlug(s), slugReference.MatchString(s); got != want {
			t.Errorf("validSlug(%q) = %t, the rule says %t", s, got, want)
		}
	}
}

func FuzzValidSlug(f *testing.F) {
	f.Add("ada-lovelace")
	f.Add("-x")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := validSlug(s), slugReference.MatchString(s); got != want {
			t.Errorf("validSlug(%q) = %t, the rule says %t", s, got, want)
		}
	})
}
