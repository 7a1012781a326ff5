package converse

import (
	"slices"
	"strings"
	"testing"
)

func TestTokensFoldDiacritics(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"José Núñez", []string{"jose", "nunez"}},
		{"Telefónica", []string{"telefonica"}},
		{"Universität Łódź", []string{"universitat", "lodz"}},
		{"Straße", []string{"strasse"}},
		{"どこ", []string{"どこ"}}, // not Latin: kept as it is
	}
	for _, tt := range tests {
		if got := tokens(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestExpandSlang(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"who r u", "who are you"},
		{"whos amara", "who is amara"},
		{"whats ur stack", "what your stack"},
		{"what does she do 4 fun", "what does she do for fun"},
		{"4 years at google", "4 years at google"}, // a number stays a number
		{"she spent 4 years there", "she spent 4 years there"},
		{"in 2 2019", "in 2 2019"},
		{"where does she work", "where does she work"},
	}
	for _, tt := range tests {
		if got := joinTokens(expandSlang(tokens(tt.in))); got != " "+tt.want+" " {
			t.Errorf("expandSlang(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRoleNoun(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"is @p a teacher", []string{"teacher"}},
		{"is @p still a nurse", []string{"nurse"}},
		{"was @p a charge nurse at st marys", []string{"charge", "nurse"}},
		{"has @p worked as an engineer", []string{"engineer"}},
		{"is @p an ex military officer", []string{"ex", "military", "officer"}},
		{"is @p good at math", nil},
		{"what is @p a fan of", nil},
		{"is this a joke", nil},
	}
	for _, tt := range tests {
		if got := roleNoun(strings.Fields(tt.in)); !slices.Equal(got, tt.want) {
			t.Errorf("roleNoun(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestOtherSpellingAndAcronyms(t *testing.T) {
	spell := []struct{ in, want string }{
		{"financial modeling", "financial modelling"},
		{"data visualisation", "data visualization"},
		{"behaviour analysis", "behavior analysis"},
		{"python", ""},
	}
	for _, tt := range spell {
		got, ok := otherSpelling(strings.Fields(tt.in))
		if tt.want == "" {
			if ok {
				t.Errorf("otherSpelling(%q) = %q, want no change", tt.in, got)
			}
			continue
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("otherSpelling(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	acro := []struct{ in, want string }{
		{"University College Dublin", "ucd"},
		{"University of California, Los Angeles", "ucla"},
		{"Massachusetts Institute of Technology", "mit"},
		{"Stripe", ""},
		{"Pied Piper", ""},
	}
	for _, tt := range acro {
		if got := acronymOf(tt.in); got != tt.want {
			t.Errorf("acronymOf(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
