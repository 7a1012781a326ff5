package dbcopy_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/parleyhq/parley/internal/dbcopy"
	"github.com/parleyhq/parley/internal/testenv"
)

// wpPosts creates WordPress's wp_posts (the columns that matter here) with
// n rows whose IDs are stride apart, as MariaDB's sequence engine makes them.
func wpPosts(t *testing.T, dsn string, n, stride int) {
	t.Helper()
	mysqlExec(t, dsn, fmt.Sprintf(`CREATE TABLE wp_posts (
		ID bigint(20) unsigned NOT NULL AUTO_INCREMENT,
		post_author bigint(20) unsigned NOT NULL DEFAULT 0,
		post_date datetime NOT NULL DEFAULT '2000-01-01 00:00:00',
		post_content longtext NOT NULL,
		post_title text NOT NULL,
		post_status varchar(20) NOT NULL DEFAULT 'publish',
		post_name varchar(200) NOT NULL DEFAULT '',
		post_parent bigint(20) unsigned NOT NULL DEFAULT 0,
		PRIMARY KEY (ID),
		KEY post_name (post_name(191)),
		KEY post_parent (post_parent)
	) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
	INSERT INTO wp_posts (ID, post_author, post_date, post_content, post_title, post_name, post_parent)
	SELECT seq * %d, seq %% 7, '2024-01-01' + INTERVAL seq MINUTE, REPEAT(CONCAT('post ', seq, ' é '), 20),
		CONCAT('Title ', seq), CONCAT('post-', seq), seq DIV 10 FROM seq_1_to_%d;
	ANALYZE TABLE wp_posts;`, stride, n))
}

// unsignedMapping writes a --mapping file that keeps unsigned BIGINT values
// past 2^63-1 in numeric(20,0) columns.
func unsignedMapping(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "unsigned.yaml")
	if err := os.WriteFile(path, []byte(`mysql:
  - {type: bigint, unsigned: true, target: "numeric(20,0)", convert: numeric}
`), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// bigintMapping writes a --mapping file that keeps unsigned BIGINT columns
// bigint whatever they hold.
func bigintMapping(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "bigint.yaml")
	if err := os.WriteFile(path, []byte(`mysql:
  - {type: bigint, unsigned: true, target: bigint, convert: int}
`), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// chunkState reads the checkpoint of table: chunks planned and done.
func chunkState(t *testing.T, dst, table string) (total, done int) {
	t.Helper()
	ctx := context.Background()
	c, err := pgx.Connect(ctx, dst)
	if err != nil {
		t.Fatalf("connect pg: %v", err)
	}
	defer c.Close(ctx)
	var ok bool
	if err := c.QueryRow(ctx, `SELECT to_regclass('_parley_dbcopy.chunks') IS NOT NULL`).Scan(&ok); err != nil || !ok {
		return 0, 0
	}
	if err := c.QueryRow(ctx, `SELECT count(*), count(*) FILTER (WHERE done) FROM _parley_dbcopy.chunks WHERE table_name = $1`, table).Scan(&total, &done); err != nil {
		t.Fatalf("read checkpoint: %v", err)
	}
	return total, done
}

// TestUnsignedBigintKeyChunks: a table keyed by BIGINT UNSIGNED (WordPress's
// ids) is copied in several chunks, keys dense (uniform ranges) or sparse
// (keyset walk), into bigint or, mapped, numeric(20,0) columns, which the
// digests of run --verify and verify then compare chunk by chunk.
func TestUnsignedBigintKeyChunks(t *testing.T) {
	cases := []struct {
		name            string
		stride          int
		numeric         bool
		minChunks, maxC int
	}{
		// 3000 rows by 500: uniform steps from the row estimate, which
		// InnoDB samples; the keyset walk counts rows exactly.
		{"dense keys into bigint", 1, false, 4, 8},
		{"sparse keys into bigint", 1000, false, 6, 6},
		{"dense keys into numeric", 1, true, 4, 8},
		{"sparse keys into numeric", 1000, true, 6, 6},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src, dsn, _ := freshMySQL(t)
			wpPosts(t, dsn, 3000, c.stride)
			dst := testenv.PostgresURL(t)
			var extra []string
			if c.numeric {
				extra = []string{"--mapping", unsignedMapping(t)}
			}
			ctx := context.Background()
			plan, err := runCLI(t, ctx, append([]string{"plan", "--from", src, "--chunk-rows", "500"}, extra...)...)
			if err != nil || !strings.Contains(plan, `chunk key "ID"`) || strings.Contains(plan, "NOTE") {
				t.Errorf("plan (%v) does not chunk wp_posts on ID without a note:\n%s", err, plan)
			}
			res := runWith(t, src, dst, append([]string{"--chunk-rows", "500", "--workers", "4"}, extra...)...)
			if res.Rows != 3000 || res.Rejected != 0 || len(res.Differences) != 0 {
				t.Errorf("copied %d rows, %d rejected, differences %q; want 3000, 0, none", res.Rows, res.Rejected, res.Differences)
			}
			total, done := chunkState(t, dst, "wp_posts")
			t.Logf("wp_posts in %d chunks", total)
			if total < c.minChunks || total > c.maxC || done != total {
				t.Errorf("wp_posts in %d chunks (%d done), want %d to %d, all done", total, done, c.minChunks, c.maxC)
			}
			var sum, typ string
			if err := pgConn(t, dst).QueryRow(ctx, `SELECT sum("ID")::text, min(pg_typeof("ID")::text) FROM wp_posts`).Scan(&sum, &typ); err != nil {
				t.Fatal(err)
			}
			wantSum, wantType := fmt.Sprint(3000*3001/2*c.stride), "bigint"
			if c.numeric {
				wantType = "numeric"
			}
			if sum != wantSum || typ != wantType {
				t.Errorf("target IDs sum %s of type %s, want %s of %s", sum, typ, wantSum, wantType)
			}
		})
	}
}

