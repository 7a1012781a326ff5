package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net"
	"net/http"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/profile"
)

// decodeJSON reads the request body into v: the media type must be JSON
// (415), the body at most limit bytes (413), well-formed (400) and one value.
//
// The body is read whole into a pooled buffer and unmarshalled: a
// json.Decoder (its read buffer and state) was the largest allocation of a
// chat turn. Any failure is decoded again, from the same bytes followed by
// the same read error, by the streaming decoder the endpoint always used, so
// that every error (its code and its words) stays what clients have seen.
func decodeJSON(r *http.Request, limit int64, v any) error {
	if err := checkJSONMediaType(headerValue(r.Header, "Content-Type")); err != nil {
		return err
	}
	if err := declaredTooLarge(r, limit, "request body"); err != nil {
		return err
	}
	buf := jsonBuffers.Get().(*bytes.Buffer)
	defer putJSONBuffer(buf)
	buf.Reset()
	body := r.Body
	if r.ContentLength < 0 {
		// Chunked: cut at limit as it is read. A body with a length
		// (at most limit, see declaredTooLarge) ends there already:
		// net/http reads no byte past it, so no reader is allocated to
		// count them.
		body = http.MaxBytesReader(nil, body, limit)
	}
	_, readErr := buf.ReadFrom(body)
	b := buf.Bytes()
	if readErr == nil {
		// RFC 8259 §8.1 lets a parser ignore a byte order mark; Windows
		// tools write one, and the profile import already accepts it.
		b = bytes.TrimPrefix(b, utf8BOM)
		if a, ok := v.(*askRequest); ok {
			if text, ok := plainAskBody(b); ok {
				a.Text = text
				return nil
			}
		}
		if err := checkJSONShape(b); err != nil {
			return err
		}
		if json.Unmarshal(b, v) == nil {
			return checkJSONText(b)
		}
	}
	if err := bodyReadError(readErr, "request body"); err != nil {
		return err
	}
	var rest io.Reader = bytes.NewReader(b)
	if readErr != nil {
		rest = io.MultiReader(rest, errReader{readErr})
	}
	return decodeStream(rest, limit, v)
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// plainAskBody reads a turn's body in the form every client sends,
// {"text": "..."} with JSON whitespace around the tokens and a text of
// valid UTF-8 without escapes or control characters, and says whether b
// was one. What it accepts, Unmarshal and checkJSONText accept with the
// same text (TestPlainAskBodyIsUnmarshal); anything else takes that path.
// Unmarshal's scan, reflection and checks were ~7k instructions and three
// allocations of a turn.
func plainAskBody(b []byte) (string, bool) {
	i := skipJSONSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return "", false
	}
	i = skipJSONSpace(b, i+1)
	if !bytes.HasPrefix(b[i:], []byte(`"text"`)) {
		return "", false
	}
	i = skipJSONSpace(b, i+len(`"text"`))
	if i >= len(b) || b[i] != ':' {
		return "", false
	}
	i = skipJSONSpace(b, i+1)
	if i >= len(b) || b[i] != '"' {
		return "", false
	}
	start := i + 1
	end := start
	for end < len(b) && b[end] != '"' {
		if c := b[end]; c < 0x20 || c == '\\' {
			return "", false
		}
		end++
	}
	if end >= len(b) || !utf8.Valid(b[start:end]) {
		return "", false
	}
	i = skipJSONSpace(b, end+1)
	if i >= len(b) || b[i] != '}' || skipJSONSpace(b, i+1) != len(b) {
		return "", false
	}
	return string(b[start:end]), true
}

// skipJSONSpace returns the index of the first byte of b from i on that
// is not JSON whitespace.
func skipJSONSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// declaredTooLarge refuses, before a byte is read, a body whose
// Content-Length is past limit: a client that sent "Expect: 100-continue"
// is told 413 instead of being invited to upload what will be refused.
// Bodies without a length (chunked) are cut at limit as they are read.
func declaredTooLarge(r *http.Request, limit int64, what string) error {
	if r.ContentLength > limit {
		return apperr.New(apperr.TooLarge, "%s exceeds %d bytes", what, limit)
	}
	return nil
}

