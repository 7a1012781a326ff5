// Package cachebench is the workload generator behind scripts/bench-cache.sh:
// many profiles and sessions, Zipf popularity, 90% reads / 10% writes, run
// against PostgreSQL and Redis with the cache off and on, interleaved, in
// one run. It reports database work per operation, hit ratios per tier,
// latency and stale reads.
package cachebench

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"math/rand/v2"

	"github.com/jackc/pgx/v5"

	"github.com/parleyhq/parley/internal/chat"
	"github.com/parleyhq/parley/internal/profile"
	"github.com/parleyhq/parley/internal/sessionstate"
	"github.com/parleyhq/parley/internal/store/dial"
	"github.com/parleyhq/parley/internal/store/postgres"
)

// Config is one benchmark run.
type Config struct {
	AdminURL  string  // PostgreSQL URL of a database where CREATE DATABASE may run
	RedisURL  string  // redis://...
	Resume    []byte  // a valid JSON Resume document, the template of every profile
	Profiles  int     // number of profiles
	Sessions  int     // number of sessions opened before the phases
	Ops       int     // operations per phase
	Warmup    int     // operations run first in each phase, not measured
	Workers   int     // concurrent callers
	Rounds    int     // off/on pairs, interleaved
	Processes int     // simulated server processes sharing PostgreSQL and Redis
	ZipfS     float64 // popularity exponent
	WriteFrac float64 // share of writes
	TurnFrac  float64 // share of reads that are chat turns (the rest: profile views)
	Seed      uint64
	Logger    *slog.Logger
}

// world is what setup creates: the database and who is in it.
type world struct {
	dbURL    string
	slugs    []string            // by popularity rank
	sessions map[string][]string // slug -> session ids
	zipf     *Zipf
	// statements is whether pg_stat_statements collects (it must be
	// preloaded): then database time is its total_exec_time.
	statements bool
}

var questions = []string{
	"Where does he work now?", "What programming languages does he know?",
	"Tell me about his education.", "What did he do at his last job?",
	"Does he know Go?", "What are his main skills?", "What projects has he built?",
}

// revision returns the template with its name and summary made unique to
// slug and rev, so that every write is a real new version.
func revision(tmpl []byte, slug string, rev int) ([]byte, error) {
	var doc map[string]any
	if err := json.Unmarshal(tmpl, &doc); err != nil {
		return nil, fmt.Errorf("resume template: %w", err)
	}
	basics, _ := doc["basics"].(map[string]any)
	if basics == nil {
		return nil, fmt.Errorf("resume template: no basics")
	}
	basics["summary"] = fmt.Sprintf("%v (profile %s, revision %d)", basics["summary"], slug, rev)
	return json.Marshal(doc)
}

// setup creates a fresh database, migrates it, imports the profiles and
// opens the sessions (session state is written to the database; the live
// copy in Redis is made per phase).
func setup(ctx context.Context, cfg Config) (*world, func(), error) {
	admin, err := pgx.Connect(ctx, cfg.AdminURL)
	if err != nil {
		return nil, nil, fmt.Errorf("connect admin: %w", err)
	}
	defer admin.Close(ctx)
	name := fmt.Sprintf("parley_bench_cache_%d", rand.Uint32())
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		return nil, nil, fmt.Errorf("create database: %w", err)
	}
	drop := func() {
		c, err := pgx.Connect(context.Background(), cfg.AdminURL)
		if err == nil {
			_, _ = c.Exec(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
			c.Close(context.Background())
		}
	}
	w := &world{dbURL: withDatabase(cfg.AdminURL, name), sessions: map[string][]string{}, zipf: NewZipf(cfg.Profiles, cfg.ZipfS)}
	db, err := postgres.Open(ctx, w.dbURL, cfg.Logger)
	if err != nil {
		drop()
		return nil, nil, err
	}
	defer db.Close()
	w.statements = enableStatements(ctx, cfg.AdminURL)
	if !w.statements {
		cfg.Logger.Warn("pg_stat_statements is not loaded on this server: database time is not measured (scripts/bench-cache.sh starts a cluster where it is)")
	}
	if _, err := dial.Up(ctx, db, cfg.Logger); err != nil {
		drop()
		return nil, nil, err
	}
	svc := profile.NewService(db).WithoutCache()
	for i := range cfg.Profiles {
		slug := fmt.Sprintf("person-%05d", i)
		doc, err := revision(cfg.Resume, slug, 0)
		if err == nil {
			_, _, err = svc.Import(ctx, slug, doc, profile.ImportOptions{})
		}
		if err != nil {
			drop()
			return nil, nil, fmt.Errorf("import %s: %w", slug, err)
		}
		w.slugs = append(w.slugs, slug)
	}
	chats := chat.New(db, sessionstate.NewMemory(), chat.Config{}, cfg.Logger)
	r := rand.New(rand.NewPCG(cfg.Seed, 1))
	for range cfg.Sessions {
		slug := w.slugs[w.zipf.Draw(r)]
		s, err := chats.Open(ctx, slug)
		if err != nil {
			drop()
			return nil, nil, fmt.Errorf("open session: %w", err)
		}
		w.sessions[slug] = append(w.sessions[slug], s.ID)
	}
	return w, drop, nil
}

// Run sets up, runs Rounds pairs of phases (off, on), and returns them.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	w, drop, err := setup(ctx, cfg)
	if err != nil {
		return nil, err
	}
	defer drop()
	rep := &Report{Config: cfg}
	for round := range cfg.Rounds {
		for _, on := range []bool{false, true} {
			ph, err := runPhase(ctx, cfg, w, on, round)
			if err != nil {
				return nil, err
			}
			cfg.Logger.Info("phase done", "cache", on, "round", round, "ops", ph.Ops, "db_active_ms", ph.ActiveMillis)
			rep.Phases = append(rep.Phases, ph)
		}
	}
	rep.Probe, err = probeTiers(ctx, cfg)
	if err != nil {
		return nil, err
	}
	return rep, nil
}
