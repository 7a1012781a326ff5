package profile_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/profile"
)

const (
	asV1    = " (JSON Resume v1.0.0 name)"
	notGiv  = " (JSON Resume v1.0.0 leaves the field out)"
	noEnd   = " read as no end date (still going on: JSON Resume v1.0.0 leaves endDate out)"
	ofDT    = " (the date of a date-time, as written)"
	withA   = `{"basics":{"name":"A"},`
	nameWin = "not read: name is also set and wins (JSON Resume v1.0.0 name); kept unchanged as an extra field"
)

// TestDecodeReadsLegacyForms: each pre-1.0 name and common date form is
// read as its v1.0.0 equivalent (want is the canonical document), with a
// note at the path the source used.
func TestDecodeReadsLegacyForms(t *testing.T) {
	tests := []struct {
		name, in, want string
		notes          []profile.Note
	}{
		{"work company and website",
			withA + `"work":[{"company":"Hooli","website":"https://hooli.example"}]}`,
			withA + `"work":[{"name":"Hooli","url":"https://hooli.example"}]}`,
			[]profile.Note{{"work[0].company", "read as name" + asV1}, {"work[0].website", "read as url" + asV1}}},
		{"basics picture and website",
			`{"basics":{"name":"A","picture":"a.png","website":"a.example"}}`,
			`{"basics":{"image":"a.png","name":"A","url":"a.example"}}`,
			[]profile.Note{{"basics.picture", "read as image" + asV1}, {"basics.website", "read as url" + asV1}}},
		{"volunteer, publications, certificates, projects, profiles websites",
			`{"basics":{"name":"A","profiles":[{},{"network":"GitHub","website":"github.com/a"}]},` +
				`"volunteer":[{"organization":"O","website":"o.example"}],"certificates":[{"website":"c.example"}],` +
				`"publications":[{"website":"p.example"}],"projects":[{"website":"x.example"}]}`,
			`{"basics":{"name":"A","profiles":[{},{"network":"GitHub","url":"github.com/a"}]},` +
				`"certificates":[{"url":"c.example"}],"projects":[{"url":"x.example"}],` +
				`"publications":[{"url":"p.example"}],"volunteer":[{"organization":"O","url":"o.example"}]}`,
			[]profile.Note{{"basics.profiles[1].website", "read as url" + asV1},
				{"volunteer[0].website", "read as url" + asV1}, {"certificates[0].website", "read as url" + asV1},
				{"publications[0].website", "read as url" + asV1}, {"projects[0].website", "read as url" + asV1}}},
		{"education gpa",
			withA + `"education":[{"institution":"MIT","gpa":"3.9"}]}`,
			withA + `"education":[{"institution":"MIT","score":"3.9"}]}`,
			[]profile.Note{{"education[0].gpa", "read as score" + asV1}}},
		{"languages name and level",
			withA + `"languages":[{"name":"French","level":"Fluent"}]}`,
			withA + `"languages":[{"fluency":"Fluent","language":"French"}]}`,
			[]profile.Note{{"languages[0].name", "read as language" + asV1}, {"languages[0].level", "read as fluency" + asV1}}},
		{"meta url",
			withA + `"meta":{"url":"https://a.example/resume.json"}}`,
			withA + `"meta":{"canonical":"https://a.example/resume.json"}}`,
			[]profile.Note{{"meta.url", "read as canonical" + asV1}}},
		{"v1.0.0 name wins over the legacy one, which is kept",
			withA + `"work":[{"company":"Old Name","name":"New Name"}]}`,
			withA + `"work":[{"company":"Old Name","name":"New Name"}]}`,
			[]profile.Note{{"work[0].company", nameWin}}},
		{"null v1.0.0 name gives way to the legacy one",
			withA + `"work":[{"company":"Hooli","name":null}]}`,
			withA + `"work":[{"name":"Hooli"}]}`,
			[]profile.Note{{"work[0].name", "null, read as not given" + notGiv}, {"work[0].company", "read as name" + asV1}}},
		{"legacy names deep in arrays keep their index",
			withA + `"work":[{"name":"A"},{"name":"B"},{"company":"C"}]}`,
			withA + `"work":[{"name":"A"},{"name":"B"},{"name":"C"}]}`,
			[]profile.Note{{"work[2].company", "read as name" + asV1}}},
		{"empty end date",
			withA + `"work":[{"name":"H","startDate":"2019-03","endDate":""}]}`,
			withA + `"work":[{"name":"H","startDate":"2019-03"}]}`,
			[]profile.Note{{"work[0].endDate", "empty, read as not given" + notGiv}}},
		{"empty start, award, release dates",
			withA + `"education":[{"institution":"U","startDate":""}],"awards":[{"title":"T","date":" "}],"publications":[{"name":"P","releaseDate":""}]}`,
			withA + `"awards":[{"title":"T"}],"education":[{"institution":"U"}],"publications":[{"name":"P"}]}`,
			[]profile.Note{{"education[0].startDate", "empty, read as not given" + notGiv},
				{"awards[0].date", "empty, read as not given" + notGiv},
				{"publications[0].releaseDate", "empty, read as not given" + notGiv}}},
		{"open-ended end dates, any case",
			withA + `"work":[{"endDate":"Present"},{"endDate":"present"},{"endDate":"Current"},{"endDate":" now "}],` +
				`"volunteer":[{"endDate":"ONGOING"}],"projects":[{"endDate":"present"}]}`,
			withA + `"projects":[{}],"volunteer":[{}],"work":[{},{},{},{}]}`,
			[]profile.Note{{"work[0].endDate", `"Present"` + noEnd}, {"work[1].endDate", `"present"` + noEnd},
				{"work[2].endDate", `"Current"` + noEnd}, {"work[3].endDate", `" now "` + noEnd},
				{"volunteer[0].endDate", `"ONGOING"` + noEnd}, {"projects[0].endDate", `"present"` + noEnd}}},
		{"date-times",
			withA + `"work":[{"startDate":"2019-02-01T00:00:00Z","endDate":"2020-06-30T23:59:59.999Z"}],` +
				`"certificates":[{"date":"2021-01-31T22:00:00-05:00"}],"awards":[{"date":"2018-05-04T10:00"}],` +
				`"publications":[{"releaseDate":"2017-01-02T03:04:05"}]}`,
			withA + `"awards":[{"date":"2018-05-04"}],"certificates":[{"date":"2021-01-31"}],` +
				`"publications":[{"releaseDate":"2017-01-02"}],"work":[{"endDate":"2020-06-30","startDate":"2019-02-01"}]}`,
			[]profile.Note{{"work[0].startDate", `"2019-02-01T00:00:00Z" read as "2019-02-01"` + ofDT},
				{"work[0].endDate", `"2020-06-30T23:59:59.999Z" read as "2020-06-30"` + ofDT},
				{"awards[0].date", `"2018-05-04T10:00" read as "2018-05-04"` + ofDT},
				{"certificates[0].date", `"2021-01-31T22:00:00-05:00" read as "2021-01-31"` + ofDT},
				{"publications[0].releaseDate", `"2017-01-02T03:04:05" read as "2017-01-02"` + ofDT}}},
		{"null fields",
			`{"basics":{"name":"A","url":null,"location":null},"work":[{"name":"H","endDate":null,"highlights":null}]}`,
			`{"basics":{"name":"A"},"work":[{"name":"H"}]}`,
			[]profile.Note{{"basics.url", "null, read as not given" + notGiv}, {"basics.location", "null, read as not given" + notGiv},
				{"work[0].endDate", "null, read as not given" + notGiv}, {"work[0].highlights", "null, read as not given" + notGiv}}},
		{"empty url and email need no note",
			`{"basics":{"name":"A","url":"","email":""}}`,
			`{"basics":{"email":"","name":"A","url":""}}`,
			nil},
		{"legacy name inside an unknown object is not touched",
			withA + `"work":[{"name":"H","x-client":{"company":"C"}}]}`,
			withA + `"work":[{"name":"H","x-client":{"company":"C"}}]}`,
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkReadAs(t, tt.in, tt.want, tt.notes) })
	}
}

