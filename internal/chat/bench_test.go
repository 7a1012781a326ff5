package chat_test

import (
	"context"
	"sync/atomic"
	"testing"

	"github.com/parleyhq/parley/internal/cache"
	"github.com/parleyhq/parley/internal/chat"
	"github.com/parleyhq/parley/internal/sessionstate"
	"github.com/parleyhq/parley/internal/store/profilecache"
	"github.com/parleyhq/parley/internal/telemetry"
)

// BenchmarkAsk plays full turns (lock, live state, engine or a kept reply,
// group-committed messages) from many goroutines at once on 64 sessions of
// the embedded defaults (profile reads through the in-process profile
// cache), cycling through the questions of
// scripts/turns.lua: the chat service's share of an HTTP turn. Run with
// -cpu 2 and compare across commits with benchstat.
func BenchmarkAsk(b *testing.B) {
	ctx := context.Background()
	raw, _ := sqliteWithSample(b)
	// Profile reads through the in-process profile cache, as `parley serve`
	// wires them by default.
	db, closeCache, err := profilecache.Open(ctx, raw, nil, profilecache.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = closeCache() })
	svc := chat.New(db, sessionstate.NewMemory(), chat.Config{}, telemetry.Discard()).WithAnswerCache(cache.NewMemory(16 << 20))
	const sessions = 64
	ids := make([]string, sessions)
	for i := range ids {
		s, err := svc.Open(ctx, "hendriks")
		if err != nil {
			b.Fatal(err)
		}
		ids[i] = s.ID
	}
	questions := []string{"Where did he study?", "What is his current role?", "Does he know Java?",
		"What awards has he won?", "When was that?", "Tell me more", "What languages does he speak?",
		"Which projects has he worked on?"}
	var next atomic.Int64
	b.SetParallelism(32) // 64 goroutines with -cpu 2, like 64 connections
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		id := ids[next.Add(1)%sessions]
		for n := 0; pb.Next(); n++ {
			if _, err := svc.Ask(ctx, id, questions[n%len(questions)]); err != nil {
				b.Error(err)
				return
			}
		}
	})
}
