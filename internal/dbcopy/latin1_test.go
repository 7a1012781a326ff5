package dbcopy

import "testing"

// TestLatin1Note: text as MySQL decodes a latin1 column (cp1252, with the
// five bytes cp1252 leaves undefined as C1 controls).
func TestLatin1Note(t *testing.T) {
	c := &Column{Charset: "latin1"}
	for _, tc := range []struct{ name, text, want string }{
		{"plain latin1", "café", ""},
		{"UTF-8 é read as latin1", "cafÃ©", "latin1_utf8_bytes"},
		{"UTF-8 Á (C3 81): continuation byte cp1252 leaves undefined", "Ã\u0081rbol", "latin1_utf8_bytes"},
		{"combining accent (CC 81)", "Cafe\u00cc\u0081", "latin1_utf8_bytes"},
		{"a lone undefined byte", "x\u0081", "latin1_c1_control"},
		{"undefined byte beside latin1 text", "é\u009d", "latin1_c1_control"},
		{"euro sign (cp1252 0x80) alone", "€", ""},
	} {
		if got := latin1Note(c, []byte(tc.text)); got != tc.want {
			t.Errorf("%s: latin1Note(%q) = %q, want %q", tc.name, tc.text, got, tc.want)
		}
	}
}
