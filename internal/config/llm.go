package config

import (
	"net/url"
	"strconv"
	"strings"
	"time"
)

// LLMProviders bounds the provider list: the primary and fallbacks
// PARLEY_LLM_2_* to PARLEY_LLM_9_*.
const LLMProviders = 9

// LLMConfig chooses the optional OpenAI-compatible providers that phrase
// grounded replies. With no primary base URL and model the LLM layer is off
// and every reply is deterministic.
type LLMConfig struct {
	// Providers[0] is the primary (PARLEY_LLM_*); Providers[n-1] is the
	// fallback PARLEY_LLM_n_*, tried in order when the ones before fail.
	Providers [LLMProviders]LLMProvider
	// Budget bounds one whole answer over every attempt, retry and
	// fallback; past it the deterministic reply is sent.
	Budget time.Duration
}

// LLMProvider is one OpenAI-compatible API.
type LLMProvider struct {
	BaseURL string
	Model   string
	APIKey  string // never inherited by a fallback
	Name    string // metrics and log label; "": the base URL's host
	// Timeout bounds one attempt (for streams: the wait for each chunk);
	// 0 on a fallback: the primary's.
	Timeout time.Duration
	// MaxRetries is how often a retryable failure is retried; -1 on a
	// fallback: the primary's.
	MaxRetries int64
}

func (p LLMProvider) set() bool { return p.BaseURL != "" || p.Model != "" }

// Enabled reports whether a primary provider is configured.
func (l *LLMConfig) Enabled() bool { return l.Providers[0].set() }

// Chain returns the configured providers in order, each fallback's unset
// timeout and retries taken from the primary. Empty when the layer is off.
func (l *LLMConfig) Chain() []LLMProvider {
	if !l.Enabled() {
		return nil
	}
	primary := l.Providers[0]
	out := []LLMProvider{primary}
	for _, p := range l.Providers[1:] {
		if !p.set() {
			continue
		}
		if p.Timeout == 0 {
			p.Timeout = primary.Timeout
		}
		if p.MaxRetries < 0 {
			p.MaxRetries = primary.MaxRetries
		}
		out = append(out, p)
	}
	return out
}

// llmPrefix is provider i's environment prefix ("PARLEY_LLM_", "PARLEY_LLM_2_").
func llmPrefix(i int) string {
	if i == 0 {
		return "PARLEY_LLM_"
	}
	return "PARLEY_LLM_" + strconv.Itoa(i+1) + "_"
}

func (l *LLMConfig) settings(s settingFunc) Settings {
	p := &l.Providers[0]
	out := Settings{
		s("PARLEY_LLM_BASE_URL", "llm_base_url", "", "OpenAI-compatible API base, e.g. https://api.groq.com/openai/v1 or http://127.0.0.1:11434/v1; unset: deterministic replies only", false, func() (func(string) error, func() string) { return str(&p.BaseURL) }),
		s("PARLEY_LLM_MODEL", "llm_model", "", "model name at that API, e.g. llama-3.1-8b-instant (set with BASE_URL)", false, func() (func(string) error, func() string) { return str(&p.Model) }),
		s("PARLEY_LLM_API_KEY", "llm_api_key", "", "API key for that API (none for a local Ollama or vLLM); never printed", true, func() (func(string) error, func() string) { return str(&p.APIKey) }),
		s("PARLEY_LLM_NAME", "llm_name", "", "label of the provider in metrics and logs (unset: the base URL's host)", false, func() (func(string) error, func() string) { return str(&p.Name) }),
		s("PARLEY_LLM_TIMEOUT", "llm_timeout", "10s", "time one attempt may take (for streams: the wait for each chunk); at most PARLEY_LLM_BUDGET", false, func() (func(string) error, func() string) { return dur(&p.Timeout) }),
		s("PARLEY_LLM_MAX_RETRIES", "llm_max_retries", "2", "retries of a retryable failure per provider (0..10)", false, func() (func(string) error, func() string) { return integer(&p.MaxRetries) }),
		s("PARLEY_LLM_BUDGET", "llm_budget", "20s", "time one answer may take over all attempts, retries and fallbacks before the deterministic reply is sent", false, func() (func(string) error, func() string) { return dur(&l.Budget) }),
	}
	for i := 1; i < LLMProviders; i++ {
		f := &l.Providers[i]
		env, key := llmPrefix(i), "llm_"+strconv.Itoa(i+1)+"_"
		fallback := Settings{
			s(env+"BASE_URL", key+"base_url", "", "fallback provider n, tried in order when the ones before fail: API base (n = 2..9, no gaps)", false, func() (func(string) error, func() string) { return str(&f.BaseURL) }),
			s(env+"MODEL", key+"model", "", "fallback n's model (set with its BASE_URL)", false, func() (func(string) error, func() string) { return str(&f.Model) }),
			s(env+"API_KEY", key+"api_key", "", "fallback n's API key (never the primary's); never printed", true, func() (func(string) error, func() string) { return str(&f.APIKey) }),
			s(env+"NAME", key+"name", "", "fallback n's label (unset: its host)", false, func() (func(string) error, func() string) { return str(&f.Name) }),
			s(env+"TIMEOUT", key+"timeout", "", "fallback n's per-attempt timeout (unset: PARLEY_LLM_TIMEOUT)", false, func() (func(string) error, func() string) { return optDur(&f.Timeout) }),
			s(env+"MAX_RETRIES", key+"max_retries", "", "fallback n's retries (unset: PARLEY_LLM_MAX_RETRIES)", false, func() (func(string) error, func() string) { return optInt(&f.MaxRetries) }),
		}
		for j := range fallback {
			// One row per field in --help, for n = 2 standing for all.
			fallback[j].helpName = strings.Replace(fallback[j].Env, "_2_", "_n_", 1)
			fallback[j].helpKey = strings.Replace(fallback[j].Key, "_2_", "_n_", 1)
			fallback[j].hidden = i > 1
			fallback[j].quiet = true
		}
		out = append(out, fallback...)
	}
	return out
}

