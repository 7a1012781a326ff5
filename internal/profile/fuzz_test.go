package profile_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/profile"
)

// More seeds live in testdata/fuzz/FuzzDecode (the sample résumé among them).
func FuzzDecode(f *testing.F) {
	f.Add(sample(f))
	for _, s := range []string{
		`{"basics":{"name":"A"}}`,
		`{"basics":{"name":"A","name":"B"}}`,
		`{"basics":{"name":"A","url":"example.com","email":"a@b.co"},"work":[{"startDate":"2019-02-29"}]}`,
		`{"basics":{"name":"A\u2028\ud800"},"meta":{"n":1e999,"x":[[[[]]]]}}`,
		"\xef\xbb\xbf{\"basics\":{\"name\":\"A\"}}",
		`[]`, `{`, `{"a":1,}`, "{\"basics\":{\"name\":\"\xff\"}}",
		// Pre-1.0 names and the date forms Decode reads as v1.0.0.
		`{"basics":{"name":"A","picture":"a.png","website":"a.example"},"work":[{"company":"H","website":"h.example","startDate":"2019-02-01T00:00:00.000Z","endDate":"Present"}]}`,
		`{"basics":{"name":"A"},"work":[{"company":"Old","name":"New","endDate":""}],"education":[{"gpa":"4","startDate":"","endDate":null}]}`,
		`{"basics":{"name":"A","profiles":[{"website":7}]},"languages":[{"name":"Fr","level":null}],"meta":{"url":"x.example"}}`,
		`{"basics":{"name":"A"},"work":[{"company":null,"name":null,"startDate":"present","endDate":"2019-13-45T00:00:00Z"}]}`,
		// Sections under other names, unknown sections, numbers for text.
		`{"basics":{"name":"A","phone":5551234,"summary":""},"bio":"B","certifications":[{"name":"C","date":2019}],"hobbies":[{"name":"H"}],"skill":[]}`,
		`{"basics":{"name":"A"},"awards":null,"achievements":[{"title":"T"}],"honors":[{"x":1}],"interests":[],"hobbies":[{"name":1e999}]}`,
		`{"basics":{"name":"A"},"education":[{"gpa":3.8,"score":4,"courses":[101,true]}],"bio":{"firstName":"A"},"Work":[]}`,
		// Builder exports: a job twice, a bulleted list in one highlight.
		`{"basics":{"name":"A"},"work":[{"name":"H","endDate":"Present","highlights":["• a\n• b\n-c"]},{"name":"H","endDate":"current"},{}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := profile.Decode(data)
		if err != nil {
			switch apperr.CodeOf(err) {
			case apperr.Malformed, apperr.TooLarge:
			case apperr.Invalid:
				if n := len(apperr.FieldsOf(err)); n == 0 || n > profile.MaxProblems {
					t.Fatalf("invalid with %d fields: %v", n, err)
				}
			default:
				t.Fatalf("unexpected error code %s: %v", apperr.CodeOf(err), err)
			}
			return
		}
		if !json.Valid(doc.Raw) || len(doc.Raw) > profile.MaxDocumentBytes {
			t.Fatalf("Raw is not valid JSON within the limit: %q", doc.Raw)
		}
		again, err := profile.Decode(doc.Raw)
		if err != nil {
			t.Fatalf("Decode(Raw) failed: %v\nRaw: %q", err, doc.Raw)
		}
		if again.Hash != doc.Hash || !bytes.Equal(again.Raw, doc.Raw) {
			t.Fatalf("Decode(Raw) changed the document:\n%q\n%q", doc.Raw, again.Raw)
		}
		for _, n := range again.Notes {
			// Raw is v1.0.0 as written: only what is kept as written may
			// be noted again (a losing legacy name, an end before its
			// start); a note of a change would mean Raw was not final.
			if !strings.HasPrefix(n.Message, "not read: ") && !strings.Contains(n.Message, "; kept as written") {
				t.Fatalf("Decode(Raw) noted a change %v\nRaw: %q", n, doc.Raw)
			}
		}
		if len(doc.Notes) > profile.MaxNotes+1 {
			t.Fatalf("%d notes", len(doc.Notes))
		}
		if _, err := profile.PublicJSON(doc.Raw, profile.Privacy{}); err != nil {
			t.Fatalf("PublicJSON: %v", err)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2019", "2019-02", "2019-02-28", "2024-02-29", "2019-13", "2019-00-01",
		"0000", "9999-99-99", "2019-1-1", "", "present", "２０１９"} {
		f.Add(s)
	}
	layouts := map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := profile.ParseDate(s)
		if err != nil {
			if !apperr.Is(err, apperr.Invalid) {
				t.Fatalf("error code %s", apperr.CodeOf(err))
			}
			return
		}
		if d.String() != s {
			t.Fatalf("ParseDate(%q).String() = %q", s, d.String())
		}
		if !d.Start().Before(d.End()) {
			t.Fatalf("%q: Start %v not before End %v", s, d.Start(), d.End())
		}
		want, err := time.Parse(layouts[len(s)], s)
		if err != nil || !want.Equal(d.Start()) {
			t.Fatalf("ParseDate accepted %q but time.Parse says %v, %v", s, want, err)
		}
	})
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"Go, k8s and amazon web services", "C/C++ .NET", "Go's", "x.", ".N", "C++#+", "John C. Smith"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		last := 0
		for _, m := range profile.Technologies().Find(text) {
			if m.Start < last || m.End <= m.Start || m.End > len(text) || text[m.Start:m.End] != m.Text {
				t.Fatalf("bad mention %+v in %q", m, text)
			}
			last = m.End
		}
	})
}

func BenchmarkDecode(b *testing.B) {
	data := sample(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := profile.Decode(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFind(b *testing.B) {
	text := "Led a team building Go microservices on Kubernetes (k8s) with PostgreSQL, Redis and Kafka; " +
		"migrated the frontend from AngularJS to React and TypeScript, deployed on amazon web services."
	b.ReportAllocs()
	for b.Loop() {
		profile.Technologies().Find(text)
	}
}
