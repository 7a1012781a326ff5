package profile_test

import (
	"os"
	"testing"

	"github.com/parleyhq/parley/internal/profile"
)

// sample returns the JSON Resume project's sample résumé.
func sample(tb testing.TB) []byte {
	tb.Helper()
	data, err := os.ReadFile("testdata/sample.resume.json")
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// mustDecode decodes data or fails the test.
func mustDecode(tb testing.TB, data []byte) *profile.Document {
	tb.Helper()
	doc, err := profile.Decode(data)
	if err != nil {
		tb.Fatalf("Decode: %v (fields %v)", err, fieldsOf(err))
	}
	return doc
}
