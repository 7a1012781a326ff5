package cachebench

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"
)

// statements are pg_stat_statements totals for one database: how many
// statements ran and how long PostgreSQL spent executing them (server-side
// execution only: no network, no client, no waiting for a connection).
type statements struct {
	calls, readCalls, writeCalls int64
	execMs, readMs, writeMs      float64
	byQuery                      map[int64]statement
}

// statement is one normalised statement's totals.
type statement struct {
	text  string
	calls int64
	ms    float64
}

// enableStatements creates the pg_stat_statements extension in the admin
// database and reports whether the server collects statistics (the library
// must be in shared_preload_libraries; scripts/bench-cache.sh starts a
// private cluster where it is).
func enableStatements(ctx context.Context, adminURL string) bool {
	c, err := pgx.Connect(ctx, adminURL)
	if err != nil {
		return false
	}
	defer c.Close(ctx)
	if _, err := c.Exec(ctx, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"); err != nil {
		return false
	}
	var n int64
	return c.QueryRow(ctx, "SELECT count(*) FROM pg_stat_statements").Scan(&n) == nil
}

// statementTotals reads the totals of the database named db. Statements are
// told apart by their first word: SELECT (reads, and the advisory lock a
// profile write takes), INSERT/UPDATE/DELETE/WITH/MERGE (writes); BEGIN,
// COMMIT and the like count in the total only.
func statementTotals(ctx context.Context, c *pgx.Conn, db string) (statements, error) {
	var s statements
	err := c.QueryRow(ctx, `
WITH s AS (
  SELECT calls, total_exec_time AS ms, lower(substring(query from '^\s*([A-Za-z]+)')) AS verb
  FROM pg_stat_statements
  WHERE dbid = (SELECT oid FROM pg_database WHERE datname = $1)
)
SELECT coalesce(sum(calls), 0)::bigint, coalesce(sum(ms), 0)::float8,
       coalesce(sum(calls) FILTER (WHERE verb = 'select'), 0)::bigint,
       coalesce(sum(ms) FILTER (WHERE verb = 'select'), 0)::float8,
       coalesce(sum(calls) FILTER (WHERE verb IN ('insert', 'update', 'delete', 'with', 'merge')), 0)::bigint,
       coalesce(sum(ms) FILTER (WHERE verb IN ('insert', 'update', 'delete', 'with', 'merge')), 0)::float8
FROM s`, db).Scan(&s.calls, &s.execMs, &s.readCalls, &s.readMs, &s.writeCalls, &s.writeMs)
	if err != nil {
		return statements{}, fmt.Errorf("pg_stat_statements: %w", err)
	}
	rows, err := c.Query(ctx, `
SELECT queryid, left(regexp_replace(query, '\s+', ' ', 'g'), 90), calls, total_exec_time
FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = $1)`, db)
	if err != nil {
		return statements{}, fmt.Errorf("pg_stat_statements: %w", err)
	}
	defer rows.Close()
	s.byQuery = map[int64]statement{}
	for rows.Next() {
		var id int64
		var st statement
		if err := rows.Scan(&id, &st.text, &st.calls, &st.ms); err != nil {
			return statements{}, fmt.Errorf("pg_stat_statements: %w", err)
		}
		s.byQuery[id] = st
	}
	return s, rows.Err()
}

func (a statements) minus(b statements) statements {
	d := statements{
		calls: a.calls - b.calls, readCalls: a.readCalls - b.readCalls, writeCalls: a.writeCalls - b.writeCalls,
		execMs: a.execMs - b.execMs, readMs: a.readMs - b.readMs, writeMs: a.writeMs - b.writeMs,
		byQuery: map[int64]statement{},
	}
	for id, st := range a.byQuery {
		st.calls -= b.byQuery[id].calls
		st.ms -= b.byQuery[id].ms
		if st.calls > 0 {
			d.byQuery[id] = st
		}
	}
	return d
}

// top returns the n statements with the most execution time.
func (s statements) top(n int) []statement {
	out := make([]statement, 0, len(s.byQuery))
	for _, st := range s.byQuery {
		out = append(out, st)
	}
	slices.SortFunc(out, func(a, b statement) int { return cmp.Compare(b.ms, a.ms) })
	return out[:min(n, len(out))]
}
