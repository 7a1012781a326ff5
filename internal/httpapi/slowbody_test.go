package httpapi_test

import (
	"bufio"
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/auth"
	"github.com/parleyhq/parley/internal/testenv"
)

// TestBodyThatDoesNotArrive: a client that sends its head and then too
// little of the body for the server's read timeout gets 408 problem+json
// with Connection: close (RFC 9110 §15.5.9), on every route that reads a
// body, and no server error is logged.
func TestBodyThatDoesNotArrive(t *testing.T) {
	var logs testenv.LogBuffer
	f := buildServerWith(t, serverOptions{readTimeout: 300 * time.Millisecond, logger: slog.New(slog.NewJSONHandler(&logs, nil))})
	_, writer, err := f.auth.CreateAPIKey(context.Background(), "ci", auth.NewScopes(auth.ScopeProfilesWrite), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	sid := openSession(t, f)
	routes := []struct{ name, head string }{
		{"turn", "POST /v1/sessions/" + sid + "/messages HTTP/1.1\r\nContent-Type: application/json\r\n"},
		{"session", "POST /v1/sessions HTTP/1.1\r\nContent-Type: application/json\r\n"},
		{"profile upload", "PUT /v1/profiles/slow HTTP/1.1\r\nContent-Type: application/json\r\nAuthorization: Bearer " + writer + "\r\n"},
	}
	for _, rt := range routes {
		t.Run(rt.name, func(t *testing.T) {
			conn, err := net.Dial("tcp", strings.TrimPrefix(f.URL, "http://"))
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			if _, err := io.WriteString(conn, rt.head+"Host: x\r\nContent-Length: 100\r\n\r\n{\"text\": \"wh"); err != nil {
				t.Fatal(err)
			}
			_ = conn.SetReadDeadline(time.Now().Add(10 * time.Second))
			br := bufio.NewReader(conn)
			resp, err := http.ReadResponse(br, nil)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusRequestTimeout || resp.Header.Get("Content-Type") != "application/problem+json" || !resp.Close {
				t.Fatalf("%d %q close=%v: %s", resp.StatusCode, resp.Header.Get("Content-Type"), resp.Close, body)
			}
			if !strings.Contains(string(body), "did not arrive within the server's read timeout") || strings.Contains(string(body), "127.0.0.1") {
				t.Errorf("detail: %s", body)
			}
			// The connection ends: the late rest of the body is never read
			// as a request of its own.
			if n, err := br.Read(make([]byte, 1)); n != 0 || err == nil {
				t.Errorf("connection still open after 408 (%d, %v)", n, err)
			}
		})
	}
	if strings.Contains(logs.String(), `"level":"ERROR"`) {
		t.Errorf("a slow client was logged as a server error:\n%s", logs.String())
	}
}
