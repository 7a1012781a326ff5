package chat_test

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/parleyhq/parley/internal/cache"
	"github.com/parleyhq/parley/internal/chat"
	"github.com/parleyhq/parley/internal/llm"
	"github.com/parleyhq/parley/internal/sessionstate"
	"github.com/parleyhq/parley/internal/telemetry"
)

// scriptedProvider answers with replies in turn, the last one repeating.
type scriptedProvider struct {
	replies []string
	calls   atomic.Int32
}

var _ llm.Provider = (*scriptedProvider)(nil)

func (p *scriptedProvider) Complete(context.Context, llm.Request) (llm.Response, error) {
	n := int(p.calls.Add(1)) - 1
	return llm.Response{Text: p.replies[min(n, len(p.replies)-1)], Model: "m", Provider: "p", FinishReason: "stop"}, nil
}

func (p *scriptedProvider) Stream(ctx context.Context, req llm.Request, onDelta llm.DeltaFunc) (llm.Response, error) {
	resp, err := p.Complete(ctx, req)
	if err == nil {
		err = onDelta(resp.Text)
	}
	return resp, err
}

// TestRejectedLLMAnswerIsNotReplayed: a turn whose LLM answer fails the
// grounding check gets the deterministic reply, and nothing of that answer
// is kept: neither the answer cache (it holds the engine's replies, before
// the LLM) nor the LLM's response cache replays it, so the same question in
// a later session asks the provider again and uses its grounded answer.
func TestRejectedLLMAnswerIsNotReplayed(t *testing.T) {
	ctx := context.Background()
	db, _ := sqliteWithSample(t)
	const grounded = "He studied Information Technology at the University of Oklahoma [1]."
	p := &scriptedProvider{replies: []string{
		"He studied at the University of Oklahoma and later worked at Globex Corporation in 2019 [1].",
		grounded,
	}}
	a, err := llm.NewAnswerer(llm.NewCached(p, cache.NewMemory(1<<20), llm.CachedOptions{Scope: "test"}), llm.AnswererOptions{})
	if err != nil {
		t.Fatal(err)
	}
	svc := chat.New(db, sessionstate.NewMemory(), chat.Config{}, telemetry.Discard()).
		WithAnswerCache(cache.NewMemory(1 << 20)).WithLLM(a)
	ask := func() string {
		t.Helper()
		s, err := svc.Open(ctx, "hendriks")
		if err != nil {
			t.Fatal(err)
		}
		turn, err := svc.Ask(ctx, s.ID, "Where did he study?")
		if err != nil {
			t.Fatal(err)
		}
		return turn.Reply.Text
	}
	if first := ask(); strings.Contains(first, "Globex") || !strings.Contains(first, "Oklahoma") {
		t.Fatalf("first reply %q, want the deterministic one", first)
	}
	if second := ask(); second != grounded {
		t.Errorf("second reply %q, want the provider's grounded answer %q", second, grounded)
	}
	if third := ask(); third != grounded || p.calls.Load() != 2 {
		t.Errorf("third reply %q after %d provider calls; want the grounded answer from the cache after 2", third, p.calls.Load())
	}
}
