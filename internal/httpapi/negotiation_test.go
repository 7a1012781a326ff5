package httpapi_test

import (
	"bufio"
	"context"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/auth"
)

// TestEventStreamFollowsQ: a turn streams only when text/event-stream is
// acceptable (q above 0) and preferred at least as much as JSON.
func TestEventStreamFollowsQ(t *testing.T) {
	f := newServer(t)
	sid := openSession(t, f)
	tests := []struct {
		accept, want string
	}{
		{"text/event-stream", "text/event-stream"},
		{"text/event-stream, application/json", "text/event-stream"},
		{"TEXT/EVENT-STREAM;q=0.9, application/json;q=0.5", "text/event-stream"},
		{"text/event-stream;q=0, application/json", "application/json"},
		{"application/json, text/event-stream;q=0.5", "application/json"},
		{"*/*, text/event-stream;q=0.1", "application/json"},
	}
	for _, tt := range tests {
		t.Run(tt.accept, func(t *testing.T) {
			resp, body := do(t, "POST", f.URL+"/v1/sessions/"+sid+"/messages", `{"text":"Where did he work?"}`,
				map[string]string{"Content-Type": "application/json", "Accept": tt.accept})
			if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != tt.want {
				t.Errorf("answered %d %q, want 200 %q: %.200s", resp.StatusCode, resp.Header.Get("Content-Type"), tt.want, body)
			}
		})
	}
}

// TestProfileETagComparison: If-None-Match compares weakly and takes a
// list or "*" (RFC 9110 §13.1.2), as caches and browsers send it.
func TestProfileETagComparison(t *testing.T) {
	f := newServer(t)
	resp, _ := do(t, "GET", f.URL+"/v1/profiles/hendriks", "", nil)
	etag := resp.Header.Get("ETag")
	if etag == "" {
		t.Fatal("no ETag")
	}
	tests := []struct {
		name, inm string
		want      int
	}{
		{"the tag", etag, 304},
		{"weak form", "W/" + etag, 304},
		{"in a list", `"other", ` + etag, 304},
		{"in a list without spaces", `"other",` + etag, 304},
		{"any", "*", 304},
		{"another tag", `"other"`, 200},
		{"the tag unquoted", strings.Trim(etag, `"`), 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := do(t, "GET", f.URL+"/v1/profiles/hendriks", "", map[string]string{"If-None-Match": tt.inm})
			if resp.StatusCode != tt.want {
				t.Errorf("If-None-Match %q: %d, want %d", tt.inm, resp.StatusCode, tt.want)
			}
			if tt.want == 304 && len(body) != 0 {
				t.Errorf("304 with a body: %.100s", body)
			}
		})
	}
}

// TestRefusedBeforeTheBody: a declared Content-Length past the limit is
// answered 413 at once, so that a client waiting for "100 Continue" never
// uploads what would be refused; a request target that is not a path is
// 400 problem+json, not ServeMux's redirect to "/*".
func TestRefusedBeforeTheBody(t *testing.T) {
	f := newServer(t)
	_, writer, err := f.auth.CreateAPIKey(context.Background(), "ci", auth.NewScopes(auth.ScopeProfilesWrite), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	tooLong := func(method, path string, n int, extra string) string {
		return method + " " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + extra +
			"Content-Length: " + strconv.Itoa(n) + "\r\nExpect: 100-continue\r\n\r\n"
	}
	tests := []struct {
		name, request string
		want          int
	}{
		{"session body past 1 MiB", tooLong("POST", "/v1/sessions", 1<<20+1, ""), 413},
		{"turn body past 1 MiB", tooLong("POST", "/v1/sessions/0123456789abcdef0123456789abcdef/messages", 1<<20+1, ""), 413},
		{"profile past its limit", tooLong("PUT", "/v1/profiles/big", 64<<20, "Authorization: Bearer "+writer+"\r\n"), 413},
		{"asterisk target", "GET * HTTP/1.1\r\nHost: x\r\n\r\n", 400},
		{"HTTP/2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 505},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			conn, err := net.Dial("tcp", strings.TrimPrefix(f.URL, "http://"))
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			// Only a safety net: a server waiting for the body fails the
			// status check below rather than hanging the test.
			_ = conn.SetDeadline(time.Now().Add(30 * time.Second))
			if _, err := conn.Write([]byte(tt.request)); err != nil {
				t.Fatal(err)
			}
			resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			if resp.StatusCode != tt.want || resp.Header.Get("Content-Type") != "application/problem+json" {
				t.Errorf("first answer %d %q, want %d problem+json", resp.StatusCode, resp.Header.Get("Content-Type"), tt.want)
			}
		})
	}
}
