package llm_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/llm"
)

// sleeper records the waits a client asks for instead of sleeping.
type sleeper struct {
	mu    sync.Mutex
	waits []time.Duration
}

func (s *sleeper) sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.waits = append(s.waits, d)
	s.mu.Unlock()
	return ctx.Err()
}

func newClient(t *testing.T, f *fakeOpenAI, cfg llm.Config, s *sleeper) *llm.Client {
	t.Helper()
	cfg.BaseURL = f.BaseURL()
	if cfg.Model == "" {
		cfg.Model = "test-model"
	}
	opts := llm.ClientOptions{Backoff: llm.Backoff{Base: 100 * time.Millisecond, Max: time.Second, MaxRetryAfter: 30 * time.Second}}
	if s != nil {
		opts.Sleep = s.sleep
	}
	c, err := llm.NewClient(cfg, opts)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return c
}

func userRequest(text string) llm.Request {
	temp := 0.3
	return llm.Request{
		Messages:    []llm.Message{{Role: llm.RoleSystem, Content: "be brief"}, {Role: llm.RoleUser, Content: text}},
		Temperature: &temp,
		MaxTokens:   123,
	}
}

func TestClientCompleteSpeaksTheWireFormat(t *testing.T) {
	f := newFakeOpenAI(t, step{text: "Ada works at Acme [1]."})
	c := newClient(t, f, llm.Config{Name: "primary", Model: "llama-3.1-8b", APIKey: "sk-test"}, nil)

	got, err := c.Complete(t.Context(), userRequest("Where does Ada work?"))
	if err != nil {
		t.Fatalf("Complete: %v", err)
	}
	want := llm.Response{
		Text: "Ada works at Acme [1].", Model: "fake-model-1", Provider: "primary",
		Usage: llm.Usage{PromptTokens: 50, CompletionTokens: 10, TotalTokens: 60}, FinishReason: "stop",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("response (-want +got):\n%s", d)
	}
	reqs := f.Requests()
	if len(reqs) != 1 {
		t.Fatalf("server saw %d requests, want 1", len(reqs))
	}
	r := reqs[0]
	if r.Model != "llama-3.1-8b" || r.Stream || r.Temperature == nil || *r.Temperature != 0.3 || r.MaxTokens == nil || *r.MaxTokens != 123 {
		t.Errorf("request params = model %q stream %v temp %v max %v", r.Model, r.Stream, r.Temperature, r.MaxTokens)
	}
	wantMsgs := []wireMessage{{Role: "system", Content: "be brief"}, {Role: "user", Content: "Where does Ada work?"}}
	if d := cmp.Diff(wantMsgs, r.messages(t)); d != "" {
		t.Errorf("messages (-want +got):\n%s", d)
	}
	if f.auth[0] != "Bearer sk-test" {
		t.Errorf("Authorization = %q", f.auth[0])
	}
}

func TestClientWithoutKeySendsNoAuthorization(t *testing.T) {
	f := newFakeOpenAI(t, step{text: "ok"})
	c := newClient(t, f, llm.Config{}, nil)
	if _, err := c.Complete(t.Context(), userRequest("hi")); err != nil {
		t.Fatal(err)
	}
	if f.auth[0] != "" {
		t.Errorf("Authorization = %q, want none (Ollama needs no key)", f.auth[0])
	}
}

func TestClientStreamDeliversDeltasInOrder(t *testing.T) {
	chunks := []string{"Ada ", "has ", "worked ", "at ", "Acme ", "since ", "2019 [1]."}
	f := newFakeOpenAI(t, step{chunks: chunks})
	c := newClient(t, f, llm.Config{}, nil)

	var got []string
	resp, err := c.Stream(t.Context(), userRequest("hi"), func(d string) error {
		got = append(got, d)
		return nil
	})
	if err != nil {
		t.Fatalf("Stream: %v", err)
	}
	if d := cmp.Diff(chunks, got); d != "" {
		t.Errorf("deltas (-want +got):\n%s", d)
	}
	if resp.Text != strings.Join(chunks, "") || resp.FinishReason != "stop" || resp.Model != "fake-model-1" {
		t.Errorf("response = %+v", resp)
	}
	if !f.Requests()[0].Stream {
		t.Error("request did not ask for stream: true")
	}
}

