package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/parleyhq/parley/internal/testenv"
)

// fakeOpenAI speaks the OpenAI chat-completions wire format. answer picks
// the reply content from the request's user message; status != 200 fails.
func fakeOpenAI(t *testing.T, status int, answer func(user string) string) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		if r.URL.Path != "/v1/chat/completions" {
			http.NotFound(w, r)
			return
		}
		var req struct {
			Stream   bool   `json:"stream"`
			Model    string `json:"model"`
			Messages []struct {
				Role    string `json:"role"`
				Content string `json:"content"`
			} `json:"messages"`
		}
		body, _ := io.ReadAll(r.Body)
		if err := json.Unmarshal(body, &req); err != nil {
			http.Error(w, "bad json", 400)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		if status != 200 {
			w.WriteHeader(status)
			fmt.Fprint(w, `{"error": {"message": "upstream exploded", "type": "server_error", "code": null}}`)
			return
		}
		user := req.Messages[len(req.Messages)-1].Content
		if req.Stream {
			// The chunk format of OpenAI's streaming API, a few words a chunk.
			w.Header().Set("Content-Type", "text/event-stream")
			words := strings.SplitAfter(answer(user), " ")
			for i := 0; i < len(words); i += 3 {
				piece, _ := json.Marshal(strings.Join(words[i:min(i+3, len(words))], ""))
				fmt.Fprintf(w, "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":%q,\"choices\":[{\"index\":0,\"delta\":{\"content\":%s},\"finish_reason\":null}]}\n\n", req.Model, piece)
				w.(http.Flusher).Flush()
			}
			fmt.Fprintf(w, "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":%q,\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n", req.Model)
			return
		}
		out, _ := json.Marshal(answer(user))
		fmt.Fprintf(w, `{"id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": %q,
			"choices": [{"index": 0, "message": {"role": "assistant", "content": %s}, "finish_reason": "stop"}],
			"usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}}`, req.Model, out)
	}))
	t.Cleanup(srv.Close)
	return srv, &calls
}

func askOnce(t *testing.T, env map[string]string, question string) string {
	t.Helper()
	env["PARLEY_HTTP_ADDR"] = testenv.FreeAddr(t)
	base := "http://" + env["PARLEY_HTTP_ADDR"]
	stop := serveInBackground(t, env)
	defer stop()
	id := postJSON(t, base+"/v1/sessions", `{"profile": "hendriks"}`, 201)["id"].(string)
	reply := postJSON(t, base+"/v1/sessions/"+id+"/messages", `{"text": "`+question+`"}`, 200)["reply"].(map[string]any)
	return reply["text"].(string)
}

// TestLLMLayerEndToEnd runs `parley serve` against in-test OpenAI-compatible
// providers: a grounded answer is used; an answer naming an employer the
// profile lacks is rejected (the deterministic reply is sent); a failing
// primary falls back to the second provider.
func TestLLMLayerEndToEnd(t *testing.T) {
	grounded, _ := fakeOpenAI(t, 200, func(string) string {
		return "He studied Information Technology at the University of Oklahoma [1]."
	})
	invented, _ := fakeOpenAI(t, 200, func(string) string {
		return "He studied at the University of Oklahoma and later worked at Globex Corporation in 2019 [1]."
	})
	broken, brokenCalls := fakeOpenAI(t, 500, nil)
	newEnv := func(t *testing.T) map[string]string {
		env := map[string]string{"PARLEY_DATA_DIR": t.TempDir()}
		if _, _, err := cli(t, env, "", "import", "--slug", "hendriks", sample); err != nil {
			t.Fatal(err)
		}
		// Set after the import: import validates the same settings, and a
		// model without its base URL is invalid.
		env["PARLEY_LLM_MODEL"], env["PARLEY_LLM_MAX_RETRIES"] = "test-model", "0"
		return env
	}
	t.Run("grounded answer is used", func(t *testing.T) {
		env := newEnv(t)
		env["PARLEY_LLM_BASE_URL"] = grounded.URL + "/v1"
		if got := askOnce(t, env, "Where did he study?"); !strings.Contains(got, "studied Information Technology") {
			t.Errorf("reply %q, want the LLM's grounded phrasing", got)
		}
	})
	t.Run("ungrounded answer is rejected", func(t *testing.T) {
		env := newEnv(t)
		env["PARLEY_LLM_BASE_URL"] = invented.URL + "/v1"
		got := askOnce(t, env, "Where did he study?")
		if strings.Contains(got, "Globex") || !strings.Contains(got, "Oklahoma") {
			t.Errorf("reply %q, want the deterministic answer without the invented employer", got)
		}
	})
	t.Run("failing provider falls back", func(t *testing.T) {
		env := newEnv(t)
		env["PARLEY_LLM_BASE_URL"] = broken.URL + "/v1"
		env["PARLEY_LLM_2_BASE_URL"] = grounded.URL + "/v1"
		env["PARLEY_LLM_2_MODEL"] = "test-model"
		before := brokenCalls.Load()
		if got := askOnce(t, env, "Where did he study?"); !strings.Contains(got, "studied Information Technology") {
			t.Errorf("reply %q, want the second provider's answer", got)
		}
		if brokenCalls.Load() == before {
			t.Error("the failing primary was never tried")
		}
	})
}

type sseEvent struct {
	name string
	data map[string]any
}

