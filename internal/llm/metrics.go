package llm

import (
	"errors"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Metrics records the LLM layer's behaviour. A nil *Metrics records nothing,
// so every component accepts one without checks.
type Metrics struct {
	requests  *prometheus.CounterVec
	latency   *prometheus.HistogramVec
	retries   *prometheus.CounterVec
	breaker   *prometheus.GaugeVec
	cache     *prometheus.CounterVec
	grounding *prometheus.CounterVec
	fallbacks *prometheus.CounterVec
	failures  *prometheus.CounterVec
	answers   *prometheus.CounterVec
}

// NewMetrics creates the collectors and registers them with reg. A nil reg
// gives working but unregistered collectors (handy in tests). Collectors
// already registered by an earlier call are reused, so two components built
// from the same registry share series.
func NewMetrics(reg prometheus.Registerer) (*Metrics, error) {
	m := &Metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parley_llm_requests_total",
			Help: "LLM provider calls by provider, mode (complete|stream) and outcome (ok|error).",
		}, []string{"provider", "mode", "outcome"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "parley_llm_request_duration_seconds",
			Help:    "LLM provider call latency including retries.",
			Buckets: []float64{.05, .1, .25, .5, 1, 2, 4, 8, 16, 32},
		}, []string{"provider", "mode"}),
		retries: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parley_llm_retries_total",
			Help: "Retried LLM attempts by provider and reason (status code, timeout, network).",
		}, []string{"provider", "reason"}),
		breaker: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "parley_llm_breaker_state",
			Help: "Circuit breaker state per provider: 0 closed, 1 half-open, 2 open.",
		}, []string{"provider"}),
		cache: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parley_llm_cache_total",
			Help: "LLM response cache lookups by result (hit|miss|error).",
		}, []string{"result"}),
		grounding: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parley_llm_grounding_total",
			Help: "Grounding checks of LLM answers by result (accepted|rejected).",
		}, []string{"result"}),
		fallbacks: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parley_llm_fallbacks_total",
			Help: "Times the chain skipped a provider, by provider and reason (error|open).",
		}, []string{"provider", "reason"}),
		failures: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parley_llm_failures_total",
			Help: "LLM provider calls that failed for good, by provider and reason (status code, timeout, network, tls, not_api, too_large, error_body, incomplete_stream, other).",
		}, []string{"provider", "reason"}),
		answers: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parley_llm_answers_total",
			Help: "Answers asked of the LLM layer by outcome: accepted, or why the deterministic reply was kept (ungrounded, incomplete, unavailable, budget, canceled, no_facts).",
		}, []string{"outcome"}),
	}
	if reg == nil {
		return m, nil
	}
	var err error
	m.requests = register(reg, m.requests, &err)
	m.latency = register(reg, m.latency, &err)
	m.retries = register(reg, m.retries, &err)
	m.breaker = register(reg, m.breaker, &err)
	m.cache = register(reg, m.cache, &err)
	m.grounding = register(reg, m.grounding, &err)
	m.fallbacks = register(reg, m.fallbacks, &err)
	m.failures = register(reg, m.failures, &err)
	m.answers = register(reg, m.answers, &err)
	return m, err
}

// register registers c, returning the already-registered twin if there is one.
func register[C prometheus.Collector](reg prometheus.Registerer, c C, errp *error) C {
	if err := reg.Register(c); err != nil {
		var are prometheus.AlreadyRegisteredError
		if errors.As(err, &are) {
			if existing, ok := are.ExistingCollector.(C); ok {
				return existing
			}
		}
		if *errp == nil {
			*errp = err
		}
	}
	return c
}

func (m *Metrics) observeRequest(provider, mode string, start time.Time, err error) {
	if m == nil {
		return
	}
	outcome := "ok"
	if err != nil {
		outcome = "error"
	}
	m.requests.WithLabelValues(provider, mode, outcome).Inc()
	m.latency.WithLabelValues(provider, mode).Observe(time.Since(start).Seconds())
}

func (m *Metrics) retry(provider, reason string) {
	if m != nil {
		m.retries.WithLabelValues(provider, reason).Inc()
	}
}

func (m *Metrics) breakerState(provider string, state float64) {
	if m != nil {
		m.breaker.WithLabelValues(provider).Set(state)
	}
}

func (m *Metrics) cacheResult(result string) {
	if m != nil {
		m.cache.WithLabelValues(result).Inc()
	}
}

func (m *Metrics) groundingResult(ok bool) {
	if m == nil {
		return
	}
	if ok {
		m.grounding.WithLabelValues("accepted").Inc()
	} else {
		m.grounding.WithLabelValues("rejected").Inc()
	}
}

func (m *Metrics) fallback(provider, reason string) {
	if m != nil {
		m.fallbacks.WithLabelValues(provider, reason).Inc()
	}
}

func (m *Metrics) failure(provider, reason string) {
	if m != nil {
		m.failures.WithLabelValues(provider, reason).Inc()
	}
}

func (m *Metrics) answer(outcome string) {
	if m != nil {
		m.answers.WithLabelValues(outcome).Inc()
	}
}
