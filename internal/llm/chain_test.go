package llm_test

import (
	"context"
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/llm"
)

// twoProviders builds a chain over two fake servers whose clients never retry.
func twoProviders(t *testing.T, first, second *fakeOpenAI, opts llm.ChainOptions) *llm.Chain {
	t.Helper()
	var members []llm.Member
	for i, f := range []*fakeOpenAI{first, second} {
		name := []string{"primary", "secondary"}[i]
		c, err := llm.NewClient(llm.Config{Name: name, BaseURL: f.BaseURL(), Model: "m-" + name}, llm.ClientOptions{})
		if err != nil {
			t.Fatal(err)
		}
		members = append(members, llm.Member{Name: name, Provider: c})
	}
	chain, err := llm.NewChain(members, opts)
	if err != nil {
		t.Fatal(err)
	}
	return chain
}

func TestChainFallsBackToTheNextProvider(t *testing.T) {
	for _, status := range []int{500, 401, 429} {
		t.Run(httpStatus(status), func(t *testing.T) {
			down := newFakeOpenAI(t, step{status: status})
			up := newFakeOpenAI(t, step{text: "from the second"})
			chain := twoProviders(t, down, up, llm.ChainOptions{})

			resp, err := chain.Complete(t.Context(), userRequest("hi"))
			if err != nil {
				t.Fatalf("Complete: %v", err)
			}
			if resp.Text != "from the second" || resp.Provider != "secondary" {
				t.Errorf("got %q from %q, want the secondary's answer", resp.Text, resp.Provider)
			}
			if down.Calls() != 1 || up.Calls() != 1 {
				t.Errorf("calls = %d, %d; want 1, 1", down.Calls(), up.Calls())
			}
		})
	}
}

func httpStatus(s int) string { return strconv.Itoa(s) }

func TestChainStreamFallsBackBeforeAnyDelta(t *testing.T) {
	down := newFakeOpenAI(t, step{status: 503})
	up := newFakeOpenAI(t, step{chunks: []string{"one ", "two"}})
	chain := twoProviders(t, down, up, llm.ChainOptions{})
	var got []string
	resp, err := chain.Stream(t.Context(), userRequest("hi"), func(d string) error { got = append(got, d); return nil })
	if err != nil {
		t.Fatalf("Stream: %v", err)
	}
	if d := cmp.Diff([]string{"one ", "two"}, got); d != "" || resp.Provider != "secondary" {
		t.Errorf("deltas (-want +got):\n%s provider %q", d, resp.Provider)
	}
}

func TestChainStreamDoesNotFallBackAfterDeltas(t *testing.T) {
	broken := newFakeOpenAI(t, step{chunks: []string{"half "}, truncate: true})
	up := newFakeOpenAI(t, step{text: "whole"})
	chain := twoProviders(t, broken, up, llm.ChainOptions{})
	var got string
	_, err := chain.Stream(t.Context(), userRequest("hi"), func(d string) error { got += d; return nil })
	if err == nil {
		t.Fatal("Stream succeeded, want the interrupted stream's error")
	}
	if got != "half " || up.Calls() != 0 {
		t.Errorf("delivered %q and called the second %d times; want only the first's text", got, up.Calls())
	}
}

func TestChainAllDownIsUnavailable(t *testing.T) {
	chain := twoProviders(t, newFakeOpenAI(t, step{status: 500}), newFakeOpenAI(t, step{status: 502}), llm.ChainOptions{})
	_, err := chain.Complete(t.Context(), userRequest("hi"))
	if !apperr.Is(err, apperr.Unavailable) {
		t.Errorf("err = %v (code %q), want unavailable", err, apperr.CodeOf(err))
	}
}

func TestChainBreakerOpensAndSkipsTheProvider(t *testing.T) {
	down := newFakeOpenAI(t, step{status: 500})
	up := newFakeOpenAI(t, step{text: "ok"})
	reg := prometheus.NewRegistry()
	m, err := llm.NewMetrics(reg)
	if err != nil {
		t.Fatal(err)
	}
	chain := twoProviders(t, down, up, llm.ChainOptions{FailureThreshold: 3, OpenTimeout: time.Hour, Metrics: m})

	for i := range 6 {
		if _, err := chain.Complete(t.Context(), userRequest("hi")); err != nil {
			t.Fatalf("call %d: %v", i, err)
		}
	}
	if down.Calls() != 3 {
		t.Errorf("broken provider called %d times, want 3 (then skipped by its open breaker)", down.Calls())
	}
	if up.Calls() != 6 {
		t.Errorf("second provider called %d times, want 6", up.Calls())
	}
	want := map[string]string{"primary": "open", "secondary": "closed"}
	if d := cmp.Diff(want, chain.BreakerStates()); d != "" {
		t.Errorf("breaker states (-want +got):\n%s", d)
	}
	if got := metricValue(t, reg, "parley_llm_breaker_state", "provider", "primary"); got != 2 {
		t.Errorf("breaker gauge = %v, want 2 (open)", got)
	}
}

func TestChainCallerCancellationDoesNotTripTheBreaker(t *testing.T) {
	slow := newFakeOpenAI(t, step{hang: true})
	up := newFakeOpenAI(t, step{text: "ok"})
	chain := twoProviders(t, slow, up, llm.ChainOptions{FailureThreshold: 1, OpenTimeout: time.Hour})
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Millisecond)
	defer cancel()
	_, err := chain.Complete(ctx, userRequest("hi"))
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want the caller's deadline", err)
	}
	if up.Calls() != 0 {
		t.Errorf("fell through to the second provider after the caller gave up")
	}
	if s := chain.BreakerStates()["primary"]; s != "closed" {
		t.Errorf("primary breaker = %s, want closed: the caller, not the provider, gave up", s)
	}
}

// metricValue reads the gauge or counter series of family name whose label
// has value; counters with more labels are summed.
func metricValue(t *testing.T, reg *prometheus.Registry, name, label, value string) float64 {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	var sum float64
	for _, mf := range mfs {
		if mf.GetName() != name {
			continue
		}
		for _, m := range mf.GetMetric() {
			for _, l := range m.GetLabel() {
				if l.GetName() == label && l.GetValue() == value {
					sum += m.GetGauge().GetValue() + m.GetCounter().GetValue()
				}
			}
		}
	}
	return sum
}

func TestNewMetricsTwiceSharesCollectors(t *testing.T) {
	reg := prometheus.NewRegistry()
	for range 2 {
		if _, err := llm.NewMetrics(reg); err != nil {
			t.Fatalf("NewMetrics on a registry that already has them: %v", err)
		}
	}
	var nilMetrics *llm.Metrics
	if _, err := llm.NewChain([]llm.Member{{Name: "x", Provider: nil}}, llm.ChainOptions{Metrics: nilMetrics}); err != nil {
		t.Fatalf("a nil *Metrics must be usable: %v", err)
	}
}
