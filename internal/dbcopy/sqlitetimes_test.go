package dbcopy_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/testenv"
)

// TestSQLiteEpochAndJulianTimes copies SQLite DATETIME, TIMESTAMP and DATE
// columns holding Unix seconds, Unix milliseconds, REAL Julian days and
// text in SQLite's own forms: every row arrives as the instant SQLite's
// datetime() reads (computed here by SQLite itself), run --verify and
// verify agree, and plan notes the values read as milliseconds.
func TestSQLiteEpochAndJulianTimes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "app.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`CREATE TABLE events (id INTEGER PRIMARY KEY, at DATETIME, stamp TIMESTAMP NOT NULL, day DATE)`,
		`INSERT INTO events VALUES
			(1, 1700000000, 1700000000123, 1699920000),
			(2, 2460000.25, 0, 2460000.5),
			(3, '2024-05-06 07:08:09', '2024-05-06T07:08:09.5Z', '2024-05-06'),
			(4, '12:30', -86400, NULL),
			(5, NULL, 1700000000.5, 19675 * 86400)`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	// SQLite's own reading of each value, to compare the copy with.
	want := map[int64][3]sql.NullString{}
	rows, err := db.Query(`SELECT id,
		CASE WHEN typeof(at) = 'integer' THEN datetime(at, 'unixepoch') ELSE datetime(at) END,
		CASE WHEN typeof(stamp) = 'text' THEN strftime('%Y-%m-%d %H:%M:%f', stamp)
			WHEN stamp > 100000000000 THEN strftime('%Y-%m-%d %H:%M:%f', stamp / 1000.0, 'unixepoch')
			ELSE strftime('%Y-%m-%d %H:%M:%f', stamp, 'unixepoch') END,
		CASE WHEN typeof(day) = 'integer' THEN date(day, 'unixepoch') ELSE date(day) END FROM events`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		var w [3]sql.NullString
		if err := rows.Scan(&id, &w[0], &w[1], &w[2]); err != nil {
			t.Fatal(err)
		}
		want[id] = w
	}
	rows.Close()
	db.Close()

	src, dst := "sqlite:"+path, testenv.PostgresURL(t)
	ctx := context.Background()
	plan, err := runCLI(t, ctx, "plan", "--from", src)
	if err != nil || !strings.Contains(plan, "epoch_milliseconds") || !strings.Contains(plan, "events.stamp rows=1 kept") || strings.Contains(plan, "REJECTED") {
		t.Errorf("plan (%v) does not note one millisecond value and no reject:\n%s", err, plan)
	}
	res := runWith(t, src, dst)
	if res.Rows != 5 || res.Rejected != 0 || len(res.Differences) != 0 {
		t.Errorf("copied %d rows, %d rejected, differences %q; want 5, 0, none", res.Rows, res.Rejected, res.Differences)
	}
	if out, err := runCLI(t, ctx, "verify", "--from", src, "--to", dst); err != nil {
		t.Errorf("verify: %v\n%s", err, out)
	}
	pg := pgConn(t, dst)
	got, err := pg.Query(ctx, `SELECT id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'),
		to_char(stamp AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS'), day::text FROM events ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer got.Close()
	n := 0
	for got.Next() {
		var id int64
		var g [3]sql.NullString
		if err := got.Scan(&id, &g[0], &g[1], &g[2]); err != nil {
			t.Fatal(err)
		}
		n++
		if g != want[id] {
			t.Errorf("row %d = %v, SQLite reads %v", id, g, want[id])
		}
	}
	if n != 5 {
		t.Errorf("%d rows in the target, want 5", n)
	}
}
