package httpapi

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/parleyhq/parley/internal/telemetry"
)

// TestServeTurnIsTheMuxsChoice holds serveTurn to ServeMux: every request
// it takes, the mux would give to turnPattern with the same id. The
// requests are a table of near misses and one made from every registered
// pattern, so a route added later that is more specific than turnPattern
// for some plain path fails here.
func TestServeTurnIsTheMuxsChoice(t *testing.T) {
	s := New(Deps{Logger: telemetry.Discard(), Registry: prometheus.NewRegistry()})
	if s.turnRoute == nil {
		t.Fatal("turnPattern is not registered")
	}
	var got string
	spy := http.NewServeMux()
	spy.HandleFunc(turnPattern, func(_ http.ResponseWriter, r *http.Request) { got = r.PathValue("id") })

	type req struct{ method, target string }
	reqs := []req{
		{"POST", "/v1/sessions/98dd8129ae9aee8cdb91089926404a9b/messages"},
		{"POST", "/v1/sessions/ABC-def_1/messages"},
		{"POST", "/v1/sessions/x/messages?after=3"},
		{"POST", "http://other.example:8080/v1/sessions/abc/messages"},
		{"GET", "/v1/sessions/abc/messages"},
		{"HEAD", "/v1/sessions/abc/messages"},
		{"PUT", "/v1/sessions/abc/messages"},
		{"POST", "/v1/sessions/%61bc/messages"},
		{"POST", "/v1/sessions/a%2Fb/messages"},
		{"POST", "/v1/sessions/a.b/messages"},
		{"POST", "/v1/sessions/../messages"},
		{"POST", "/v1/sessions/./messages"},
		{"POST", "/v1/sessions//messages"},
		{"POST", "/v1/sessions/a/b/messages"},
		{"POST", "/v1/sessions/abc/messages/"},
		{"POST", "/v1/sessions/abc/messagesx"},
		{"POST", "/v1/sessions/abc/Messages"},
		{"POST", "/v1/sessions/abc/voice"},
		{"POST", "/v1/sessions/messages"},
		{"POST", "/v1//sessions/abc/messages"},
		{"POST", "/v1/sessions/a%20b/messages"},
		{"POST", "/v1/sessions/%C3%A9/messages"},
	}
	for _, rt := range s.Routes() {
		method := rt.Method
		if method == "" {
			method = "POST"
		}
		path := rt.Pattern
		for strings.Contains(path, "{") {
			i := strings.Index(path, "{")
			j := strings.Index(path[i:], "}")
			path = path[:i] + "x1" + path[i+j+1:]
		}
		reqs = append(reqs, req{method, path}, req{"POST", path})
	}
	took := 0
	for _, q := range reqs {
		r := httptest.NewRequest(q.method, q.target, nil)
		id, ok := turnRequestID(r)
		if !ok {
			continue
		}
		took++
		if _, pattern := s.mux.Handler(r); pattern != turnPattern {
			t.Errorf("%s %s: serveTurn takes it, the mux gives it to %q", q.method, q.target, pattern)
			continue
		}
		got = ""
		spy.ServeHTTP(httptest.NewRecorder(), r)
		if got != id {
			t.Errorf("%s %s: id %q, the mux's %q", q.method, q.target, id, got)
		}
	}
	if took < 4 {
		t.Errorf("serveTurn took %d requests, want the plain turns (4 at least)", took)
	}
}
