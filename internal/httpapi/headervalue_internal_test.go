package httpapi

import (
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestHeaderValueKeysAreCanonical: headerValue reads the map as net/http
// fills it, so a key not in canonical form ("X-Request-ID") would never
// find the header a client sent.
func TestHeaderValueKeysAreCanonical(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	call := regexp.MustCompile(`headerValue\([^,()]+, "([^"]*)"\)`)
	n := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllStringSubmatch(string(src), -1) {
			n++
			if k := m[1]; http.CanonicalHeaderKey(k) != k {
				t.Errorf("%s: headerValue(..., %q): the canonical key is %q", f, k, http.CanonicalHeaderKey(k))
			}
		}
	}
	if n < 5 {
		t.Errorf("found %d calls of headerValue with a literal key; the pattern no longer matches them", n)
	}
}

// TestHeaderValueIsGet: what a request sent reads the same as with Get.
func TestHeaderValueIsGet(t *testing.T) {
	h := http.Header{}
	h.Add("X-Request-ID", "a")
	h.Add("X-Request-ID", "b")
	h.Set("Accept", "")
	for _, k := range []string{"X-Request-Id", "Accept", "Origin"} {
		if got, want := headerValue(h, k), h.Get(k); got != want {
			t.Errorf("headerValue(%q) = %q, Get gives %q", k, got, want)
		}
	}
}
