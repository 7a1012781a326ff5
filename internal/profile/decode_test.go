package profile_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/profile"
)

func fieldsOf(err error) []apperr.FieldError { return apperr.FieldsOf(err) }

func TestDecodeSample(t *testing.T) {
	doc := mustDecode(t, sample(t))
	r := doc.Resume
	if r.Basics.Name != "Richard Hendriks" || r.Basics.Location.City != "San Francisco" {
		t.Errorf("basics = %+v", r.Basics)
	}
	if len(r.Work) != 1 || r.Work[0].Name != "Pied Piper" || r.Work[0].StartDate != "2013-12-01" {
		t.Errorf("work = %+v", r.Work)
	}
	if got := r.Skills[0].Keywords; !cmp.Equal(got, []string{"HTML", "CSS", "Javascript"}) {
		t.Errorf("skills[0].keywords = %q", got)
	}
	if len(r.Basics.Profiles) != 2 || r.Projects[0].URL != "missdirection.example.com" {
		t.Errorf("profiles/projects not decoded: %+v %+v", r.Basics.Profiles, r.Projects)
	}
	if r.Meta.Version != "v1.0.0" {
		t.Errorf("meta = %+v", r.Meta)
	}
	// Raw is the same document: same values, compact, keys sorted.
	var want, got any
	if err := json.Unmarshal(sample(t), &want); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(doc.Raw, &got); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Raw differs from the source (-source +raw):\n%s", diff)
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, doc.Raw); err != nil || !bytes.Equal(compact.Bytes(), doc.Raw) {
		t.Errorf("Raw is not compact JSON (err %v)", err)
	}
	if len(doc.Hash) != 64 || strings.Trim(doc.Hash, "0123456789abcdef") != "" {
		t.Errorf("Hash = %q, want 64 hex digits", doc.Hash)
	}
}

func TestDecodeCanonicalHash(t *testing.T) {
	a := `{"basics": {"name": "Ada", "email": "ada@example.com"}, "work": [{"name": "A", "startDate": "2019"}]}`
	b := "{\n\t\"work\":[ {\"startDate\":\"2019\",\"name\":\"A\"} ],\n\t\"basics\":{\"email\":\"ada@example.com\",\"name\":\"Ada\"}\n}\n"
	c := `{"basics":{"name":"Ada","email":"ada@example.com"},"work":[{"name":"B","startDate":"2019"}]}`
	da, db, dc := mustDecode(t, []byte(a)), mustDecode(t, []byte(b)), mustDecode(t, []byte(c))
	if da.Hash != db.Hash || !bytes.Equal(da.Raw, db.Raw) {
		t.Errorf("reordered document: hash %s vs %s, raw %s vs %s", da.Hash, db.Hash, da.Raw, db.Raw)
	}
	if da.Hash == dc.Hash {
		t.Error("different documents share a hash")
	}
	wantRaw := `{"basics":{"email":"ada@example.com","name":"Ada"},"work":[{"name":"A","startDate":"2019"}]}`
	if string(da.Raw) != wantRaw {
		t.Errorf("Raw = %s, want %s", da.Raw, wantRaw)
	}
	// A leading byte order mark is encoding, not content.
	bom := mustDecode(t, append([]byte{0xEF, 0xBB, 0xBF}, a...))
	if bom.Hash != da.Hash {
		t.Error("a byte order mark changed the hash")
	}
}