// optDur is dur where "" means 0 (inherit).
func optDur(p *time.Duration) (func(string) error, func() string) {
	set, get := dur(p)
	return func(v string) error {
			if v == "" {
				*p = 0
				return nil
			}
			return set(v)
		}, func() string {
			if *p == 0 {
				return ""
			}
			return get()
		}
}

// optInt is integer where "" means -1 (inherit).
func optInt(p *int64) (func(string) error, func() string) {
	set, get := integer(p)
	return func(v string) error {
			if v == "" {
				*p = -1
				return nil
			}
			return set(v)
		}, func() string {
			if *p < 0 {
				return ""
			}
			return get()
		}
}

func (l *LLMConfig) validate(bad func(env, format string, args ...any)) {
	if l.Budget <= 0 {
		bad("PARLEY_LLM_BUDGET", "must be positive (e.g. 20s)")
	}
	if !l.Enabled() {
		for i := 1; i < LLMProviders; i++ {
			if l.Providers[i].set() {
				bad(llmPrefix(i)+"BASE_URL", "is set but PARLEY_LLM_BASE_URL is not: set the primary first")
				return
			}
		}
		l.validateAttempts(0, bad)
		return
	}
	gap := 0
	for i, p := range l.Providers {
		env := llmPrefix(i)
		if !p.set() {
			if gap == 0 {
				gap = i
			}
			continue
		}
		if gap != 0 {
			bad(env+"BASE_URL", "is set but %sBASE_URL is not: number fallbacks from 2 without gaps", llmPrefix(gap))
		}
		if p.BaseURL == "" || p.Model == "" {
			bad(env+"BASE_URL", "%sBASE_URL and %sMODEL must be set together", env, env)
		} else if u, err := url.Parse(strings.TrimSpace(p.BaseURL)); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			bad(env+"BASE_URL", "%q is not an absolute http(s) URL (e.g. https://api.openai.com/v1)", MaskURL(p.BaseURL))
		}
		l.validateAttempts(i, bad)
	}
}

// validateAttempts checks provider i's timeout and retries. The primary's
// are checked with no LLM configured too: they have defaults, and a wrong
// one set ahead of enabling the LLM is to fail at start-up, not later.
func (l *LLMConfig) validateAttempts(i int, bad func(env, format string, args ...any)) {
	p, env := l.Providers[i], llmPrefix(i)
	switch {
	case i == 0 && p.Timeout <= 0, i > 0 && p.Timeout < 0:
		bad(env+"TIMEOUT", "must be positive (e.g. 10s)")
	case l.Budget > 0 && p.Timeout > l.Budget:
		bad(env+"TIMEOUT", "%s is longer than PARLEY_LLM_BUDGET (%s): one attempt could spend the whole answer", p.Timeout, l.Budget)
	}
	if p.MaxRetries > 10 || (p.MaxRetries < 0 && (i == 0 || p.MaxRetries != -1)) {
		bad(env+"MAX_RETRIES", "%d is outside 0..10", p.MaxRetries)
	}
}
