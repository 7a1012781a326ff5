package converse_test

import "testing"

// TestTheyForThePerson: "they" asked of the person reads as "she" or
// "he" does, plural verb and all; right after a reply about one job,
// "what do they do" is that employer, as "what does it do" is.
func TestTheyForThePerson(t *testing.T) {
	for _, c := range []struct {
		profile string
		qs      []string
		want    []string
		not     []string
	}{
		{"senior", []string{"what do they do"}, []string{"Principal Software Engineer"}, []string{"doesn't say anything"}},
		{"senior", []string{"where did they study"}, []string{"Warsaw University of Technology"}, nil},
		{"senior", []string{"have they worked with go"}, []string{"Go", "Northwind"}, []string{"doesn't mention"}},
		{"sample", []string{"what do they do"}, []string{"Programmer"}, []string{"doesn't say anything"}},
		{"sample", []string{"where are they based"}, []string{"San Francisco"}, nil},
		{"student", []string{"what do they do"}, []string{"Sam"}, []string{"doesn't say anything"}},
		// "they" the company just discussed
		{"senior", []string{"tell me about northwind logistics", "what do they do"}, []string{"Northwind Logistics", "routing and tracking"}, []string{"Dana Kowalski is"}},
		{"hardware", []string{"where does she work", "what do they make"}, []string{"Lumen Labs", "smart-home devices"}, nil},
	} {
		replies := ask(mustIndex(t, c.profile), c.qs...)
		checkText(t, c.qs, replies[len(replies)-1].Text, c.want, c.not)
	}
	// "what do you know" still asks the assistant
	if r := ask(mustIndex(t, "senior"), "what do you know")[0]; r.Intent != "help" {
		t.Errorf("what do you know: want help, got %s %q", r.Intent, r.Text)
	}
}
