package httpapi_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/parleyhq/parley/docs"
	"github.com/parleyhq/parley/internal/auth"
	"github.com/parleyhq/parley/internal/cache"
	"github.com/parleyhq/parley/internal/chat"
	"github.com/parleyhq/parley/internal/httpapi"
	"github.com/parleyhq/parley/internal/profile"
	"github.com/parleyhq/parley/internal/ratelimit"
	"github.com/parleyhq/parley/internal/sessionstate"
	"github.com/parleyhq/parley/internal/store/dial"
	"github.com/parleyhq/parley/internal/store/postgres"
	"github.com/parleyhq/parley/internal/store/profilecache"
	"github.com/parleyhq/parley/internal/telemetry"
	"github.com/parleyhq/parley/internal/testenv"
)

// buildServersHandler returns the API's handler over PostgreSQL and Redis
// wired as `parley serve` wires them with DATABASE_URL and REDIS_URL: the
// profile cache and the answer cache with a Redis tier, session state and
// locks in Redis, every Redis command through the client serve builds.
func buildServersHandler(tb testing.TB) http.Handler {
	tb.Helper()
	ctx := context.Background()
	db, err := postgres.Open(ctx, testenv.PostgresURL(tb), telemetry.Discard())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	if _, err := dial.Up(ctx, db, nil); err != nil {
		tb.Fatal(err)
	}
	sample, err := os.ReadFile("../profile/testdata/sample.resume.json")
	if err != nil {
		tb.Fatal(err)
	}
	if _, _, err := profile.NewService(db).Import(ctx, "hendriks", sample, profile.ImportOptions{}); err != nil {
		tb.Fatal(err)
	}
	opt, err := redis.ParseURL(testenv.RedisURL(tb))
	if err != nil {
		tb.Fatal(err)
	}
	rdb := sessionstate.NewClient(opt)
	tb.Cleanup(func() { rdb.Close() })
	prefix := testenv.KeyPrefix(tb)
	reads, closeReads, err := profilecache.Open(ctx, db, sessionstate.Batched(rdb), profilecache.Options{Prefix: prefix + "cache:"})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = closeReads() })
	answers, err := cache.NewTwoTier(ctx, sessionstate.Batched(rdb), cache.TwoTierOptions{
		Name: "answers", LocalBytes: 16 << 20, Prefix: prefix + "cache:answers:",
	})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = answers.Close() })
	chats := chat.New(reads, sessionstate.NewRedis(rdb, prefix), chat.Config{SessionTTL: time.Hour, MaxQuestionLen: 1000}, telemetry.Discard())
	chats.WithAnswerCache(answers)
	srv := httptest.NewUnstartedServer(nil)
	tb.Cleanup(srv.Close)
	authSrv, err := auth.NewServer(ctx, auth.Config{Issuer: "http://" + srv.Listener.Addr().String(), Pepper: auth.Pepper(strings.Repeat("p", 32))},
		db, auth.NewPasswords(auth.Argon2Params{MemoryKiB: 1024, Time: 1, Threads: 1, KeyLen: 32, SaltLen: 16}, 2), telemetry.Discard(), nil)
	if err != nil {
		tb.Fatal(err)
	}
	ips, _ := ratelimit.NewIPResolver(nil)
	api := httpapi.New(httpapi.Deps{
		Logger: telemetry.Discard(), Registry: telemetry.NewRegistry(), Profiles: profile.NewService(reads),
		Chat: chats, Checks: []httpapi.Check{httpapi.ReadinessOf("database", db)}, MetricsOnMain: true, OpenAPI: docs.OpenAPI,
		Auth: authSrv, Policy: auth.DefaultPolicy(), Limits: httpapi.Limits{IPs: ips},
	})
	authSrv.OnError = api.WriteError
	return api.Handler()
}

// serverTurns are the turn requests of BenchmarkTurnHandlerServers: each
// of the sessions asked every benchmark question in order, as
// scripts/turns.lua asks them.
type serverTurns struct {
	reqs []*http.Request
	body []*rewindBody
	text [][]byte
}

func newServerTurns(ids []string) *serverTurns {
	t := &serverTurns{}
	for _, q := range benchQuestions {
		for _, id := range ids {
			text := []byte(`{"text": "` + q + `"}`)
			body := &rewindBody{}
			req := httptest.NewRequest("POST", "/v1/sessions/"+id+"/messages", nil)
			req.Header.Set("Content-Type", "application/json")
			req.ContentLength = int64(len(text))
			req.Body = body
			t.reqs, t.body, t.text = append(t.reqs, req), append(t.body, body), append(t.text, text)
		}
	}
	return t
}

// BenchmarkTurnHandlerServers is BenchmarkTurnHandlerReused over
// PostgreSQL and Redis (see buildServersHandler): one turn at a time, so
// its instructions per turn under callgrind are the handler's own and
// its Redis client's, without batching to blur them. It skips when
// PostgreSQL or Redis does not answer.
func BenchmarkTurnHandlerServers(b *testing.B) {
	h := buildServersHandler(b)
	turns := newServerTurns(openBenchSessions(b, h, 4))
	w := &reusedWriter{header: http.Header{}}
	b.ReportAllocs()
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		i := n % len(turns.reqs)
		turns.body[i].Reset(turns.text[i])
		w.reset()
		h.ServeHTTP(w, turns.reqs[i])
		if w.status != http.StatusOK {
			b.Fatalf("turn: %d %s", w.status, w.body.Bytes())
		}
	}
}

// BenchmarkTurnHandlerServersParallel plays turns from 64 goroutines, each
// on its own session, against the same handler: what concurrent turns cost
// once Redis commands can share round trips. It reports the median and
// 99th percentile of a turn's latency beside ns/op.
func BenchmarkTurnHandlerServersParallel(b *testing.B) {
	const sessions = 64
	h := buildServersHandler(b)
	ids := openBenchSessions(b, h, sessions)
	var next atomic.Int64
	var mu sync.Mutex
	var lat []time.Duration
	b.ReportAllocs()
	p := runtime.GOMAXPROCS(0)
	b.SetParallelism((sessions + p - 1) / p) // about one goroutine a session
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		g := int(next.Add(1)-1) % sessions
		turns := newServerTurns(ids[g : g+1])
		w := &reusedWriter{header: http.Header{}}
		mine := make([]time.Duration, 0, 1024)
		for n := 0; pb.Next(); n++ {
			i := n % len(turns.reqs)
			turns.body[i].Reset(turns.text[i])
			w.reset()
			t0 := time.Now()
			h.ServeHTTP(w, turns.reqs[i])
			mine = append(mine, time.Since(t0))
			if w.status != http.StatusOK {
				b.Errorf("turn: %d %s", w.status, w.body.Bytes())
				return
			}
		}
		mu.Lock()
		lat = append(lat, mine...)
		mu.Unlock()
	})
	b.StopTimer()
	if len(lat) > 0 {
		slices.Sort(lat)
		b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
		b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
	}
}
