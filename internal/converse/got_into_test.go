package converse_test

import "testing"

// TestGotIntoField: "how did she get into coding", "what got him into
// design" are answered by the sentence telling the start, or by the
// earliest entry of the field when none does; not by a list of languages,
// a refusal or the whole summary.
func TestGotIntoField(t *testing.T) {
	for _, c := range []struct {
		profile, q string
		want, not  []string
	}{
		{"mobiledev", "how did she get into coding", []string{"I came to code from translating technical manuals"}, []string{"programming languages"}},
		{"selftaught", "how did he get into coding", []string{"modding a football game"}, []string{"programming languages"}},
		{"selftaught", "what got him into programming", []string{"modding a football game"}, nil},
		{"designer", "what got him into design", []string{"started in print and branding"}, nil},
		{"sample", "how did he get into coding", []string{"doesn't say how", "University of Oklahoma"}, []string{"Sorry"}},
		{"seasonal", "how did she get into fisheries", []string{"doesn't say how", "Fisheries Observer", "2022"}, nil},
	} {
		r := ask(mustIndex(t, c.profile), c.q)[0]
		if r.Refused || len(r.Citations) == 0 {
			t.Errorf("%s: refused %v, %d citations", c.q, r.Refused, len(r.Citations))
		}
		checkText(t, c.q, r.Text, c.want, c.not)
	}
}
