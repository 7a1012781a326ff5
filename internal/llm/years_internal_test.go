package llm

import (
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// yearReference is the regular expression scanYears replaces.
var yearReference = regexp.MustCompile(`\b(19\d{2}|20\d{2})(s)?\b`)

func referenceYears(s string) []string {
	return yearReference.FindAllString(s, -1)
}

func scannedYears(s string) []string {
	var out []string
	for _, m := range scanYears(s) {
		out = append(out, m.text)
	}
	return out
}

func FuzzScanYearsMatchesRegexp(f *testing.F) {
	for _, s := range []string{
		"2019", "in 2019.", "2010s and 1990s", "12019", "20190", "2019-03-01", "FY2019", "1899 2100 1900 2099",
		"2019s's", "x1999y", "1999_", "(2001)", "", "201", "20 19", "2019\n2020", "é2019", "2019é",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, got := referenceYears(s), scannedYears(s)
		if d := cmp.Diff(want, got, cmpopts.EquateEmpty()); d != "" {
			t.Errorf("scanYears(%q) (-regexp +scan):\n%s", s, d)
		}
	})
}
