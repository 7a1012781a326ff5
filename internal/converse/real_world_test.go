package converse_test

import (
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// realWorldResume has the shapes public resume.json files have and the
// project's own fixtures did not: keywords that hold a list ("Sass,
// Less", "JS Frameworks: Node.js, Fastify"), skills with a name and no
// keywords, a summary written as lines of bullets. Fictitious person.
const realWorldResume = `{
 "basics": {"name": "Tamsin Okafor", "label": "Systems Engineer", "email": "tamsin@example.com"},
 "work": [
  {"name": "Harrow Logistics", "position": "Junior System Administrator", "startDate": "2022-03", "endDate": "2024-08",
   "summary": "Supported the warehouse teams with technical issues.\nLed the move to Active Directory groups for every site.\n- Rolled out a new phone system (RingCentral)\n- Wrote the on-call runbook"}
 ],
 "skills": [
  {"name": "Web", "keywords": ["Sass, Less", "JS Frameworks: Node.js, Fastify, Express", "PHP MVC (Custom, Cake, etc)"]},
  {"name": "VMware ESXi"},
  {"name": "Help Desk Support", "keywords": []}
 ],
 "projects": [{"name": "Raycaster", "keywords": ["Python, Pygame"], "description": "A toy raycaster."}]
}`

func realWorldIndex(t *testing.T) *converse.Index {
	t.Helper()
	doc, err := profile.Decode([]byte(realWorldResume))
	if err != nil {
		t.Fatal(err)
	}
	return converse.Compile(doc.Resume, profile.Privacy{}, today)
}

// TestKeywordListsAndBareSkills: each part of a keyword that lists
// several is a technology of its own, and a skill listed by its name
// alone is known; neither is denied.
func TestKeywordListsAndBareSkills(t *testing.T) {
	x := realWorldIndex(t)
	tests := []struct {
		q         string
		want, not []string
	}{
		{"Does Tamsin know Less?", []string{"Yes", "Less"}, []string{"doesn't"}},
		{"Does she know Fastify?", []string{"Yes", "Fastify"}, []string{"doesn't"}},
		{"Has she used Pygame?", []string{"Yes", "Pygame", "Raycaster"}, []string{"doesn't", "on its own"}},
		{"Does she know VMware ESXi?", []string{"Yes", "listed as a skill"}, []string{"doesn't", "(VMware ESXi)"}},
		{"Does she have help desk support experience?", []string{"Help Desk Support"}, []string{"doesn't mention"}},
	}
	for _, tt := range tests {
		r := ask(x, tt.q)[0]
		checkText(t, tt.q, r.Text, tt.want, tt.not)
	}
}

// TestSummaryLinesQuotedOneByOne: a work summary written as lines is quoted
// by the line that answers, not whole with its line breaks.
func TestSummaryLinesQuotedOneByOne(t *testing.T) {
	x := realWorldIndex(t)
	for _, tt := range []struct {
		q         string
		want, not []string
	}{
		{"Does Tamsin know Active Directory?", []string{"Led the move to Active Directory"}, []string{"\n", "warehouse", "runbook"}},
		{"Does she know RingCentral?", []string{"Rolled out a new phone system"}, []string{"\n", "- Rolled", "runbook"}},
		{"What did she do at Harrow Logistics?", []string{"Supported the warehouse teams"}, []string{"\n"}},
	} {
		r := ask(x, tt.q)[0]
		checkText(t, tt.q, r.Text, tt.want, tt.not)
	}
}

// markupResume carries the page markup real-world files do: HTML in a
// summary, an entity, Markdown bold and a link, a skill group named with a
// heading's colon, keywords ending in full stops, an employer ending in one.
const markupResume = `{
 "basics": {"name": "Ilse Varga", "label": "Front End Developer",
  "summary": "I build interfaces with <span style='color: white;'>React &amp; Laravel</span>, see **my** [blog](https://ilse.example/blog)."},
 "work": [{"name": "Kettle Works, L.P.", "position": "Developer", "startDate": "2021-04"}],
 "skills": [{"name": "Front End Tech:", "keywords": ["React", "Vue"]},
  {"name": "Scripting", "keywords": ["Able to write small shell scripts.", "PyQt5."]}]
}`

// TestMarkupAndDoubledPunctuation: replies are plain text with single
// punctuation, whatever the profile's markup.
func TestMarkupAndDoubledPunctuation(t *testing.T) {
	doc, err := profile.Decode([]byte(markupResume))
	if err != nil {
		t.Fatal(err)
	}
	x := converse.Compile(doc.Resume, profile.Privacy{}, today)
	bad := []string{"<", ">", "&amp;", "**", "](", "..", "::", ".;"}
	tests := []struct {
		q    string
		want []string
	}{
		{"Tell me about Ilse", []string{"React & Laravel", "see my blog"}},
		{"What are her skills?", []string{"Front End Tech: React, Vue", "PyQt5"}},
		{"Where does she work?", []string{"Kettle Works, L.P."}},
	}
	for _, tt := range tests {
		r := ask(x, tt.q)[0]
		checkText(t, tt.q, r.Text, tt.want, bad)
	}
}

// exportResume is worded as LinkedIn and builder exports word work
// entries: a title that repeats the employer, a remote location, an
// employer field that only says "Freelance", a name with no label and no
// city. Fictitious person.
const exportResume = `{
 "basics": {"name": "Bram Osei"},
 "work": [
  {"name": "Quillon", "position": "Full Stack Developer - Quillon", "location": "Remote", "startDate": "2023-02", "endDate": "2024-05"},
  {"name": "Freelance", "position": "Web Developer", "startDate": "2019-06"},
  {"name": "Harbour & Finch", "position": "Junior Developer at Harbour & Finch", "location": "Remote (Ghana)", "startDate": "2018-01", "endDate": "2019-05"}
 ]
}`

// TestExportWording: replies do not repeat the employer after the title,
// say "remotely" for a remote job, treat "Freelance" as a way of working
// and never give a bare name as a sentence.
func TestExportWording(t *testing.T) {
	doc, err := profile.Decode([]byte(exportResume))
	if err != nil {
		t.Fatal(err)
	}
	x := converse.Compile(doc.Resume, profile.Privacy{}, today)
	tests := []struct {
		q         string
		want, not []string
	}{
		{"Where has Bram worked?", []string{"Full Stack Developer at Quillon", "Junior Developer at Harbour & Finch", "freelance Web Developer"},
			[]string{"- Quillon at", "Finch at Harbour", "at Freelance"}},
		{"What did he do at Quillon?", []string{"as Full Stack Developer", "remotely"}, []string{"in Remote", "- Quillon"}},
		{"What did he do at Harbour & Finch?", []string{"remotely (Ghana)"}, []string{"in Remote"}},
		{"How long has he been freelancing?", []string{"freelance Web Developer", "since June 2019"}, []string{"at Freelance"}},
		{"Tell me about Bram", []string{"This is Bram Osei's profile."}, []string{"Bram Osei. "}},
	}
	for _, tt := range tests {
		r := ask(x, tt.q)[0]
		checkText(t, tt.q, r.Text, tt.want, tt.not)
	}
}

// TestNamesAsWritten: a name in capitals is called in a sentence's case,
// and a first name with a full stop is not taken for a title ("Dr.").
func TestNamesAsWritten(t *testing.T) {
	tests := []struct {
		name, q   string
		want, not []string
	}{
		{"HALDIS VOSS", "What does Haldis do?", []string{"Haldis"}, nil},
		{"Ron. Adebayo", "Where does Ron work?", []string{"Ron currently"}, []string{"Adebayo currently"}},
		{"Dr. Ines Carvalho", "Where does she work?", []string{"Ines currently"}, []string{"Dr currently"}},
	}
	for _, tt := range tests {
		doc, err := profile.Decode([]byte(`{"basics":{"name":"` + tt.name + `"},"work":[{"name":"Lumen","position":"Analyst","startDate":"2020"}]}`))
		if err != nil {
			t.Fatal(err)
		}
		x := converse.Compile(doc.Resume, profile.Privacy{}, today)
		text := ask(x, tt.q)[0].Text
		checkText(t, tt.q, text, tt.want, tt.not)
		if strings.Contains(text, "HALDIS") { // checkText ignores case
			t.Errorf("%q: a name in capitals in %q", tt.q, text)
		}
	}
}

// TestDatesOutOfOrder: an entry that ends before it starts is said with
// its dates as written, not as undated.
func TestDatesOutOfOrder(t *testing.T) {
	doc, err := profile.Decode([]byte(`{"basics":{"name":"Oskar Lind"},"work":[
		{"name":"Fjord Labs","position":"Tester","startDate":"2024-11-06","endDate":"2024-01-25"},
		{"name":"Brant","position":"Developer","startDate":"2021-05","endDate":"2023-12"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	x := converse.Compile(doc.Resume, profile.Privacy{}, today)
	for _, q := range []string{"When was Oskar at Fjord Labs?", "How long was he at Fjord Labs?"} {
		checkText(t, q, ask(x, q)[0].Text, []string{"from November 2024 to January 2024", "end is before the start"}, []string{"doesn't give dates"})
	}
}
