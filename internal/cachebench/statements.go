package cachebench

import (
	"cmp"
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
)

// group is where a statement belongs, told from its text: the read path
// (statements that only read) or the write path (statements that change
// rows or take locks to do so), and what the statement touches, which is
// which kind of operation issued it (profile views read profiles; chat
// turns read profiles and sessions and write messages; profile writes
// write profiles).
type group int

const (
	gProfileRead  group = iota // SELECT on profiles: GetProfile (views, turns' profile loads, read-backs)
	gSessionRead               // SELECT on sessions/messages: a chat turn's session and history
	gOtherRead                 // any other read-only statement
	gProfileWrite              // INSERT/UPDATE/locks on profiles: PutProfile
	gSessionWrite              // INSERT/UPDATE/DELETE on sessions/messages: a chat turn's append
	gOtherWrite                // any other statement that writes
	gTxControl                 // BEGIN, COMMIT, ROLLBACK, SAVEPOINT (only write transactions open one here)
	gUtility                   // SET, SHOW and the like
	nGroups
)

var groupNames = [nGroups]string{
	"read: profiles", "read: sessions/messages", "read: other",
	"write: profiles", "write: sessions/messages", "write: other",
	"transaction control", "other utility",
}

func (g group) read() bool  { return g <= gOtherRead }
func (g group) write() bool { return g >= gProfileWrite && g <= gOtherWrite }

var (
	reWrites    = regexp.MustCompile(`(?i)\b(insert\s+into|update\s+\w+\s+(as\s+\w+\s+)?set|delete\s+from|merge\s+into|pg_advisory\w*lock|for\s+(no\s+key\s+)?(update|share))\b`)
	reProfiles  = regexp.MustCompile(`(?i)\bprofile(s|_versions)\b`)
	reSessions  = regexp.MustCompile(`(?i)\b(sessions|messages)\b`)
	reTxControl = regexp.MustCompile(`(?i)^\s*(begin|commit|rollback|start\s+transaction|savepoint|release|end)\b`)
	reReadOnly  = regexp.MustCompile(`(?i)^\s*(select|with|values|table)\b`)
)

// classify tells a normalised statement's group from its text.
func classify(query string) group {
	switch {
	case reTxControl.MatchString(query):
		return gTxControl
	case reWrites.MatchString(query):
		switch {
		case reProfiles.MatchString(query):
			return gProfileWrite
		case reSessions.MatchString(query):
			return gSessionWrite
		}
		return gOtherWrite
	case reReadOnly.MatchString(query):
		switch {
		case reProfiles.MatchString(query):
			return gProfileRead
		case reSessions.MatchString(query):
			return gSessionRead
		}
		return gOtherRead
	}
	return gUtility
}

// statements are pg_stat_statements totals for one database: how many
// statements ran and how long PostgreSQL spent executing them (server-side
// execution only: no network, no client, no waiting for a connection; a
// lock wait inside a statement does count).
type statements struct {
	byQuery map[int64]statement
	// Sums over byQuery, filled by sum.
	calls, readCalls, writeCalls int64
	execMs, readMs, writeMs      float64
	groupCalls                   [nGroups]int64
	groupMs                      [nGroups]float64
}

// statement is one normalised statement's totals.
type statement struct {
	text  string // first 90 characters, whitespace folded
	group group
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

// statementTotals reads the totals of the database named db, per statement.
func statementTotals(ctx context.Context, c *pgx.Conn, db string) (statements, error) {
	rows, err := c.Query(ctx, `
SELECT queryid, query, calls, total_exec_time
FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = $1)`, db)
	if err != nil {
		return statements{}, fmt.Errorf("pg_stat_statements: %w", err)
	}
	defer rows.Close()
	s := statements{byQuery: map[int64]statement{}}
	for rows.Next() {
		var id int64
		var query string
		var st statement
		if err := rows.Scan(&id, &query, &st.calls, &st.ms); err != nil {
			return statements{}, fmt.Errorf("pg_stat_statements: %w", err)
		}
		st.group = classify(query)
		folded := strings.Join(strings.Fields(query), " ")
		st.text = folded[:min(90, len(folded))]
		s.byQuery[id] = st
	}
	if err := rows.Err(); err != nil {
		return statements{}, fmt.Errorf("pg_stat_statements: %w", err)
	}
	s.sum()
	return s, nil
}

// sum fills the totals from byQuery.
func (s *statements) sum() {
	s.calls, s.readCalls, s.writeCalls = 0, 0, 0
	s.execMs, s.readMs, s.writeMs = 0, 0, 0
	s.groupCalls, s.groupMs = [nGroups]int64{}, [nGroups]float64{}
	for _, st := range s.byQuery {
		s.calls += st.calls
		s.execMs += st.ms
		s.groupCalls[st.group] += st.calls
		s.groupMs[st.group] += st.ms
		switch {
		case st.group.read():
			s.readCalls += st.calls
			s.readMs += st.ms
		case st.group.write():
			s.writeCalls += st.calls
			s.writeMs += st.ms
		}
	}
}

func (a statements) minus(b statements) statements {
	d := statements{byQuery: map[int64]statement{}}
	for id, st := range a.byQuery {
		st.calls -= b.byQuery[id].calls
		st.ms -= b.byQuery[id].ms
		if st.calls > 0 {
			d.byQuery[id] = st
		}
	}
	d.sum()
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
