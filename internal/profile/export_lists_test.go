package profile_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/profile"
)

// TestDecodeReadsExportedLists: a job a builder exported twice (the second
// with "present" for "Present") is read once, and a highlight holding a
// bulleted list is read as one highlight per line; a single line, and a
// leading "-5%" or "*nix", are kept as written.
func TestDecodeReadsExportedLists(t *testing.T) {
	const twice = "the same as an earlier entry; left out"
	tests := []struct {
		name, in, want string
		notes          []profile.Note
	}{
		{"a job twice",
			withA + `"work":[{"name":"H","startDate":"2021-06-01T00:00:00.000Z","endDate":"Present"},` +
				`{"name":"H","startDate":"2021-06-01T00:00:00.000Z","endDate":"present"},{"name":"K"}]}`,
			withA + `"work":[{"name":"H","startDate":"2021-06-01"},{"name":"K"}]}`,
			[]profile.Note{
				{"work[0].startDate", `"2021-06-01T00:00:00.000Z" read as "2021-06-01" (the date of a date-time, as written)`},
				{"work[0].endDate", `"Present" read as no end date (still going on: JSON Resume v1.0.0 leaves endDate out)`},
				{"work[1].startDate", `"2021-06-01T00:00:00.000Z" read as "2021-06-01" (the date of a date-time, as written)`},
				{"work[1].endDate", `"present" read as no end date (still going on: JSON Resume v1.0.0 leaves endDate out)`},
				{"work[1]", twice}}},
		{"two jobs alike but for a field",
			withA + `"work":[{"name":"H","position":"Dev"},{"name":"H","position":"Lead"}],"skills":[{"name":"Go"},{"name":"Go"}]}`,
			withA + `"work":[{"name":"H","position":"Dev"},{"name":"H","position":"Lead"}],"skills":[{"name":"Go"}]}`,
			[]profile.Note{{"skills[1]", twice}}},
		{"bullets in one highlight",
			withA + `"work":[{"name":"H","highlights":["• Led the migration\n• Cut latency\r\n\n- Hired 5","Kept"]}],` +
				`"projects":[{"name":"P","highlights":["-5% churn\n*nix tooling"]}]}`,
			withA + `"work":[{"name":"H","highlights":["Led the migration","Cut latency","Hired 5","Kept"]}],` +
				`"projects":[{"name":"P","highlights":["-5% churn","*nix tooling"]}]}`,
			[]profile.Note{{"work[0].highlights", "1 highlight of several lines read as one highlight per line"},
				{"projects[0].highlights", "1 highlight of several lines read as one highlight per line"}}},
		{"one line kept as written",
			withA + `"work":[{"name":"H","highlights":["• Led the migration\n","Shipped\n  \n"]}]}`,
			withA + `"work":[{"name":"H","highlights":["• Led the migration\n","Shipped\n  \n"]}]}`,
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkReadAs(t, tt.in, tt.want, tt.notes) })
	}
}
