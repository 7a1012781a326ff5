package httpapi_test

import (
	"net/http"
	"strings"
	"testing"
)

// TestCacheControl: a conversation, its history and anything else private
// is no-store (with no Cache-Control at all, a shared cache may keep a 200
// to a GET by heuristic freshness, RFC 9111 §4.2.2); a public profile is
// cacheable, as it says.
func TestCacheControl(t *testing.T) {
	f := newServer(t)
	id := openSession(t, f)
	json := map[string]string{"Content-Type": "application/json"}
	tests := []struct {
		name, method, path, body string
		hdr                      map[string]string
		status                   int
		want                     string
	}{
		{"turn", "POST", "/v1/sessions/" + id + "/messages", `{"text": "where does he work?"}`, json, 200, "no-store"},
		{"history", "GET", "/v1/sessions/" + id + "/messages", "", nil, 200, "no-store"},
		{"session", "POST", "/v1/sessions", `{"profile": "hendriks"}`, json, 201, "no-store"},
		{"health", "GET", "/healthz", "", nil, 200, "no-store"},
		{"problem", "GET", "/v1/sessions/" + strings.Repeat("0", 32) + "/messages", "", nil, 404, "no-store"},
		{"public profile", "GET", "/v1/profiles/hendriks", "", nil, 200, "public, max-age=60"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := do(t, tt.method, f.URL+tt.path, tt.body, tt.hdr)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tt.status, body)
			}
			if got := resp.Header.Values("Cache-Control"); len(got) != 1 || got[0] != tt.want {
				t.Errorf("Cache-Control %q, want %q", got, tt.want)
			}
		})
	}
}

// TestCORSExposesHeaders: a chat widget on an allowed origin can read the
// fields it needs to behave (back off on the rate limit, quote a request
// id); another origin gets no CORS fields at all.
func TestCORSExposesHeaders(t *testing.T) {
	f := buildServerWith(t, serverOptions{limit: 100, cors: []string{"https://me.example"}})
	for _, origin := range []string{"https://me.example", "https://other.example"} {
		resp, body := do(t, "POST", f.URL+"/v1/sessions", `{"profile": "hendriks"}`,
			map[string]string{"Content-Type": "application/json", "Origin": origin})
		if resp.StatusCode != http.StatusCreated {
			t.Fatalf("%s: status %d: %s", origin, resp.StatusCode, body)
		}
		if resp.Header.Get("RateLimit-Remaining") == "" || resp.Header.Get("X-Request-Id") == "" {
			t.Fatalf("%s: no RateLimit-Remaining or X-Request-Id to expose: %v", origin, resp.Header)
		}
		exposed := map[string]bool{}
		for _, v := range resp.Header.Values("Access-Control-Expose-Headers") {
			for _, name := range strings.Split(v, ",") {
				exposed[http.CanonicalHeaderKey(strings.TrimSpace(name))] = true
			}
		}
		if origin != "https://me.example" {
			if len(exposed) != 0 || resp.Header.Get("Access-Control-Allow-Origin") != "" {
				t.Errorf("%s: CORS fields for an origin not allowed: %v", origin, resp.Header)
			}
			continue
		}
		for _, name := range []string{"Retry-After", "Ratelimit-Limit", "Ratelimit-Remaining", "Ratelimit-Reset", "Ratelimit-Policy", "X-Request-Id", "Location"} {
			if !exposed[name] {
				t.Errorf("%s not in Access-Control-Expose-Headers %q", name, resp.Header.Values("Access-Control-Expose-Headers"))
			}
		}
	}
}

// TestCORSPreflightAllowsRequestedHeaders: a preflight from an allowed
// origin may send the fields it asks for when each is a field name, and
// its answer names every request field it depends on in Vary; a list
// holding something that is no field name is refused.
func TestCORSPreflightAllowsRequestedHeaders(t *testing.T) {
	f := buildServerWith(t, serverOptions{cors: []string{"https://me.example"}})
	tests := []struct {
		name, asked string
		status      int
		allow       string
	}{
		{"nothing asked: the fields the API reads", "", 204, "Authorization, Content-Type, Accept, X-Request-ID"},
		{"the API's own fields", "authorization,content-type", 204, "authorization, content-type"},
		{"a page's tracing fields, spaced and cased as it likes", "Content-Type , traceparent,,X-Client-Version", 204, "content-type, traceparent, x-client-version"},
		{"a name with a space inside", "content-type, x client", 400, ""},
		{"a quoted name", `"content-type"`, 400, ""},
		{"a name with a colon", "x-a:b", 400, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := http.Header{"Origin": {"https://me.example"}, "Access-Control-Request-Method": {"POST"}}
			if tc.asked != "" {
				h.Set("Access-Control-Request-Headers", tc.asked)
			}
			resp, body := doRaw(t, "OPTIONS", f.URL+"/v1/sessions", nil, h)
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tc.status, body)
			}
			if got := resp.Header.Get("Access-Control-Allow-Headers"); got != tc.allow {
				t.Errorf("Access-Control-Allow-Headers %q, want %q", got, tc.allow)
			}
			vary := strings.Join(resp.Header.Values("Vary"), ", ")
			for _, want := range []string{"Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers"} {
				if tc.status == 204 && !strings.Contains(vary, want) {
					t.Errorf("Vary %q lacks %s", vary, want)
				}
			}
			if tc.status == 400 && resp.Header.Get("Content-Type") != "application/problem+json" {
				t.Errorf("refusal in %q: %s", resp.Header.Get("Content-Type"), body)
			}
		})
	}
}
