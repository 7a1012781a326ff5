package config_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parleyhq/parley/internal/config"
)

func envOf(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

// load reads a Serve from env (and the YAML text file, when not empty) and validates it.
func load(t *testing.T, file string, env map[string]string) (*config.Serve, error) {
	t.Helper()
	path := ""
	if file != "" {
		path = filepath.Join(t.TempDir(), "parley.yaml")
		if err := os.WriteFile(path, []byte(file), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	var c config.Serve
	if err := c.Settings().Load(path, envOf(env)); err != nil {
		return nil, err
	}
	return &c, c.Validate()
}

func TestLLMChain(t *testing.T) {
	tests := []struct {
		name string
		file string
		env  map[string]string
		want []config.LLMProvider
	}{
		{name: "off", env: map[string]string{}},
		{name: "one provider with defaults", env: map[string]string{
			"PARLEY_LLM_BASE_URL": "http://127.0.0.1:11434/v1", "PARLEY_LLM_MODEL": "llama3.2",
		}, want: []config.LLMProvider{{BaseURL: "http://127.0.0.1:11434/v1", Model: "llama3.2", Timeout: 10 * time.Second, MaxRetries: 2}}},
		{name: "fallbacks inherit timeout and retries, not keys", env: map[string]string{
			"PARLEY_LLM_BASE_URL": "https://api.groq.com/openai/v1", "PARLEY_LLM_MODEL": "llama-3.1-8b-instant", "PARLEY_LLM_API_KEY": "gsk",
			"PARLEY_LLM_TIMEOUT": "5s", "PARLEY_LLM_MAX_RETRIES": "1",
			"PARLEY_LLM_2_BASE_URL": "https://api.openai.com/v1", "PARLEY_LLM_2_MODEL": "gpt-4o-mini",
			"PARLEY_LLM_3_BASE_URL": "http://vllm:8000/v1", "PARLEY_LLM_3_MODEL": "qwen", "PARLEY_LLM_3_NAME": "local",
			"PARLEY_LLM_3_TIMEOUT": "15s", "PARLEY_LLM_3_MAX_RETRIES": "0",
		}, want: []config.LLMProvider{
			{BaseURL: "https://api.groq.com/openai/v1", Model: "llama-3.1-8b-instant", APIKey: "gsk", Timeout: 5 * time.Second, MaxRetries: 1},
			{BaseURL: "https://api.openai.com/v1", Model: "gpt-4o-mini", Timeout: 5 * time.Second, MaxRetries: 1},
			{Name: "local", BaseURL: "http://vllm:8000/v1", Model: "qwen", Timeout: 15 * time.Second, MaxRetries: 0},
		}},
		{name: "from the config file, the environment overriding it", file: `
llm_base_url: https://api.openai.com/v1
llm_model: gpt-4o-mini
llm_budget: 30s
llm_timeout: 12s
llm_2_base_url: http://127.0.0.1:11434
llm_2_model: llama3.2
`, env: map[string]string{"PARLEY_LLM_2_MODEL": "qwen3"}, want: []config.LLMProvider{
			{BaseURL: "https://api.openai.com/v1", Model: "gpt-4o-mini", Timeout: 12 * time.Second, MaxRetries: 2},
			{BaseURL: "http://127.0.0.1:11434", Model: "qwen3", Timeout: 12 * time.Second, MaxRetries: 2},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := load(t, tt.file, tt.env)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tt.want, c.LLM.Chain()); d != "" {
				t.Errorf("chain (-want +got):\n%s", d)
			}
			if c.LLM.Enabled() != (len(tt.want) > 0) {
				t.Errorf("Enabled() = %v with %d providers", c.LLM.Enabled(), len(tt.want))
			}
		})
	}
}

func TestLLMValidate(t *testing.T) {
	base := map[string]string{"PARLEY_LLM_BASE_URL": "https://x/v1", "PARLEY_LLM_MODEL": "m", "PARLEY_LLM_API_KEY": "sk-do-not-print"}
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
		name    string
		env     map[string]string
		wantEnv string // the setting the message names
	}{
		{"model without base URL", map[string]string{"PARLEY_LLM_MODEL": "m"}, "PARLEY_LLM_BASE_URL"},
		{"base URL without model", map[string]string{"PARLEY_LLM_BASE_URL": "https://x/v1"}, "PARLEY_LLM_BASE_URL"},
		{"not a URL", with("PARLEY_LLM_BASE_URL", "ftp://x"), "PARLEY_LLM_BASE_URL"},
		{"not absolute", with("PARLEY_LLM_BASE_URL", "api.openai.com/v1"), "PARLEY_LLM_BASE_URL"},
		{"bad timeout", with("PARLEY_LLM_TIMEOUT", "soon"), "PARLEY_LLM_TIMEOUT"},
		{"zero timeout", with("PARLEY_LLM_TIMEOUT", "0s"), "PARLEY_LLM_TIMEOUT"},
		{"negative timeout", with("PARLEY_LLM_TIMEOUT", "-1s"), "PARLEY_LLM_TIMEOUT"},
		{"zero budget", with("PARLEY_LLM_BUDGET", "0s"), "PARLEY_LLM_BUDGET"},
		{"timeout longer than the budget", with("PARLEY_LLM_TIMEOUT", "30s"), "PARLEY_LLM_TIMEOUT"},
		{"fallback timeout longer than the budget", with("PARLEY_LLM_2_BASE_URL", "https://y/v1", "PARLEY_LLM_2_MODEL", "m", "PARLEY_LLM_2_TIMEOUT", "1m"), "PARLEY_LLM_2_TIMEOUT"},
		{"negative fallback timeout", with("PARLEY_LLM_2_BASE_URL", "https://y/v1", "PARLEY_LLM_2_MODEL", "m", "PARLEY_LLM_2_TIMEOUT", "-1s"), "PARLEY_LLM_2_TIMEOUT"},
		{"bad retries", with("PARLEY_LLM_MAX_RETRIES", "many"), "PARLEY_LLM_MAX_RETRIES"},
		{"too many retries", with("PARLEY_LLM_MAX_RETRIES", "99"), "PARLEY_LLM_MAX_RETRIES"},
		{"negative retries", with("PARLEY_LLM_MAX_RETRIES", "-1"), "PARLEY_LLM_MAX_RETRIES"},
		{"gap in fallbacks", with("PARLEY_LLM_3_BASE_URL", "https://y/v1", "PARLEY_LLM_3_MODEL", "m"), "PARLEY_LLM_3_BASE_URL"},
		{"fallback without primary", map[string]string{"PARLEY_LLM_2_BASE_URL": "https://y/v1", "PARLEY_LLM_2_MODEL": "m"}, "PARLEY_LLM_2_BASE_URL"},
		{"half-set fallback", with("PARLEY_LLM_2_MODEL", "m"), "PARLEY_LLM_2_BASE_URL"},
		// checked with no LLM configured too, before anyone enables it
		{"timeout longer than the budget, no LLM", map[string]string{"PARLEY_LLM_TIMEOUT": "30s"}, "PARLEY_LLM_TIMEOUT"},
		{"zero timeout, no LLM", map[string]string{"PARLEY_LLM_TIMEOUT": "0s"}, "PARLEY_LLM_TIMEOUT"},
		{"too many retries, no LLM", map[string]string{"PARLEY_LLM_MAX_RETRIES": "99"}, "PARLEY_LLM_MAX_RETRIES"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := load(t, "", tt.env)
			if err == nil || !strings.Contains(err.Error(), tt.wantEnv) {
				t.Fatalf("err = %v, want one naming %s", err, tt.wantEnv)
			}
			if strings.Contains(err.Error(), "sk-do-not-print") {
				t.Errorf("the error prints the API key: %v", err)
			}
		})
	}
}

