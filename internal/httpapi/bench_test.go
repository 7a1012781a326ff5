package httpapi_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// BenchmarkTurnHandler plays text turns through the whole handler chain
// (middleware, decode, chat, embedded SQLite store, encode) one at a time,
// cycling through questions on a few sessions. One turn in flight means
// group commits of one, so instruction counts do not move with batching:
// run it under callgrind with -test.cpu 1, and with -benchmem for
// allocations.
func BenchmarkTurnHandler(b *testing.B) {
	f := buildServer(b, 0, true)
	h := f.srv.Config.Handler
	ids := make([]string, 4)
	for i := range ids {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("POST", "/v1/sessions", strings.NewReader(`{"profile": "hendriks"}`))
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusCreated {
			b.Fatalf("open session: %d %s", rec.Code, rec.Body)
		}
		ids[i] = rec.Body.String()[len(`{"id":"`):][:32]
	}
	questions := []string{"Where did he study?", "What is his current role?", "Does he know Java?",
		"What awards has he won?", "When was that?", "Tell me more", "What languages does he speak?",
		"Which projects has he worked on?"}
	bodies := make([]string, len(questions))
	for i, q := range questions {
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