// askStreaming asks one question with Accept: text/event-stream and returns
// the events in order.
func askStreaming(t *testing.T, env map[string]string, question string) []sseEvent {
	t.Helper()
	env["PARLEY_HTTP_ADDR"] = testenv.FreeAddr(t)
	base := "http://" + env["PARLEY_HTTP_ADDR"]
	stop := serveInBackground(t, env)
	defer stop()
	id := postJSON(t, base+"/v1/sessions", `{"profile": "hendriks"}`, 201)["id"].(string)
	req, _ := http.NewRequest("POST", base+"/v1/sessions/"+id+"/messages", strings.NewReader(`{"text": "`+question+`"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "text/event-stream")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		t.Fatalf("status %d, content type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	body, _ := io.ReadAll(resp.Body)
	var events []sseEvent
	for _, block := range strings.Split(strings.TrimSpace(string(body)), "\n\n") {
		var ev sseEvent
		for _, line := range strings.Split(block, "\n") {
			if v, ok := strings.CutPrefix(line, "event: "); ok {
				ev.name = v
			}
			if v, ok := strings.CutPrefix(line, "data: "); ok {
				if err := json.Unmarshal([]byte(v), &ev.data); err != nil {
					t.Fatalf("event data %q: %v", v, err)
				}
			}
		}
		events = append(events, ev)
	}
	return events
}

// TestLLMStreamsThroughSSE checks that an LLM's grounded sentences reach the
// visitor as they are produced, and that a stream which turns ungrounded
// mid-answer is reset and replaced by the deterministic reply.
func TestLLMStreamsThroughSSE(t *testing.T) {
	newEnv := func(t *testing.T, answer string) map[string]string {
		srv, _ := fakeOpenAI(t, 200, func(string) string { return answer })
		env := map[string]string{"PARLEY_DATA_DIR": t.TempDir(), "PARLEY_LLM_MODEL": "test-model",
			"PARLEY_LLM_MAX_RETRIES": "0", "PARLEY_LLM_BASE_URL": srv.URL + "/v1"}
		if _, _, err := cli(t, env, "", "import", "--slug", "hendriks", sample); err != nil {
			t.Fatal(err)
		}
		return env
	}
	t.Run("grounded stream", func(t *testing.T) {
		answer := "He studied Information Technology at the University of Oklahoma [1]. That was his bachelor's degree [1]."
		events := askStreaming(t, newEnv(t, answer), "Where did he study?")
		var deltas strings.Builder
		for _, ev := range events[:len(events)-1] {
			if ev.name != "delta" {
				t.Fatalf("event %q before the reply, want only deltas: %+v", ev.name, events)
			}
			deltas.WriteString(ev.data["text"].(string))
		}
		last := events[len(events)-1]
		if last.name != "reply" {
			t.Fatalf("last event %q, want reply", last.name)
		}
		text := last.data["reply"].(map[string]any)["text"].(string)
		if !strings.Contains(text, "studied Information Technology") || deltas.String() != text {
			t.Errorf("deltas %q, reply %q: want the LLM's text, streamed whole", deltas.String(), text)
		}
		if len(events) < 3 {
			t.Errorf("%d events, want the answer in at least two deltas", len(events))
		}
	})
	t.Run("ungrounded mid-stream", func(t *testing.T) {
		answer := "He studied Information Technology at the University of Oklahoma [1]. Later he worked at Globex Corporation in 2019 [1]."
		events := askStreaming(t, newEnv(t, answer), "Where did he study?")
		reset := -1
		for i, ev := range events {
			if ev.name == "delta" && strings.Contains(ev.data["text"].(string), "Globex") {
				t.Fatalf("the ungrounded sentence was streamed: %+v", events)
			}
			if ev.name == "reset" {
				reset = i
			}
		}
		if reset < 1 {
			t.Fatalf("no reset after the grounded first sentence: %+v", events)
		}
		var after strings.Builder
		for _, ev := range events[reset+1 : len(events)-1] {
			after.WriteString(ev.data["text"].(string))
		}
		text := events[len(events)-1].data["reply"].(map[string]any)["text"].(string)
		if strings.Contains(text, "Globex") || !strings.Contains(text, "Oklahoma") || after.String() != text {
			t.Errorf("after reset %q, reply %q: want the deterministic reply, streamed whole", after.String(), text)
		}
	})
}

// TestLLMSettingsAreValidatedAtStartUp: a bad LLM setting stops `parley
// serve` before it listens, with a message naming the setting (and never
// the API key), like every other setting.
func TestLLMSettingsAreValidatedAtStartUp(t *testing.T) {
	for _, tc := range []struct {
		env     map[string]string
		wantEnv string
	}{
		{map[string]string{"PARLEY_LLM_BASE_URL": "http://127.0.0.1:1/v1", "PARLEY_LLM_MODEL": "m", "PARLEY_LLM_TIMEOUT": "1m", "PARLEY_LLM_API_KEY": "sk-hidden"}, "PARLEY_LLM_TIMEOUT"},
		{map[string]string{"PARLEY_LLM_BASE_URL": "127.0.0.1:11434", "PARLEY_LLM_MODEL": "m", "PARLEY_LLM_API_KEY": "sk-hidden"}, "PARLEY_LLM_BASE_URL"},
		{map[string]string{"PARLEY_LLM_2_BASE_URL": "http://127.0.0.1:1/v1", "PARLEY_LLM_2_MODEL": "m"}, "PARLEY_LLM_2_BASE_URL"},
	} {
		tc.env["PARLEY_DATA_DIR"] = t.TempDir()
		// A bad address too, so that serve stops at validation whether or
		// not the LLM setting is checked there (all problems are reported
		// at once).
		tc.env["PARLEY_HTTP_ADDR"] = "no-port"
		_, _, err := cli(t, tc.env, "", "serve")
		if err == nil || !strings.Contains(err.Error(), tc.wantEnv) || strings.Contains(err.Error(), "sk-hidden") {
			t.Errorf("serve with %v: err = %v, want one naming %s", tc.env, err, tc.wantEnv)
		}
	}
}