// checkReadAs checks that in decodes as the v1.0.0 document want with
// notes, that what is stored reads back as itself, and that strict mode
// refuses each change, and only those.
func checkReadAs(t *testing.T, in, want string, notes []profile.Note) {
	t.Helper()
	doc := mustDecode(t, []byte(in))
	// want is v1.0.0 as written; decoding it only sorts its keys.
	if got, want := string(doc.Raw), string(mustDecode(t, []byte(want)).Raw); got != want {
		t.Errorf("Raw =\n%s\nwant\n%s", got, want)
	}
	if diff := cmp.Diff(notes, doc.Notes); diff != "" {
		t.Errorf("notes (-want +got):\n%s", diff)
	}
	// What was stored reads back as itself, with no change to note
	// (a losing legacy name stays, and says so again).
	again := mustDecode(t, doc.Raw)
	if again.Hash != doc.Hash {
		t.Errorf("Decode(Raw) changed the document: %s", again.Raw)
	}
	for _, n := range again.Notes {
		if n.Message != nameWin {
			t.Errorf("Decode(Raw) noted %v", n)
		}
	}
	_, err := profile.DecodeWith([]byte(in), profile.DecodeOptions{Strict: true})
	var changes []string
	for _, n := range notes {
		if n.Message != nameWin {
			changes = append(changes, n.Path)
		}
	}
	var refused []string
	for _, f := range apperr.FieldsOf(err) {
		refused = append(refused, f.Path)
		if !strings.HasSuffix(f.Message, ", but strict mode accepts only JSON Resume v1.0.0 as written") {
			t.Errorf("strict problem %v", f)
		}
	}
	if diff := cmp.Diff(changes, refused); diff != "" {
		t.Errorf("strict mode refused (-want +got):\n%s", diff)
	}
}