func TestClientRetries(t *testing.T) {
	const base = 100 * time.Millisecond
	tests := []struct {
		name      string
		steps     []step
		stream    bool
		retries   int
		timeout   time.Duration
		wantCalls int
		wantErr   bool
		// wantWaits, when set, are the exact waits; otherwise each wait must be
		// a jittered backoff within [base/2 * 2^n, base * 2^n].
		wantWaits []time.Duration
	}{
		{name: "429 honours Retry-After", steps: []step{{status: 429, retryAfter: "7"}, {text: "ok"}},
			retries: 2, wantCalls: 2, wantWaits: []time.Duration{7 * time.Second}},
		{name: "500 then success backs off", steps: []step{{status: 500}, {status: 502}, {text: "ok"}},
			retries: 2, wantCalls: 3},
		{name: "500 until retries run out", steps: []step{{status: 503}}, retries: 2, wantCalls: 3, wantErr: true},
		{name: "401 is not retried", steps: []step{{status: 401}, {text: "ok"}}, retries: 2, wantCalls: 1, wantErr: true},
		{name: "400 is not retried", steps: []step{{status: 400}, {text: "ok"}}, retries: 2, wantCalls: 1, wantErr: true},
		{name: "Retry-After beyond patience ends retries", steps: []step{{status: 429, retryAfter: "120"}, {text: "ok"}},
			retries: 2, wantCalls: 1, wantErr: true},
		{name: "slow response times out and retries", steps: []step{{hang: true}, {text: "ok"}},
			retries: 1, timeout: 50 * time.Millisecond, wantCalls: 2},
		{name: "slow every time fails", steps: []step{{hang: true}},
			retries: 1, timeout: 50 * time.Millisecond, wantCalls: 2, wantErr: true},
		{name: "stream 429 then success", steps: []step{{status: 429, retryAfter: "1"}, {chunks: []string{"o", "k"}}},
			stream: true, retries: 1, wantCalls: 2, wantWaits: []time.Duration{time.Second}},
		{name: "stream truncated before any text is retried", steps: []step{{truncate: true}, {text: "ok"}},
			stream: true, retries: 1, wantCalls: 2},
		{name: "stream truncated after text is not retried", steps: []step{{text: "partial", truncate: true}, {text: "ok"}},
			stream: true, retries: 2, wantCalls: 1, wantErr: true},
		{name: "malformed stream fails", steps: []step{{text: "partial", malformed: true}, {text: "ok"}},
			stream: true, retries: 2, wantCalls: 1, wantErr: true},
		{name: "error event mid-stream fails", steps: []step{{text: "partial", streamErr: true}, {text: "ok"}},
			stream: true, retries: 2, wantCalls: 1, wantErr: true},
		{name: "slow stream times out and retries", steps: []step{{hang: true}, {text: "ok"}},
			stream: true, retries: 1, timeout: 50 * time.Millisecond, wantCalls: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeOpenAI(t, tt.steps...)
			s := &sleeper{}
			c := newClient(t, f, llm.Config{MaxRetries: tt.retries, Timeout: tt.timeout}, s)
			var resp llm.Response
			var err error
			if tt.stream {
				resp, err = c.Stream(t.Context(), userRequest("hi"), func(string) error { return nil })
			} else {
				resp, err = c.Complete(t.Context(), userRequest("hi"))
			}
			if got := f.Calls(); got != tt.wantCalls {
				t.Errorf("calls = %d, want %d", got, tt.wantCalls)
			}
			if tt.wantErr {
				if !apperr.Is(err, apperr.Unavailable) {
					t.Fatalf("err = %v (code %q), want unavailable", err, apperr.CodeOf(err))
				}
				return
			}
			if err != nil || resp.Text != "ok" {
				t.Fatalf("got %q, %v; want ok", resp.Text, err)
			}
			checkWaits(t, s.waits, tt.wantWaits, tt.wantCalls-1, base)
		})
	}
}

func checkWaits(t *testing.T, got, want []time.Duration, n int, base time.Duration) {
	t.Helper()
	if want != nil {
		if d := cmp.Diff(want, got, cmpopts.EquateEmpty()); d != "" {
			t.Errorf("waits (-want +got):\n%s", d)
		}
		return
	}
	if len(got) != n {
		t.Fatalf("waits = %v, want %d of them", got, n)
	}
	for i, w := range got {
		hi := base << i
		if w < hi/2 || w > hi {
			t.Errorf("wait %d = %v, want within [%v, %v]", i, w, hi/2, hi)
		}
	}
}

func TestClientStopsWhenCallerCancels(t *testing.T) {
	f := newFakeOpenAI(t, step{status: 500})
	ctx, cancel := context.WithCancel(t.Context())
	cancelling := &sleeper{}
	c, err := llm.NewClient(llm.Config{BaseURL: f.BaseURL(), Model: "m", MaxRetries: 5}, llm.ClientOptions{
		Sleep: func(ctx context.Context, d time.Duration) error {
			cancel() // the visitor hangs up while the client waits to retry
			return cancelling.sleep(ctx, d)
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Complete(ctx, userRequest("hi"))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if f.Calls() != 1 {
		t.Errorf("calls = %d, want 1", f.Calls())
	}
}

func TestClientStreamConsumerErrorStopsWithoutRetry(t *testing.T) {
	f := newFakeOpenAI(t, step{chunks: []string{"a", "b", "c"}})
	c := newClient(t, f, llm.Config{MaxRetries: 3}, &sleeper{})
	stop := errors.New("client went away")
	var n int
	_, err := c.Stream(t.Context(), userRequest("hi"), func(string) error {
		n++
		return stop
	})
	if !errors.Is(err, stop) || n != 1 || f.Calls() != 1 {
		t.Errorf("err = %v after %d deltas and %d calls; want the consumer's error, 1, 1", err, n, f.Calls())
	}
}
