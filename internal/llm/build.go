package llm

import (
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
)

// Deps are the collaborators NewProvider wires in; only the zero value's
// fields left nil are optional.
type Deps struct {
	HTTPClient *http.Client
	Logger     *slog.Logger
	Metrics    *Metrics
	// Cache, when set, caches completions (see Cached); nil: no caching.
	Cache    Cache
	CacheTTL time.Duration
	// Breakers tunes the chain's circuit breakers (Logger and Metrics are
	// taken from Deps).
	Breakers ChainOptions
	// Backoff tunes every client's retries.
	Backoff Backoff
}

// NewProvider builds the production stack from configs:
// one Client per config, in a Chain with a breaker each, behind a Cached
// decorator when deps.Cache is set. An empty cfgs is apperr.Invalid; callers
// check for it to leave the LLM layer off.
func NewProvider(cfgs []Config, deps Deps) (Provider, error) {
	if len(cfgs) == 0 {
		return nil, apperr.New(apperr.Invalid, "llm: no provider configured")
	}
	cfgs = append([]Config(nil), cfgs...) // the caller's slice stays as it was
	members := make([]Member, 0, len(cfgs))
	names := make(map[string]int)
	for i := range cfgs {
		cfgs[i] = cfgs[i].withDefaults()
		// Names label breakers and metrics, so two providers on one host
		// (two models on one vLLM) get "host", "host#2".
		if names[cfgs[i].Name]++; names[cfgs[i].Name] > 1 {
			cfgs[i].Name += "#" + strconv.Itoa(names[cfgs[i].Name])
		}
		c, err := NewClient(cfgs[i], ClientOptions{
			HTTPClient: deps.HTTPClient, Logger: deps.Logger, Metrics: deps.Metrics, Backoff: deps.Backoff,
		})
		if err != nil {
			return nil, err
		}
		members = append(members, Member{Name: c.Name(), Provider: c})
	}
	opts := deps.Breakers
	opts.Logger, opts.Metrics = deps.Logger, deps.Metrics
	chain, err := NewChain(members, opts)
	if err != nil {
		return nil, err
	}
	if deps.Cache == nil {
		return chain, nil
	}
	return NewCached(chain, deps.Cache, CachedOptions{
		Scope: ScopeOf(cfgs), TTL: deps.CacheTTL, Logger: deps.Logger, Metrics: deps.Metrics,
	}), nil
}
