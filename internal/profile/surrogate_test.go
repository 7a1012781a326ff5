package profile_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/profile"
)

func TestUnpairedSurrogate(t *testing.T) {
	tests := []struct {
		name, in string
		want     int
	}{
		{"plain text", `{"a":"hello"}`, -1},
		{"a pair", `{"a":"\ud83d\ude00"}`, -1},
		{"a pair in upper case", `{"a":"\uD83D\uDE00"}`, -1},
		{"an escaped backslash before u", `{"a":"C:\\ud800"}`, -1},
		{"other escapes", `{"a":"\n\t\u00e9\"\\"}`, -1},
		{"high alone", `{"a":"\ud800"}`, 6},
		{"high then text", `{"a":"x\ud800y"}`, 7},
		{"low alone", `{"a":"\udc00"}`, 6},
		{"low then high", `{"a":"\udc00\ud800"}`, 6},
		{"high then a non-surrogate escape", `{"a":"\ud800\u0041"}`, 6},
		{"second pair broken", `{"a":"\ud83d\ude00\ud83d"}`, 18},
		{"in a key", `{"\ud800":1}`, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := profile.UnpairedSurrogate([]byte(tt.in)); got != tt.want {
				t.Errorf("UnpairedSurrogate(%s) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}
