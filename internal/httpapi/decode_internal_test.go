package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/parleyhq/parley/internal/apperr"
)

// decodeJSONReference is decodeJSON as it was before it read bodies whole:
// the streaming decoder whose answers (codes and words) decodeJSON keeps.
func decodeJSONReference(r *http.Request, limit int64, v any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || (mt != "application/json" && !isJSONSuffix(mt)) {
			return apperr.New(apperr.Unsupported, "Content-Type %q: send application/json", ct)
		}
	}
	body := http.MaxBytesReader(nil, r.Body, limit)
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

type decodeProbe struct {
	Text  string `json:"text"`
	Count int    `json:"count"`
}

// checkDecodeLikeReference fails when decodeJSON and the reference answer
// body differently: another error code or message, or another value.
func checkDecodeLikeReference(t *testing.T, contentType, body string, limit int64) {
	t.Helper()
	req := func() *http.Request {
		r := httptest.NewRequest("POST", "/", strings.NewReader(body))
		if contentType != "" {
			r.Header.Set("Content-Type", contentType)
		}
		return r
	}
	var got, want decodeProbe
	gotErr := decodeJSON(req(), limit, &got)
	wantErr := decodeJSONReference(req(), limit, &want)
	if rule := hostileRule(contentType, body, limit, wantErr); rule != nil {
		wantErr = rule
	}
	if apperr.CodeOf(gotErr) != apperr.CodeOf(wantErr) || apperr.MessageOf(gotErr) != apperr.MessageOf(wantErr) || (gotErr == nil) != (wantErr == nil) {
		t.Errorf("%q (%s, limit %d): error %v, the reference's %v", body, contentType, limit, gotErr, wantErr)
	}
	if wantErr == nil {
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%q: value (-reference +got):\n%s", body, diff)
		}
	}
}

// hostileRule is where decodeJSON departs from the reference on purpose
// (the hostile-client round, docs/benchmarks-log.md): the error it gives
// instead, or nil. A body with a byte order mark answers as the body
// without it, which checkDecodeLikeReference is asked about separately.
func hostileRule(contentType, body string, limit int64, refErr error) error {
	if _, params, err := mime.ParseMediaType(contentType); err == nil && params["charset"] != "" && !strings.EqualFold(params["charset"], "utf-8") {
		return apperr.New(apperr.Unsupported, "Content-Type %q: JSON is UTF-8; send charset=utf-8 or none", contentType)
	}
	if apperr.CodeOf(refErr) == apperr.Unsupported {
		return nil
	}
	if int64(len(body)) > limit {
		// httptest sets Content-Length, and a declared length past the
		// limit is refused before a byte is read (declaredTooLarge), where
		// the reference may first find something else wrong early on.
		return apperr.New(apperr.TooLarge, "request body exceeds %d bytes", limit)
	}
	trim := strings.TrimLeft(body, " \t\r\n")
	if json.Valid([]byte(body)) && trim != "" && trim[0] != '{' {
		kind, ok := map[byte]string{'[': "an array", '"': "a string", 'n': "null", 't': "a boolean", 'f': "a boolean"}[trim[0]]
		if !ok {
			kind = "a number" // what else is valid JSON
		}
		return apperr.New(apperr.Malformed, "request body must be a JSON object, not %s", kind)
	}
	if refErr == nil && !utf8.ValidString(body) {
		return apperr.New(apperr.Malformed, "request body is not valid UTF-8")
	}
	if refErr == nil && strings.Contains(strings.ReplaceAll(body, `\\`, ""), `\u0000`) {
		return apperr.New(apperr.Invalid, "request body: text must not contain NUL characters (\\u0000)")
	}
	if key, ok := refDuplicateMember(body); refErr == nil && ok {
		return apperr.New(apperr.Malformed, "request body: duplicate member %q", key)
	}
	return nil
}

// refDuplicateMember finds a member name given twice at the top level of
// the object body with encoding/json's tokenizer (the oracle for the
// decoder's own scanner).
func refDuplicateMember(body string) (string, bool) {
	dec := json.NewDecoder(strings.NewReader(body))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return "", false
	}
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return "", false
		}
		k, _ := tok.(string)
		if seen[k] {
			return k, true
		}
		seen[k] = true
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return "", false
		}
	}
	return "", false
}

