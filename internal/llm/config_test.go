package llm_test

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/llm"
)

func envOf(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestConfigFromEnv(t *testing.T) {
	groq := llm.Config{Name: "api.groq.com", BaseURL: "https://api.groq.com/openai/v1", Model: "llama-3.1-8b-instant",
		APIKey: "gsk", Timeout: 5 * time.Second, MaxRetries: 1}
	tests := []struct {
		name string
		env  map[string]string
		want []llm.Config
	}{
		{"off", map[string]string{}, nil},
		{"one provider with defaults", map[string]string{
			"PARLEY_LLM_BASE_URL": "http://127.0.0.1:11434/v1", "PARLEY_LLM_MODEL": "llama3.2",
		}, []llm.Config{{Name: "127.0.0.1:11434", BaseURL: "http://127.0.0.1:11434/v1", Model: "llama3.2",
			Timeout: llm.DefaultTimeout, MaxRetries: llm.DefaultMaxRetries}}},
		{"fallbacks inherit timeout and retries, not keys", map[string]string{
			"PARLEY_LLM_BASE_URL": groq.BaseURL, "PARLEY_LLM_MODEL": groq.Model, "PARLEY_LLM_API_KEY": "gsk",
			"PARLEY_LLM_TIMEOUT": "5s", "PARLEY_LLM_MAX_RETRIES": "1",
			"PARLEY_LLM_2_BASE_URL": "https://api.openai.com/v1", "PARLEY_LLM_2_MODEL": "gpt-4o-mini",
			"PARLEY_LLM_3_BASE_URL": "http://vllm:8000/v1", "PARLEY_LLM_3_MODEL": "qwen", "PARLEY_LLM_3_NAME": "local",
			"PARLEY_LLM_3_TIMEOUT": "30s",
		}, []llm.Config{groq,
			{Name: "api.openai.com", BaseURL: "https://api.openai.com/v1", Model: "gpt-4o-mini", Timeout: 5 * time.Second, MaxRetries: 1},
			{Name: "local", BaseURL: "http://vllm:8000/v1", Model: "qwen", Timeout: 30 * time.Second, MaxRetries: 1},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := llm.ConfigFromEnv(envOf(tt.env))
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("configs (-want +got):\n%s", d)
			}
		})
	}
}

func TestConfigFromEnvErrors(t *testing.T) {
	base := map[string]string{"PARLEY_LLM_BASE_URL": "https://x/v1", "PARLEY_LLM_MODEL": "m"}
	with := func(kv ...string) map[string]string {
		m := map[string]string{}
		for k, v := range base {
			m[k] = v
		}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return m
	}
	tests := []struct {
		name string
		env  map[string]string
	}{
		{"model without base URL", map[string]string{"PARLEY_LLM_MODEL": "m"}},
		{"base URL without model", map[string]string{"PARLEY_LLM_BASE_URL": "https://x/v1"}},
		{"not a URL", with("PARLEY_LLM_BASE_URL", "ftp://x")},
		{"bad timeout", with("PARLEY_LLM_TIMEOUT", "soon")},
		{"negative timeout", with("PARLEY_LLM_TIMEOUT", "-1s")},
		{"bad retries", with("PARLEY_LLM_MAX_RETRIES", "many")},
		{"too many retries", with("PARLEY_LLM_MAX_RETRIES", "99")},
		{"gap in fallbacks", with("PARLEY_LLM_3_BASE_URL", "https://y/v1", "PARLEY_LLM_3_MODEL", "m")},
		{"fallback without primary", map[string]string{"PARLEY_LLM_2_BASE_URL": "https://y/v1", "PARLEY_LLM_2_MODEL": "m"}},
		{"half-set fallback", with("PARLEY_LLM_2_MODEL", "m")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := llm.ConfigFromEnv(envOf(tt.env)); !apperr.Is(err, apperr.Invalid) {
				t.Errorf("err = %v, want invalid", err)
			}
		})
	}
}

func TestConfigStringHidesTheKey(t *testing.T) {
	s := llm.Config{Name: "n", BaseURL: "https://x/v1", Model: "m", APIKey: "sk-secret"}.String()
	if want := "api_key=***"; !contains(s, want) || contains(s, "sk-secret") {
		t.Errorf("String() = %q", s)
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

func TestConfigFromEnvBaseURLForms(t *testing.T) {
	tests := []struct{ typed, want string }{
		{"http://localhost:11434", "http://localhost:11434/v1"}, // Ollama's root, as its docs show it
		{"http://localhost:11434/", "http://localhost:11434/v1"},
		{"http://localhost:11434/v1/", "http://localhost:11434/v1"},
		{"http://localhost:11434/v1/chat/completions", "http://localhost:11434/v1"},
		{" https://api.groq.com/openai/v1 ", "https://api.groq.com/openai/v1"},
		{"https://openrouter.ai/api/v1", "https://openrouter.ai/api/v1"},
		{"http://litellm:4000/chat/completions", "http://litellm:4000/v1"},
	}
	for _, tt := range tests {
		got, err := llm.ConfigFromEnv(envOf(map[string]string{"PARLEY_LLM_BASE_URL": tt.typed, "PARLEY_LLM_MODEL": "m"}))
		if err != nil {
			t.Fatalf("%q: %v", tt.typed, err)
		}
		if got[0].BaseURL != tt.want {
			t.Errorf("%q -> %q, want %q", tt.typed, got[0].BaseURL, tt.want)
		}
	}
}

func TestBudgetFromEnv(t *testing.T) {
	tests := []struct {
		v       string
		want    time.Duration
		wantErr bool
	}{
		{"", llm.DefaultBudget, false}, {"8s", 8 * time.Second, false}, {"1m", time.Minute, false},
		{"0s", 0, true}, {"-1s", 0, true}, {"ten", 0, true},
	}
	for _, tt := range tests {
		got, err := llm.BudgetFromEnv(envOf(map[string]string{"PARLEY_LLM_BUDGET": tt.v}))
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("%q: %v, %v; want %v (error %v)", tt.v, got, err, tt.want, tt.wantErr)
		}
		if err != nil && !apperr.Is(err, apperr.Invalid) {
			t.Errorf("%q: code %q, want invalid", tt.v, apperr.CodeOf(err))
		}
	}
}