// TestDecodeLegacyResumeTypedView: the typed view, which the engine and the
// public profile read, carries what the legacy names said.
func TestDecodeLegacyResumeTypedView(t *testing.T) {
	in := `{"basics":{"name":"Dana","picture":"d.png","website":"https://dana.example","email":"dana@example.com"},` +
		`"work":[{"company":"Hooli","position":"Senior Engineer","startDate":"2019-03-01","endDate":"Present"}],` +
		`"education":[{"institution":"MIT","gpa":"3.9","endDate":"2014-06-01T00:00:00.000Z"}],` +
		`"languages":[{"name":"French","level":"Fluent"}]}`
	r := mustDecode(t, []byte(in)).Resume
	got := fmt.Sprintf("%s|%s|%s|%s|%s|%q|%s|%s|%s/%s", r.Basics.Image, r.Basics.URL, r.Work[0].Name, r.Work[0].Position,
		r.Work[0].StartDate, r.Work[0].EndDate, r.Education[0].Score, r.Education[0].EndDate,
		r.Languages[0].Language, r.Languages[0].Fluency)
	want := `d.png|https://dana.example|Hooli|Senior Engineer|2019-03-01|""|3.9|2014-06-01|French/Fluent`
	if got != want {
		t.Errorf("typed view %s, want %s", got, want)
	}
	period, err := profile.PeriodOf(r.Work[0].StartDate, r.Work[0].EndDate, time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC))
	if err != nil || !period.Open {
		t.Errorf("work[0] period %+v, %v: want open", period, err)
	}
}

// TestDecodeCapsNotes: a document with thousands of changes lists
// MaxNotes of them and counts the rest.
func TestDecodeCapsNotes(t *testing.T) {
	// Each entry its own: equal ones would be read once (export_lists.go).
	var b strings.Builder
	for i := range 80 {
		fmt.Fprintf(&b, `{"company":"C%d"},`, i)
	}
	items := strings.TrimSuffix(b.String(), ",")
	doc := mustDecode(t, []byte(withA+`"work":[`+items+`]}`))
	if len(doc.Notes) != profile.MaxNotes+1 {
		t.Fatalf("%d notes, want %d", len(doc.Notes), profile.MaxNotes+1)
	}
	if last := doc.Notes[profile.MaxNotes]; last != (profile.Note{Message: "30 more changes like these (not listed)"}) {
		t.Errorf("last note %v", last)
	}
	if bytes.Contains(doc.Raw, []byte("company")) {
		t.Error("a change past the listed notes was not made")
	}
}

func TestNoteJSONAndString(t *testing.T) {
	n := profile.Note{Path: "work[0].company", Message: "read as name" + asV1}
	if got := n.String(); got != "work[0].company: read as name (JSON Resume v1.0.0 name)" {
		t.Errorf("String() = %s", got)
	}
	b, err := json.Marshal(n)
	if err != nil || string(b) != `{"path":"work[0].company","message":"read as name (JSON Resume v1.0.0 name)"}` {
		t.Errorf("JSON %s, %v", b, err)
	}
}