// checkObjectEnvelope applies to a body that another package decodes (a
// profile document) the rule every JSON body here shares: one object (null,
// an array or a scalar is 400). Malformed JSON is left for that decoder to
// word, and so are repeated keys: the profile decoder reads a key repeated
// with the same value once (theme templates repeat "languages": []) and
// refuses one whose values disagree with its path.
func checkObjectEnvelope(b []byte) error {
	return checkJSONShape(bytes.TrimPrefix(b, utf8BOM))
}

// checkJSONMediaType accepts no Content-Type, application/json and the
// +json suffix types, in UTF-8 only: RFC 8259 JSON has no other charset,
// and a body sent as Latin-1 would be read as something the client did
// not mean.
func checkJSONMediaType(ct string) error {
	if ct == "" || ct == "application/json" {
		return nil
	}
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil || (mt != "application/json" && !isJSONSuffix(mt)) {
		return apperr.New(apperr.Unsupported, "Content-Type %q: send application/json", ct)
	}
	if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") && !strings.EqualFold(cs, "utf8") {
		return apperr.New(apperr.Unsupported, "Content-Type %q: JSON is UTF-8; send charset=utf-8 or none", ct)
	}
	return nil
}

// checkJSONShape refuses a well-formed body that is not an object (null,
// an array, a string) before it reaches a struct: Unmarshal would take
// null as an empty request and name a Go type for an array.
func checkJSONShape(b []byte) error {
	t := bytes.TrimLeft(b, " \t\r\n")
	if len(t) == 0 || t[0] == '{' || !json.Valid(b) {
		return nil // empty or malformed: decodeStream words those
	}
	return apperr.New(apperr.Malformed, "request body must be a JSON object, not %s", jsonKind(t[0]))
}

func jsonKind(c byte) string {
	switch c {
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 'n':
		return "null"
	case 't', 'f':
		return "a boolean"
	default:
		return "a number"
	}
}

// checkJSONText checks what Unmarshal lets through in a valid object:
// invalid UTF-8 and unpaired surrogate escapes (silently replaced by
// U+FFFD, so the stored text would not be what was sent), NUL characters (PostgreSQL cannot store them in
// text) and duplicate member names (Unmarshal keeps the last one).
func checkJSONText(b []byte) error {
	if !utf8.Valid(b) {
		return apperr.New(apperr.Malformed, "request body is not valid UTF-8")
	}
	if profile.UnpairedSurrogate(b) >= 0 {
		return apperr.New(apperr.Malformed, "request body: an unpaired UTF-16 surrogate escape (\\ud800-\\udfff) names no character")
	}
	if hasEscapedNUL(b) {
		return apperr.New(apperr.Invalid, "request body: text must not contain NUL characters (\\u0000)")
	}
	if key, ok := duplicateTopLevelKey(b); ok {
		return apperr.New(apperr.Malformed, "request body: duplicate member %q", key)
	}
	return nil
}

// hasEscapedNUL reports whether valid JSON b holds the escape \u0000 (a raw
// NUL byte is already a syntax error). A backslash escaped by another
// backslash starts no escape, so the backslashes before it are counted.
func hasEscapedNUL(b []byte) bool {
	for off := 0; ; {
		i := bytes.Index(b[off:], []byte(`\u0000`))
		if i < 0 {
			return false
		}
		i += off
		n := 0
		for j := i - 1; j >= 0 && b[j] == '\\'; j-- {
			n++
		}
		if n%2 == 0 {
			return true
		}
		off = i + 1
	}
}

// duplicateTopLevelKey returns a member name that occurs twice in the
// object b (valid JSON). Request bodies are flat, so only the top level is
// checked; names are compared as written, and unescaped only when they
// hold an escape.
func duplicateTopLevelKey(b []byte) (string, bool) {
	var keys [16][]byte
	var seen [][]byte = keys[:0]
	depth, expectKey := 0, false
	for i := 0; i < len(b); i++ {
		switch c := b[i]; c {
		case '{', '[':
			depth++
			expectKey = depth == 1 && c == '{'
		case '}', ']':
			depth--
		case ',':
			expectKey = depth == 1
		case '"':
			end := stringEnd(b, i)
			if depth == 1 && expectKey {
				k := unescapeKey(b[i : end+1])
				for _, s := range seen {
					if bytes.Equal(s, k) {
						return string(k), true
					}
				}
				seen = append(seen, k)
				expectKey = false
			}
			i = end
		}
	}
	return "", false
}

