package profile

import "bytes"

// UnpairedSurrogate returns the byte offset in the valid JSON text data of
// the first \u escape of a UTF-16 surrogate that is not half of a pair
// ("\ud800" alone, or a low half first), or -1. Such an escape names no
// character (RFC 8259 §8.2, RFC 7493 §2.1): encoding/json turns it into
// U+FFFD, so the text kept would not be the text sent, which is why it is
// refused like invalid UTF-8.
func UnpairedSurrogate(data []byte) int {
	if !bytes.Contains(data, []byte(`\ud`)) && !bytes.Contains(data, []byte(`\uD`)) {
		return -1 // no escape of U+D000..U+DFFF at all: what every ordinary text holds
	}
	for i := 0; i < len(data); i++ {
		if data[i] != '\\' {
			continue
		}
		// Backslashes occur only inside strings, each starting an escape.
		start := i
		i++
		if i >= len(data) || data[i] != 'u' {
			continue // a one-character escape, now consumed
		}
		r, ok := hex4(data[i+1:])
		if !ok {
			return -1 // not valid JSON; the caller's parser says so
		}
		i += 4
		switch {
		case r >= 0xDC00 && r <= 0xDFFF:
			return start
		case r >= 0xD800 && r <= 0xDBFF:
			if i+6 < len(data) && data[i+1] == '\\' && data[i+2] == 'u' {
				if lo, ok := hex4(data[i+3:]); ok && lo >= 0xDC00 && lo <= 0xDFFF {
					i += 6
					continue
				}
			}
			return start
		}
	}
	return -1
}

// hex4 reads four hexadecimal digits.
func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}