func TestDecodeJSONAnswersAsTheStreamingDecoder(t *testing.T) {
	bodies := []string{
		`{"text": "Where did he study?"}`, ` {"text":"x","count":3} `, `{"text":"x"}{"text":"y"}`, `{"text":"x"} x`,
		``, `   `, `{`, `{"text": 5}`, `{"count": "many"}`, `[1,2]`, `null`, `"x"`, `{"text":"é\u00e9"}`,
		`{"text": "` + strings.Repeat("a", 100) + `"}`, `{"text": "` + strings.Repeat("a", 100) + `"}   ` + strings.Repeat(" ", 100),
		`{"text":"x"}` + strings.Repeat(" ", 200) + `{`, "{\"text\":\"\xff\"}", `{"unknown": {"a": [1, 2]}, "text": "t"}`,
		`{"text":"a","text":"b"}`, `{"u":{"text":1},"text":"b"}`, `{"text":"a\u0000b"}`, `{"text":"a\\u0000b"}`, `{"text":"a\\\u0000b"}`,
		`0`, `-1.5e3`, `true`, `false`, `{"a":1,"b":{"a":2},"a":3}`, `{"t\u0065xt":"a","text":"b"}`, `{"text":"\u0000","text":"b"}`,
	}
	for _, ct := range []string{"", "application/json", "application/json; charset=utf-8", "application/json; charset=latin1", "application/problem+json", "text/plain", "bad/;;"} {
		for _, body := range bodies {
			for _, limit := range []int64{8, 64, 1 << 20} {
				checkDecodeLikeReference(t, ct, body, limit)
			}
		}
	}
}

// A byte order mark (RFC 8259 §8.1) changes nothing but the size counted.
func TestDecodeJSONIgnoresAByteOrderMark(t *testing.T) {
	for _, body := range []string{`{"text":"x","count":2}`, `{"text":5}`, `[]`, ``} {
		var got, want decodeProbe
		gotErr := decodeJSON(httptest.NewRequest("POST", "/", strings.NewReader("\uFEFF"+body)), 1<<20, &got)
		wantErr := decodeJSON(httptest.NewRequest("POST", "/", strings.NewReader(body)), 1<<20, &want)
		if apperr.MessageOf(gotErr) != apperr.MessageOf(wantErr) || got != want {
			t.Errorf("%q with a BOM: %v %+v, without: %v %+v", body, gotErr, got, wantErr, want)
		}
	}
}

func FuzzDecodeJSON(f *testing.F) {
	f.Add(`{"text": "Where did he study?"}`, int64(64))
	f.Add(`{"text":"x"} {`, int64(13))
	f.Add(`{"text":"a","count":1,"text":"b"}`, int64(64))
	f.Add(`{"text":"a\u0000"}`, int64(64))
	f.Fuzz(func(t *testing.T, body string, limit int64) {
		if limit <= 0 || limit > 1<<16 {
			return
		}
		checkDecodeLikeReference(t, "application/json", body, limit)
	})
}

// TestPlainAskBodyIsUnmarshal: a body plainAskBody takes is one that
// Unmarshal and checkJSONText take, with the same text; the bodies it
// leaves to them include every form it does not know.
func TestPlainAskBodyIsUnmarshal(t *testing.T) {
	cases := []struct {
		body  string
		plain bool
	}{
		{`{"text": "Where did he study?"}`, true},
		{`{"text":"x"}`, true},
		{" \r\n\t{ \"text\" :\n\"déjà vu \u2028 日本\" }\n ", true},
		{`{"text": ""}`, true},
		{`{"text": "a <b> & c"}`, true},
		{`{"text": "say \"hi\""}`, false},
		{`{"text": "tab\there"}`, false},
		{"{\"text\": \"raw\ttab\"}", false},
		{`{"text": "\u00e9"}`, false},
		{`{"TEXT": "x"}`, false},
		{`{"text": "x", "text": "y"}`, false},
		{`{"text": "x", "other": 1}`, false},
		{`{"text": 5}`, false},
		{`{"text": null}`, false},
		{`{"text": "x"`, false},
		{`{"text": "x"} {}`, false},
		{`{"text": "x"}}`, false},
		{"{\"text\": \"\xff\"}", false},
		{`{}`, false},
		{`[]`, false},
		{``, false},
		{`{"text": "unterminated}`, false},
	}
	for _, c := range cases {
		got, ok := plainAskBody([]byte(c.body))
		if ok != c.plain {
			t.Errorf("plainAskBody(%q) ok = %v, want %v", c.body, ok, c.plain)
		}
		if !ok {
			continue
		}
		var want askRequest
		if err := json.Unmarshal([]byte(c.body), &want); err != nil {
			t.Errorf("%q: taken as plain, but Unmarshal fails: %v", c.body, err)
			continue
		}
		if err := checkJSONText([]byte(c.body)); err != nil {
			t.Errorf("%q: taken as plain, but checkJSONText refuses it: %v", c.body, err)
		}
		if got != want.Text {
			t.Errorf("plainAskBody(%q) = %q, Unmarshal gives %q", c.body, got, want.Text)
		}
	}
}

