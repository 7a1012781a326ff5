package llm

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
)

// Defaults for a provider's Config.
const (
	// DefaultTimeout is half of DefaultBudget: a provider that hangs
	// leaves a fallback the other half (with both at 20 s, a hanging
	// primary spent the whole budget and no fallback was ever tried).
	DefaultTimeout    = 10 * time.Second
	DefaultMaxRetries = 2
)

// Config configures one OpenAI-compatible provider. Only BaseURL and Model
// differ between Groq, OpenAI, Ollama and vLLM; nothing here is vendor-specific.
// The package reads no environment: `parley serve` fills Configs from its
// one configuration (internal/config, PARLEY_LLM_*), where they are listed
// in --help, read from the config file and validated at start-up.
type Config struct {
	// Name labels the provider in metrics and logs; default: the base URL's host.
	Name string
	// BaseURL is the API root that "chat/completions" is appended to, e.g.
	// https://api.openai.com/v1, https://api.groq.com/openai/v1,
	// http://127.0.0.1:11434/v1 (Ollama), http://127.0.0.1:8000/v1 (vLLM).
	BaseURL string
	// Model is the model name the provider expects.
	Model string
	// APIKey is sent as a bearer token; empty sends none (Ollama, local vLLM).
	APIKey string
	// Timeout bounds one attempt (for streams: the wait for each chunk).
	Timeout time.Duration
	// MaxRetries is how many times a retryable failure is retried (0: none).
	MaxRetries int
}

// Validate reports the first problem with c as apperr.Invalid.
func (c Config) Validate() error {
	u, err := url.Parse(c.BaseURL)
	switch {
	case c.BaseURL == "":
		return apperr.New(apperr.Invalid, "llm: base URL is empty")
	case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
		return apperr.New(apperr.Invalid, "llm: base URL %q is not an http(s) URL", c.BaseURL)
	case strings.TrimSpace(c.Model) == "":
		return apperr.New(apperr.Invalid, "llm: model is empty for %s", c.BaseURL)
	case c.Timeout < 0:
		return apperr.New(apperr.Invalid, "llm: timeout %v is negative", c.Timeout)
	case c.MaxRetries < 0 || c.MaxRetries > 10:
		return apperr.New(apperr.Invalid, "llm: max retries %d is outside 0..10", c.MaxRetries)
	}
	return nil
}

// withDefaults fills the zero fields of c and puts the base URL in the form
// the client appends "chat/completions" to.
func (c Config) withDefaults() Config {
	c.BaseURL = normalizeBaseURL(c.BaseURL)
	if c.Timeout == 0 {
		c.Timeout = DefaultTimeout
	}
	if c.Name == "" {
		if u, err := url.Parse(c.BaseURL); err == nil && u.Host != "" {
			c.Name = u.Host
		} else {
			c.Name = c.BaseURL
		}
	}
	return c
}

// normalizeBaseURL accepts what people paste: the full endpoint
// (".../v1/chat/completions"), a trailing slash, or a server root without a
// path ("http://localhost:11434" for Ollama), which gets "/v1", where every
// OpenAI-compatible server (OpenAI, Ollama, vLLM, LiteLLM, llama.cpp) serves
// the API. A base with any other path is taken as is (Groq's /openai/v1).
func normalizeBaseURL(base string) string {
	base = strings.TrimSpace(base)
	u, err := url.Parse(base)
	if err != nil || u.Host == "" {
		return base
	}
	u.Path = strings.TrimRight(u.Path, "/")
	u.Path = strings.TrimSuffix(u.Path, "/chat/completions")
	if u.Path == "" {
		u.Path = "/v1"
	}
	u.RawPath = ""
	return u.String()
}

// DefaultBudget bounds one whole answer when AnswererOptions.Budget is 0.
const DefaultBudget = 20 * time.Second

// String renders c without its API key, for start-up logs.
func (c Config) String() string {
	key := ""
	if c.APIKey != "" {
		key = "***"
	}
	return fmt.Sprintf("%s model=%s base_url=%s api_key=%s timeout=%v retries=%d",
		c.Name, c.Model, c.BaseURL, key, c.Timeout, c.MaxRetries)
}
