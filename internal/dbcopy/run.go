package dbcopy

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/parleyhq/parley/internal/apperr"
)

// Options configure plan, run and verify.
type Options struct {
	From       string // mysql://... or sqlite:PATH
	To         string // postgres://...
	Schema     string // target schema, default public
	Workers    int
	ChunkRows  int64
	RejectFile string
	Mapping    string // user mapping file
	Restart    bool   // drop a previous copy and start over
	Sample     int    // rows per table compared value by value in verify
	// Verify makes run check every chunk it copies (see copyChunks).
	Verify bool
	// IntoExisting copies into tables that already exist in the target, by
	// column name, converting to each target column's type. It is implied
	// for a Parley source (see existing.go), whose target schema run
	// creates with Parley's own PostgreSQL migrations.
	IntoExisting bool
	// CopyMergeTables copies MySQL MERGE (MRG_MyISAM) tables as plain
	// tables; by default they are left out (see dropMergeTables).
	CopyMergeTables bool
	// ZeroDates says what becomes of MySQL's zero dates ('0000-00-00')
	// in date and time columns whose mapping rule does not say: "null"
	// (the default, as pgloader's zero-dates-to-null) or "reject".
	ZeroDates string

	sourceDisplay string
	parley        bool     // the source is a Parley database
	hash          hashKind // of the chunk digests, see probeHash
}

// RunResult summarises a run.
type RunResult struct {
	Tables         int      `json:"tables"`
	Rows           int64    `json:"rows"`
	Rejected       int64    `json:"rejected"`
	Resumed        bool     `json:"resumed"`
	SnapshotShared bool     `json:"snapshot_shared"`
	Warnings       []string `json:"warnings,omitempty"`
	Manual         []Manual `json:"manual,omitempty"`
	Verified       bool     `json:"verified,omitempty"`
	RowByRow       int64    `json:"row_by_row_chunks,omitempty"` // see VerifyResult.RowByRow
	Differences    []string `json:"differences,omitempty"`
}

func (o *Options) defaults() {
	if o.Schema == "" {
		o.Schema = "public"
	}
	if o.Workers <= 0 {
		o.Workers = 4
	}
	if o.ChunkRows <= 0 {
		o.ChunkRows = 50000
	}
	if o.Sample <= 0 {
		o.Sample = 100
	}
	if o.ZeroDates == "" {
		o.ZeroDates = "null"
	}
}

func openSource(ctx context.Context, raw string) (Source, SourceURL, error) {
	u, err := ParseSource(raw)
	if err != nil {
		return nil, u, err
	}
	var src Source
	switch u.Engine {
	case "mysql":
		src, err = openMySQL(ctx, u)
	case "sqlite":
		src, err = openSQLite(ctx, u)
	}
	if err != nil {
		return nil, u, apperr.Wrap(apperr.Unavailable, err, "open source %s: %v", u.Display, err)
	}
	return src, u, nil
}

