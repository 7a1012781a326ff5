package llm

import (
	"fmt"
	"net/url"
	"strconv"
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
	// MaxProviders bounds the fallback list read from the environment.
	MaxProviders = 9
)

// Config configures one OpenAI-compatible provider. Only BaseURL and Model
// differ between Groq, OpenAI, Ollama and vLLM; nothing here is vendor-specific.
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

// DefaultBudget bounds one whole answer when PARLEY_LLM_BUDGET is unset.
const DefaultBudget = 20 * time.Second

// BudgetFromEnv reads PARLEY_LLM_BUDGET, the time one answer may take over
// all attempts, retries and fallbacks before the deterministic reply is
// sent instead (a Go duration; default 20s).
func BudgetFromEnv(getenv func(string) string) (time.Duration, error) {
	v := strings.TrimSpace(getenv("PARLEY_LLM_BUDGET"))
	if v == "" {
		return DefaultBudget, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		return 0, apperr.New(apperr.Invalid, "llm: PARLEY_LLM_BUDGET %q is not a positive duration", v)
	}
	return d, nil
}

// String renders c without its API key, for start-up logs.
func (c Config) String() string {
	key := ""
	if c.APIKey != "" {
		key = "***"
	}
	return fmt.Sprintf("%s model=%s base_url=%s api_key=%s timeout=%v retries=%d",
		c.Name, c.Model, c.BaseURL, key, c.Timeout, c.MaxRetries)
}

// ConfigFromEnv reads the provider list from the environment through getenv.
//
// The primary provider is PARLEY_LLM_BASE_URL, PARLEY_LLM_MODEL,
// PARLEY_LLM_API_KEY, and optionally PARLEY_LLM_NAME, PARLEY_LLM_TIMEOUT (a Go
// duration, default 20s) and PARLEY_LLM_MAX_RETRIES (default 2).
// Fallbacks, tried in order when the ones before fail, use the same names
// numbered from 2: PARLEY_LLM_2_BASE_URL, PARLEY_LLM_2_MODEL,
// PARLEY_LLM_2_API_KEY, ... up to PARLEY_LLM_9_*. A fallback's TIMEOUT and
// MAX_RETRIES default to the primary's; its API key is never inherited.
//
// With neither PARLEY_LLM_BASE_URL nor PARLEY_LLM_MODEL set it returns no
// configs and no error: the LLM layer is off. Half-set providers, gaps in
// the numbering, and bad values are apperr.Invalid.
func ConfigFromEnv(getenv func(string) string) ([]Config, error) {
	primary, set, err := configAt(getenv, "PARLEY_LLM_", Config{Timeout: DefaultTimeout, MaxRetries: DefaultMaxRetries})
	if err != nil || !set {
		if err == nil && anyFallbackSet(getenv) {
			return nil, apperr.New(apperr.Invalid, "llm: PARLEY_LLM_2_* is set but PARLEY_LLM_BASE_URL is not")
		}
		return nil, err
	}
	cfgs := []Config{primary}
	gap := 0
	for n := 2; n <= MaxProviders; n++ {
		prefix := "PARLEY_LLM_" + strconv.Itoa(n) + "_"
		c, set, err := configAt(getenv, prefix, Config{Timeout: primary.Timeout, MaxRetries: primary.MaxRetries})
		if err != nil {
			return nil, err
		}
		if !set {
			if gap == 0 {
				gap = n
			}
			continue
		}
		if gap != 0 {
			return nil, apperr.New(apperr.Invalid, "llm: %sBASE_URL is set but PARLEY_LLM_%d_BASE_URL is not", prefix, gap)
		}
		cfgs = append(cfgs, c)
	}
	return cfgs, nil
}

func anyFallbackSet(getenv func(string) string) bool {
	for n := 2; n <= MaxProviders; n++ {
		p := "PARLEY_LLM_" + strconv.Itoa(n) + "_"
		if getenv(p+"BASE_URL") != "" || getenv(p+"MODEL") != "" {
			return true
		}
	}
	return false
}

// configAt reads one provider under prefix; set is false when neither its
// base URL nor its model is given.
func configAt(getenv func(string) string, prefix string, def Config) (Config, bool, error) {
	c := def
	c.BaseURL = strings.TrimSpace(getenv(prefix + "BASE_URL"))
	c.Model = strings.TrimSpace(getenv(prefix + "MODEL"))
	if c.BaseURL == "" && c.Model == "" {
		return Config{}, false, nil
	}
	if c.BaseURL == "" || c.Model == "" {
		return Config{}, false, apperr.New(apperr.Invalid, "llm: %sBASE_URL and %sMODEL must be set together", prefix, prefix)
	}
	c.APIKey = strings.TrimSpace(getenv(prefix + "API_KEY"))
	c.Name = strings.TrimSpace(getenv(prefix + "NAME"))
	if v := getenv(prefix + "TIMEOUT"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return Config{}, false, apperr.New(apperr.Invalid, "llm: %sTIMEOUT %q is not a positive duration", prefix, v)
		}
		c.Timeout = d
	}
	if v := getenv(prefix + "MAX_RETRIES"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return Config{}, false, apperr.New(apperr.Invalid, "llm: %sMAX_RETRIES %q is not a number", prefix, v)
		}
		c.MaxRetries = n
	}
	c = c.withDefaults()
	if err := c.Validate(); err != nil {
		return Config{}, false, err
	}
	return c, true, nil
}
