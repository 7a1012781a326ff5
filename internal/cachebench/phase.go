package cachebench

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/url"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/redis/go-redis/v9"

	"github.com/parleyhq/parley/internal/cache"
	"github.com/parleyhq/parley/internal/chat"
	"github.com/parleyhq/parley/internal/profile"
	"github.com/parleyhq/parley/internal/sessionstate"
	"github.com/parleyhq/parley/internal/store"
	"github.com/parleyhq/parley/internal/store/postgres"
	"github.com/parleyhq/parley/internal/store/profilecache"
)

// Operation kinds.
const (
	kView  = iota // GET /v1/profiles/{slug}: profile.Service.Public
	kTurn         // POST /v1/sessions/{id}/messages: chat.Service.Ask
	kWrite        // PUT /v1/profiles/{slug}: profile.Service.Import
	nKinds
)

var kindNames = [nKinds]string{"profile view", "chat turn", "profile write"}

// process is one simulated server process.
type process struct {
	profiles *profile.Service
	chats    *chat.Service
	cached   *profilecache.Store // nil with the cache off
	close    func()
}

func openProcess(ctx context.Context, cfg Config, w *world, on bool, prefix string, stats *[nMethods]callStats) (*process, error) {
	db, err := postgres.Open(ctx, w.dbURL, cfg.Logger)
	if err != nil {
		return nil, err
	}
	opt, err := redis.ParseURL(cfg.RedisURL)
	if err != nil {
		db.Close()
		return nil, err
	}
	rdb := redis.NewClient(opt)
	var reads store.Store = NewCounting(db, stats)
	p := &process{close: func() { rdb.Close(); db.Close() }}
	if on {
		s, closeCache, err := profilecache.Open(ctx, reads, rdb, profilecache.Options{Prefix: prefix + "cache:", Logger: cfg.Logger})
		if err != nil {
			p.close()
			return nil, err
		}
		reads, p.cached = s, s
		p.close = func() { closeCache(); rdb.Close(); db.Close() }
	}
	p.profiles = profile.NewService(reads)
	if !on {
		p.profiles.WithoutCache()
	}
	p.chats = chat.New(reads, sessionstate.NewRedis(rdb, prefix+"state:"), chat.Config{}, cfg.Logger)
	return p, nil
}

// worker runs operations until the phase's budget is spent.
type worker struct {
	id      int
	r       *rand.Rand
	lat     [nKinds][]time.Duration
	stale   int
	checked int
	pending *store.Profile // a write to read back through another process
}

func (wk *worker) run(ctx context.Context, cfg Config, w *world, procs []*process, budget *atomic.Int64, revs *atomic.Int64) error {
	own, other := procs[wk.id%len(procs)], procs[(wk.id+1)%len(procs)]
	for budget.Add(-1) >= 0 {
		kind := kTurn
		switch u := wk.r.Float64(); {
		case u < cfg.WriteFrac:
			kind = kWrite
		case wk.pending != nil || u < cfg.WriteFrac+(1-cfg.WriteFrac)*(1-cfg.TurnFrac):
			kind = kView
		}
		slug := w.slugs[w.zipf.Draw(wk.r)]
		start := time.Now()
		var err error
		switch kind {
		case kView:
			p := own
			if wk.pending != nil {
				slug, p = wk.pending.Slug, other
			}
			var got store.Profile
			_, got, err = p.profiles.Public(ctx, slug)
			if err == nil && wk.pending != nil {
				wk.checked++
				if got.Version < wk.pending.Version || (got.Version == wk.pending.Version && got.Hash != wk.pending.Hash) {
					wk.stale++
				}
				wk.pending = nil
			}
		case kTurn:
			ids := w.sessions[slug]
			for len(ids) == 0 { // a profile nobody opened a session on: take another
				ids = w.sessions[w.slugs[w.zipf.Draw(wk.r)]]
			}
			_, err = own.chats.Ask(ctx, ids[wk.r.IntN(len(ids))], questions[wk.r.IntN(len(questions))])
		case kWrite:
			var doc []byte
			if doc, err = revision(cfg.Resume, slug, int(revs.Add(1))); err == nil {
				var p store.Profile
				p, _, err = own.profiles.Import(ctx, slug, doc, profile.ImportOptions{})
				wk.pending = &p
			}
		}
		if err != nil {
			return fmt.Errorf("%s: %w", kindNames[kind], err)
		}
		wk.lat[kind] = append(wk.lat[kind], time.Since(start))
	}
	return nil
}