// TestUnsignedBigintAboveInt64: keys past 2^63-1 do not fit the chunk
// bounds, so the table is one chunk, which plan says; it still copies
// every row, into numeric(20,0) by the mapping file or by the built-in
// rules, which widen a BIGINT UNSIGNED column holding such values (plan
// says so); a mapping rule keeping bigint rejects those keys.
func TestUnsignedBigintAboveInt64(t *testing.T) {
	for _, rules := range []string{"numeric", "builtin", "bigint"} {
		numeric := rules != "bigint"
		t.Run(rules, func(t *testing.T) {
			src, dsn, _ := freshMySQL(t)
			wpPosts(t, dsn, 1000, 1)
			mysqlExec(t, dsn, `INSERT INTO wp_posts (ID, post_content, post_title) VALUES
				(9223372036854775807, 'max int64', ''), (9223372036854775808, 'past int64', ''), (18446744073709551615, 'max uint64', '')`)
			var extra []string
			wantRows, wantRejected := int64(1003), int64(0)
			switch rules {
			case "numeric":
				extra = []string{"--mapping", unsignedMapping(t)}
			case "bigint":
				extra = []string{"--mapping", bigintMapping(t)}
				wantRows, wantRejected = 1001, 2
			}
			ctx := context.Background()
			plan, err := runCLI(t, ctx, append([]string{"plan", "--from", src, "--chunk-rows", "100"}, extra...)...)
			if err != nil || !strings.Contains(plan, "NOTE ID: one chunk: keys above 9223372036854775807") {
				t.Errorf("plan (%v) does not note that wp_posts is one chunk:\n%s", err, plan)
			}
			// Only the column past bigint is widened, and only by the built-in rules.
			widened := strings.Contains(plan, "unsigned_numeric     wp_posts.ID ")
			if widened != (rules == "builtin") || strings.Contains(plan, "unsigned_numeric     wp_posts.post_parent") {
				t.Errorf("plan widens wp_posts.ID: %v, want %v; post_parent never:\n%s", widened, rules == "builtin", plan)
			}
			dst := testenv.PostgresURL(t)
			res := runWith(t, src, dst, append([]string{"--chunk-rows", "100", "--workers", "4"}, extra...)...)
			if res.Rows != wantRows || res.Rejected != wantRejected || len(res.Differences) != 0 {
				t.Errorf("copied %d rows, %d rejected, differences %q; want %d, %d, none", res.Rows, res.Rejected, res.Differences, wantRows, wantRejected)
			}
			if total, _ := chunkState(t, dst, "wp_posts"); total != 1 {
				t.Errorf("wp_posts in %d chunks, want 1", total)
			}
			var top string
			if err := pgConn(t, dst).QueryRow(ctx, `SELECT max("ID")::text FROM wp_posts`).Scan(&top); err != nil {
				t.Fatal(err)
			}
			if want := map[bool]string{true: "18446744073709551615", false: "9223372036854775807"}[numeric]; top != want {
				t.Errorf("largest target ID %s, want %s", top, want)
			}
		})
	}
}

