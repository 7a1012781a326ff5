package converse_test

import "testing"

// TestConversationFlowTurns: turns about the conversation itself, as a
// visitor types them (h-eng58).
func TestConversationFlowTurns(t *testing.T) {
	cases := []struct {
		profile, question, intent string
		want, not                 []string
	}{
		// a greeting before the question: the question is answered
		{"sample", "Hello! who are you?", "help", []string{"I answer questions about Richard's profile"}, []string{"Hello!"}},
		// whom am I talking to: the assistant, not the person
		{"sample", "is this really Richard?", "help", []string{"automated assistant, not Richard"}, nil},
		{"changer", "hey, is this really Jordan?", "help", []string{"automated assistant, not Jordan"}, nil},
		{"student", "who am I talking to?", "help", []string{"automated assistant, not Sam"}, nil},
		{"musician", "are you Declan?", "help", []string{"automated assistant, not Declan"}, nil},
		{"senior", "am I speaking with Dana", "help", []string{"automated assistant, not Dana"}, nil},
		// an acknowledgement asks nothing
		{"sample", "ok cool", "thanks", []string{"Anything else"}, []string{"not sure what you mean"}},
		{"marcus", "got it", "thanks", []string{"Anything else"}, []string{"not sure what you mean"}},
		// a topic-switch clause before the question is no thing asked
		{"sample", "back to his education — what did he study?", "education", []string{"Information Technology"}, []string{"back among"}},
		{"senior", "back to the present — does she have any certifications?", "certificates", []string{"Certified Kubernetes Administrator"}, []string{"Back among"}},
		// two questions, the first closed by its own question mark
		{"musician", "any certifications? and what languages does he speak?", "", []string{"Pro Tools", "English"}, nil},
		{"changer", "any awards? where do they live?", "", []string{"Teacher of the Year", "Philadelphia"}, nil},
	}
	for _, c := range cases {
		r := ask(mustIndex(t, c.profile), c.question)[0]
		checkText(t, c.question, r.Text, c.want, c.not)
		if c.intent != "" && r.Intent != c.intent {
			t.Errorf("%q: intent %q, want %q", c.question, r.Intent, c.intent)
		}
	}
}

// TestTopicLeadKeepsItsReferent: "back to Acme, where was it?" points back
// at the clause, which stays part of the question.
func TestTopicLeadKeepsItsReferent(t *testing.T) {
	r := ask(mustIndex(t, "sample"), "what are his skills?", "back to pied piper, where was it?")[1]
	checkText(t, "back to pied piper, where was it?", r.Text, []string{"Palo Alto"}, nil)
}

// TestWhatAboutGoesOn: "what about teaching?" in a conversation about a
// person asks about the person's teaching, not something else (h-eng58).
func TestWhatAboutGoesOn(t *testing.T) {
	cases := []struct {
		profile, question string
		want, not         []string
	}{
		{"musician", "what about teaching?", []string{"The Manchester College", "Taught"}, []string{"Sorry"}},
		{"senior", "how about teaching?", []string{"The profile doesn't"}, []string{"Sorry"}},
		{"musician", "how about the weather?", []string{"Sorry"}, nil},
	}
	for _, c := range cases {
		r := ask(mustIndex(t, c.profile), "where is he based?", c.question)[1]
		checkText(t, c.question, r.Text, c.want, c.not)
	}
}

// TestCorrectionAsksAgain: "no, I meant X" after "where was that?" asks
// where X was; "the Salesforce job" is the job, not the CRM (h-eng58).
func TestCorrectionAsksAgain(t *testing.T) {
	cases := []struct {
		profile   string
		questions []string
		want, not []string
	}{
		{"marcus", []string{"what was his first job?", "where was that?", "no, I meant the Salesforce job"}, []string{"Salesforce", "Chicago"}, []string{"Salesforce CRM", "Milwaukee"}},
		{"marcus", []string{"what was his first job?", "when was that?", "not that one, the Salesforce job"}, []string{"June 2013"}, []string{"Salesforce CRM"}},
		{"senior", []string{"where did she work in 2018?", "where was that?", "sorry, I meant her first job"}, []string{"Telekom Polska"}, []string{"Bluefin"}},
		// a correction of no such question is read as it is
		{"senior", []string{"what are her skills?", "no, I meant her first job"}, []string{"Network Operations Intern"}, nil},
		{"marcus", []string{"where was the Salesforce job?"}, []string{"Chicago"}, []string{"Salesforce CRM"}},
	}
	for _, c := range cases {
		rs := ask(mustIndex(t, c.profile), c.questions...)
		last := c.questions[len(c.questions)-1]
		checkText(t, last, rs[len(rs)-1].Text, c.want, c.not)
	}
}
