package dbcopy

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

func (s *mysqlSource) foreignKeys(ctx context.Context, byName map[string]*Table) error {
	rows, err := s.db.QueryContext(ctx, `SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME,
		r.UPDATE_RULE, r.DELETE_RULE
		FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS r
		  ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
		WHERE k.TABLE_SCHEMA = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL
		ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`, s.dbName)
	if err != nil {
		return fmt.Errorf("list foreign keys: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var table, name, col, refTable, refCol, upd, del string
		if err := rows.Scan(&table, &name, &col, &refTable, &refCol, &upd, &del); err != nil {
			return fmt.Errorf("list foreign keys: %w", err)
		}
		t := byName[table]
		if t == nil {
			continue
		}
		var fk *ForeignKey
		if n := len(t.FKs); n > 0 && t.FKs[n-1].Name == name {
			fk = t.FKs[n-1]
		} else {
			fk = &ForeignKey{Name: name, RefTable: refTable, OnUpdate: upd, OnDelete: del}
			t.FKs = append(t.FKs, fk)
		}
		fk.Columns = append(fk.Columns, col)
		fk.RefColumns = append(fk.RefColumns, refCol)
	}
	return rows.Err()
}

func (s *mysqlSource) manualObjects(ctx context.Context) ([]Manual, error) {
	queries := []struct{ kind, q string }{
		{"sequence", `SELECT TABLE_NAME, 'MariaDB sequence not copied (CREATE SEQUENCE ... START WITH its next value)' FROM information_schema.TABLES
			WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'SEQUENCE' ORDER BY 1`},
		{"trigger", `SELECT TRIGGER_NAME, CONCAT(ACTION_TIMING, ' ', EVENT_MANIPULATION, ' ON ', EVENT_OBJECT_TABLE) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ? ORDER BY 1`},
		{"event", `SELECT EVENT_NAME, CONCAT(STATUS, ' event scheduled ', COALESCE(CONCAT('every ', INTERVAL_VALUE, ' ', INTERVAL_FIELD), EXECUTE_AT),
			'; not copied (in PostgreSQL: cron or the pg_cron extension)') FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ? ORDER BY 1`},
		{"routine", `SELECT ROUTINE_NAME, ROUTINE_TYPE FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ? ORDER BY 1`},
	}
	var out []Manual
	for _, q := range queries {
		rows, err := s.db.QueryContext(ctx, q.q, s.dbName)
		if err != nil {
			return nil, fmt.Errorf("list %ss: %w", q.kind, err)
		}
		for rows.Next() {
			m := Manual{Kind: q.kind}
			if err := rows.Scan(&m.Name, &m.Detail); err != nil {
				rows.Close()
				return nil, fmt.Errorf("list %ss: %w", q.kind, err)
			}
			switch q.kind {
			case "routine":
				m.Kind = strings.ToLower(m.Detail)
				m.Detail = "not copied; its body: SHOW CREATE " + m.Detail + " " + myQuote(m.Name) + "; rewrite it in PL/pgSQL"
			case "trigger":
				m.Detail += "; not copied; its body: SHOW CREATE TRIGGER " + myQuote(m.Name) +
					"; in PostgreSQL a trigger runs a function (CREATE FUNCTION ... RETURNS trigger, then CREATE TRIGGER ... EXECUTE FUNCTION)"
			}
			out = append(out, m)
		}
		rows.Close()
	}
	return out, nil
}

// chunkKey picks the first primary-key column when it is an integer.
// An unsigned BIGINT may hold keys past int64, the type of chunk bounds
// and of the checkpoint's columns: sqlChunks checks the data and copies
// such a table as one chunk (in practice its keys are AUTO_INCREMENT ids,
// far below 2^63).
func chunkKey(t *Table) string {
	if len(t.PK) == 0 {
		return ""
	}
	c := t.column(t.PK[0])
	if c == nil {
		return ""
	}
	switch c.DataType {
	case "tinyint", "smallint", "mediumint", "int", "integer", "bigint":
		return c.Name
	}
	return ""
}

// unsignedBigKey reports whether t's chunk key is an unsigned BIGINT,
// which releases before this one did not chunk (see legacyFingerprint).
func unsignedBigKey(t *Table) bool {
	c := t.column(t.ChunkKey)
	return c != nil && c.DataType == "bigint" && c.Unsigned
}

// Snapshot implements Source. To give every worker the same view it takes
// FLUSH TABLES WITH READ LOCK for the instant it takes to open one
// consistent-snapshot transaction per worker (the mydumper technique); a
// user without the RELOAD privilege gets per-worker snapshots instead.
func (s *mysqlSource) Snapshot(ctx context.Context, n int) ([]Reader, bool, error) {
	lock, err := s.db.Conn(ctx)
	if err != nil {
		return nil, false, fmt.Errorf("mysql connection: %w", err)
	}
	defer lock.Close()
	// FTWRL waits for running statements and blocks writers meanwhile:
	// give up quickly and fall back rather than stall a busy server.
	_, _ = lock.ExecContext(ctx, "SET SESSION lock_wait_timeout = 5")
	_, lockErr := lock.ExecContext(ctx, "FLUSH TABLES WITH READ LOCK")
	shared := lockErr == nil
	var readers []Reader
	fail := func(err error) ([]Reader, bool, error) {
		for _, r := range readers {
			r.Close()
		}
		if shared {
			_, _ = lock.ExecContext(context.WithoutCancel(ctx), "UNLOCK TABLES")
		}
		return nil, false, err
	}
	for range n {
		conn, err := s.db.Conn(ctx)
		if err != nil {
			return fail(fmt.Errorf("mysql connection: %w", err))
		}
		r := &mysqlReader{conn: conn}
		readers = append(readers, r)
		for _, q := range []string{"SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ",
			"START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY"} {
			if _, err := conn.ExecContext(ctx, q); err != nil {
				return fail(fmt.Errorf("open snapshot: %w", err))
			}
		}
	}
	if shared {
		if _, err := lock.ExecContext(ctx, "UNLOCK TABLES"); err != nil {
			return fail(fmt.Errorf("unlock tables: %w", err))
		}
	}
	return readers, shared || n == 1, nil
}

type mysqlReader struct {
	conn *sql.Conn
}

func (r *mysqlReader) Close() error {
	_, _ = r.conn.ExecContext(context.Background(), "ROLLBACK")
	return r.conn.Close()
}

// Chunks implements Reader.
func (r *mysqlReader) Chunks(ctx context.Context, t *Table, chunkRows int64) ([]Chunk, error) {
	return sqlChunks(ctx, r.conn, myQuote, t, chunkRows, t.RowsEst)
}

// sqlChunks splits t on its chunk key: uniform key ranges when keys are
// dense, a keyset walk over the index when they are sparse.
func sqlChunks(ctx context.Context, conn *sql.Conn, quote func(string) string, t *Table, chunkRows, est int64) ([]Chunk, error) {
	if t.ChunkKey == "" {
		return splitBounds(t.Name, nil), nil
	}
	t.ChunkNote = ""
	k, tbl := quote(t.ChunkKey), t.fromItem(quote)
	lo, hi, ok, err := keyRange(ctx, conn, k, tbl)
	if err != nil {
		return nil, fmt.Errorf("key range of %s: %w", t.Name, err)
	}
	if !ok {
		t.ChunkNote = "one chunk: keys above " + strconv.FormatInt(math.MaxInt64, 10) +
			" (2^63-1), past the int64 chunk bounds; one worker copies the table and a resumed run copies it again whole"
		return splitBounds(t.Name, nil), nil
	}
	// The span of keys from MinInt64 to MaxInt64 overflows int64; as uint64
	// it does not (hi >= lo), and the step is computed in floating point.
	if !lo.Valid || uint64(hi.Int64-lo.Int64) < uint64(chunkRows) {
		return splitBounds(t.Name, nil), nil
	}
	span := float64(uint64(hi.Int64-lo.Int64)) + 1
	est = max(est, 1)
	if span/4 <= float64(est) {
		step := max(chunkRows, int64(float64(chunkRows)*span/float64(est)))
		return splitBounds(t.Name, uniformBounds(lo.Int64, hi.Int64, step)), nil
	}
	var bounds []int64
	cur := lo.Int64
	for {
		var next sql.NullInt64
		err := conn.QueryRowContext(ctx, "SELECT "+k+" FROM "+tbl+" WHERE "+k+" >= ? ORDER BY "+k+" LIMIT 1 OFFSET ?", cur, chunkRows).Scan(&next)
		if err == sql.ErrNoRows {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("chunk bounds of %s: %w", t.Name, err)
		}
		if next.Int64 <= cur { // many rows share one key value (composite key)
			if err := conn.QueryRowContext(ctx, "SELECT MIN("+k+") FROM "+tbl+" WHERE "+k+" > ?", cur).Scan(&next); err != nil {
				return nil, fmt.Errorf("chunk bounds of %s: %w", t.Name, err)
			}
			if !next.Valid {
				break
			}
		}
		bounds = append(bounds, next.Int64)
		cur = next.Int64
	}
	return splitBounds(t.Name, bounds), nil
}

// keyRange returns the smallest and largest key (NULL when the table is
// empty); ok is false when a key does not fit int64 (an unsigned BIGINT
// past 2^63-1). Both are read as text: scanned into an int64, such a key
// would fail the scan instead.
func keyRange(ctx context.Context, conn *sql.Conn, k, tbl string) (lo, hi sql.NullInt64, ok bool, err error) {
	var los, his sql.NullString
	if err := conn.QueryRowContext(ctx, "SELECT MIN("+k+"), MAX("+k+") FROM "+tbl).Scan(&los, &his); err != nil {
		return lo, hi, false, err
	}
	if !los.Valid || !his.Valid {
		return lo, hi, true, nil
	}
	for _, x := range []struct {
		s string
		v *sql.NullInt64
	}{{los.String, &lo}, {his.String, &hi}} {
		n, err := strconv.ParseInt(x.s, 10, 64)
		if errors.Is(err, strconv.ErrRange) {
			return lo, hi, false, nil
		}
		if err != nil {
			return lo, hi, false, err
		}
		*x.v = sql.NullInt64{Int64: n, Valid: true}
	}
	return lo, hi, true, nil
}

// Rows implements Reader.
func (r *mysqlReader) Rows(ctx context.Context, t *Table, c Chunk) (*RowIter, error) {
	return sqlRows(ctx, r.conn, myQuote, mysqlSelect, t, c)
}

// mysqlSelect reads FLOAT columns as DOUBLE: the text protocol prints FLOAT
// with 6 significant digits (16777216 arrives as "1.67772e7"), while every
// FLOAT value is exactly a DOUBLE, which prints with all its digits.
//
// MariaDB's YEAR(2) stores whole years (1901-2155, or 0) and prints, even
// as a number, their last two digits: 2069 and 1969 both arrive as 69.
// YEAR() of it gives the whole year, and 1900 (no YEAR value) for 0.
//
// A SET declaring the empty string as a member is read as its number
// (setMembers).
func mysqlSelect(c *Column) string {
	switch {
	case c.DataType == "float":
		return "(" + myQuote(c.Name) + " * 1e0)"
	case c.DataType == "year" && c.Width == 2:
		q := myQuote(c.Name)
		return "IF(YEAR(" + q + ") = 1900, 0, YEAR(" + q + "))"
	case c.DataType == "set" && slices.Contains(c.Values, ""):
		// MySQL writes a SET's '' member as nothing ('' and 'a' read
		// 'a'): its number keeps it. A SET's text never starts with a
		// comma, which marks the number for convSet.
		return "CONCAT(',', " + myQuote(c.Name) + " + 0)"
	}
	return myQuote(c.Name)
}

// sqlRows reads one chunk; expr renders a column in the select list.
func sqlRows(ctx context.Context, conn *sql.Conn, quote func(string) string, expr func(*Column) string, t *Table, c Chunk) (*RowIter, error) {
	cols := make([]string, len(t.Columns))
	for i, col := range t.Columns {
		cols[i] = expr(col)
	}
	q := "SELECT " + strings.Join(cols, ", ") + " FROM " + t.fromItem(quote)
	var args []any
	if t.ChunkKey != "" {
		var w string
		w, args = chunkWhere(c, quote(t.ChunkKey), func(int) string { return "?" })
		q += w
	}
	rows, err := conn.QueryContext(queryContext(ctx), q, args...)
	if err != nil {
		return nil, fmt.Errorf("read %s chunk %d: %w", t.Name, c.No, err)
	}
	return newRowIter(ctx, rows, len(cols)), nil
}

// views reads the views and their SELECT.
func (s *mysqlSource) views(ctx context.Context) ([]*View, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT TABLE_NAME, VIEW_DEFINITION FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? ORDER BY 1`, s.dbName)
	if err != nil {
		return nil, fmt.Errorf("list views: %w", err)
	}
	defer rows.Close()
	var out []*View
	for rows.Next() {
		v := &View{Qualifier: s.dbName, MariaDB: s.mariadb}
		if err := rows.Scan(&v.Name, &v.Source); err != nil {
			return nil, fmt.Errorf("list views: %w", err)
		}
		v.Target = pgIdent(v.Name)
		out = append(out, v)
	}
	return out, rows.Err()
}

// viewDetail says where a MySQL view's SELECT is: the copy creates no
// views (their SQL is MySQL's), so the person porting one needs its text.
func viewDetail(name string) string {
	return "not copied (its rows are its tables', which are); its SELECT: SHOW CREATE VIEW " + myQuote(name) +
		", or SELECT VIEW_DEFINITION FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = " + quoteLiteral(name) +
		"; recreate it with CREATE VIEW " + quoteIdent(pgIdent(name)) + " AS that SELECT, its backquotes made double quotes and MySQL functions replaced"
}
