package converse_test

import "testing"

// TestOutlivedFirstJob: a titled first job with a start year and no end,
// followed by a career of jobs that came and went, is not held today; a
// first job still held beside a later one, with a summary saying what it
// is, stays current.
func TestOutlivedFirstJob(t *testing.T) {
	for _, c := range []struct {
		profile string
		qs      []string
		want    []string
		not     []string
	}{
		{"cabincrew", []string{"where does she work now"}, []string{"Emerald Atlantic Airways"}, []string{"Imperial Hotel"}},
		{"cabincrew", []string{"is she still a receptionist"}, []string{"Not currently", "no end date given"}, []string{"Yes"}},
		{"cabincrew", []string{"where does she work now", "and before that?"}, []string{"Cabin Crew Instructor"}, []string{"Imperial Hotel"}},
		{"musician", []string{"what does he do now"}, []string{"Session and Touring Bassist"}, nil},
	} {
		r := ask(mustIndex(t, c.profile), c.qs...)
		checkText(t, c.qs, r[len(r)-1].Text, c.want, c.not)
	}
}

// TestDurationInRole: "how long in that role" of a job at an employer she
// held several roles at is that role's time, "how long there" the
// employer's.
func TestDurationInRole(t *testing.T) {
	for _, c := range []struct {
		profile string
		qs      []string
		want    []string
		not     []string
	}{
		{"cabincrew", []string{"where does she work now", "how long has she been in that role"}, []string{"Cabin Crew Training Manager", "4 years"}, []string{"12 years"}},
		{"cabincrew", []string{"where does she work now", "how long has she been there"}, []string{"12 years"}, nil},
		{"cfo", []string{"Where does Megan work?", "how long has she been in that position"}, []string{"Fernway Health", "3 years"}, nil},
	} {
		r := ask(mustIndex(t, c.profile), c.qs...)
		checkText(t, c.qs, r[len(r)-1].Text, c.want, c.not)
	}
}
