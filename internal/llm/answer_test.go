package llm_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/parleyhq/parley/internal/llm"
)

// memCache is an in-memory Cache with counters and an optional failure.
type memCache struct {
	mu      sync.Mutex
	m       map[string][]byte
	gets    int
	failGet bool
}

func (c *memCache) Get(_ context.Context, key string) ([]byte, bool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gets++
	if c.failGet {
		return nil, false, errors.New("cache down")
	}
	v, ok := c.m[key]
	return v, ok, nil
}

func (c *memCache) Set(_ context.Context, key string, val []byte, _ time.Duration) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = make(map[string][]byte)
	}
	c.m[key] = val
	return nil
}

func testQuery(question string) llm.Query {
	return llm.Query{
		Question: question, Subject: "Ada Lovelace", Facts: testFacts,
		ProfileVersion: "v7", Vocab: testVocab(""),
	}
}

// stack builds the production wiring over fake servers.
func stack(t *testing.T, cache llm.Cache, reg prometheus.Registerer, servers ...*fakeOpenAI) *llm.Answerer {
	t.Helper()
	var cfgs []llm.Config
	for i, f := range servers {
		cfgs = append(cfgs, llm.Config{Name: []string{"primary", "secondary"}[i], BaseURL: f.BaseURL(), Model: "m"})
	}
	m, err := llm.NewMetrics(reg)
	if err != nil {
		t.Fatal(err)
	}
	p, err := llm.NewProvider(cfgs, llm.Deps{Cache: cache, Metrics: m})
	if err != nil {
		t.Fatal(err)
	}
	a, err := llm.NewAnswerer(p, llm.AnswererOptions{Metrics: m})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestAnswererEndToEndWithProviderFailure(t *testing.T) {
	down := newFakeOpenAI(t, step{status: 500})
	up := newFakeOpenAI(t, step{text: " Ada is a Staff Engineer at Acme Corp [1]; before that she used Go at Globex [2]. "})
	reg := prometheus.NewRegistry()
	a := stack(t, nil, reg, down, up)

	got, err := a.Answer(t.Context(), testQuery("Where does Ada work?"))
	if err != nil {
		t.Fatalf("Answer: %v", err)
	}
	want := llm.Answer{
		Text:      "Ada is a Staff Engineer at Acme Corp [1]; before that she used Go at Globex [2].",
		Citations: []int{1, 2}, PromptVersion: "answer@v1", Model: "fake-model-1", Provider: "secondary",
		Usage: llm.Usage{PromptTokens: 50, CompletionTokens: 10, TotalTokens: 60},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("answer (-want +got):\n%s", d)
	}

	msgs := up.Requests()[0].messages(t)
	if len(msgs) != 2 || msgs[0].Role != "system" || msgs[1].Role != "user" {
		t.Fatalf("messages = %+v, want system then user", msgs)
	}
	for _, s := range []string{"ONLY", "numbered facts", "never instructions", "Ada Lovelace"} {
		if !strings.Contains(msgs[0].Content, s) {
			t.Errorf("system prompt lacks %q", s)
		}
	}
	for i, f := range testFacts {
		if line := "[" + string(rune('1'+i)) + "] " + f; !strings.Contains(msgs[1].Content, line) {
			t.Errorf("user message lacks fact line %q", line)
		}
	}
	if !strings.Contains(msgs[1].Content, "Where does Ada work?") {
		t.Error("user message lacks the question")
	}
	if v := metricValue(t, reg, "parley_llm_requests_total", "provider", "secondary"); v != 1 {
		t.Errorf("requests_total{secondary} = %v, want 1", v)
	}
	if v := metricValue(t, reg, "parley_llm_fallbacks_total", "provider", "primary"); v != 1 {
		t.Errorf("fallbacks_total{primary} = %v, want 1", v)
	}
}

func TestAnswererRejects(t *testing.T) {
	tests := []struct {
		name  string
		reply step
		q     llm.Query
		want  error
	}{
		{"invented employer", step{text: "Ada worked at Google [1]."}, testQuery("Where does Ada work?"), llm.ErrUngrounded},
		{"invented technology", step{text: "Ada used Rust at Globex [2]."}, testQuery("What did she use?"), llm.ErrUngrounded},
		{"invented year", step{text: "Ada joined Acme Corp in 2017 [1]."}, testQuery("When did she join?"), llm.ErrUngrounded},
		{"citation of a missing fact", step{text: "Ada works at Acme Corp [7]."}, testQuery("Where?"), llm.ErrUngrounded},
		{"cut off by the token limit", step{text: "Ada works at", finish: "length"}, testQuery("Where?"), llm.ErrIncomplete},
		{"empty reply", step{text: "  "}, testQuery("Where?"), llm.ErrIncomplete},
		{"no facts", step{text: "unused"}, llm.Query{Question: "Where?"}, llm.ErrNoFacts},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeOpenAI(t, tt.reply)
			a := stack(t, nil, nil, f)
			_, err := a.Answer(t.Context(), tt.q)
			if !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestAnswererCacheHitSkipsTheProvider(t *testing.T) {
	f := newFakeOpenAI(t, step{text: "Ada works at Acme Corp [1]."})
	cache := &memCache{}
	a := stack(t, cache, nil, f)

	first, err := a.Answer(t.Context(), testQuery("Where does Ada work?"))
	if err != nil || first.Cached {
		t.Fatalf("first answer = %+v, %v; want fresh", first, err)
	}
	again, err := a.Answer(t.Context(), testQuery("  where does   ada WORK  "))
	if err != nil || !again.Cached || again.Text != first.Text {
		t.Fatalf("second answer = %+v, %v; want the cached first", again, err)
	}
	if f.Calls() != 1 {
		t.Errorf("provider calls = %d, want 1", f.Calls())
	}

	// A new profile version, other facts or another question miss.
	q := testQuery("Where does Ada work?")
	q.ProfileVersion = "v8"
	other := testQuery("Where does Ada work?")
	other.Facts = testFacts[:1]
	for _, q := range []llm.Query{q, other, testQuery("What did Ada study?")} {
		if _, err := a.Answer(t.Context(), q); err != nil {
			t.Fatal(err)
		}
	}
	if f.Calls() != 4 {
		t.Errorf("provider calls = %d, want 4", f.Calls())
	}
}

func TestAnswererCacheFailureIsAMiss(t *testing.T) {
	f := newFakeOpenAI(t, step{text: "Ada works at Acme Corp [1]."})
	a := stack(t, &memCache{failGet: true}, nil, f)
	for range 2 {
		if _, err := a.Answer(t.Context(), testQuery("Where?")); err != nil {
			t.Fatalf("Answer with the cache down: %v", err)
		}
	}
	if f.Calls() != 2 {
		t.Errorf("provider calls = %d, want 2", f.Calls())
	}
}

func TestAnswerStream(t *testing.T) {
	tests := []struct {
		name       string
		chunks     []string
		wantDeltas string
		wantErr    error
	}{
		{
			name:       "grounded answer streams whole",
			chunks:     []string{"Ada is a Staff ", "Engineer at Acme Corp [1]. Before", " that she used Go at ", "Globex [2]."},
			wantDeltas: "Ada is a Staff Engineer at Acme Corp [1]. Before that she used Go at Globex [2].",
		},
		{
			name:       "ungrounded sentence is never released",
			chunks:     []string{"Ada is a Staff Engineer at Acme Corp [1]. ", "Before that she was at ", "Google [2]. ", "She likes Go."},
			wantDeltas: "Ada is a Staff Engineer at Acme Corp [1].",
			wantErr:    llm.ErrUngrounded,
		},
		{
			name:    "ungrounded first sentence releases nothing",
			chunks:  []string{"In 2003 she ", "founded Initech Inc."},
			wantErr: llm.ErrUngrounded,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeOpenAI(t, step{chunks: tt.chunks})
			a := stack(t, nil, nil, f)
			var got strings.Builder
			ans, err := a.AnswerStream(t.Context(), testQuery("Where does Ada work?"), func(d string) error {
				got.WriteString(d)
				return nil
			})
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if got.String() != tt.wantDeltas {
				t.Errorf("streamed %q, want %q", got.String(), tt.wantDeltas)
			}
			if err == nil && ans.Text != tt.wantDeltas {
				t.Errorf("answer %q differs from what was streamed", ans.Text)
			}
		})
	}
}

func TestAnswerStreamFromCache(t *testing.T) {
	f := newFakeOpenAI(t, step{chunks: []string{"Ada works ", "at Acme Corp [1]."}})
	a := stack(t, &memCache{}, nil, f)
	for i := range 2 {
		var got strings.Builder
		ans, err := a.AnswerStream(t.Context(), testQuery("Where?"), func(d string) error { got.WriteString(d); return nil })
		if err != nil || got.String() != "Ada works at Acme Corp [1]." || ans.Cached != (i == 1) {
			t.Errorf("round %d: streamed %q, cached %v, err %v", i, got.String(), ans.Cached, err)
		}
	}
	if f.Calls() != 1 {
		t.Errorf("provider calls = %d, want 1", f.Calls())
	}
}

// A rejected answer must not be replayed from the cache: the next identical
// question asks the provider again, and its accepted answer is what gets kept.
func TestAnswererRejectedAnswerIsNotCached(t *testing.T) {
	tests := []struct {
		name   string
		stream bool
	}{{"complete", false}, {"stream", true}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeOpenAI(t, step{text: "Ada worked at Google [1]."}, step{text: "Ada works at Acme Corp [1]."})
			cache := &memCache{}
			a := stack(t, cache, nil, f)
			ask := func() (llm.Answer, error) {
				if tt.stream {
					return a.AnswerStream(t.Context(), testQuery("Where does Ada work?"), func(string) error { return nil })
				}
				return a.Answer(t.Context(), testQuery("Where does Ada work?"))
			}
			if _, err := ask(); !errors.Is(err, llm.ErrUngrounded) {
				t.Fatalf("first answer: err = %v, want ungrounded", err)
			}
			ans, err := ask()
			if err != nil || ans.Cached || ans.Text != "Ada works at Acme Corp [1]." {
				t.Fatalf("second answer = %+v, %v; want a fresh grounded one", ans, err)
			}
			if ans, err = ask(); err != nil || !ans.Cached {
				t.Fatalf("third answer = %+v, %v; want the accepted one from the cache", ans, err)
			}
			if f.Calls() != 2 {
				t.Errorf("provider calls = %d, want 2", f.Calls())
			}
		})
	}
}

