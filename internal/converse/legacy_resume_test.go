package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// legacyResume is written for the JSON Resume schema before v1.0.0
// (company, website, picture, gpa) with the dates tools write.
const legacyResume = `{
 "basics": {"name": "Dana Whitfield", "label": "Software Engineer", "picture": "https://dana.example/me.png",
  "email": "dana@example.com", "website": "https://dana.example",
  "location": {"city": "Leeds", "countryCode": "GB"}},
 "work": [
  {"company": "Brightwater Analytics", "position": "Senior Engineer", "website": "https://brightwater.example",
   "startDate": "2019-03-01T00:00:00.000Z", "endDate": "", "summary": "Builds the data platform."},
  {"company": "Kestrel Labs", "position": "Engineer", "startDate": "2015-06", "endDate": "2019-02-28T00:00:00Z"}
 ],
 "education": [{"institution": "University of York", "area": "Computer Science", "studyType": "BSc",
  "startDate": "2011", "endDate": "2014", "gpa": "First"}]
}`

// TestLegacyResumeAnswers: the engine reads a pre-1.0 résumé through the
// names Decode gives it, so the employer and the website are answered.
func TestLegacyResumeAnswers(t *testing.T) {
	doc, err := profile.Decode([]byte(legacyResume))
	if err != nil {
		t.Fatal(err)
	}
	x := converse.Compile(doc.Resume, profile.Privacy{}, today)
	tests := []struct {
		q         string
		want, not []string
	}{
		{"Where does Dana work?", []string{"Brightwater Analytics"}, nil},
		{"What does she do at Brightwater Analytics?", []string{"Senior Engineer"}, nil},
		{"Where did she work before?", []string{"Kestrel Labs"}, nil},
		{"What is her website?", []string{"https://dana.example"}, nil},
		{"What was her grade at university?", []string{"First"}, nil},
	}
	for _, tt := range tests {
		r := ask(x, tt.q)[0]
		checkText(t, tt.q, r.Text, tt.want, tt.not)
	}
}
