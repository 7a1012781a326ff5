package converse

import (
	"strings"
	"testing"
)

// TestPlainText: markup goes, text that only looks like it stays.
func TestPlainText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<b>Go</b> and <i>Rust</i>", "Go and Rust"},
		{"latency <5 ms, a < b", "latency <5 ms, a < b"},
		{"Tom &amp; Jerry&nbsp;Ltd", "Tom & Jerry Ltd"},
		{"**Lead** of [the team](https://x.example) [sic]", "Lead of the team [sic]"},
		{"line one<br/>line two", "line one\nline two"},
		{"Laravel 5.*", "Laravel 5.*"},
		{"unclosed <tag", "unclosed <tag"},
		// single-asterisk emphasis goes; a lone asterisk is text
		{"Wrote the first *automated* test suite", "Wrote the first automated test suite"},
		{"*Led* the *payments* team.", "Led the payments team."},
		{"(*beta*) and \"*quoted*\"", "(beta) and \"quoted\""},
		{"*nix tooling, 5 * 3, Tier-1*", "*nix tooling, 5 * 3, Tier-1*"},
		{"a*b*c", "a*b*c"},
		{"* not * emphasis", "* not * emphasis"},
	}
	for _, tt := range tests {
		if got := plainText(tt.in); got != tt.want {
			t.Errorf("plainText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestCommaLists: a keyword holding a list with semicolons reads with
// commas; one with brackets, or without a semicolon, stays as written.
func TestCommaLists(t *testing.T) {
	tests := []struct{ in, want []string }{
		{[]string{"AWS; Terraform; Kubernetes", "Go"}, []string{"AWS, Terraform, Kubernetes", "Go"}},
		{[]string{"Python, Django", "SQL;"}, []string{"Python, Django", "SQL"}},
		{[]string{"Cloud (AWS; GCP)", "Go"}, []string{"Cloud (AWS; GCP)", "Go"}},
	}
	for _, tt := range tests {
		in := append([]string(nil), tt.in...)
		got := in
		commaLists(&got)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("commaLists(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if strings.Join(in, "|") != strings.Join(tt.in, "|") {
			t.Errorf("commaLists changed its input %q", tt.in)
		}
	}
}

// TestPolish: doubled punctuation from joined words goes; an ellipsis stays.
func TestPolish(t *testing.T) {
	tests := []struct{ in, want string }{
		{"at One Technologies, L.P..", "at One Technologies, L.P."},
		{"Tools:: Git", "Tools: Git"},
		{"PyQt5.; HTML", "PyQt5; HTML"},
		{"and so on...", "and so on..."},
		{"nothing to do.", "nothing to do."},
	}
	for _, tt := range tests {
		if got := polish(tt.in); got != tt.want {
			t.Errorf("polish(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// doubled must agree with the three searches it replaces, whatever the text.
func TestDoubledMatchesContains(t *testing.T) {
	for _, s := range []string{"", ".", ":", "..", "::", ".;", "a.b:c", "L.P..", "Tools:: Git", "PyQt5.;", "end.", "a:;", ";.", "x. y: z.", "a.:b", "..."} {
		want := strings.Contains(s, "..") || strings.Contains(s, "::") || strings.Contains(s, ".;")
		if got := doubled(s); got != want {
			t.Errorf("doubled(%q) = %v, want %v", s, got, want)
		}
	}
}