func TestDecodeKeepsUnknownFieldsAndValues(t *testing.T) {
	in := `{"basics":{"name":"  Ada  ","x-pronouns":"she/her","location":{"city":"London","geo":{"lat":51.5074,"lon":-0.1278}}},` +
		`"work":[{"name":"A","tags":["x",1e3,true,null],"startDate":"2019"}],` +
		`"meta":{"theme":"even","big":123456789012345678901234567890},"skills":[],"x-bench":7}`
	doc := mustDecode(t, []byte(in))
	for _, want := range []string{`"x-pronouns":"she/her"`, `"geo":{"lat":51.5074,"lon":-0.1278}`,
		`"tags":["x",1e3,true,null]`, `"theme":"even"`, `"big":123456789012345678901234567890`,
		`"name":"  Ada  "`, `"skills":[]`, `"x-bench":7`} {
		if !bytes.Contains(doc.Raw, []byte(want)) {
			t.Errorf("Raw lost %s: %s", want, doc.Raw)
		}
	}
	if doc.Resume.Basics.Name != "  Ada  " {
		t.Errorf("name = %q, want it kept as given", doc.Resume.Basics.Name)
	}
	again := mustDecode(t, doc.Raw)
	if again.Hash != doc.Hash || !bytes.Equal(again.Raw, doc.Raw) {
		t.Error("Decode(Raw) is not a fixed point")
	}
}

func TestDecodeErrorCodes(t *testing.T) {
	big := `{"basics":{"name":"A","summary":"` + strings.Repeat("x", profile.MaxDocumentBytes) + `"}}`
	tests := []struct {
		name, in string
		code     apperr.Code
		msg      string // substring of the message
	}{
		{"empty", "", apperr.Malformed, "line 1, column 1"},
		{"truncated", `{"basics": {"name": "A"`, apperr.Malformed, "unexpected end of JSON input"},
		{"trailing comma", "{\n  \"basics\": {\"name\": \"A\"},\n}", apperr.Malformed, "line 3, column 1"},
		{"bad token", "{\"basics\":\n  {\"name\": nope}}", apperr.Malformed, "line 2, column 13"},
		{"two documents", `{"basics":{"name":"A"}} {}`, apperr.Malformed, "after top-level value"},
		{"invalid utf-8", "{\"basics\":{\"name\":\"Ad\xff\"}}", apperr.Malformed, "invalid UTF-8 at line 1, column 22"},
		{"invalid utf-8 second line", "{\n\"basics\":{\"name\":\"\xc3\"}}", apperr.Malformed, "line 2, column 19"},
		{"too large", big, apperr.TooLarge, "limit is 1048576 bytes"},
		{"not an object", `"hello"`, apperr.Invalid, "must be a JSON object, not a string"},
		{"null", `null`, apperr.Invalid, "must be a JSON object, not null"},
		// encoding/json would store U+FFFD for each of these.
		{"unpaired high surrogate", `{"basics":{"name":"Ad\ud800a"}}`, apperr.Malformed, "surrogate escape at line 1, column 22"},
		{"high surrogate at the end of a string", `{"basics":{"name":"Ad\uDBFF"}}`, apperr.Malformed, "surrogate"},
		{"low surrogate alone", "{\n\"basics\":{\"name\":\"\\udc00\"}}", apperr.Malformed, "surrogate escape at line 2, column 19"},
		{"two high surrogates", `{"basics":{"name":"\ud83d\ud83d"}}`, apperr.Malformed, "surrogate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := profile.Decode([]byte(tt.in))
			if err == nil {
				t.Fatalf("Decode succeeded: %s", doc.Raw)
			}
			if got := apperr.CodeOf(err); got != tt.code {
				t.Errorf("code = %s, want %s (%v)", got, tt.code, err)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("message %q does not contain %q", err.Error(), tt.msg)
			}
		})
	}
}

func TestDecodeCollectsAndCapsProblems(t *testing.T) {
	var items []string
	for range 80 {
		items = append(items, `{"startDate":"soon"}`)
	}
	_, err := profile.Decode([]byte(`{"basics":{"name":"A"},"work":[` + strings.Join(items, ",") + `]}`))
	fields := fieldsOf(err)
	if len(fields) != profile.MaxProblems {
		t.Fatalf("got %d fields, want %d", len(fields), profile.MaxProblems)
	}
	if fields[49].Path != "work[49].startDate" {
		t.Errorf("last field = %v", fields[49])
	}
	if !strings.Contains(err.Error(), "80 problems (first 50 listed)") {
		t.Errorf("summary = %q", err.Error())
	}
}
