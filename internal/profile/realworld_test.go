package profile_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/parleyhq/parley/internal/profile"
)

// TestDecodeReadsWrittenOutDates: dates as résumé builders and people
// write them ("Feb-2023", "03/2022", "2023-9-28"), each naming one month or
// day without doubt, are read as iso8601 with a note.
func TestDecodeReadsWrittenOutDates(t *testing.T) {
	const month, day = " (YYYY-MM: a month)", " (YYYY-MM-DD: a day)"
	tests := []struct {
		name, in, want string
		notes          []profile.Note
	}{
		{"month names",
			withA + `"work":[{"name":"H","startDate":"Feb-2023","endDate":"Sept. 2024"},` +
				`{"name":"K","startDate":"jan 2019","endDate":"August, 2020"}]}`,
			withA + `"work":[{"endDate":"2024-09","name":"H","startDate":"2023-02"},{"endDate":"2020-08","name":"K","startDate":"2019-01"}]}`,
			[]profile.Note{{"work[0].startDate", `"Feb-2023" read as "2023-02"` + month},
				{"work[0].endDate", `"Sept. 2024" read as "2024-09"` + month},
				{"work[1].startDate", `"jan 2019" read as "2019-01"` + month},
				{"work[1].endDate", `"August, 2020" read as "2020-08"` + month}}},
		{"month and year in numbers",
			withA + `"education":[{"institution":"U","startDate":"03/2022","endDate":"5/2024"}],"awards":[{"title":"T","date":"2019-3"}]}`,
			withA + `"awards":[{"date":"2019-03","title":"T"}],"education":[{"endDate":"2024-05","institution":"U","startDate":"2022-03"}]}`,
			[]profile.Note{{"education[0].startDate", `"03/2022" read as "2022-03"` + month},
				{"education[0].endDate", `"5/2024" read as "2024-05"` + month},
				{"awards[0].date", `"2019-3" read as "2019-03"` + month}}},
		{"days",
			withA + `"work":[{"name":"H","startDate":"2023-9-28","endDate":"2024/01/05"}],` +
				`"certificates":[{"name":"C","date":"Jan 01, 2026"}],"publications":[{"name":"P","releaseDate":"1 March 2021"}]}`,
			withA + `"certificates":[{"date":"2026-01-01","name":"C"}],"publications":[{"name":"P","releaseDate":"2021-03-01"}],` +
				`"work":[{"endDate":"2024-01-05","name":"H","startDate":"2023-09-28"}]}`,
			[]profile.Note{{"work[0].startDate", `"2023-9-28" read as "2023-09-28"` + day},
				{"work[0].endDate", `"2024/01/05" read as "2024-01-05"` + day},
				{"certificates[0].date", `"Jan 01, 2026" read as "2026-01-01"` + day},
				{"publications[0].releaseDate", `"1 March 2021" read as "2021-03-01"` + day}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkReadAs(t, tt.in, tt.want, tt.notes) })
	}
}

// TestDecodeLeavesOutBlankFormEntries: entries a résumé builder exported
// unfilled, and blank strings in lists, are left out with a note; an entry
// with one word in it, and a bare {}, are kept.
func TestDecodeLeavesOutBlankFormEntries(t *testing.T) {
	const blank = "every field is empty (a form left unfilled); left out"
	tests := []struct {
		name, in, want string
		notes          []profile.Note
	}{
		{"blank entries",
			withA + `"work":[{"name":"","position":"","startDate":"","summary":" ","highlights":[""]},{"name":"H"}],` +
				`"awards":[{"title":"","date":""}],"skills":[{"name":"","keywords":[]}]}`,
			withA + `"awards":[],"skills":[],"work":[{"name":"H"}]}`,
			[]profile.Note{{"work[0]", blank}, {"awards[0]", blank}, {"skills[0]", blank}}},
		{"blank strings in a list",
			withA + `"skills":[{"name":"Lang","keywords":["","Go"," ",""]}],"work":[{"name":"H","highlights":["Shipped",""]}]}`,
			withA + `"skills":[{"keywords":["Go"],"name":"Lang"}],"work":[{"highlights":["Shipped"],"name":"H"}]}`,
			[]profile.Note{{"work[0].highlights", "1 empty string left out"}, {"skills[0].keywords", "3 empty strings left out"}}},
		{"one word keeps the entry",
			withA + `"work":[{"name":"","position":"Intern","startDate":""}],"projects":[{}]}`,
			withA + `"projects":[{}],"work":[{"name":"","position":"Intern"}]}`,
			[]profile.Note{{"work[0].startDate", "empty, read as not given" + notGiv}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkReadAs(t, tt.in, tt.want, tt.notes) })
	}
}

// TestDecodeReadsRepeatedSameKeyOnce: a key written twice with the same
// value (theme templates repeat "languages": []) is read once with a note;
// two that differ stay an error (invalid_test.go).
func TestDecodeReadsRepeatedSameKeyOnce(t *testing.T) {
	checkReadAs(t,
		withA+`"languages":[],"interests":[{"name":"Chess"}],"languages":[],"interests":[{"name":"Chess"}]}`,
		withA+`"interests":[{"name":"Chess"}],"languages":[]}`,
		[]profile.Note{{"languages", `duplicate key "languages" with the same value; read once`},
			{"interests", `duplicate key "interests" with the same value; read once`}})
}

// TestDecodeWarnsOfEndBeforeStart: an entry that ends before it starts is
// kept as written, with a warning at its endDate (not a change, so strict
// mode accepts it too).
func TestDecodeWarnsOfEndBeforeStart(t *testing.T) {
	in := withA + `"work":[{"name":"H","startDate":"2025-11-06","endDate":"2025-01-25"},` +
		`{"name":"K","startDate":"2024-03","endDate":"2024-03-31"}]}`
	for _, strict := range []bool{false, true} {
		doc, err := profile.DecodeWith([]byte(in), profile.DecodeOptions{Strict: strict})
		if err != nil {
			t.Fatalf("strict=%v: %v", strict, err)
		}
		want := []profile.Note{{Path: "work[0].endDate",
			Message: "2025-01-25 is before startDate 2025-11-06; kept as written (replies cannot tell how long this lasted)"}}
		if diff := cmp.Diff(want, doc.Notes); diff != "" {
			t.Errorf("strict=%v: notes (-want +got):\n%s", strict, diff)
		}
	}
}

// TestDecodeReadsKeysInOtherCases: "StartDate", "Position" (as exports
// write them) are read as the schema's names, checked like them; a key in
// another case beside the schema's own is left out (it would otherwise
// reach the typed view unchecked: a number there was an internal error).
func TestDecodeReadsKeysInOtherCases(t *testing.T) {
	const asV1 = " (JSON Resume v1.0.0 name)"
	checkReadAs(t,
		withA+`"work":[{"Name":"Hooli","Position":"Engineer","StartDate":"Jul 2021","endDate":"2023-01"}],`+
			`"education":[{"institution":"U","score":"3.9","SCORE":4}]}`,
		withA+`"education":[{"institution":"U","score":"3.9"}],"work":[{"endDate":"2023-01","name":"Hooli","position":"Engineer","startDate":"2021-07"}]}`,
		[]profile.Note{{"work[0].Name", "read as name" + asV1}, {"work[0].Position", "read as position" + asV1},
			{"work[0].StartDate", "read as startDate" + asV1},
			{"work[0].startDate", `"Jul 2021" read as "2021-07" (YYYY-MM: a month)`},
			{"education[0].SCORE", "not read: score is also set and wins; left out"}})
}
