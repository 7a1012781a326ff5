package converse_test

import (
	"strings"
	"testing"
)

// TestVisitorPlansAndWorkingWith: "should I learn python" asks what the
// visitor should do, not whether the profile names it; "how can I work
// with her" and "how can I hire him" ask how to reach the person, with
// what the profile says of the search.
func TestVisitorPlansAndWorkingWith(t *testing.T) {
	for _, name := range []string{"amara", "kenji", "hotelgm"} {
		x := mustIndex(t, name)
		for _, q := range []string{"should I learn python", "should i learn Swift?", "Should we switch to Go?", "should I really study law"} {
			if r := ask(x, q)[0]; !r.Refused {
				t.Errorf("%s %q: want a refusal, got %q", name, q, r.Text)
			}
		}
		// the person in it: a question about them
		for _, q := range []string{"should I hire her?", "should I contact him?"} {
			if r := ask(x, q)[0]; r.Refused {
				t.Errorf("%s %q: refused %q", name, q, r.Text)
			}
		}
	}
	cases := []struct {
		name, q   string
		want, not []string
	}{
		{"amara", "how can I work with her?", []string{"amara@okafor.dev"}, []string{"Data engineering (Expert)"}},
		{"hotelgm", "how do I work with her", []string{"chiara.bernasconi@example.ch"}, []string{"Revenue management (Advanced)"}},
		{"leila", "how can I hire her?", []string{"Looking for research scientist roles", "leila.haddad@cs.example.edu"}, nil},
		{"photographer", "how can I hire her", []string{"Available for commissions", "studio@joanagoncalves.example"}, nil},
		{"leila", "is she open to work?", []string{"Looking for research scientist roles"}, []string{"leila.haddad@cs.example.edu"}},
	}
	for _, c := range cases {
		r := ask(mustIndex(t, c.name), c.q)
		checkText(t, c.name+": "+c.q, r[0].Text, c.want, c.not)
	}
}

// TestFieldAskedSpelt: a study field asked in lower case is written as a
// reply should write it (case counts here): abbreviations spelt out,
// languages capitalised.
func TestFieldAskedSpelt(t *testing.T) {
	cases := []struct{ name, q, want string }{
		{"amara", "does she have a degree in cs?", "studies in computer science for"},
		{"priya", "does she have a cs degree", "studies in computer science for"},
		{"hotelgm", "did she study ai?", "studies in artificial intelligence for"},
		{"kenji", "did he study french?", "studies in French for"},
		{"kenji", "does he have a degree in hr", "studies in human resources for"},
		{"priya", "did she study physics?", "studies in physics for"},
	}
	for _, c := range cases {
		if got := ask(mustIndex(t, c.name), c.q)[0].Text; !strings.Contains(got, c.want) {
			t.Errorf("%s %q: want %q in %q", c.name, c.q, c.want, got)
		}
	}
}

// TestTimeAfterAtIsNoSchool: "at the moment", "at present", "at the
// time" are times; no school of that name is "not mentioned".
func TestTimeAfterAtIsNoSchool(t *testing.T) {
	cases := []struct {
		name, q   string
		want, not []string
	}{
		{"amara", "is she studying anything at the moment", []string{"Open University"}, []string{"Moment"}},
		{"hotelgm", "is she studying anything at the moment?", []string{"current studies"}, []string{"Moment"}},
		{"priya", "is she studying at present?", nil, []string{"doesn't list Present", "doesn't mention Present"}},
		{"kenji", "what was he studying at the time?", nil, []string{"doesn't list Time", "doesn't mention Time"}},
		// a school named after "at" is still one
		{"kenji", "did he study at Harvard?", []string{"Harvard", "Tokyo Institute of Technology"}, nil},
	}
	for _, c := range cases {
		r := ask(mustIndex(t, c.name), c.q)
		checkText(t, c.name+": "+c.q, r[0].Text, c.want, c.not)
	}
}

// TestOtherNameOfKind: an organisation asked by a name of its own before
// the words of its kind ("Costa Coffee", "Hilton Hotels & Resorts") is not
// the profile's organisation of that kind; the profile's own name, a
// region ("East Africa") and a plain word still find theirs.
func TestOtherNameOfKind(t *testing.T) {
	cases := []struct {
		name, q   string
		want, not []string
	}{
		{"baristaowner", "did he work at Costa Coffee?", []string{"doesn't list a job at Costa Coffee", "shift manager"}, []string{"worked at Bonanza Coffee as"}},
		{"hotelgm", "how long was she at Hilton Hotels & Resorts?", nil, []string{"14 years", "at Meridia Hotels & Resorts since"}},
		{"baristaowner", "did he work at Bonanza Coffee?", []string{"Bonanza Coffee", "Barista"}, []string{"doesn't list"}},
		{"hotelgm", "how long was she at Meridia Hotels?", []string{"14 years"}, nil},
		{"midwife", "has she worked in East Africa?", []string{"Kenya"}, []string{"doesn't mention"}},
	}
	for _, c := range cases {
		r := ask(mustIndex(t, c.name), c.q)
		checkText(t, c.name+": "+c.q, r[0].Text, c.want, c.not)
	}
}

// TestLedActivity: "has she led a migration to the cloud" is answered by
// the sentences that say the activity (any form of its verb), not by the
// skills of the kind the rest of the question names.
func TestLedActivity(t *testing.T) {
	cases := []struct {
		name, q   string
		want, not []string
	}{
		{"amara", "has she led a migration to the cloud", []string{"Migrated 200 Spark batch jobs"}, []string{"Among cloud platforms"}},
		{"senior", "has she led a migration to the cloud?", []string{"Led the migration of 40 services"}, []string{"Among cloud platforms"}},
		{"sremgr", "did he do any migrations?", []string{"Migrated the sites from VMware"}, nil},
		{"qa", "has she run a migration?", []string{"Migrated 1,100 Cypress tests"}, nil},
		// nothing of it said: the kind asked answers as before
		{"kenji", "has he led a migration to the cloud", []string{"doesn't mention any cloud platforms"}, nil},
	}
	for _, c := range cases {
		r := ask(mustIndex(t, c.name), c.q)
		checkText(t, c.name+": "+c.q, r[0].Text, c.want, c.not)
	}
}
