package profile_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/profile"
)

const notDate = " is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"

// fe is an apperr.FieldError written briefly in tables.
type fe struct{ Path, Message string }

func briefFields(err error) []fe {
	var out []fe
	for _, f := range apperr.FieldsOf(err) {
		out = append(out, fe{f.Path, f.Message})
	}
	return out
}

func TestDecodeInvalidDocuments(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []fe
	}{
		{"month 13", `{"basics":{"name":"A"},"work":[{},{},{"startDate":"2019-13"}]}`,
			[]fe{{"work[2].startDate", `"2019-13"` + notDate}}},
		{"february 30", `{"basics":{"name":"A"},"education":[{"endDate":"2019-02-30"}]}`,
			[]fe{{"education[0].endDate", `"2019-02-30"` + notDate}}},
		{"month 00", `{"basics":{"name":"A"},"volunteer":[{"startDate":"2019-00"}]}`,
			[]fe{{"volunteer[0].startDate", `"2019-00"` + notDate}}},
		{"free-text date", `{"basics":{"name":"A"},"awards":[{"date":"spring 2019"}]}`,
			[]fe{{"awards[0].date", `"spring 2019"` + notDate}}},
		// Day and month swap places between countries: not guessed.
		{"day-month order unknown", `{"basics":{"name":"A"},"awards":[{"date":"03/04/2019"}]}`,
			[]fe{{"awards[0].date", `"03/04/2019"` + notDate}}},
		{"a date range in one field", `{"basics":{"name":"A"},"work":[{"startDate":"Jan 2021 - Present"}]}`,
			[]fe{{"work[0].startDate", `"Jan 2021 - Present"` + notDate}}},
		{"present on a start date", `{"basics":{"name":"A"},"projects":[{"startDate":"present"}]}`,
			[]fe{{"projects[0].startDate", `"present"` + notDate + "; only an endDate can be open-ended"}}},
		{"current as an award date", `{"basics":{"name":"A"},"awards":[{"date":"Current"}]}`,
			[]fe{{"awards[0].date", `"Current"` + notDate + "; only an endDate can be open-ended"}}},
		{"impossible day", `{"basics":{"name":"A"},"work":[{"endDate":"2019-13-45"}]}`,
			[]fe{{"work[0].endDate", `"2019-13-45"` + notDate}}},
		{"words", `{"basics":{"name":"A"},"work":[{"endDate":"last year"}]}`,
			[]fe{{"work[0].endDate", `"last year"` + notDate}}},
		{"blank but not empty end", `{"basics":{"name":"A"},"work":[{"endDate":"Present day"}]}`,
			[]fe{{"work[0].endDate", `"Present day"` + notDate}}},
		{"datetime with impossible time", `{"basics":{"name":"A"},"publications":[{"releaseDate":"2014-10-01T25:00:00Z"}]}`,
			[]fe{{"publications[0].releaseDate", `"2014-10-01T25:00:00Z"` + notDate}}},
		{"datetime with impossible date", `{"basics":{"name":"A"},"work":[{"startDate":"2019-02-30T00:00:00Z"}]}`,
			[]fe{{"work[0].startDate", `"2019-02-30T00:00:00Z"` + notDate}}},
		{"datetime with junk after", `{"basics":{"name":"A"},"work":[{"startDate":"2019-02-01T00:00:00Z and on"}]}`,
			[]fe{{"work[0].startDate", `"2019-02-01T00:00:00Z and on"` + notDate}}},
		{"date-time with a space", `{"basics":{"name":"A"},"work":[{"startDate":"2019-02-01 10:00"}]}`,
			[]fe{{"work[0].startDate", `"2019-02-01 10:00"` + notDate}}},
		{"legacy name of the wrong type", `{"basics":{"name":"A"},"work":[{"company":true,"website":"not a url"}]}`,
			[]fe{{"work[0].company", "must be a string, not a boolean"},
				{"work[0].website", `"not a url" is not a URL (e.g. https://example.com)`}}},
		{"legacy names still checked", `{"basics":{"name":"A","picture":["x"]},"languages":[{"name":{}}]}`,
			[]fe{{"basics.picture", "must be a string, not an array"},
				{"languages[0].name", "must be a string, not an object"}}},
		{"date as a number other than a year", `{"basics":{"name":"A"},"work":[{"startDate":201903}]}`,
			[]fe{{"work[0].startDate", "must be a string, not a number"}}},
		{"name missing", `{"basics":{"label":"Dev"}}`,
			[]fe{{"basics.name", "is required (Parley must be able to name the person)"}}},
		{"basics missing", `{"work":[]}`,
			[]fe{{"basics.name", "is required (Parley must be able to name the person)"}}},
		{"blank name", `{"basics":{"name":" \t"}}`,
			[]fe{{"basics.name", "must not be empty (Parley must be able to name the person)"}}},
		{"name not a string", `{"basics":{"name":["A"]}}`,
			[]fe{{"basics.name", "must be a string, not an array"}}},
		{"basics an array", `{"basics":[]}`,
			[]fe{{"basics", "must be an object, not an array"}}},
		{"work an object", `{"basics":{"name":"A"},"work":{"name":"X"}}`,
			[]fe{{"work", "must be an array, not an object"}}},
		{"work item a string", `{"basics":{"name":"A"},"work":["Hooli"]}`,
			[]fe{{"work[0]", "must be an object, not a string"}}},
		{"highlight a boolean", `{"basics":{"name":"A"},"work":[{"highlights":["ok",true]}]}`,
			[]fe{{"work[0].highlights[1]", "must be a string, not a boolean"}}},
		{"keyword null", `{"basics":{"name":"A"},"skills":[{"keywords":["Go",null]}]}`,
			[]fe{{"skills[0].keywords[1]", "must be a string, not null"}}},
		{"location a string", `{"basics":{"name":"A","location":"Paris"}}`,
			[]fe{{"basics.location", "must be an object, not a string"}}},
		{"postal code an array", `{"basics":{"name":"A","location":{"postalCode":[75001]}}}`,
			[]fe{{"basics.location.postalCode", "must be a string, not an array"}}},
		{"phone an object", `{"basics":{"name":"A","phone":{"mobile":"555"}}}`,
			[]fe{{"basics.phone", "must be a string, not an object"}}},
		{"certifications read as certificates are checked", `{"basics":{"name":"A"},"certifications":[{"name":"CKA","date":"2019-13"}]}`,
			[]fe{{"certifications[0].date", `"2019-13"` + notDate}}},
		{"bad email", `{"basics":{"name":"A","email":"ada at example.com"}}`,
			[]fe{{"basics.email", `"ada at example.com" is not an e-mail address (e.g. ada@example.com)`}}},
		{"email with display name", `{"basics":{"name":"A","email":"Ada <ada@example.com>"}}`,
			[]fe{{"basics.email", `"Ada <ada@example.com>" is not an e-mail address (e.g. ada@example.com)`}}},
		{"bad url", `{"basics":{"name":"A","url":"my homepage"}}`,
			[]fe{{"basics.url", `"my homepage" is not a URL (e.g. https://example.com)`}}},
		{"http without host", `{"basics":{"name":"A","profiles":[{"url":"https:///x"}]}}`,
			[]fe{{"basics.profiles[0].url", `"https:///x" is not a URL (e.g. https://example.com)`}}},
		{"javascript url", `{"basics":{"name":"A"},"projects":[{"url":"javascript:alert(1)"}]}`,
			[]fe{{"projects[0].url", `"javascript:alert(1)": links with the javascript: scheme are not allowed`}}},
		{"meta canonical a number", `{"basics":{"name":"A"},"meta":{"canonical":1}}`,
			[]fe{{"meta.canonical", "must be a string, not a number"}}},
		{"schema not a url", `{"$schema":"v1","basics":{"name":"A"}}`,
			[]fe{{"$schema", `"v1" is not a URL (e.g. https://example.com)`}}},
		{"duplicate keys", `{"basics":{"name":"A","name":"B"},"work":[{"x":1,"x":2}]}`, []fe{
			{"basics.name", `duplicate key "name"`},
			{"work[0].x", `duplicate key "x"`},
		}},
		{"several problems, all reported", `{"basics":{"email":"x"},"work":[{"startDate":"2019-13","url":5}],"languages":[{"fluency":true}]}`, []fe{
			{"basics.email", `"x" is not an e-mail address (e.g. ada@example.com)`},
			{"work[0].url", "must be a string, not a number"},
			{"work[0].startDate", `"2019-13"` + notDate},
			{"languages[0].fluency", "must be a string, not a boolean"},
			{"basics.name", "is required (Parley must be able to name the person)"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := profile.Decode([]byte(tt.in))
			if err == nil {
				t.Fatalf("Decode succeeded: %s", doc.Raw)
			}
			if apperr.CodeOf(err) != apperr.Invalid {
				t.Fatalf("code = %s, want invalid (%v)", apperr.CodeOf(err), err)
			}
			if diff := cmp.Diff(tt.want, briefFields(err)); diff != "" {
				t.Errorf("fields (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFieldErrorString(t *testing.T) {
	_, err := profile.Decode([]byte(`{"basics":{"name":"A"},"work":[{},{},{"startDate":"2019-13"}]}`))
	fields := fieldsOf(err)
	if len(fields) != 1 {
		t.Fatalf("fields = %v", fields)
	}
	want := `work[2].startDate: "2019-13" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`
	if got := fields[0].String(); got != want {
		t.Errorf("String() = %s, want %s", got, want)
	}
	if got := err.Error(); got != "invalid JSON Resume document: "+want {
		t.Errorf("Error() = %s", got)
	}
}

func TestDecodeAcceptsLenientButValidForms(t *testing.T) {
	tests := []struct{ name, in string }{
		{"empty url and email", `{"basics":{"name":"A","url":"","email":""}}`},
		{"scheme-less web address", `{"basics":{"name":"A"},"projects":[{"url":"missdirection.example.com/x"}]}`},
		{"mailto url", `{"basics":{"name":"A","url":"mailto:ada@example.com"}}`},
		{"urn", `{"basics":{"name":"A"},"meta":{"canonical":"urn:isbn:0451450523"}}`},
		{"year and month dates", `{"basics":{"name":"A"},"work":[{"startDate":"2019","endDate":"2020-02"}]}`},
		{"leap day", `{"basics":{"name":"A"},"awards":[{"date":"2024-02-29"}]}`},
		{"empty sections", `{"basics":{"name":"A"},"work":[],"skills":[],"meta":{}}`},
		{"unicode name", `{"basics":{"name":"Zoë Ñandú 王"}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { mustDecode(t, []byte(tt.in)) })
	}
}