// FuzzPlainAskBody: whatever plainAskBody takes, Unmarshal and
// checkJSONText take with the same text.
func FuzzPlainAskBody(f *testing.F) {
	f.Add(`{"text": "Where did he study?"}`)
	f.Add(" {\"text\":\"d\u00e9j\u00e0\"}\n")
	f.Add(`{"text": "a\"b"}`)
	f.Fuzz(func(t *testing.T, body string) {
		text, ok := plainAskBody([]byte(body))
		if !ok {
			return
		}
		var want askRequest
		if err := json.Unmarshal([]byte(body), &want); err != nil {
			t.Fatalf("%q: taken as plain, but Unmarshal fails: %v", body, err)
		}
		if err := checkJSONText([]byte(body)); err != nil {
			t.Fatalf("%q: taken as plain, but checkJSONText refuses it: %v", body, err)
		}
		if text != want.Text {
			t.Fatalf("plainAskBody(%q) = %q, Unmarshal gives %q", body, text, want.Text)
		}
	})
}

// TestDecodeAskAllocations: a plain turn body costs the text, the body
// limit's reader and nothing of encoding/json.
func TestDecodeAskAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts differ under the race detector; make test runs this once more without it")
	}
	body := []byte(`{"text": "Where did he study?"}`)
	rd := bytes.NewReader(body)
	r := httptest.NewRequest("POST", "/v1/sessions/x/messages", io.NopCloser(rd))
	r.Header.Set("Content-Type", "application/json")
	var req askRequest
	allocs := testing.AllocsPerRun(100, func() {
		rd.Reset(body)
		if err := decodeJSON(r, 1<<16, &req); err != nil {
			t.Fatal(err)
		}
	})
	if req.Text != "Where did he study?" {
		t.Fatalf("text %q", req.Text)
	}
	if allocs > 2 {
		t.Errorf("decodeJSON of a plain turn body: %v allocations, want at most 2", allocs)
	}
}

// timeoutError is what a connection's read returns past its deadline.
type timeoutError struct{}

func (timeoutError) Error() string   { return "read tcp 127.0.0.1:8080->127.0.0.1:40514: i/o timeout" }
func (timeoutError) Timeout() bool   { return true }
func (timeoutError) Temporary() bool { return true }

// TestBodyReadFailuresAreWorded: a body the connection failed to deliver
// is worded, never with the socket's addresses: too slow for the read
// timeout is 408 (sending it again may work), cut before its
// Content-Length is 400.
func TestBodyReadFailuresAreWorded(t *testing.T) {
	tests := []struct {
		name string
		err  error
		code apperr.Code
		want string
	}{
		{"read timeout", timeoutError{}, apperr.RequestTimeout, "did not arrive within the server's read timeout"},
		{"cut short", io.ErrUnexpectedEOF, apperr.Malformed, "ended before its Content-Length"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest("POST", "/v1/sessions", io.MultiReader(strings.NewReader(`{"pro`), errReader{tc.err}))
			var v decodeProbe
			err := decodeJSON(r, 1<<20, &v)
			if apperr.CodeOf(err) != tc.code || !strings.Contains(apperr.MessageOf(err), tc.want) || strings.Contains(apperr.MessageOf(err), "127.0.0.1") {
				t.Errorf("%v (%s), want %s saying %q", err, apperr.CodeOf(err), tc.code, tc.want)
			}
		})
	}
}

// A value of the wrong type is worded in JSON's terms; the server's Go
// type names (httpapi.decodeProbe, int) are nothing a client can act on.
func TestDecodeTypeErrorsNameJSONTypes(t *testing.T) {
	cases := []struct{ body, want string }{
		{`{"text": 5}`, `field "text": expected a string, not a number`},
		{`{"count": "many"}`, `field "count": expected an integer, not a string`},
		{`{"text": {"a": 1}}`, `field "text": expected a string, not an object`},
		{`{"count": [1]} x`, `field "count": expected an integer, not an array`},
		{`[[1, 2]] x`, `request body must be a JSON object, not an array`},
		{`"hi" {`, `request body must be a JSON object, not a string`},
		{`true ]`, `request body must be a JSON object, not a boolean`},
	}
	for _, c := range cases {
		var got decodeProbe
		err := decodeJSON(httptest.NewRequest("POST", "/", strings.NewReader(c.body)), 1<<20, &got)
		if apperr.CodeOf(err) != apperr.Malformed || apperr.MessageOf(err) != c.want {
			t.Errorf("%q: %v, want Malformed %q", c.body, err, c.want)
		}
	}
}
