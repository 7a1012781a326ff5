package httpapi_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/auth"
)

func openSession(t *testing.T, f *fixture) string {
	t.Helper()
	resp, body := do(t, "POST", f.URL+"/v1/sessions", `{"profile": "hendriks"}`, map[string]string{"Content-Type": "application/json"})
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("open session: %d %s", resp.StatusCode, body)
	}
	var s struct {
		ID        string    `json:"id"`
		ExpiresAt time.Time `json:"expires_at"`
	}
	if err := json.Unmarshal(body, &s); err != nil || len(s.ID) != 32 || s.ExpiresAt.IsZero() {
		t.Fatalf("session body %s: %v", body, err)
	}
	return s.ID
}

type replyJSON struct {
	Reply struct {
		Text      string `json:"text"`
		Refused   bool   `json:"refused"`
		Citations []struct {
			Section string `json:"section"`
			Index   int    `json:"index"`
		} `json:"citations"`
		Suggestions []string `json:"suggestions"`
	} `json:"reply"`
}

func TestConversation(t *testing.T) {
	f := newServer(t)
	id := openSession(t, f)
	resp, body := do(t, "POST", f.URL+"/v1/sessions/"+id+"/messages", `{"text": "Where did he study?"}`, nil)
	if resp.StatusCode != 200 {
		t.Fatalf("ask: %d %s", resp.StatusCode, body)
	}
	var r replyJSON
	if err := json.Unmarshal(body, &r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(r.Reply.Text, "Oklahoma") || r.Reply.Refused || len(r.Reply.Citations) == 0 {
		t.Errorf("reply %+v", r.Reply)
	}
	_, body = do(t, "POST", f.URL+"/v1/sessions/"+id+"/messages", `{"text": "What is his phone number?"}`, nil)
	if strings.Contains(string(body), "555-4321") {
		t.Error("phone number in a reply")
	}
	_, body = do(t, "GET", f.URL+"/v1/sessions/"+id+"/messages", "", nil)
	var hist struct {
		Messages []struct {
			Seq  int    `json:"seq"`
			Role string `json:"role"`
			Text string `json:"text"`
		} `json:"messages"`
	}
	if err := json.Unmarshal(body, &hist); err != nil || len(hist.Messages) != 4 {
		t.Fatalf("history %s (%v)", body, err)
	}
	if hist.Messages[0].Role != "user" || hist.Messages[0].Text != "Where did he study?" || hist.Messages[3].Seq != 4 {
		t.Errorf("history order: %+v", hist.Messages)
	}
}

func TestConversationErrors(t *testing.T) {
	f := newServer(t)
	id := openSession(t, f)
	json := map[string]string{"Content-Type": "application/json"}
	tests := []struct {
		name, method, path, body string
		hdr                      map[string]string
		status                   int
	}{
		{"empty text", "POST", "/v1/sessions/" + id + "/messages", `{"text": "  "}`, json, 422},
		{"text too long", "POST", "/v1/sessions/" + id + "/messages", `{"text": "` + strings.Repeat("x", 5000) + `"}`, json, 413},
		{"body too large", "POST", "/v1/sessions/" + id + "/messages", `{"text": "` + strings.Repeat("x", 2<<20) + `"}`, json, 413},
		{"malformed json", "POST", "/v1/sessions/" + id + "/messages", `{"text": `, json, 400},
		{"wrong type", "POST", "/v1/sessions/" + id + "/messages", `{"text": 42}`, json, 400},
		{"two values", "POST", "/v1/sessions/" + id + "/messages", `{"text": "a"} {}`, json, 400},
		{"wrong media type", "POST", "/v1/sessions/" + id + "/messages", `text=hi`, map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, 415},
		{"unknown session", "POST", "/v1/sessions/00000000000000000000000000000000/messages", `{"text": "hi"}`, json, 404},
		{"garbage session id", "POST", "/v1/sessions/..%2f..%2fetc/messages", `{"text": "hi"}`, json, 404},
		{"unknown session history", "GET", "/v1/sessions/00000000000000000000000000000000/messages", "", nil, 404},
		{"unknown profile", "POST", "/v1/sessions", `{"profile": "nobody"}`, json, 404},
		{"missing profile", "POST", "/v1/sessions", `{}`, json, 422},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := do(t, tt.method, f.URL+tt.path, tt.body, tt.hdr)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d: %.200s", resp.StatusCode, tt.status, body)
			}
			if ct := resp.Header.Get("Content-Type"); ct != "application/problem+json" {
				t.Errorf("Content-Type %q", ct)
			}
		})
	}
}

func TestConversationStreams(t *testing.T) {
	f := newServer(t)
	id := openSession(t, f)
	req, _ := http.NewRequest("POST", f.URL+"/v1/sessions/"+id+"/messages", strings.NewReader(`{"text": "Tell me about his work"}`))
	req.Header.Set("Accept", "text/event-stream")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("Content-Type %q", ct)
	}
	var events []string
	var last string
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		line := sc.Text()
		if ev, ok := strings.CutPrefix(line, "event: "); ok {
			events = append(events, ev)
		}
		if d, ok := strings.CutPrefix(line, "data: "); ok {
			last = d
		}
	}
	if len(events) < 2 || events[len(events)-1] != "reply" {
		t.Fatalf("events %v, want deltas then reply", events)
	}
	var r replyJSON
	if err := json.Unmarshal([]byte(last), &r); err != nil || !strings.Contains(r.Reply.Text, "Pied Piper") {
		t.Errorf("final event %s (%v)", last, err)
	}
}