// TestUnsignedBigintKillAndResume kills a run of a BIGINT UNSIGNED keyed
// table once some of its chunks are done: the resumed run keeps their rows
// (same row versions in the target) and copies only the rest.
func TestUnsignedBigintKillAndResume(t *testing.T) {
	src, dsn, _ := freshMySQL(t)
	wpPosts(t, dsn, 6000, 1)
	dst := testenv.PostgresURL(t)
	ctx := context.Background()
	rejects := filepath.Join(t.TempDir(), "r.jsonl")
	args := []string{"run", "--from", src, "--to", dst, "--workers", "2", "--chunk-rows", "300", "--reject-file", rejects}
	// The kill must land while the table is part copied: the delay grows
	// while no chunk is done yet and shrinks after a run that got too far.
	delay := 40 * time.Millisecond
	partial := false
	for attempt := 0; attempt < 40 && !partial; attempt++ {
		killed := startChild(t, append(args, "--restart"), delay)
		total, done := chunkState(t, dst, "wp_posts")
		if total == 1 {
			t.Fatalf("wp_posts planned as one chunk")
		}
		switch {
		case killed && done > 0 && done < total:
			partial = true
			t.Logf("attempt %d: killed after %v with %d of %d chunks done", attempt, delay, done, total)
		case done == 0:
			delay = delay * 3 / 2
		default:
			delay = delay * 2 / 3
		}
	}
	if !partial {
		t.Fatalf("no kill landed while wp_posts was part copied")
	}
	conn := pgConn(t, dst)
	var kept []string // row versions of the chunks done before the kill
	var keptRows int
	if err := conn.QueryRow(ctx, `SELECT array_agg(DISTINCT xmin::text), count(*) FROM wp_posts`).Scan(&kept, &keptRows); err != nil {
		t.Fatal(err)
	}
	var doneRows int
	if err := conn.QueryRow(ctx, `SELECT COALESCE(sum(rows), 0) FROM _parley_dbcopy.chunks WHERE table_name = 'wp_posts' AND done`).Scan(&doneRows); err != nil {
		t.Fatal(err)
	}
	if keptRows != doneRows {
		t.Errorf("target holds %d rows after the kill, the done chunks %d", keptRows, doneRows)
	}
	out, err := runCLI(t, ctx, args...)
	if err != nil || !strings.Contains(out, "copied 6000 rows") || !strings.Contains(out, "resumed: true") {
		t.Fatalf("resumed run (%v):\n%s", err, out)
	}
	var still, all int
	if err := conn.QueryRow(ctx, `SELECT count(*) FILTER (WHERE xmin::text = ANY($1)), count(*) FROM wp_posts`, kept).Scan(&still, &all); err != nil {
		t.Fatal(err)
	}
	if still != keptRows || all != 6000 {
		t.Errorf("after resume %d of the %d rows copied before the kill are the same row versions, %d rows in all (want 6000)", still, keptRows, all)
	}
	if out, err := runCLI(t, ctx, "verify", "--from", src, "--to", dst); err != nil {
		t.Fatalf("verify after resume: %v\n%s", err, out)
	}
}

