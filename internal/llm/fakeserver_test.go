package llm_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// step is how the fake server answers one call; the last step repeats.
type step struct {
	status     int    // non-zero: an error response with this status
	retryAfter string // Retry-After header on an error
	text       string // the reply, split into chunks when streaming
	chunks     []string
	finish     string // finish_reason; default "stop"
	hang       bool   // block until the client gives up
	malformed  bool   // stream: a chunk that is not JSON
	truncate   bool   // stream: end without finish reason or [DONE]
	streamErr  bool   // stream: an error event after the chunks
}

// chatRequest is the wire request as the OpenAI API defines it.
type chatRequest struct {
	Model       string            `json:"model"`
	Messages    []json.RawMessage `json:"messages"`
	Stream      bool              `json:"stream"`
	Temperature *float64          `json:"temperature"`
	MaxTokens   *int              `json:"max_tokens"`
}

type wireMessage struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

// fakeOpenAI is an httptest server speaking the OpenAI chat-completions wire
// format: JSON responses, SSE streams ending in [DONE], and error bodies.
type fakeOpenAI struct {
	*httptest.Server
	t     testing.TB
	model string
	mu    sync.Mutex
	steps []step
	calls int
	reqs  []chatRequest
	auth  []string
}

func newFakeOpenAI(t testing.TB, steps ...step) *fakeOpenAI {
	t.Helper()
	f := &fakeOpenAI{t: t, model: "fake-model-1", steps: steps}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/chat/completions", f.handle)
	f.Server = httptest.NewServer(mux)
	t.Cleanup(f.Close)
	return f
}

// BaseURL is what a Config needs: the API root with /v1.
func (f *fakeOpenAI) BaseURL() string { return f.URL + "/v1" }

func (f *fakeOpenAI) Calls() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls
}

func (f *fakeOpenAI) Requests() []chatRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]chatRequest(nil), f.reqs...)
}

func (f *fakeOpenAI) handle(w http.ResponseWriter, r *http.Request) {
	var req chatRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		writeError(w, http.StatusBadRequest, "", "bad json: "+err.Error())
		return
	}
	f.mu.Lock()
	s := f.steps[min(f.calls, len(f.steps)-1)]
	f.calls++
	f.reqs = append(f.reqs, req)
	f.auth = append(f.auth, r.Header.Get("Authorization"))
	f.mu.Unlock()

	switch {
	case s.hang:
		<-r.Context().Done()
	case s.status != 0:
		if s.retryAfter != "" {
			w.Header().Set("Retry-After", s.retryAfter)
		}
		writeError(w, s.status, s.retryAfter, http.StatusText(s.status))
	case req.Stream:
		f.stream(w, s)
	default:
		f.complete(w, s)
	}
}

func writeError(w http.ResponseWriter, status int, _ string, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	typ := map[int]string{401: "invalid_request_error", 429: "rate_limit_exceeded"}[status]
	if typ == "" {
		typ = "server_error"
	}
	_ = json.NewEncoder(w).Encode(map[string]any{"error": map[string]any{
		"message": msg, "type": typ, "param": nil, "code": fmt.Sprint(status),
	}})
}

func (s step) finishReason() string {
	if s.finish == "" {
		return "stop"
	}
	return s.finish
}

func (f *fakeOpenAI) complete(w http.ResponseWriter, s step) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{
		"id": "chatcmpl-test", "object": "chat.completion", "created": time.Now().Unix(), "model": f.model,
		"choices": []any{map[string]any{
			"index": 0, "message": map[string]any{"role": "assistant", "content": s.text, "refusal": nil},
			"logprobs": nil, "finish_reason": s.finishReason(),
		}},
		"usage": map[string]any{"prompt_tokens": 50, "completion_tokens": 10, "total_tokens": 60},
	})
}

func (f *fakeOpenAI) stream(w http.ResponseWriter, s step) {
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	flusher := w.(http.Flusher)
	send := func(data string) {
		fmt.Fprintf(w, "data: %s\n\n", data)
		flusher.Flush()
	}
	chunk := func(delta map[string]any, finish any) string {
		b, _ := json.Marshal(map[string]any{
			"id": "chatcmpl-test", "object": "chat.completion.chunk", "created": time.Now().Unix(), "model": f.model,
			"choices": []any{map[string]any{"index": 0, "delta": delta, "logprobs": nil, "finish_reason": finish}},
		})
		return string(b)
	}
	send(chunk(map[string]any{"role": "assistant", "content": ""}, nil))
	parts := s.chunks
	if parts == nil && s.text != "" {
		parts = []string{s.text}
	}
	for _, p := range parts {
		send(chunk(map[string]any{"content": p}, nil))
	}
	switch {
	case s.malformed:
		send(`{"id": "chatcmpl-test", "choices": [`)
	case s.streamErr:
		send(`{"error": {"message": "overloaded", "type": "server_error", "code": "503"}}`)
	case s.truncate:
		// The connection just ends.
	default:
		send(chunk(map[string]any{}, s.finishReason()))
		send("[DONE]")
	}
}

// messages decodes the chat messages of a recorded request.
func (r chatRequest) messages(t testing.TB) []wireMessage {
	t.Helper()
	out := make([]wireMessage, len(r.Messages))
	for i, raw := range r.Messages {
		if err := json.Unmarshal(raw, &out[i]); err != nil {
			t.Fatalf("message %d: %v", i, err)
		}
	}
	return out
}
