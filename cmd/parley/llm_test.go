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
		env := map[string]string{"PARLEY_DATA_DIR": t.TempDir(), "PARLEY_LLM_MODEL": "test-model", "PARLEY_LLM_MAX_RETRIES": "0"}
		if _, _, err := cli(t, env, "", "import", "--slug", "hendriks", sample); err != nil {
			t.Fatal(err)
		}
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