// TestUnsignedBigintEarlierCheckpoint: a run of a release that copied a
// BIGINT UNSIGNED keyed table as one chunk without bounds, killed before
// that chunk was done, resumes under this release, which keys the table.
func TestUnsignedBigintEarlierCheckpoint(t *testing.T) {
	src, dsn, _ := freshMySQL(t)
	wpPosts(t, dsn, 3000, 1)
	dst := testenv.PostgresURL(t)
	ctx := context.Background()
	rejects := filepath.Join(t.TempDir(), "r.jsonl")
	args := []string{"run", "--from", src, "--to", dst, "--chunk-rows", "500", "--reject-file", rejects}
	if _, err := runCLI(t, ctx, args...); err != nil {
		t.Fatalf("run: %v", err)
	}
	if total, _ := chunkState(t, dst, "wp_posts"); total < 2 {
		t.Fatalf("wp_posts in %d chunks, want several", total)
	}
	old, err := dbcopy.FingerprintBeforeUnsignedKeys(ctx, src, "public")
	if err != nil {
		t.Fatal(err)
	}
	// What the earlier release left: its fingerprint, the table as one
	// unbounded chunk not done, none of its rows.
	conn := pgConn(t, dst)
	for _, q := range []string{
		`DELETE FROM wp_posts`,
		`DELETE FROM _parley_dbcopy.chunks WHERE table_name = 'wp_posts'`,
		`INSERT INTO _parley_dbcopy.chunks (table_name, chunk_no, lo, hi) VALUES ('wp_posts', 0, NULL, NULL)`,
		`UPDATE _parley_dbcopy.run SET fingerprint = '` + old + `'`,
	} {
		if _, err := conn.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	out, err := runCLI(t, ctx, args...)
	if err != nil || !strings.Contains(out, "copied 3000 rows") || !strings.Contains(out, "resumed: true") {
		t.Fatalf("run resuming the earlier checkpoint (%v):\n%s", err, out)
	}
	if total, done := chunkState(t, dst, "wp_posts"); total != 1 || done != 1 {
		t.Errorf("wp_posts in %d chunks (%d done), want the earlier run's 1", total, done)
	}
	if out, err := runCLI(t, ctx, "verify", "--from", src, "--to", dst); err != nil {
		t.Fatalf("verify after resume: %v\n%s", err, out)
	}
}

// TestUnsignedBigintWidenedKeyPartners: a BIGINT UNSIGNED key holding a
// value past bigint becomes numeric(20,0), and so does the column whose
// foreign key references it though its own values fit: PostgreSQL keys
// need one type on both sides. The key is built, valid.
func TestUnsignedBigintWidenedKeyPartners(t *testing.T) {
	src, dsn, _ := freshMySQL(t)
	mysqlExec(t, dsn, `CREATE TABLE accounts (id bigint unsigned PRIMARY KEY, name varchar(10)) ENGINE=InnoDB;
		CREATE TABLE events (id int PRIMARY KEY, account_id bigint unsigned, other bigint unsigned,
			FOREIGN KEY (account_id) REFERENCES accounts (id)) ENGINE=InnoDB;
		INSERT INTO accounts VALUES (1, 'a'), (18446744073709551615, 'max');
		INSERT INTO events VALUES (1, 1, 5), (2, 18446744073709551615, 6), (3, NULL, 7);`)
	dst := testenv.PostgresURL(t)
	res := runWith(t, src, dst)
	if res.Rows != 5 || res.Rejected != 0 || len(res.Warnings) != 0 {
		t.Errorf("copied %d rows, %d rejected, warnings %q; want 5, 0, none", res.Rows, res.Rejected, res.Warnings)
	}
	var types, valid string
	pg := pgConn(t, dst)
	ctx := context.Background()
	if err := pg.QueryRow(ctx, `SELECT string_agg(table_name || '.' || column_name || ' ' || data_type, ',' ORDER BY table_name, column_name)
		FROM information_schema.columns WHERE table_schema = 'public' AND column_name IN ('id', 'account_id', 'other')`).Scan(&types); err != nil {
		t.Fatal(err)
	}
	if want := "accounts.id numeric,events.account_id numeric,events.id integer,events.other bigint"; types != want {
		t.Errorf("target types %s, want %s", types, want)
	}
	if err := pg.QueryRow(ctx, `SELECT string_agg(convalidated::text, ',') FROM pg_constraint WHERE contype = 'f'`).Scan(&valid); err != nil || valid != "true" {
		t.Errorf("foreign keys validated: %q (%v), want one, valid", valid, err)
	}
}
