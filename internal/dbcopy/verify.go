package dbcopy

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/cespare/xxhash/v2"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/sync/errgroup"

	"github.com/parleyhq/parley/internal/apperr"
)

// VerifyResult lists what verify compared and every difference found.
type VerifyResult struct {
	Tables     int   `json:"tables"`
	Chunks     int   `json:"chunks"`
	SourceRows int64 `json:"source_rows"`
	TargetRows int64 `json:"target_rows"`
	Rejected   int64 `json:"rejected"` // source rows that cannot be copied exactly
	Sampled    int   `json:"sampled"`
	// RowByRow counts the chunks compared row by row in Go: tables whose
	// types the digest does not cover, and digest mismatches.
	RowByRow    int      `json:"row_by_row_chunks"`
	Differences []string `json:"differences,omitempty"`
}

// Verify compares the source and the target chunk by chunk over normalised
// values, then compares a sample of rows value by value.
func Verify(ctx context.Context, opts Options, logger *slog.Logger, prog *Progress) (*VerifyResult, error) {
	opts.defaults()
	src, s, err := loadSchema(ctx, &opts, logger, false)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	pool, err := openTarget(ctx, opts.To, opts.Workers+1)
	if err != nil {
		return nil, err
	}
	defer pool.Close()
	if opts.hash, err = probeHash(ctx, pool); err != nil {
		return nil, err
	}
	readers, _, err := src.Snapshot(ctx, opts.Workers)
	if err != nil {
		return nil, err
	}
	defer func() {
		for _, r := range readers {
			r.Close()
		}
	}()
	if err := targetTablesExist(ctx, pool, opts.Schema, s); err != nil {
		return nil, err
	}
	chunks, err := verifyChunks(ctx, pool, readers[0], s, opts.ChunkRows)
	if err != nil {
		return nil, err
	}
	tables := map[string]*Table{}
	var total int64
	for _, t := range s.Tables {
		tables[t.Name] = t
		total += t.RowsEst
	}
	counter := prog.Start("verify", total, 0)
	res, err := verifyList(ctx, pool, readers, opts, tables, chunks, counter)
	prog.Stop()
	if err != nil {
		return nil, err
	}
	res.Tables = len(s.Tables)
	for _, d := range res.Differences {
		logger.Warn("difference", "detail", d)
	}
	return res, nil
}

// verifyList verifies chunks on one worker per reader.
func verifyList(ctx context.Context, pool *pgxpool.Pool, readers []Reader, opts Options, tables map[string]*Table,
	chunks []Chunk, counter *atomic.Int64) (*VerifyResult, error) {
	res := &VerifyResult{Chunks: len(chunks)}
	perChunk := map[string]int{} // sample budget per chunk, spread over a table's chunks
	for _, c := range chunks {
		perChunk[c.Table]++
	}
	for name, n := range perChunk {
		perChunk[name] = (opts.Sample + n - 1) / n
	}
	var mu sync.Mutex
	work := make(chan Chunk)
	g, gctx := errgroup.WithContext(ctx)
	for _, r := range readers {
		g.Go(func() error {
			for c := range work {
				v, err := verifyChunkFast(gctx, pool, r, opts.Schema, tables[c.Table], c, perChunk[c.Table], opts.hash)
				if err != nil {
					return err
				}
				counter.Add(v.srcRows + v.rejected)
				mu.Lock()
				res.add(v)
				mu.Unlock()
			}
			return nil
		})
	}
	g.Go(func() error {
		defer close(work)
		for _, c := range chunks {
			select {
			case work <- c:
			case <-gctx.Done():
				return gctx.Err()
			}
		}
		return nil
	})
	if err := g.Wait(); err != nil {
		return nil, err
	}
	slices.Sort(res.Differences)
	return res, nil
}

// verifyChunkFast compares the source's digest of a chunk with the one
// PostgreSQL computes over its copy (digest.go), which it asks for while
// the source is read. Tables Go cannot digest, and any mismatch, go to
// verifyChunk's row-by-row comparison, which decides.
func verifyChunkFast(ctx context.Context, pool *pgxpool.Pool, r Reader, schema string, t *Table, c Chunk, sample int, hk hashKind) (*chunkVerdict, error) {
	if !digestable(t) {
		return verifyChunk(ctx, pool, r, schema, t, c, false, sample)
	}
	type target struct {
		rows int64
		sum  string
		xor  uint64
		err  error
	}
	tch := make(chan target, 1)
	go func() {
		var x target
		x.rows, x.sum, x.xor, x.err = targetDigest(ctx, pool, schema, t, c, hk)
		tch <- x
	}()
	d, samples, rejected, err := sourceDigest(ctx, r, t, c, sample, hk)
	tgt := <-tch
	if err != nil {
		return nil, err
	}
	if tgt.err != nil {
		return nil, tgt.err
	}
	sampleDiffs, err := deepCompare(ctx, pool, schema, t, samples)
	if err != nil {
		return nil, err
	}
	if d.matches(tgt.rows, tgt.sum, tgt.xor) {
		return &chunkVerdict{srcRows: d.rows, dstRows: tgt.rows, rejected: rejected, sampled: len(samples), diffs: sampleDiffs}, nil
	}
	v, err := verifyChunk(ctx, pool, r, schema, t, c, false, 0)
	if err != nil {
		return nil, err
	}
	v.sampled = len(samples)
	v.diffs = append(sampleDiffs, v.diffs...)
	return v, nil
}

