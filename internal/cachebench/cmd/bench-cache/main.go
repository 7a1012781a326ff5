// Command bench-cache runs the cache workload (internal/cachebench) and
// prints its report as Markdown. scripts/bench-cache.sh runs it.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"

	"github.com/parleyhq/parley/internal/cachebench"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "bench-cache:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("bench-cache", flag.ContinueOnError)
	cfg := cachebench.Config{}
	fs.StringVar(&cfg.AdminURL, "postgres", "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable", "PostgreSQL URL where CREATE DATABASE may run")
	fs.StringVar(&cfg.RedisURL, "redis", "redis://127.0.0.1:6379/0", "Redis URL")
	resume := fs.String("resume", "internal/profile/testdata/sample.resume.json", "JSON Resume template for every profile")
	fs.IntVar(&cfg.Profiles, "profiles", 2000, "profiles")
	fs.IntVar(&cfg.Sessions, "sessions", 1000, "sessions opened before the phases")
	fs.IntVar(&cfg.Ops, "ops", 20000, "operations per phase")
	fs.IntVar(&cfg.Warmup, "warmup", 0, "operations run first in each phase on the same processes and not measured (steady state instead of a cold start)")
	fs.IntVar(&cfg.Workers, "workers", 16, "concurrent callers")
	fs.IntVar(&cfg.Rounds, "rounds", 3, "off/on pairs, interleaved")
	fs.IntVar(&cfg.Processes, "processes", 2, "simulated server processes sharing PostgreSQL and Redis")
	fs.Float64Var(&cfg.ZipfS, "zipf", 0.99, "Zipf exponent of profile popularity")
	fs.Float64Var(&cfg.WriteFrac, "writes", 0.10, "share of operations that write a profile")
	fs.Float64Var(&cfg.TurnFrac, "turns", 0.5, "share of reads that are chat turns (the rest are profile views)")
	fs.Uint64Var(&cfg.Seed, "seed", 1, "random seed")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var err error
	if cfg.Resume, err = os.ReadFile(*resume); err != nil {
		return err
	}
	if cfg.Profiles < 1 || cfg.Ops < 1 || cfg.Workers < 1 || cfg.Rounds < 1 || cfg.Processes < 1 || cfg.Warmup < 0 {
		return fmt.Errorf("profiles, ops, workers, rounds and processes must be positive, warmup not negative")
	}
	cfg.Logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	rep, err := cachebench.Run(ctx, cfg)
	if err != nil {
		return err
	}
	rep.WriteMarkdown(os.Stdout)
	return nil
}
