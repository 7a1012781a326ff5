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
	}
	for _, tt := range tests {
		if got := plainText(tt.in); got != tt.want {
			t.Errorf("plainText(%q) = %q, want %q", tt.in, got, tt.want)
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
