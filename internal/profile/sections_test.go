package profile_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/profile"
)

const (
	asSection = " (the JSON Resume v1.0.0 section)"
	dropped   = `; ignored, not stored (put extra data in meta, or under a key starting with "x-")`
	notV1     = "not a JSON Resume v1.0.0 section"
	wantsStr  = " (JSON Resume v1.0.0 wants a string)"
	onlyA     = `{"basics":{"name":"A"}}`
)

// TestDecodeReadsSectionsAndNumbers: a section under another name is read
// as the v1.0.0 one when its items fit, any other unknown top-level key is
// left out, and a number where text belongs is read as its JSON text; each
// with a note, and each refused by strict mode. Every input here was
// refused outright before.
func TestDecodeReadsSectionsAndNumbers(t *testing.T) {
	tests := []struct {
		name, in, want string
		notes          []profile.Note
	}{
		{"certifications",
			withA + `"certifications":[{"name":"CKA","issuer":"CNCF","date":"2021-03"}]}`,
			withA + `"certificates":[{"date":"2021-03","issuer":"CNCF","name":"CKA"}]}`,
			[]profile.Note{{"certifications", "read as certificates" + asSection}}},
		{"certifications items are read like certificates",
			withA + `"certifications":[{"name":"CKA","website":"c.example","date":"2021-03-01T00:00:00Z","x-id":7}]}`,
			withA + `"certificates":[{"date":"2021-03-01","name":"CKA","url":"c.example","x-id":7}]}`,
			[]profile.Note{{"certifications[0].date", `"2021-03-01T00:00:00Z" read as "2021-03-01"` + ofDT},
				{"certifications[0].website", "read as url" + asV1},
				{"certifications", "read as certificates" + asSection}}},
		{"hobbies",
			withA + `"hobbies":[{"name":"Chess","keywords":["openings"]}]}`,
			withA + `"interests":[{"keywords":["openings"],"name":"Chess"}]}`,
			[]profile.Note{{"hobbies", "read as interests" + asSection}}},
		{"honors and achievements with awards' fields",
			withA + `"honors":[{"title":"Dean's List","awarder":"MIT","date":"2012"}]}`,
			withA + `"awards":[{"awarder":"MIT","date":"2012","title":"Dean's List"}]}`,
			[]profile.Note{{"honors", "read as awards" + asSection}}},
		{"achievements, the first of two synonyms, wins",
			withA + `"achievements":[{"title":"Hackathon winner"}],"honors":[{"title":"Dean's List"}]}`,
			withA + `"awards":[{"title":"Hackathon winner"}]}`,
			[]profile.Note{{"achievements", "read as awards" + asSection},
				{"honors", "not read as awards, which is also set" + dropped}}},
		{"achievements without awards' fields are not awards",
			withA + `"achievements":[{"title":"Top seller"},{"name":"Shipped v2","description":"..."}]}`,
			onlyA,
			[]profile.Note{{"achievements", "not read as awards: item 1 has none of its fields (title, date, awarder, summary)" + dropped}}},
		{"achievements as sentences are not awards",
			withA + `"achievements":["Cut costs by 30%"]}`,
			onlyA,
			[]profile.Note{{"achievements", "not read as awards: item 0 is a string, not an object" + dropped}}},
		{"hobbies as an object",
			withA + `"hobbies":{"name":"Chess"}}`,
			onlyA,
			[]profile.Note{{"hobbies", "not read as interests: it is an object, not an array" + dropped}}},
		{"synonym next to its section is left out",
			withA + `"certificates":[{"name":"CKA"}],"certifications":[{"name":"CKAD"}]}`,
			withA + `"certificates":[{"name":"CKA"}]}`,
			[]profile.Note{{"certifications", "not read as certificates, which is also set" + dropped}}},
		{"synonym next to a null section is read",
			withA + `"interests":null,"hobbies":[{"name":"Chess"}]}`,
			withA + `"interests":[{"name":"Chess"}]}`,
			[]profile.Note{{"interests", "null, read as not given" + notGiv}, {"hobbies", "read as interests" + asSection}}},
		{"bio",
			`{"basics":{"name":"A","label":"Dev"},"bio":"Builds things."}`,
			`{"basics":{"label":"Dev","name":"A","summary":"Builds things."}}`,
			[]profile.Note{{"bio", "read as basics.summary (the JSON Resume v1.0.0 field)"}}},
		{"bio with an empty summary",
			`{"basics":{"name":"A","summary":""},"bio":"Builds things."}`,
			`{"basics":{"name":"A","summary":"Builds things."}}`,
			[]profile.Note{{"bio", "read as basics.summary (the JSON Resume v1.0.0 field)"}}},
		{"bio next to a summary",
			`{"basics":{"name":"A","summary":"Mine."},"bio":"Builds things."}`,
			`{"basics":{"name":"A","summary":"Mine."}}`,
			[]profile.Note{{"bio", "not read as basics.summary, which is also set" + dropped}}},
		{"bio, the 2014 object",
			`{"basics":{"name":"A"},"bio":{"firstName":"A"}}`,
			`{"basics":{"name":"A"}}`,
			[]profile.Note{{"bio", "not read as basics.summary: it is an object, not a string" + dropped}}},
		{"unknown sections, a misspelt one named",
			withA + `"skill":[{"name":"Go"}],"Work":[],"courses":["Go"],"a b":1,"X-upper":1,"x-kept":1}`,
			withA + `"x-kept":1}`,
			[]profile.Note{{"Work", notV1 + ` (did you mean "work"?)` + dropped}, {`["X-upper"]`, notV1 + dropped},
				{`["a b"]`, notV1 + dropped}, {"courses", notV1 + dropped},
				{"skill", notV1 + ` (did you mean "skills"?)` + dropped}}},
		{"numbers where text belongs",
			`{"basics":{"name":"A","phone":5551234,"location":{"postalCode":94105}},` +
				`"education":[{"score":3.8,"courses":[101]}],"work":[{"startDate":2019,"highlights":[1e3]}]}`,
			`{"basics":{"name":"A","phone":"5551234","location":{"postalCode":"94105"}},` +
				`"education":[{"score":"3.8","courses":["101"]}],"work":[{"startDate":"2019","highlights":["1e3"]}]}`,
			[]profile.Note{{"basics.phone", `the number 5551234 read as the string "5551234"` + wantsStr},
				{"basics.location.postalCode", `the number 94105 read as the string "94105"` + wantsStr},
				{"work[0].startDate", `the number 2019 read as the string "2019"` + wantsStr},
				{"work[0].highlights[0]", `the number 1e3 read as the string "1e3"` + wantsStr},
				{"education[0].score", `the number 3.8 read as the string "3.8"` + wantsStr},
				{"education[0].courses[0]", `the number 101 read as the string "101"` + wantsStr}}},
		{"gpa as a number",
			withA + `"education":[{"gpa":3.8}]}`,
			withA + `"education":[{"score":"3.8"}]}`,
			[]profile.Note{{"education[0].gpa", `the number 3.8 read as the string "3.8"` + wantsStr},
				{"education[0].gpa", "read as score" + asV1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkReadAs(t, tt.in, tt.want, tt.notes) })
	}
}