// The API keys are never printed: not in the start-up dump, not in a
// validation message, not as a URL's password or credential parameter.
func TestLLMSecretsAreMasked(t *testing.T) {
	c, err := load(t, "", map[string]string{
		"PARLEY_LLM_BASE_URL": "https://gw.example/v1?api-key=sk-query&deployment=d1", "PARLEY_LLM_MODEL": "m",
		"PARLEY_LLM_API_KEY": "sk-primary", "PARLEY_LLM_2_BASE_URL": "https://user:sk-userinfo@y.example/v1",
		"PARLEY_LLM_2_MODEL": "m", "PARLEY_LLM_2_API_KEY": "sk-fallback",
	})
	if err != nil {
		t.Fatal(err)
	}
	dump := c.Settings().Masked()
	for k, v := range dump {
		for _, secret := range []string{"sk-primary", "sk-fallback", "sk-query", "sk-userinfo"} {
			if strings.Contains(v, secret) {
				t.Errorf("start-up dump %s = %q shows a secret", k, v)
			}
		}
	}
	if dump["llm_api_key"] != "****" || dump["llm_2_api_key"] != "****" {
		t.Errorf("keys in the dump: %q, %q; want ****", dump["llm_api_key"], dump["llm_2_api_key"])
	}
	if !strings.Contains(dump["llm_base_url"], "deployment=d1") {
		t.Errorf("llm_base_url = %q: only the credential parameter should be masked", dump["llm_base_url"])
	}
	if _, listed := dump["llm_5_base_url"]; listed {
		t.Error("unset fallbacks fill the start-up dump")
	}
	_, err = load(t, "", map[string]string{"PARLEY_LLM_BASE_URL": "ftp://x/v1?key=sk-in-url", "PARLEY_LLM_MODEL": "m"})
	if err == nil || strings.Contains(err.Error(), "sk-in-url") {
		t.Errorf("validation message %v shows the URL's key", err)
	}
}

func TestLLMSettingsInHelp(t *testing.T) {
	var c config.Serve
	var b bytes.Buffer
	c.Settings().PrintHelp(&b)
	help := b.String()
	for _, want := range []string{
		"PARLEY_LLM_BASE_URL", "PARLEY_LLM_MODEL", "PARLEY_LLM_API_KEY", "PARLEY_LLM_NAME", "PARLEY_LLM_TIMEOUT",
		"PARLEY_LLM_MAX_RETRIES", "PARLEY_LLM_BUDGET", "llm_budget", "PARLEY_LLM_n_BASE_URL", "llm_n_base_url",
		"PARLEY_LLM_n_MODEL", "PARLEY_LLM_n_API_KEY", "PARLEY_LLM_n_TIMEOUT", "PARLEY_LLM_n_MAX_RETRIES",
	} {
		if !strings.Contains(help, want) {
			t.Errorf("--help lacks %s", want)
		}
	}
	if strings.Contains(help, "PARLEY_LLM_2_") || strings.Contains(help, "PARLEY_LLM_9_") {
		t.Error("--help lists every numbered fallback instead of one PARLEY_LLM_n_ family")
	}
}