// TestConcurrentTurnsStayOrdered races 50 turns on one session: the history
// must hold all of them, each question directly followed by its answer.
func TestConcurrentTurnsStayOrdered(t *testing.T) {
	f := newServer(t)
	id := openSession(t, f)
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, body := do(t, "POST", f.URL+"/v1/sessions/"+id+"/messages", fmt.Sprintf(`{"text": "question %d: where did he work?"}`, i), nil)
			if resp.StatusCode != 200 {
				t.Errorf("turn %d: %d %s", i, resp.StatusCode, body)
			}
		}()
	}
	wg.Wait()
	_, body := do(t, "GET", f.URL+"/v1/sessions/"+id+"/messages", "", nil)
	var hist struct {
		Messages []struct {
			Seq  int    `json:"seq"`
			Role string `json:"role"`
		} `json:"messages"`
	}
	if err := json.Unmarshal(body, &hist); err != nil {
		t.Fatal(err)
	}
	if len(hist.Messages) != 100 {
		t.Fatalf("%d messages, want 100", len(hist.Messages))
	}
	for i, m := range hist.Messages {
		want := "user"
		if i%2 == 1 {
			want = "assistant"
		}
		if m.Seq != i+1 || m.Role != want {
			t.Fatalf("message %d: seq %d role %s", i, m.Seq, m.Role)
		}
	}
}

func TestPutProfileNeedsScope(t *testing.T) {
	f := newServer(t)
	ctx := context.Background()
	doc, err := os.ReadFile("../profile/testdata/sample.resume.json")
	if err != nil {
		t.Fatal(err)
	}
	_, writer, err := f.auth.CreateAPIKey(ctx, "ci", auth.NewScopes(auth.ScopeProfilesWrite), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	_, reader, err := f.auth.CreateAPIKey(ctx, "ro", auth.NewScopes(auth.ScopeProfilesRead), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	bearer := func(k string) map[string]string {
		return map[string]string{"Authorization": "Bearer " + k, "Content-Type": "application/json"}
	}
	tests := []struct {
		name, slug, body string
		hdr              map[string]string
		status           int
	}{
		{"no credentials", "ada", string(doc), map[string]string{"Content-Type": "application/json"}, 401},
		{"bad key", "ada", string(doc), bearer("parley_notakey"), 401},
		{"missing scope", "ada", string(doc), bearer(reader), 403},
		{"create", "ada", string(doc), bearer(writer), 201},
		{"same again", "ada", string(doc), bearer(writer), 200},
		{"replace", "ada", strings.Replace(string(doc), "Programmer", "Engineer", 1), bearer(writer), 200},
		{"invalid document", "ada", `{"basics": {"name": "A"}, "work": [{"startDate": "2019-13"}]}`, bearer(writer), 422},
		{"malformed document", "ada", `{"basics":`, bearer(writer), 400},
		{"bad slug", "Not_A_Slug", string(doc), bearer(writer), 422},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := do(t, "PUT", f.URL+"/v1/profiles/"+tt.slug, tt.body, tt.hdr)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d: %.300s", resp.StatusCode, tt.status, body)
			}
			if tt.status == 401 && resp.Header.Get("WWW-Authenticate") == "" {
				t.Error("401 without WWW-Authenticate")
			}
		})
	}
	_, body := do(t, "GET", f.URL+"/v1/profiles/ada", "", nil)
	if !strings.Contains(string(body), "Engineer") {
		t.Error("the replaced document is not served")
	}
}

func TestRateLimit(t *testing.T) {
	f := newLimitedServer(t, 5)
	codes := map[int]int{}
	var last *http.Response
	for range 8 {
		resp, _ := do(t, "GET", f.URL+"/v1/profiles/hendriks", "", nil)
		codes[resp.StatusCode]++
		last = resp
	}
	if codes[200] != 5 || codes[429] != 3 {
		t.Fatalf("statuses %v, want 5×200 and 3×429", codes)
	}
	if last.Header.Get("Retry-After") == "" || last.Header.Get("RateLimit-Limit") == "" {
		t.Errorf("429 headers: %v", last.Header)
	}
	// Operations endpoints are never limited.
	if resp, _ := do(t, "GET", f.URL+"/healthz", "", nil); resp.StatusCode != 200 {
		t.Errorf("healthz limited: %d", resp.StatusCode)
	}
}

func TestAdminCachesNeedsAdmin(t *testing.T) {
	f := newServer(t)
	ctx := context.Background()
	_, admin, err := f.auth.CreateAPIKey(ctx, "ops", auth.NewScopes(auth.ScopeAdmin), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	_, writer, err := f.auth.CreateAPIKey(ctx, "ci", auth.NewScopes(auth.ScopeProfilesWrite), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		key  string
		want int
	}{{"", 401}, {writer, 403}, {admin, 200}} {
		hdr := map[string]string{}
		if c.key != "" {
			hdr["Authorization"] = "Bearer " + c.key
		}
		if resp, body := do(t, "GET", f.URL+"/v1/admin/caches", "", hdr); resp.StatusCode != c.want {
			t.Errorf("key %q: %d %s, want %d", c.key, resp.StatusCode, body, c.want)
		}
	}
}
