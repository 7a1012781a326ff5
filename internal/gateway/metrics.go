package gateway

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// metrics are the gateway's Prometheus collectors, on a registry of its own
// (served on admin_listen) so that tests can run several gateways at once.
type metrics struct {
	reg       *prometheus.Registry
	requests  *prometheus.CounterVec
	duration  *prometheus.HistogramVec
	retries   *prometheus.CounterVec
	ejections *prometheus.CounterVec
	breaker   *prometheus.GaugeVec
	healthy   *prometheus.GaugeVec
	reloads   *prometheus.CounterVec

	jwksRefreshes *prometheus.CounterVec
}

func newMetrics() *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parley_gateway_requests_total", Help: "Requests by route, upstream and status class.",
		}, []string{"route", "upstream", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "parley_gateway_request_duration_seconds",
			Help:    "Time from request to response headers, by route and upstream.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"route", "upstream"}),
		retries: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parley_gateway_upstream_retries_total", Help: "Retried attempts by upstream.",
		}, []string{"upstream"}),
		ejections: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parley_gateway_upstream_ejections_total", Help: "Passive outlier ejections by upstream.",
		}, []string{"upstream"}),
		breaker: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "parley_gateway_upstream_breaker_state", Help: "Circuit breaker state: 0 closed, 1 half-open, 2 open.",
		}, []string{"upstream"}),
		healthy: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "parley_gateway_target_healthy", Help: "1 when a target passes active health checks and is not ejected.",
		}, []string{"upstream", "target"}),
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parley_gateway_config_reloads_total", Help: "Configuration reloads by result.",
		}, []string{"result"}),
		jwksRefreshes: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parley_gateway_jwks_refreshes_total",
			Help: "JWKS fetches by route, trigger (periodic, unknown_kid) and result (ok, error; on error the keys in hand are kept).",
		}, []string{"route", "trigger", "result"}),
	}
	m.reg.MustRegister(m.requests, m.duration, m.retries, m.ejections, m.breaker, m.healthy, m.reloads, m.jwksRefreshes,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// upstreamMetrics are one upstream's collectors, resolved once per state so
// that the request path does no label lookups.
type upstreamMetrics struct {
	retries   prometheus.Counter
	ejections prometheus.Counter
	breaker   prometheus.Gauge
}

func (m *metrics) upstream(name string) *upstreamMetrics {
	return &upstreamMetrics{
		retries:   m.retries.WithLabelValues(name),
		ejections: m.ejections.WithLabelValues(name),
		breaker:   m.breaker.WithLabelValues(name),
	}
}

// routeMetrics are one route's collectors; codes is indexed by status/100.
type routeMetrics struct {
	codes    [6]prometheus.Counter
	duration prometheus.Observer
}

func (m *metrics) route(name, upstream string) routeMetrics {
	var r routeMetrics
	for i, c := range []string{"other", "1xx", "2xx", "3xx", "4xx", "5xx"} {
		r.codes[i] = m.requests.WithLabelValues(name, upstream, c)
	}
	r.duration = m.duration.WithLabelValues(name, upstream)
	return r
}

func (r *routeMetrics) count(status int) {
	i := status / 100
	if i < 1 || i > 5 {
		i = 0
	}
	r.codes[i].Inc()
}
