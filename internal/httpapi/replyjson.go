package httpapi

import (
	"bytes"
	"net/http"
	"strconv"
	"unicode/utf8"

	"github.com/parleyhq/parley/internal/converse"
)

// writeReply answers a turn's reply, as writeJSON(w, http.StatusOK,
// replyBody{Reply: r}) would, without encoding/json's reflection.
func writeReply(w http.ResponseWriter, r converse.Reply) {
	buf := jsonBuffers.Get().(*bytes.Buffer)
	defer putJSONBuffer(buf)
	buf.Reset()
	buf.Write(appendReplyBody(buf.AvailableBuffer(), r))
	writeJSONBytes(w, http.StatusOK, buf.Bytes())
}

// appendReplyBody appends what json.NewEncoder(w).Encode(replyBody{r})
// writes, byte for byte (TestReplyBodyMatchesEncodingJSON holds it to that,
// and fails when converse.Reply or Citation gains a field): every text turn
// answers with one, and encoding/json's reflection walk was most of
// writeJSON's CPU.
func appendReplyBody(b []byte, r converse.Reply) []byte {
	b = append(b, `{"reply":{"text":`...)
	b = appendJSONString(b, r.Text)
	b = append(b, `,"refused":`...)
	b = strconv.AppendBool(b, r.Refused)
	b = append(b, `,"citations":`...)
	if r.Citations == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, c := range r.Citations {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"section":`...)
			b = appendJSONString(b, c.Section)
			b = append(b, `,"index":`...)
			b = strconv.AppendInt(b, int64(c.Index), 10)
			if c.Field != "" {
				b = append(b, `,"field":`...)
				b = appendJSONString(b, c.Field)
			}
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = append(b, `,"suggestions":`...)
	if r.Suggestions == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, s := range r.Suggestions {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, s)
		}
		b = append(b, ']')
	}
	b = append(b, `,"intent":`...)
	b = appendJSONString(b, r.Intent)
	return append(b, "}}\n"...)
}

// jsonPlainASCII marks the ASCII bytes appendJSONString copies as they
// are: one table load per byte instead of six comparisons (the reply's
// text and suggestions, ~500 bytes a turn, pass through this loop).
var jsonPlainASCII = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

// appendJSONString appends s quoted as encoding/json does with HTML
// escaping on (its default): <, > and & as \u003c..., U+2028 and U+2029
// escaped, invalid UTF-8 as \ufffd.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if jsonPlainASCII[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
