package httpapi_test

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parleyhq/parley/internal/auth"
	"github.com/parleyhq/parley/internal/httpapi"
)

// legacyDoc is a résumé written for the schema before v1.0.0, with the
// dates tools write.
const legacyDoc = `{"basics": {"name": "Dana", "website": "https://dana.example", "email": "dana@example.com"},
 "work": [{"company": "Hooli", "position": "Senior Engineer", "startDate": "2019-03-01T00:00:00.000Z", "endDate": "Present"}]}`

func TestPutProfileLegacyWarnings(t *testing.T) {
	f := newServer(t)
	_, writer, err := f.auth.CreateAPIKey(context.Background(), "ci", auth.NewScopes(auth.ScopeProfilesWrite), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	hdr := map[string]string{"Authorization": "Bearer " + writer, "Content-Type": "application/json"}
	type warning struct{ Path, Message string }
	put := func(t *testing.T, path, body string, status int) []byte {
		t.Helper()
		resp, b := do(t, "PUT", f.URL+path, body, hdr)
		if resp.StatusCode != status {
			t.Fatalf("PUT %s: status %d, want %d: %.400s", path, resp.StatusCode, status, b)
		}
		return b
	}

	// Strict: refused, one problem per change, nothing written.
	var p httpapi.Problem
	if err := json.Unmarshal(put(t, "/v1/profiles/dana?strict=true", legacyDoc, 422), &p); err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, e := range p.Errors {
		paths = append(paths, e.Path)
	}
	if want := []string{"basics.website", "work[0].company", "work[0].startDate", "work[0].endDate"}; !cmp.Equal(paths, want) {
		t.Errorf("strict problems at %q, want %q", paths, want)
	}
	if resp, _ := do(t, "GET", f.URL+"/v1/profiles/dana", "", nil); resp.StatusCode != 404 {
		t.Errorf("strict refusal wrote the profile (GET %d)", resp.StatusCode)
	}
	put(t, "/v1/profiles/dana?strict=maybe", legacyDoc, 400)

	// Lenient (the default): created, each change a warning.
	var created struct {
		Version  int
		Warnings []warning
	}
	if err := json.Unmarshal(put(t, "/v1/profiles/dana", legacyDoc, 201), &created); err != nil {
		t.Fatal(err)
	}
	want := []warning{
		{"basics.website", "read as url (JSON Resume v1.0.0 name)"},
		{"work[0].company", "read as name (JSON Resume v1.0.0 name)"},
		{"work[0].startDate", `"2019-03-01T00:00:00.000Z" read as "2019-03-01" (the date of a date-time, as written)`},
		{"work[0].endDate", `"Present" read as no end date (still going on: JSON Resume v1.0.0 leaves endDate out)`},
	}
	if diff := cmp.Diff(want, created.Warnings); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
	// The public profile is the v1.0.0 document.
	_, body := do(t, "GET", f.URL+"/v1/profiles/dana", "", nil)
	for _, s := range []string{`"name":"Hooli"`, `"url":"https://dana.example"`, `"startDate":"2019-03-01"`} {
		if !strings.Contains(string(body), s) {
			t.Errorf("public profile lacks %s: %s", s, body)
		}
	}
	for _, s := range []string{"company", "website", "Present", "T00:00"} {
		if strings.Contains(string(body), s) {
			t.Errorf("public profile shows %s: %s", s, body)
		}
	}
	// A v1.0.0 document has an empty (not absent) warnings array; it is the
	// same document as the legacy one read, so nothing changes.
	v1 := `{"basics": {"name": "Dana", "url": "https://dana.example", "email": "dana@example.com"},
 "work": [{"name": "Hooli", "position": "Senior Engineer", "startDate": "2019-03-01"}]}`
	b := put(t, "/v1/profiles/dana", v1, 200)
	if !strings.Contains(string(b), `"warnings":[]`) || !strings.Contains(string(b), `"changed":false`) {
		t.Errorf("v1.0.0 document: %s", b)
	}
	sample, err := os.ReadFile("../profile/testdata/sample.resume.json")
	if err != nil {
		t.Fatal(err)
	}
	put(t, "/v1/profiles/dana?strict=true", string(sample), 200)
}