// runPhase runs cfg.Ops operations with the cache on or off.
func runPhase(ctx context.Context, cfg Config, w *world, on bool, round int) (*Phase, error) {
	prefix := fmt.Sprintf("parley-bench:%d:%d:%t:", rand.Uint32(), round, on)
	var stats [nMethods]callStats
	procs := make([]*process, cfg.Processes)
	defer func() {
		for _, p := range procs {
			if p != nil {
				p.close()
			}
		}
	}()
	var err error
	for i := range procs {
		if procs[i], err = openProcess(ctx, cfg, w, on, prefix, &stats); err != nil {
			return nil, err
		}
	}
	var revs atomic.Int64
	revs.Store(int64(round*2+boolInt(on)) * int64(cfg.Ops+cfg.Warmup) * 10)
	// The warm-up runs the same workload on the same processes and is not
	// counted: what is measured is the steady state a long-running server
	// is in, not the cold start of a fresh one (which every phase would
	// otherwise repeat, the cache-on phases paying one load per distinct
	// profile again).
	if cfg.Warmup > 0 {
		if _, err := runWorkers(ctx, cfg, w, procs, cfg.Warmup, &revs, uint64(round)*1000+500); err != nil {
			return nil, fmt.Errorf("warm-up: %w", err)
		}
		for i := range stats {
			stats[i].calls.Store(0)
			stats[i].nanos.Store(0)
		}
		// Let the warm-up's statistics reach pg_stat_statements before the
		// snapshot (backends report them when idle).
		time.Sleep(1500 * time.Millisecond)
	}
	var cacheBefore []cache.Stats
	for _, p := range procs {
		if p.cached != nil {
			cacheBefore = append(cacheBefore, p.cached.Stats())
		}
	}
	before, err := dbStats(ctx, cfg.AdminURL, w.dbURL, w.statements)
	if err != nil {
		return nil, err
	}
	start := time.Now()
	workers, err := runWorkers(ctx, cfg, w, procs, cfg.Ops, &revs, uint64(round)*1000)
	if err != nil {
		return nil, err
	}
	ph := &Phase{Cache: on, Round: round, Wall: time.Since(start), Warmup: cfg.Warmup}
	for _, s := range cacheBefore {
		ph.subCache(s)
	}
	for i, p := range procs {
		if p.cached != nil {
			ph.addCache(p.cached.Stats())
		}
		p.close()
		procs[i] = nil
	}
	ph.collect(workers, &stats)
	// Backends flush their statistics when they exit; give them a moment.
	time.Sleep(1500 * time.Millisecond)
	after, err := dbStats(ctx, cfg.AdminURL, w.dbURL, w.statements)
	if err != nil {
		return nil, err
	}
	ph.Xacts, ph.ActiveMillis, ph.TupRead = after.xacts-before.xacts, after.active-before.active, after.tup-before.tup
	ph.Blocks = after.blks - before.blks
	ph.Statements = w.statements
	ph.stmts = after.stmts.minus(before.stmts)
	return ph, nil
}

// runWorkers runs ops operations over cfg.Workers concurrent callers and
// returns them with their latencies.
func runWorkers(ctx context.Context, cfg Config, w *world, procs []*process, ops int, revs *atomic.Int64, seed uint64) ([]*worker, error) {
	var budget atomic.Int64
	budget.Store(int64(ops))
	workers := make([]*worker, cfg.Workers)
	errs := make([]error, cfg.Workers)
	var wg sync.WaitGroup
	for i := range workers {
		workers[i] = &worker{id: i, r: rand.New(rand.NewPCG(cfg.Seed+seed, uint64(i)))}
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = workers[i].run(ctx, cfg, w, procs, &budget, revs)
		}()
	}
	wg.Wait()
	return workers, errors.Join(errs...)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

type pgCounters struct {
	xacts, tup, blks int64
	active           float64
	stmts            statements // zero unless pg_stat_statements is loaded
}

// dbStats reads the server's counters for the benchmark database, from a
// connection to the admin database (so that it is not counted itself).
func dbStats(ctx context.Context, adminURL, dbURL string, withStatements bool) (pgCounters, error) {
	u, err := url.Parse(dbURL)
	if err != nil {
		return pgCounters{}, err
	}
	c, err := pgx.Connect(ctx, adminURL)
	if err != nil {
		return pgCounters{}, err
	}
	defer c.Close(ctx)
	var s pgCounters
	err = c.QueryRow(ctx, `SELECT xact_commit + xact_rollback, tup_returned + tup_fetched, blks_hit + blks_read, active_time
		FROM pg_stat_database WHERE datname = $1`, u.Path[1:]).Scan(&s.xacts, &s.tup, &s.blks, &s.active)
	if err != nil {
		return pgCounters{}, fmt.Errorf("pg_stat_database: %w", err)
	}
	if withStatements {
		if s.stmts, err = statementTotals(ctx, c, u.Path[1:]); err != nil {
			return pgCounters{}, err
		}
	}
	return s, nil
}

// withDatabase returns url with its database name replaced.
func withDatabase(raw, name string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	u.Path = "/" + name
	return u.String()
}