func openTarget(ctx context.Context, raw string, conns int) (*pgxpool.Pool, error) {
	if !strings.HasPrefix(raw, "postgres://") && !strings.HasPrefix(raw, "postgresql://") {
		return nil, apperr.New(apperr.Invalid, "--to must be a postgres:// URL")
	}
	cfg, err := pgxpool.ParseConfig(raw)
	if err != nil {
		return nil, apperr.New(apperr.Invalid, "bad --to URL: %v", err)
	}
	cfg.MaxConns = int32(conns)
	maps.Copy(cfg.ConnConfig.RuntimeParams, digestSession)
	cfg.AfterConnect = func(_ context.Context, c *pgx.Conn) error {
		registerDecimal(c.TypeMap())
		return nil
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, apperr.Wrap(apperr.Unavailable, err, "connect target: %v", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, apperr.Wrap(apperr.Unavailable, err, "connect target: %v", err)
	}
	return pool, nil
}

// loadSchema opens the source and maps its schema. migrate lets it bring a
// Parley target's schema up to date first (run only: plan and verify write nothing).
func loadSchema(ctx context.Context, opts *Options, logger *slog.Logger, migrate bool) (Source, *Schema, error) {
	m, err := LoadMapping(opts.Mapping)
	if err != nil {
		return nil, nil, err
	}
	if opts.ZeroDates != "null" && opts.ZeroDates != "reject" {
		return nil, nil, apperr.New(apperr.Invalid, "--zero-dates must be null or reject, not %q", opts.ZeroDates)
	}
	m.ZeroDates = opts.ZeroDates
	src, u, err := openSource(ctx, opts.From)
	if err != nil {
		return nil, nil, err
	}
	opts.sourceDisplay = u.Display
	s, err := src.Schema(ctx)
	if err == nil && !opts.CopyMergeTables {
		dropMergeTables(s)
	}
	if err == nil && s.Engine == "sqlite" && isParley(s) {
		opts.parley, opts.IntoExisting = true, true
		logger.Info("source is a Parley database: copying into Parley's PostgreSQL schema")
		foldParleySessions(s)
	}
	switch {
	case err != nil:
	case opts.IntoExisting:
		err = mapExisting(ctx, opts, src, s, m, logger, migrate)
	default:
		err = m.Apply(s)
		if my, ok := src.(*mysqlSource); ok && err == nil {
			if err = my.widenUnsigned(ctx, s, m); err == nil {
				err = my.markZeroDated(ctx, s)
			}
		}
	}
	if err != nil {
		src.Close()
		return nil, nil, err
	}
	bindNorms(s)
	if opts.IntoExisting {
		for _, v := range s.Views {
			s.Manual = append(s.Manual, Manual{Kind: "view", Name: v.Name, Detail: "not created (--into-existing creates no objects); " + viewSourceHint(v, s.Engine)})
		}
	}
	if s.Engine == "sqlite" {
		opts.Workers = 1 // one reader keeps one snapshot; see sqlite.go
	}
	return src, s, nil
}

// Run copies the source into the target, resuming a previous run if the
// target holds one for the same mapped schema.
func Run(ctx context.Context, opts Options, logger *slog.Logger, prog *Progress) (*RunResult, error) {
	opts.defaults()
	src, s, err := loadSchema(ctx, &opts, logger, true)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	if !opts.IntoExisting {
		if err := checkTargetLimits(s); err != nil {
			return nil, err
		}
	}
	pool, err := openTarget(ctx, opts.To, opts.Workers+2)
	if err != nil {
		return nil, err
	}
	defer pool.Close()
	if opts.Verify {
		if opts.hash, err = probeHash(ctx, pool); err != nil {
			return nil, err
		}
	}
	unlock, err := lockTarget(ctx, pool)
	if err != nil {
		return nil, err
	}
	defer unlock()
	if opts.Restart {
		drop := dropAll
		if opts.IntoExisting {
			drop = truncateAll
		}
		if err := drop(ctx, pool, opts.Schema, s); err != nil {
			return nil, err
		}
	}
	if err := ensureCheckpoint(ctx, pool); err != nil {
		return nil, err
	}
	res := &RunResult{Tables: len(s.Tables)}
	if err := copyAll(ctx, pool, src, s, opts, res, logger, prog); err != nil {
		if opts.RejectFile != "" && ctx.Err() == nil {
			// The rows rejected so far are known; a failed step should not hide them.
			if werr := writeRejects(ctx, pool, opts.RejectFile); werr != nil {
				logger.Warn("reject file not written", "err", werr)
			}
		}
		return nil, err
	}
	if err := pool.QueryRow(ctx, `SELECT COALESCE(SUM(rows),0), COALESCE(SUM(rejected),0) FROM `+ckSchema+`.chunks`).Scan(&res.Rows, &res.Rejected); err != nil {
		return nil, fmt.Errorf("totals: %w", err)
	}
	if opts.RejectFile != "" {
		if err := writeRejects(ctx, pool, opts.RejectFile); err != nil {
			return nil, err
		}
	}
	return res, nil
}

func copyAll(ctx context.Context, pool *pgxpool.Pool, src Source, s *Schema, opts Options, res *RunResult, logger *slog.Logger, prog *Progress) error {
	fp := fingerprint(s, opts.Schema)
	prev, resumed, err := loadRun(ctx, pool)
	if err != nil {
		return err
	}
	if resumed && prev != fp && prev != legacyFingerprint(s, opts.Schema) {
		return apperr.New(apperr.Conflict, "the target holds a dbcopy run of a different schema or mapping; use --restart to start over")
	}
	readers, shared, err := src.Snapshot(ctx, opts.Workers)
	if err != nil {
		return err
	}
	defer func() {
		for _, r := range readers {
			r.Close()
		}
	}()
	if !shared {
		logger.Warn("workers could not share one snapshot (FLUSH TABLES WITH READ LOCK refused); the source must not change during the copy")
	}
	res.Resumed, res.SnapshotShared = resumed, shared
	if !resumed {
		if err := prepareTarget(ctx, pool, opts, s, readers[0], fp, shared); err != nil {
			return err
		}
		for _, t := range s.Tables {
			if t.ChunkNote != "" {
				logger.Warn("table copied as "+t.ChunkNote, "table", t.Name, "chunk_key", t.ChunkKey)
			}
		}
	}
	pending, err := loadChunks(ctx, pool, true)
	if err != nil {
		return err
	}
	tables := map[string]*Table{}
	var total int64
	for _, t := range s.Tables {
		tables[t.Name] = t
		total += t.RowsEst
	}
	var done int64
	if err := pool.QueryRow(ctx, `SELECT COALESCE(SUM(rows + rejected),0) FROM `+ckSchema+`.chunks WHERE done`).Scan(&done); err != nil {
		return fmt.Errorf("read checkpoint: %w", err)
	}
	logger.Info("copying", "tables", len(s.Tables), "pending_chunks", len(pending), "resumed", resumed, "workers", len(readers), "verify", opts.Verify)
	var checks chunkChecks
	if err := copyPending(ctx, pool, readers, opts, s, tables, pending, total, done, &checks, logger, prog); err != nil {
		return fmt.Errorf("%w; each chunk is one transaction and those copied are kept: fix the cause and run again to copy the rest", err)
	}
	steps, manual := targetSteps(opts, s)
	res.Manual = append(manual, s.Manual...)
	logger.Info("building keys, indexes, constraints", "steps", len(steps))
	if res.Warnings, err = runPostSteps(ctx, pool, steps, opts.Workers); err != nil {
		return err
	}
	if !opts.Verify {
		return nil
	}
	res.Verified = true
	// The keys are built now, so each chunk's digest query reads its range
	// through the index.
	logger.Info("checking chunk digests", "chunks", len(checks.digests))
	if err := checkDigests(ctx, pool, opts.Schema, tables, &checks, opts.Workers, opts.hash); err != nil {
		return err
	}
	// Chunks of an earlier, interrupted run were checked by that run only
	// if it verified too, and only up to its crash: check them now, with
	// the chunks whose digests differed or were not computed.
	earlier, err := loadChunks(ctx, pool, false)
	if err != nil {
		return err
	}
	earlier = slices.DeleteFunc(earlier, func(c Chunk) bool {
		return slices.ContainsFunc(pending, func(p Chunk) bool { return p.Table == c.Table && p.No == c.No })
	})
	recheck := append(earlier, checks.recheck...)
	if len(recheck) == 0 {
		return nil
	}
	logger.Info("verifying chunks", "earlier_run", len(earlier), "digest_mismatch_or_not_digested", len(checks.recheck))
	counter := prog.Start("verify", 0, 0)
	v, err := verifyList(ctx, pool, readers, opts, tables, recheck, counter)
	prog.Stop()
	if err != nil {
		return err
	}
	res.RowByRow = int64(v.RowByRow)
	res.Differences = v.Differences
	return nil
}

// copyPending copies the pending chunks, parents first for existing tables.
func copyPending(ctx context.Context, pool *pgxpool.Pool, readers []Reader, opts Options, s *Schema, tables map[string]*Table,
	pending []Chunk, total, done int64, checks *chunkChecks, logger *slog.Logger, prog *Progress) error {
	counter := prog.Start("copy", total, done)
	defer prog.Stop()
	if !opts.IntoExisting {
		return copyChunks(ctx, pool, readers, opts.Schema, tables, pending, counter, logger, opts.Verify, opts.hash, checks)
	}
	// The target's foreign keys are in force: parents go first.
	lv, err := fkLevels(ctx, pool, opts.Schema, s)
	if err != nil {
		return err
	}
	for _, names := range lv {
		var part []Chunk
		for _, c := range pending {
			if slices.Contains(names, c.Table) {
				part = append(part, c)
			}
		}
		if err := copyChunks(ctx, pool, readers, opts.Schema, tables, part, counter, logger, opts.Verify, opts.hash, checks); err != nil {
			return err
		}
	}
	return nil
}

// targetSteps lists what run builds after the data: the whole schema for
// tables it created, only sequence positions for existing tables.
func targetSteps(opts Options, s *Schema) ([]postStep, []Manual) {
	if opts.IntoExisting {
		return sequenceSteps(opts.Schema, s), nil
	}
	steps, manual := postSteps(opts.Schema, s)
	for _, t := range s.Tables {
		_, m := createTableSQL(opts.Schema, t)
		manual = append(manual, m...)
	}
	return steps, manual
}

// writeRejects writes the reject file (JSON lines) from the checkpoint, so
// it lists every reject of the copy, across resumed runs.
func writeRejects(ctx context.Context, pool *pgxpool.Pool, path string) error {
	rows, err := pool.Query(ctx, `SELECT table_name, key, column_name, reason FROM `+ckSchema+`.rejects ORDER BY table_name, chunk_no, key, column_name`)
	if err != nil {
		return fmt.Errorf("read rejects: %w", err)
	}
	defer rows.Close()
	f, err := os.Create(path)
	if err != nil {
		return apperr.Wrap(apperr.Invalid, err, "create reject file: %v", err)
	}
	enc := json.NewEncoder(f)
	enc.SetEscapeHTML(false)
	for rows.Next() {
		var r rejectRow
		if err := rows.Scan(&r.Table, &r.Key, &r.Column, &r.Reason); err != nil {
			f.Close()
			return fmt.Errorf("read rejects: %w", err)
		}
		if err := enc.Encode(r); err != nil {
			f.Close()
			return fmt.Errorf("write reject file: %w", err)
		}
	}
	if err := rows.Err(); err != nil {
		f.Close()
		return fmt.Errorf("read rejects: %w", err)
	}
	return f.Close()
}