// stringEnd returns the index of the quote closing the string opened at i.
func stringEnd(b []byte, i int) int {
	for j := i + 1; j < len(b); j++ {
		switch b[j] {
		case '\\':
			j++
		case '"':
			return j
		}
	}
	return len(b) - 1
}

func unescapeKey(quoted []byte) []byte {
	if bytes.IndexByte(quoted, '\\') < 0 {
		return quoted[1 : len(quoted)-1]
	}
	var s string
	if json.Unmarshal(quoted, &s) != nil {
		return quoted
	}
	return []byte(s)
}

// bodyReadError words a body that could not be read for a reason of the
// connection's, not of the bytes: a client too slow for the server's read
// timeout (408), or one whose body ends before its Content-Length (400). Nil for any
// other error (the size limit is the caller's to word). Read errors name
// the server's and the client's socket addresses, which are no client's
// business, and left to the caller a profile upload cut short was a 500.
func bodyReadError(err error, what string) error {
	var ne net.Error
	switch {
	case err == nil:
		return nil
	case errors.As(err, &ne) && ne.Timeout():
		return apperr.New(apperr.RequestTimeout, "%s did not arrive within the server's read timeout; send it again", what)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return apperr.New(apperr.Malformed, "%s ended before its Content-Length", what)
	}
	return nil
}

// errReader fails every read with err.
type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// decodeStream decodes one JSON value from body, limited to limit bytes
// (a read past it fails with *http.MaxBytesError), into v.
func decodeStream(body io.Reader, limit int64, v any) error {
	dec := json.NewDecoder(body)
	if err := dec.Decode(v); err != nil {
		var mbe *http.MaxBytesError
		switch {
		case errors.As(err, &mbe):
			return apperr.New(apperr.TooLarge, "request body exceeds %d bytes", limit)
		case errors.Is(err, io.EOF):
			return apperr.New(apperr.Malformed, "request body is empty: send a JSON object")
		default:
			var ute *json.UnmarshalTypeError
			if errors.As(err, &ute) {
				return typeError(ute)
			}
			return apperr.New(apperr.Malformed, "request body is not valid JSON: %v", err)
		}
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return apperr.New(apperr.TooLarge, "request body exceeds %d bytes", limit)
		}
		return apperr.New(apperr.Malformed, "request body must hold a single JSON value")
	}
	return nil
}

// typeError words a JSON value of the wrong type in JSON's terms: the Go
// type names encoding/json reports mean nothing to a client.
func typeError(ute *json.UnmarshalTypeError) error {
	if ute.Field == "" {
		return apperr.New(apperr.Malformed, "request body must be a JSON object, not %s", jsonValueName(ute.Value))
	}
	return apperr.New(apperr.Malformed, "field %q: expected %s, not %s", ute.Field, jsonKindName(ute.Type), jsonValueName(ute.Value))
}

// jsonKindName names the JSON type a Go type decodes from, so a client
// reads "a string" rather than the server's Go type names.
func jsonKindName(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "a boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return "an integer"
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a non-negative integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Struct, reflect.Map:
		return "an object"
	}
	return "a different JSON type"
}

// jsonValueName turns encoding/json's description of the value it met
// ("string", "number 5", "array"...) into words for a client.
func jsonValueName(v string) string {
	kind, _, _ := strings.Cut(v, " ")
	switch kind {
	case "string":
		return "a string"
	case "number":
		return "a number"
	case "bool":
		return "a boolean"
	case "array":
		return "an array"
	case "object":
		return "an object"
	}
	return v
}

func isJSONSuffix(mt string) bool {
	return len(mt) > 5 && mt[len(mt)-5:] == "+json"
}
