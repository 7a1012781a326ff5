package httpapi_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/auth"
)

// doRaw sends body with the headers h as given (repeated ones included).
func doRaw(t *testing.T, method, url string, body []byte, h http.Header) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, vs := range h {
		req.Header[k] = vs
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

// TestHostileClients plays requests that real clients send and that the
// happy-path tests do not: each answer must be the documented status,
// problem+json for errors, and a refused request must write nothing.
func TestHostileClients(t *testing.T) {
	f := buildServerWith(t, serverOptions{cors: []string{"https://me.example"}})
	ctx := context.Background()
	_, writer, err := f.auth.CreateAPIKey(ctx, "ci", auth.NewScopes(auth.ScopeProfilesWrite), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	sample, err := os.ReadFile("../profile/testdata/sample.resume.json")
	if err != nil {
		t.Fatal(err)
	}
	withNUL := bytes.Replace(sample, []byte(`"name": "`), []byte(`"name": "\u0000`), 1)
	if bytes.Equal(withNUL, sample) {
		t.Fatal("sample has no name to spoil")
	}
	withSurrogate := bytes.Replace(sample, []byte(`"name": "`), []byte(`"name": "\ud800`), 1)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	_, _ = zw.Write([]byte(`{"profile":"hendriks"}`))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	sid := openSession(t, f)
	msgs := "/v1/sessions/" + sid + "/messages"
	js := "application/json"
	hdr := func(kv ...string) http.Header {
		h := http.Header{}
		for i := 0; i+1 < len(kv); i += 2 {
			h.Add(kv[i], kv[i+1])
		}
		return h
	}
	tests := []struct {
		name, method, path, body string
		h                        http.Header
		status                   int
		detail                   string // a piece of the problem's detail
		header, headerHas        string // a response header and a piece of its value
		oauth                    bool   // an OAuth endpoint: RFC 6749 §5.2 JSON, not problem+json
	}{
		{name: "latin1 charset", method: "POST", path: "/v1/sessions", body: `{"profile":"hendriks"}`,
			h: hdr("Content-Type", js+"; charset=latin1"), status: 415, detail: "UTF-8"},
		{name: "utf-8 charset spelled upper case", method: "POST", path: "/v1/sessions", body: `{"profile":"hendriks"}`,
			h: hdr("Content-Type", js+"; charset=UTF-8"), status: 201},
		{name: "byte order mark", method: "POST", path: "/v1/sessions", body: "\uFEFF" + `{"profile":"hendriks"}`,
			h: hdr("Content-Type", js), status: 201},
		{name: "duplicate member", method: "POST", path: "/v1/sessions", body: `{"profile":"nobody","profile":"hendriks"}`,
			h: hdr("Content-Type", js), status: 400, detail: `duplicate member "profile"`},
		{name: "duplicate member written with an escape", method: "POST", path: "/v1/sessions", body: `{"profile":"nobody","\u0070rofile":"hendriks"}`,
			h: hdr("Content-Type", js), status: 400, detail: "duplicate"},
		{name: "same name in a nested object is no duplicate", method: "POST", path: "/v1/sessions", body: `{"x":{"profile":1},"profile":"hendriks"}`,
			h: hdr("Content-Type", js), status: 201},
		{name: "null body", method: "POST", path: "/v1/sessions", body: `null`, h: hdr("Content-Type", js), status: 400, detail: "JSON object"},
		{name: "array body names no Go type", method: "POST", path: "/v1/sessions", body: `[]`, h: hdr("Content-Type", js), status: 400, detail: "not an array"},
		{name: "invalid UTF-8 in text", method: "POST", path: msgs, body: "{\"text\":\"Where did he \xff study?\"}",
			h: hdr("Content-Type", js), status: 400, detail: "UTF-8"},
		{name: "NUL in text", method: "POST", path: msgs, body: `{"text":"Where did he\u0000 study?"}`,
			h: hdr("Content-Type", js), status: 422, detail: "NUL"},
		{name: "escaped backslash before u0000 is text", method: "POST", path: "/v1/sessions", body: `{"profile":"hendriks","note":"C:\\u0000"}`,
			h: hdr("Content-Type", js), status: 201},
		{name: "Accept XML only", method: "POST", path: msgs, body: `{"text":"Where did he study?"}`,
			h: hdr("Content-Type", js, "Accept", "application/xml"), status: 406, detail: "application/json"},
		{name: "Accept XML on a GET", method: "GET", path: msgs, h: hdr("Accept", "application/xml"), status: 406},
		{name: "Accept application/* ", method: "GET", path: msgs, h: hdr("Accept", "application/*"), status: 200},
		{name: "Accept JSON refused with q=0", method: "GET", path: msgs, h: hdr("Accept", "application/json;q=0, text/html"), status: 406},
		{name: "negative limit", method: "GET", path: msgs + "?limit=-1", status: 400, detail: "limit"},
		{name: "limit past 32 bits", method: "GET", path: msgs + "?limit=99999999999999999999", status: 400, detail: "limit"},
		{name: "limit not a number", method: "GET", path: msgs + "?limit=abc", status: 400, detail: "limit"},
		{name: "after not a number", method: "GET", path: msgs + "?after=abc", status: 400, detail: "after"},
		{name: "large limit is clamped", method: "GET", path: msgs + "?limit=5000&unknown=1", status: 200},
		{name: "OPTIONS lists the methods", method: "OPTIONS", path: "/v1/sessions", status: 204, header: "Allow", headerHas: "OPTIONS"},
		{name: "405 names OPTIONS in Allow", method: "DELETE", path: "/v1/sessions", status: 405, header: "Allow", headerHas: "POST, OPTIONS", detail: "not allowed"},
		{name: "two Authorization headers", method: "PUT", path: "/v1/profiles/twice", body: string(sample),
			h: hdr("Content-Type", js, "Authorization", "Bearer "+writer, "Authorization", "Bearer bogus"), status: 400, detail: "one Authorization"},
		{name: "profile in latin1", method: "PUT", path: "/v1/profiles/latin", body: string(sample),
			h: hdr("Content-Type", js+"; charset=iso-8859-1", "Authorization", "Bearer "+writer), status: 415},
		{name: "profile holding NUL", method: "PUT", path: "/v1/profiles/nul", body: string(withNUL),
			h: hdr("Content-Type", js, "Authorization", "Bearer "+writer), status: 422, detail: "NUL"},
		// url.Values drops what it cannot parse and Get keeps the first
		// of repeated values: each would be read as something not said.
		{name: "query with a bad escape", method: "GET", path: msgs + "?limit=%zz", status: 400, detail: "query string"},
		{name: "query with a semicolon", method: "GET", path: msgs + "?limit=1;after=2", status: 400, detail: "semicolon"},
		{name: "limit given twice", method: "GET", path: msgs + "?limit=1&limit=2", status: 400, detail: "limit given 2 times"},
		{name: "strict given twice", method: "PUT", path: "/v1/profiles/strict2?strict=false&strict=true", body: string(sample),
			h: hdr("Content-Type", js, "Authorization", "Bearer "+writer), status: 400, detail: "strict given 2 times"},
		// encoding/json reads an unpaired surrogate as U+FFFD.
		{name: "unpaired high surrogate", method: "POST", path: msgs, body: `{"text":"Where did he \ud800 study?"}`,
			h: hdr("Content-Type", js), status: 400, detail: "surrogate"},
		{name: "low surrogate before high", method: "POST", path: msgs, body: `{"text":"\udc00\ud800 study?"}`,
			h: hdr("Content-Type", js), status: 400, detail: "surrogate"},
		{name: "profile with an unpaired surrogate", method: "PUT", path: "/v1/profiles/surrogate", body: string(withSurrogate),
			h: hdr("Content-Type", js, "Authorization", "Bearer "+writer), status: 400, detail: "surrogate"},
		{name: "profile that is null", method: "PUT", path: "/v1/profiles/nullp", body: "null",
			h: hdr("Content-Type", js, "Authorization", "Bearer "+writer), status: 400, detail: "JSON object"},
		{name: "profile that is an array", method: "PUT", path: "/v1/profiles/arrayp", body: "[" + string(sample) + "]",
			h: hdr("Content-Type", js, "Authorization", "Bearer "+writer), status: 400, detail: "JSON object"},
		{name: "profile with a top-level member twice, values disagreeing", method: "PUT", path: "/v1/profiles/dupp", body: `{"basics":{"name":"A"},"basics":{"name":"B"}}`,
			h: hdr("Content-Type", js, "Authorization", "Bearer "+writer), status: 422, detail: `duplicate key "basics"`},
		{name: "profile with a top-level member twice, same value", method: "PUT", path: "/v1/profiles/samekey", body: `{"basics":{"name":"A"},"basics":{"name":"A"}}`,
			h: hdr("Content-Type", js, "Authorization", "Bearer "+writer), status: 201},
		{name: "voice for a session that does not exist", method: "POST", path: "/v1/sessions/0123456789abcdef0123456789abcdef/voice",
			body: "RIFF", h: hdr("Content-Type", "audio/wav"), status: 404, detail: "not found"},
		// An unknown id or slug is repeated in the detail only in part.
		{name: "a 4,000-byte session id", method: "GET", path: "/v1/sessions/" + strings.Repeat("ab", 2000) + "/messages", status: 404, detail: "… (4000 bytes) not found or expired"},
		{name: "a 4,000-byte slug", method: "GET", path: "/v1/profiles/" + strings.Repeat("x", 4000), status: 404, detail: "… (4000 bytes) not found"},
		// RFC 9110 §15.5.16: a coded body is 415 naming the codings taken.
		{name: "gzip-coded body", method: "POST", path: "/v1/sessions", body: gz.String(),
			h: hdr("Content-Type", js, "Content-Encoding", "gzip"), status: 415, detail: "uncompressed", header: "Accept-Encoding", headerHas: "identity"},
		{name: "br-coded turn", method: "POST", path: msgs, body: `{"text":"Where did he study?"}`,
			h: hdr("Content-Type", js, "Content-Encoding", "br"), status: 415, detail: `"br"`, header: "Accept-Encoding", headerHas: "identity"},
		{name: "identity then gzip", method: "POST", path: msgs, body: `{"text":"Where did he study?"}`,
			h: hdr("Content-Type", js, "Content-Encoding", "identity, gzip"), status: 415, header: "Accept-Encoding", headerHas: "identity"},
		{name: "gzip-coded profile", method: "PUT", path: "/v1/profiles/gzipped", body: string(sample),
			h: hdr("Content-Type", js, "Content-Encoding", "gzip", "Authorization", "Bearer "+writer), status: 415, header: "Accept-Encoding", headerHas: "identity"},
		{name: "identity coding is no coding", method: "POST", path: "/v1/sessions", body: `{"profile":"hendriks"}`,
			h: hdr("Content-Type", js, "Content-Encoding", "Identity"), status: 201},
		{name: "coding named on a request without a body", method: "GET", path: msgs, h: hdr("Content-Encoding", "gzip"), status: 200},
		// RFC 6585 §5: a head past the API's limit is 431 naming its
		// largest field, as problem+json; one under it is served.
		{name: "a 100 KiB cookie", method: "GET", path: msgs, h: hdr("Cookie", "c="+strings.Repeat("x", 100<<10)),
			status: 431, detail: "largest field: Cookie"},
		{name: "a 100 KiB head in many fields", method: "GET", path: msgs, h: manyFields(200, 500), status: 431, detail: "this API reads at most"},
		{name: "a 100 KiB head at the token endpoint answers in OAuth's format", method: "POST", path: "/oauth/token",
			h: hdr("X-Padding", strings.Repeat("x", 100<<10)), status: 431, oauth: true},
		{name: "a 60 KiB cookie", method: "GET", path: msgs, h: hdr("Cookie", "c="+strings.Repeat("x", 60<<10)), status: 200},
		// A page's preflight may ask for its own fields, when they are
		// field names; the answer varies with what was asked.
		{name: "preflight asking for a tracing field", method: "OPTIONS", path: msgs,
			h:      hdr("Origin", "https://me.example", "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type,X-Trace-Id"),
			status: 204, header: "Access-Control-Allow-Headers", headerHas: "content-type, x-trace-id"},
		{name: "preflight varies with what it asks", method: "OPTIONS", path: msgs,
			h:      hdr("Origin", "https://me.example", "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type"),
			status: 204, header: "Vary", headerHas: "Origin, Access-Control-Request-Method, Access-Control-Request-Headers"},
		{name: "preflight asking for a field that is no name", method: "OPTIONS", path: msgs,
			h:      hdr("Origin", "https://me.example", "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", `content-type, x-a"b`),
			status: 400, detail: "not a list of header field names"},
		{name: "an answer to an origin not allowed varies with Origin too", method: "GET", path: msgs,
			h: hdr("Origin", "https://other.example"), status: 200, header: "Vary", headerHas: "Origin"},
		{name: "an authorization error page varies with Accept and Origin", method: "GET", path: "/oauth/authorize?client_id=nobody",
			h: hdr("Origin", "https://me.example"), status: 400, header: "Vary", headerHas: "Origin, Accept"},
		// A path past 4 KiB is no problem's instance, and routing errors
		// repeat 512 bytes of a long one.
		{name: "a 5,000-byte unknown path", method: "GET", path: "/v1/" + strings.Repeat("p", 5000), status: 404, detail: "… (5004 bytes)"},
		{name: "a 600-byte path on a wrong method", method: "DELETE", path: "/v1/sessions/" + strings.Repeat("s", 600) + "/messages",
			status: 405, detail: "… (622 bytes); allowed"},
		// RFC 6750 §3.1: a machine credential meets the admin role only
		// with the admin scope, so it is told which scope it lacks.
		{name: "admin route with a key lacking the admin scope", method: "GET", path: "/v1/admin/caches",
			h: hdr("Authorization", "Bearer "+writer), status: 403, header: "WWW-Authenticate", headerHas: `insufficient_scope", scope="admin"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := doRaw(t, tc.method, f.URL+tc.path, []byte(tc.body), tc.h)
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tc.status, body)
			}
			if got := strings.Join(resp.Header.Values(tc.header), ", "); tc.header != "" && !strings.Contains(got, tc.headerHas) {
				t.Errorf("%s: %q, want it to hold %q", tc.header, got, tc.headerHas)
			}
			if tc.status < 400 {
				return
			}
			if tc.oauth {
				var e struct{ Error string }
				if err := json.Unmarshal(body, &e); err != nil || e.Error == "" || resp.Header.Get("Content-Type") != "application/json" {
					t.Errorf("OAuth error %s (%s): %v", body, resp.Header.Get("Content-Type"), err)
				}
				return
			}
			if ct := resp.Header.Get("Content-Type"); ct != "application/problem+json" {
				t.Errorf("Content-Type %q", ct)
			}
			var p struct {
				Type, Title, Detail, Instance string
				Status                        int
			}
			if err := json.Unmarshal(body, &p); err != nil || p.Status != tc.status || p.Type == "" || p.Title == "" {
				t.Fatalf("problem %s: %v", body, err)
			}
			if !strings.Contains(p.Detail, tc.detail) || strings.Contains(p.Detail, "httpapi.") {
				t.Errorf("detail %.600q, want it to hold %q", p.Detail, tc.detail)
			}
			path, _, _ := strings.Cut(tc.path, "?")
			if instance := path; (len(path) > 4<<10 && p.Instance != "") || (len(path) <= 4<<10 && p.Instance != instance) {
				t.Errorf("instance %.100q (%d bytes) for a %d-byte path", p.Instance, len(p.Instance), len(path))
			}
			if len(path) > 512 && strings.Contains(p.Detail, path) {
				t.Errorf("detail repeats the whole %d-byte path", len(path))
			}
		})
	}
	// Nothing refused above was written.
	_, body := do(t, "GET", f.URL+msgs, "", nil)
	var hist struct{ Messages []json.RawMessage }
	if err := json.Unmarshal(body, &hist); err != nil || len(hist.Messages) != 0 {
		t.Errorf("history after refused turns: %s", body)
	}
	for _, slug := range []string{"twice", "latin", "nul", "strict2", "surrogate", "nullp", "arrayp", "dupp", "gzipped"} {
		if resp, _ := do(t, "GET", f.URL+"/v1/profiles/"+slug, "", nil); resp.StatusCode != http.StatusNotFound {
			t.Errorf("refused profile %s: GET answers %d", slug, resp.StatusCode)
		}
	}
}

// manyFields is n fields X-F0.. of size bytes each.
func manyFields(n, size int) http.Header {
	h := http.Header{}
	for i := range n {
		h.Set("X-F"+strconv.Itoa(i), strings.Repeat("v", size))
	}
	return h
}

// TestAuthenticatedRoutesKeepTheirMetricsLabel: auth puts the principal in
// a new request, whose matched pattern the metrics middleware never saw.
func TestAuthenticatedRoutesKeepTheirMetricsLabel(t *testing.T) {
	f := newServer(t)
	_, admin, err := f.auth.CreateAPIKey(context.Background(), "ops", auth.NewScopes(auth.ScopeAdmin), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if resp, body := do(t, "GET", f.URL+"/v1/admin/caches", "", map[string]string{"Authorization": "Bearer " + admin}); resp.StatusCode != 200 {
		t.Fatalf("caches: %d %s", resp.StatusCode, body)
	}
	_, body := do(t, "GET", f.URL+"/metrics", "", nil)
	if !strings.Contains(string(body), `parley_http_requests_total{code="200",method="GET",route="GET /v1/admin/caches"}`) {
		t.Errorf("no route label for the authenticated request:\n%s", grepLines(string(body), "parley_http_requests_total"))
	}
}

func grepLines(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// TestUncleanPathsRedirectWithoutHTML: ServeMux answers a path with double
// slashes or dot segments with a redirect carrying an HTML body; the API
// keeps the redirect and drops the HTML.
func TestUncleanPathsRedirectWithoutHTML(t *testing.T) {
	f := newServer(t)
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for _, path := range []string{"/v1//profiles/hendriks", "/v1/./profiles/hendriks", "/v1/x/../profiles/hendriks"} {
		req, err := http.NewRequest("GET", f.URL+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		req.URL.Opaque = path // keep the path as written
		resp, err := noFollow.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode/100 != 3 || resp.Header.Get("Location") != "/v1/profiles/hendriks" {
			t.Errorf("%s: %d Location %q", path, resp.StatusCode, resp.Header.Get("Location"))
		}
		if len(body) != 0 || strings.Contains(resp.Header.Get("Content-Type"), "html") {
			t.Errorf("%s: body %q (%s)", path, body, resp.Header.Get("Content-Type"))
		}
	}
}

// TestOAuthEndpointsAnswerInOAuthFormat: the client-authenticated OAuth
// endpoints are read by OAuth libraries, which parse RFC 6749 §5.2 errors
// and nothing else, so what the router and the authentication middleware
// refuse there is answered in that format too; the other routes keep
// problem+json.
func TestOAuthEndpointsAnswerInOAuthFormat(t *testing.T) {
	f := newServer(t)
	form := http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}
	twoAuth := form.Clone()
	twoAuth["Authorization"] = []string{"Basic YTpi", "Basic Yzpk"}
	bearer := form.Clone()
	bearer.Set("Authorization", "Bearer abc.def.ghi")
	tests := []struct {
		name, method, path string
		h                  http.Header
		wantStatus         int
		wantType           string
		wantError          string // OAuth error code, or problem status for problem+json
	}{
		{"GET token endpoint", "GET", "/oauth/token", nil, 405, "application/json", "invalid_request"},
		{"PUT revocation endpoint", "PUT", "/oauth/revoke", form, 405, "application/json", "invalid_request"},
		{"GET introspection endpoint", "GET", "/oauth/introspect", nil, 405, "application/json", "invalid_request"},
		{"two Authorization headers at the token endpoint", "POST", "/oauth/token", twoAuth, 400, "application/json", "invalid_request"},
		{"Bearer at the token endpoint", "POST", "/oauth/token", bearer, 401, "application/json", "invalid_client"},
		{"two Authorization headers elsewhere stay problem+json", "POST", "/v1/sessions", twoAuth, 400, "application/problem+json", ""},
		{"wrong method elsewhere stays problem+json", "DELETE", "/v1/sessions", nil, 405, "application/problem+json", ""},
		// RFC 6749 §4.1.2.1: an unknown client is told where it asked, never redirected.
		{"authorization request from an unknown client, program", "GET", "/oauth/authorize?client_id=nope",
			http.Header{"Accept": {"application/json"}}, 400, "application/problem+json", ""},
		{"authorization request from an unknown client, browser", "GET", "/oauth/authorize?client_id=nope",
			http.Header{"Accept": {"text/html,*/*;q=0.8"}}, 400, "text/html; charset=utf-8", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, b := doRaw(t, tt.method, f.URL+tt.path, []byte("grant_type=client_credentials"), tt.h)
			var body map[string]any
			_ = json.Unmarshal(b, &body)
			if resp.StatusCode != tt.wantStatus || resp.Header.Get("Content-Type") != tt.wantType {
				t.Fatalf("answered %d %s %s, want %d %s", resp.StatusCode, resp.Header.Get("Content-Type"), b, tt.wantStatus, tt.wantType)
			}
			if tt.wantError != "" && (body["error"] != tt.wantError || resp.Header.Get("Cache-Control") != "no-store") {
				t.Errorf("body %s (Cache-Control %q), want error %q and no-store", b, resp.Header.Get("Cache-Control"), tt.wantError)
			}
			if tt.wantStatus == 405 && !strings.Contains(resp.Header.Get("Allow"), "POST") {
				t.Errorf("Allow %q", resp.Header.Get("Allow"))
			}
		})
	}
	resp, _ := do(t, "GET", f.URL+"/.well-known/oauth-authorization-server", "", nil)
	if resp.StatusCode != 200 {
		t.Errorf("RFC 8414 well-known URI answered %d", resp.StatusCode)
	}
}

// failingBody is a request body whose connection fails after a few bytes.
type failingBody struct{ err error }

func (b failingBody) Read(p []byte) (int, error) { return 0, b.err }
func (b failingBody) Close() error               { return nil }

// TestProfileUploadCutShortIsNoServerError: a document the connection
// stops delivering is the client's 400, not a logged 500.
func TestProfileUploadCutShortIsNoServerError(t *testing.T) {
	f := newServer(t)
	_, writer, err := f.auth.CreateAPIKey(context.Background(), "ci", auth.NewScopes(auth.ScopeProfilesWrite), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest("PUT", "/v1/profiles/cut", nil)
	req.Body = failingBody{io.ErrUnexpectedEOF}
	req.ContentLength = 5000
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+writer)
	rec := httptest.NewRecorder()
	f.api.Handler().ServeHTTP(rec, req)
	if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "ended before its Content-Length") {
		t.Errorf("%d %s", rec.Code, rec.Body)
	}
}
