package llm_test

import (
	"strings"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/llm"
)

func TestConfigValidate(t *testing.T) {
	ok := llm.Config{BaseURL: "https://x/v1", Model: "m", Timeout: time.Second, MaxRetries: 2}
	tests := []struct {
		name string
		edit func(*llm.Config)
	}{
		{"empty base URL", func(c *llm.Config) { c.BaseURL = "" }},
		{"not a URL", func(c *llm.Config) { c.BaseURL = "ftp://x" }},
		{"no model", func(c *llm.Config) { c.Model = " " }},
		{"negative timeout", func(c *llm.Config) { c.Timeout = -time.Second }},
		{"too many retries", func(c *llm.Config) { c.MaxRetries = 99 }},
	}
	if err := ok.Validate(); err != nil {
		t.Fatalf("valid config: %v", err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := ok
			tt.edit(&c)
			if err := c.Validate(); !apperr.Is(err, apperr.Invalid) {
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