// A response that fails only the output checks (here: another language than
// the question's) is not kept either.
func TestCachedKeepsOnlyWhatTheCallerAccepts(t *testing.T) {
	f := newFakeOpenAI(t, step{text: "Ada trabaja como ingeniera en Acme Corp desde hace años [1]."})
	cache := &memCache{}
	a := stack(t, cache, nil, f)
	for range 2 {
		if _, err := a.Answer(t.Context(), testQuery("Where does Ada work?")); !errors.Is(err, llm.ErrUngrounded) {
			t.Fatalf("err = %v, want ungrounded (language)", err)
		}
	}
	if f.Calls() != 2 || len(cache.m) != 0 {
		t.Errorf("provider calls = %d, cache entries = %d; want 2 and 0", f.Calls(), len(cache.m))
	}
}

// A visitor who asks in Spanish may be answered in Spanish; the same answer
// to an English question is refused (TestCachedKeepsOnlyWhatTheCallerAccepts).
func TestAnswererAcceptsTheVisitorsLanguage(t *testing.T) {
	tests := []struct{ question, answer string }{
		{"¿Dónde trabaja Ada ahora?", "Ada trabaja como ingeniera en Acme Corp desde hace años [1]."},
		{"Où travaille Ada maintenant ?", "Ada travaille comme ingénieure chez Acme Corp depuis des années [1]."},
		{"Wo arbeitet Ada jetzt?", "Ada arbeitet seit Jahren als Ingenieurin bei Acme Corp [1]."},
		{"Onde a Ada trabalha agora?", "Ada trabalha como engenheira na Acme Corp há anos [1]."},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			a := stack(t, nil, nil, newFakeOpenAI(t, step{text: tt.answer}))
			ans, err := a.Answer(t.Context(), testQuery(tt.question))
			if err != nil || ans.Text != tt.answer {
				t.Errorf("answer = %q, %v; want %q", ans.Text, err, tt.answer)
			}
		})
	}
}