// sourceDigest reads and converts a chunk of the source and digests it,
// keeping a sample of rows for deepCompare.
func sourceDigest(ctx context.Context, r Reader, t *Table, c Chunk, limit int, hk hashKind) (*rowDigest, [][]any, int64, error) {
	it, err := r.Rows(ctx, t, c)
	if err != nil {
		return nil, nil, 0, err
	}
	defer it.Close()
	d := &rowDigest{hash: hk}
	var samples [][]any
	cs := &copySource{it: it, t: t, chunk: c.No}
	pk := t.pkIndexes()
	for cs.Next() {
		d.addRow(t, cs.out)
		if len(samples) < limit && len(pk) > 0 && sampleRow(t, pk, cs.out) {
			samples = append(samples, append([]any(nil), cs.out...))
		}
	}
	if cs.err != nil {
		return nil, nil, 0, fmt.Errorf("read %s chunk %d: %w", t.Name, c.No, cs.err)
	}
	return d, samples, int64(cs.rejectedRows), nil
}

// sampleRow picks about one row in eight by a hash of its key, so that
// the sample spreads over the chunk and does not depend on row order.
func sampleRow(t *Table, pk []int, vals []any) bool {
	var sb strings.Builder
	for _, j := range pk {
		sb.WriteString(t.Columns[j].Name + "=" + t.Columns[j].normOf(vals[j]) + " ")
	}
	return xxhash.Sum64String(sb.String())%8 == 0
}

func (r *VerifyResult) add(v *chunkVerdict) {
	r.SourceRows += v.srcRows
	r.TargetRows += v.dstRows
	r.Rejected += v.rejected
	r.Sampled += v.sampled
	if v.rowByRow {
		r.RowByRow++
	}
	r.Differences = append(r.Differences, v.diffs...)
}

// targetTablesExist names the first source table missing from the target,
// which a run that failed or has not started leaves behind.
func targetTablesExist(ctx context.Context, pool *pgxpool.Pool, schema string, s *Schema) error {
	for _, t := range s.Tables {
		var ok bool
		if err := pool.QueryRow(ctx, "SELECT to_regclass($1) IS NOT NULL", qualified(schema, t.Target)).Scan(&ok); err != nil {
			return fmt.Errorf("check %s: %w", t.Target, err)
		}
		if !ok {
			return apperr.New(apperr.Conflict, "source table %s is not in the target (%s): run the copy first, or again to finish it", t.Name, qualified(schema, t.Target))
		}
	}
	return nil
}

// verifyChunks uses the run's chunk plan when the target has one.
func verifyChunks(ctx context.Context, pool *pgxpool.Pool, r Reader, s *Schema, chunkRows int64) ([]Chunk, error) {
	var hasRun bool
	if err := pool.QueryRow(ctx, "SELECT to_regclass($1) IS NOT NULL", ckSchema+".chunks").Scan(&hasRun); err != nil {
		return nil, fmt.Errorf("read checkpoint: %w", err)
	}
	var out []Chunk
	planned := map[string]bool{}
	if hasRun {
		cs, err := loadChunks(ctx, pool, false)
		if err != nil {
			return nil, err
		}
		out = cs
		for _, c := range cs {
			planned[c.Table] = true
		}
	}
	// A table the plan lacks (a run that failed before saving it, or a
	// table added at the source since) is still compared: otherwise verify
	// would pass on a target that never received it.
	for _, t := range s.Tables {
		if planned[t.Name] {
			continue
		}
		cs, err := r.Chunks(ctx, t, chunkRows)
		if err != nil {
			return nil, err
		}
		out = append(out, cs...)
	}
	return out, nil
}

type chunkVerdict struct {
	srcRows, dstRows, rejected int64
	sampled                    int
	diffs                      []string
	rowByRow                   bool
}

// deepCompare fetches each sampled row from the target by primary key and
// compares it column by column, naming the columns that differ.
func deepCompare(ctx context.Context, pool *pgxpool.Pool, schema string, t *Table, samples [][]any) ([]string, error) {
	if len(samples) == 0 {
		return nil, nil
	}
	cols := make([]string, len(t.Columns))
	for i, col := range t.Columns {
		cols[i] = targetSelect(col)
	}
	pk := t.pkIndexes()
	conds := make([]string, len(pk))
	for i, j := range pk {
		conds[i] = fmt.Sprintf("%s = $%d", quoteIdent(t.Columns[j].Target), i+1)
	}
	q := "SELECT " + strings.Join(cols, ", ") + " FROM " + qualified(schema, t.Target) + " WHERE " + strings.Join(conds, " AND ")
	var diffs []string
	for _, row := range samples {
		args := make([]any, len(pk))
		key := ""
		for i, j := range pk {
			args[i] = row[j]
			key += fmt.Sprintf("%s=%v ", t.Columns[j].Name, row[j])
		}
		dests := make([]any, len(t.Columns))
		for i, col := range t.Columns {
			dests[i] = col.conv.dest()
		}
		err := pool.QueryRow(ctx, q, args...).Scan(dests...)
		if errors.Is(err, pgx.ErrNoRows) {
			diffs = append(diffs, fmt.Sprintf("%s %s: sampled row missing in target", t.Name, key))
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("sample %s: %w", t.Name, err)
		}
		for i, col := range t.Columns {
			if a, b := col.normOf(row[i]), col.normOf(deref(dests[i])); a != b {
				diffs = append(diffs, fmt.Sprintf("%s %s column %s: source %.60q, target %.60q", t.Name, key, col.Name, a, b))
			}
		}
	}
	return diffs, nil
}
