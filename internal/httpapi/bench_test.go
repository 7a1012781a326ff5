package httpapi_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

var benchQuestions = []string{"Where did he study?", "What is his current role?", "Does he know Java?",
	"What awards has he won?", "When was that?", "Tell me more", "What languages does he speak?",
	"Which projects has he worked on?"}

// openBenchSessions opens n sessions on the fixture's profile.
func openBenchSessions(b *testing.B, h http.Handler, n int) []string {
	b.Helper()
	ids := make([]string, n)
	for i := range ids {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("POST", "/v1/sessions", strings.NewReader(`{"profile": "hendriks"}`))
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusCreated {
			b.Fatalf("open session: %d %s", rec.Code, rec.Body)
		}
		ids[i] = rec.Body.String()[len(`{"id":"`):][:32]
	}
	return ids
}

// BenchmarkTurnHandler plays text turns through the whole handler chain
// (middleware, decode, chat, embedded SQLite store, encode) one at a time,
// cycling through questions on a few sessions. One turn in flight means
// group commits of one, so instruction counts do not move with batching:
// run it under callgrind with -test.cpu 1, and with -benchmem for
// allocations.
func BenchmarkTurnHandler(b *testing.B) {
	f := buildServer(b, 0, true)
	h := f.srv.Config.Handler
	ids := openBenchSessions(b, h, 4)
	bodies := make([]string, len(benchQuestions))
	for i, q := range benchQuestions {
		bodies[i] = `{"text": "` + q + `"}`
	}
	b.ReportAllocs()
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("POST", "/v1/sessions/"+ids[n%len(ids)]+"/messages", strings.NewReader(bodies[n%len(bodies)]))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "application/json")
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("turn: %d %s", rec.Code, rec.Body)
		}
	}
}

// BenchmarkTurnHandlerReused is BenchmarkTurnHandler with the requests
// built once and a response writer reused, as wrk's keep-alive turns
// arrive: what it allocates and executes per turn is the handler chain's
// own (net/http's request parsing and response buffering are not in it).
func BenchmarkTurnHandlerReused(b *testing.B) {
	f := buildServer(b, 0, true)
	h := f.srv.Config.Handler
	ids := openBenchSessions(b, h, 4)
	type turnReq struct {
		req  *http.Request
		body *rewindBody
		text []byte
	}
	// Questions go round the sessions as in scripts/turns.lua: each
	// session is asked every question in order.
	var reqs []turnReq
	for _, q := range benchQuestions {
		for _, id := range ids {
			text := []byte(`{"text": "` + q + `"}`)
			body := &rewindBody{}
			req := httptest.NewRequest("POST", "/v1/sessions/"+id+"/messages", nil)
			req.Header.Set("Content-Type", "application/json")
			req.ContentLength = int64(len(text))
			req.Body = body
			reqs = append(reqs, turnReq{req, body, text})
		}
	}
	w := &reusedWriter{header: http.Header{}}
	b.ReportAllocs()
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		t := reqs[n%len(reqs)]
		t.body.Reset(t.text)
		w.reset()
		h.ServeHTTP(w, t.req)
		if w.status != http.StatusOK {
			b.Fatalf("turn: %d %s", w.status, w.body.Bytes())
		}
	}
}

// rewindBody is a request body read again from the start for each turn.
type rewindBody struct{ bytes.Reader }

func (*rewindBody) Close() error { return nil }

// reusedWriter is a ResponseWriter kept across turns.
type reusedWriter struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (w *reusedWriter) Header() http.Header { return w.header }

func (w *reusedWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
}

func (w *reusedWriter) Write(p []byte) (int, error) {
	w.WriteHeader(http.StatusOK)
	return w.body.Write(p)
}

func (w *reusedWriter) reset() {
	clear(w.header)
	w.status = 0
	w.body.Reset()
}
