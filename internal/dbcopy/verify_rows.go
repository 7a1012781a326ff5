package dbcopy

// Row-by-row verification: the Go-side digest of a chunk read from both
// databases, and the per-key diff that names the rows that differ. The fast
// path (PostgreSQL's own digest, digest.go) falls back to this one.

import (
	"context"
	"fmt"
	"strings"

	"github.com/cespare/xxhash/v2"
	"github.com/jackc/pgx/v5/pgxpool"
)

// chunkSum is an order-independent digest of a chunk: PostgreSQL and MySQL
// need not agree on row order (collations differ), only on the rows.
type chunkSum struct {
	rows int64
	sum  uint64
	xor  uint64
	keys map[string]string   // key -> normalised row, only when diffing
	cols map[string][]string // key -> normalised values, only when diffing
	// samples are converted source rows kept for the value-by-value check.
	samples [][]any
	limit   int
}

func (c *chunkSum) add(key, row string) {
	h := xxhash.Sum64String(row)
	c.rows++
	c.sum += h
	c.xor ^= h * 0x9E3779B97F4A7C15
	if c.keys != nil {
		c.keys[key] = row
	}
}

// verifyChunk compares one chunk; on a mismatch it compares again row by
// row to name the differing keys.
func verifyChunk(ctx context.Context, pool *pgxpool.Pool, r Reader, schema string, t *Table, c Chunk, detail bool, sample int) (*chunkVerdict, error) {
	a, rejected, err := sourceSum(ctx, r, t, c, detail, sample)
	if err != nil {
		return nil, err
	}
	sampleDiffs, err := deepCompare(ctx, pool, schema, t, a.samples)
	if err != nil {
		return nil, err
	}
	b, err := targetSum(ctx, pool, schema, t, c, detail)
	if err != nil {
		return nil, err
	}
	v := &chunkVerdict{srcRows: a.rows, dstRows: b.rows, rejected: rejected, sampled: len(a.samples), diffs: sampleDiffs, rowByRow: true}
	if a.rows == b.rows && a.sum == b.sum && a.xor == b.xor {
		return v, nil
	}
	if !detail {
		d, err := verifyChunk(ctx, pool, r, schema, t, c, true, 0)
		if err != nil {
			return nil, err
		}
		v.diffs = append(v.diffs, d.diffs...)
		return v, nil
	}
	v.diffs = append(v.diffs, fmt.Sprintf("%s chunk %d: source %d rows, target %d rows, checksums differ", t.Name, c.No, a.rows, b.rows))
	for k, row := range a.keys {
		if other, ok := b.keys[k]; !ok {
			v.diffs = append(v.diffs, fmt.Sprintf("%s %s: missing in target", t.Name, displayKey(t, k)))
		} else if other != row {
			v.diffs = append(v.diffs, fmt.Sprintf("%s %s: values differ (%s)", t.Name, displayKey(t, k), differingColumns(t, a.cols[k], b.cols[k])))
		}
		if len(v.diffs) > 10 {
			return v, nil
		}
	}
	for k := range b.keys {
		if _, ok := a.keys[k]; !ok && len(v.diffs) <= 10 {
			v.diffs = append(v.diffs, fmt.Sprintf("%s %s: extra in target", t.Name, displayKey(t, k)))
		}
	}
	return v, nil
}

func newSum(detail bool) *chunkSum {
	s := &chunkSum{}
	if detail {
		s.keys, s.cols = map[string]string{}, map[string][]string{}
	}
	return s
}

// addCols keeps a row's values one by one when diffing, to name the
// columns that differ.
func (c *chunkSum) addCols(t *Table, key string, vals []any) {
	if c.cols == nil {
		return
	}
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = t.Columns[i].normOf(v)
	}
	c.cols[key] = out
}

// differingColumns names the columns whose values differ between a and b.
func differingColumns(t *Table, a, b []string) string {
	var names []string
	for i := range a {
		if i < len(b) && a[i] != b[i] {
			names = append(names, t.Columns[i].Name)
		}
	}
	return strings.Join(names, ", ")
}

// normRow renders converted values; key is the primary key part.
func normRow(t *Table, vals []any, sb *strings.Builder) (key string) {
	sb.Reset()
	pk := t.pkIndexes()
	var kb strings.Builder
	for i, v := range vals {
		n := t.Columns[i].normOf(v)
		sb.WriteString(n)
		for _, j := range pk {
			if j == i {
				kb.WriteString(t.Columns[i].Name + "=" + n + " ")
			}
		}
	}
	return kb.String()
}

func sourceSum(ctx context.Context, r Reader, t *Table, c Chunk, detail bool, limit int) (*chunkSum, int64, error) {
	it, err := r.Rows(ctx, t, c)
	if err != nil {
		return nil, 0, err
	}
	defer it.Close()
	sum := newSum(detail)
	sum.limit = limit
	cs := &copySource{it: it, t: t, chunk: c.No}
	var sb strings.Builder
	for cs.Next() {
		key := normRow(t, cs.out, &sb)
		sum.add(key, sb.String())
		sum.addCols(t, key, cs.out)
		if len(sum.samples) < sum.limit && len(t.PK) > 0 && xxhash.Sum64String(key)%8 == 0 {
			sum.samples = append(sum.samples, append([]any(nil), cs.out...))
		}
	}
	if cs.err != nil {
		return nil, 0, fmt.Errorf("read %s chunk %d: %w", t.Name, c.No, cs.err)
	}
	return sum, int64(cs.rejectedRows), nil
}

func targetSum(ctx context.Context, pool *pgxpool.Pool, schema string, t *Table, c Chunk, detail bool) (*chunkSum, error) {
	cols := make([]string, len(t.Columns))
	dests := make([]any, len(t.Columns))
	for i, col := range t.Columns {
		cols[i] = targetSelect(col)
		dests[i] = col.conv.dest()
	}
	q := "SELECT " + strings.Join(cols, ", ") + " FROM " + qualified(schema, t.Target)
	var args []any
	if t.ChunkKey != "" {
		var w string
		w, args = chunkWhere(c, quoteIdent(t.column(t.ChunkKey).Target), func(i int) string { return fmt.Sprintf("$%d", i) })
		q += w
	}
	rows, err := pool.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("read target %s chunk %d: %w", t.Target, c.No, err)
	}
	defer rows.Close()
	sum := newSum(detail)
	vals := make([]any, len(dests))
	var sb strings.Builder
	for rows.Next() {
		if err := rows.Scan(dests...); err != nil {
			return nil, fmt.Errorf("read target %s: %w", t.Target, err)
		}
		for i, d := range dests {
			vals[i] = deref(d)
		}
		key := normRow(t, vals, &sb)
		sum.add(key, sb.String())
		sum.addCols(t, key, vals)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read target %s: %w", t.Target, err)
	}
	return sum, nil
}

// targetSelect renders a target column for reading back. Text converted
// into a non-text type (uuid, inet, a --mapping choice) is read as text,
// which is what the converter produced and what verify compares.
func targetSelect(c *Column) string {
	q := quoteIdent(c.Target)
	if (c.Convert == "text" || c.Convert == "enum") &&
		!isBaseType(c.TargetType, "text", "varchar", "character varying", "char", "character", "bpchar", "name") {
		if isBaseType(c.TargetType, "inet") {
			return "abbrev(" + q + ")" // ::text would add "/32" to a host address
		}
		return q + "::text"
	}
	return q
}
