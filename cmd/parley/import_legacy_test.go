package main

import (
	"strings"
	"testing"
)

// TestImportLegacy: a pre-1.0 résumé imports with a warning per change on
// stderr and is stored as its v1.0.0 form; --strict refuses it.
func TestImportLegacy(t *testing.T) {
	env := map[string]string{"PARLEY_DATA_DIR": t.TempDir()}
	legacy := `{"basics": {"name": "Dana", "picture": "d.png"},
	  "work": [{"company": "Hooli", "position": "Senior Engineer", "startDate": "2019-03", "endDate": ""}]}`

	_, stderr, err := cli(t, env, legacy, "import", "--strict", "--slug", "dana", "-")
	if err == nil {
		t.Fatal("--strict imported a pre-1.0 document")
	}
	for _, want := range []string{"-: basics.picture: read as image", "-: work[0].company: read as name", "-: work[0].endDate: empty"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("--strict stderr lacks %q:\n%s", want, stderr)
		}
	}

	out, stderr, err := cli(t, env, legacy, "import", "--slug", "dana", "-")
	if err != nil || !strings.Contains(out, "version 1") {
		t.Fatalf("import: %v, %q, %q", err, out, stderr)
	}
	want := "-: warning: basics.picture: read as image (JSON Resume v1.0.0 name)\n" +
		"-: warning: work[0].company: read as name (JSON Resume v1.0.0 name)\n" +
		"-: warning: work[0].endDate: empty, read as not given (JSON Resume v1.0.0 leaves the field out)\n"
	if stderr != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr, want)
	}

	// What was stored is the v1.0.0 document: importing that changes nothing.
	v1 := `{"basics": {"name": "Dana", "image": "d.png"},
	  "work": [{"name": "Hooli", "position": "Senior Engineer", "startDate": "2019-03"}]}`
	out, stderr, err = cli(t, env, v1, "import", "--strict", "--slug", "dana", "-")
	if err != nil || !strings.Contains(out, "unchanged") || stderr != "" {
		t.Errorf("v1.0.0 re-import: %v, %q, %q", err, out, stderr)
	}
}

// TestImportSectionsAndNumbers: a section under another name, an unknown
// section and a phone written as a number import with a warning each;
// --strict refuses them.
func TestImportSectionsAndNumbers(t *testing.T) {
	env := map[string]string{"PARLEY_DATA_DIR": t.TempDir()}
	doc := `{"basics": {"name": "Dana", "phone": 5551234},
	  "certifications": [{"name": "CKA", "issuer": "CNCF"}], "courses": ["Go"]}`

	_, stderr, err := cli(t, env, doc, "import", "--strict", "--slug", "dana", "-")
	if err == nil {
		t.Fatal("--strict imported a document with unknown sections")
	}
	for _, want := range []string{"-: basics.phone: the number 5551234", "-: certifications: read as certificates", "-: courses: not a JSON Resume"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("--strict stderr lacks %q:\n%s", want, stderr)
		}
	}

	out, stderr, err := cli(t, env, doc, "import", "--slug", "dana", "-")
	if err != nil || !strings.Contains(out, "version 1") {
		t.Fatalf("import: %v, %q, %q", err, out, stderr)
	}
	want := "-: warning: basics.phone: the number 5551234 read as the string \"5551234\" (JSON Resume v1.0.0 wants a string)\n" +
		"-: warning: certifications: read as certificates (the JSON Resume v1.0.0 section)\n" +
		"-: warning: courses: not a JSON Resume v1.0.0 section; ignored, not stored (put extra data in meta, or under a key starting with \"x-\")\n"
	if stderr != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr, want)
	}

	// What was stored is the v1.0.0 document: importing that changes nothing.
	v1 := `{"basics": {"name": "Dana", "phone": "5551234"}, "certificates": [{"name": "CKA", "issuer": "CNCF"}]}`
	out, stderr, err = cli(t, env, v1, "import", "--strict", "--slug", "dana", "-")
	if err != nil || !strings.Contains(out, "unchanged") || stderr != "" {
		t.Errorf("v1.0.0 re-import: %v, %q, %q", err, out, stderr)
	}
}
