package dbcopy_test

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/dbcopy"
	"github.com/parleyhq/parley/internal/testenv"
)

// verifyJSON runs verify and decodes its JSON summary; err is verify's verdict.
func verifyJSON(t *testing.T, ctx context.Context, src, dst string, extra ...string) (dbcopy.VerifyResult, error) {
	t.Helper()
	out, err := runCLI(t, ctx, append([]string{"verify", "--from", src, "--to", dst, "--format", "json", "--chunk-rows", "3"}, extra...)...)
	var res dbcopy.VerifyResult
	if jerr := json.Unmarshal([]byte(out), &res); jerr != nil {
		t.Fatalf("verify output %q: %v (verify: %v)", out, jerr, err)
	}
	return res, err
}

// TestVerifyDigestFindsEveryChange copies the hazard fixture (every type
// the mappings produce) with run --verify, checks that PostgreSQL's chunk
// digests agree with Go's for all of it (no chunk needs the row-by-row
// comparison), then changes one value of each type, deletes a row and adds
// one on the target: verify must name each.
func TestVerifyDigestFindsEveryChange(t *testing.T) {
	src := loadHazards(t)
	dst := testenv.PostgresURL(t)
	ctx := context.Background()
	out, err := runCLI(t, ctx, "run", "--from", src, "--to", dst, "--reject-file", t.TempDir()+"/r.jsonl", "--chunk-rows", "3", "--verify")
	if err != nil {
		t.Fatalf("run --verify: %v", err)
	}
	if !strings.Contains(out, "verified every chunk (0 compared row by row): 0 differences") {
		t.Errorf("run --verify output lacks its verdict:\n%s", out)
	}
	res, err := verifyJSON(t, ctx, src, dst)
	if err != nil || len(res.Differences) != 0 {
		t.Fatalf("verify of a clean copy: %v %q", err, res.Differences)
	}
	if res.RowByRow != 0 || res.Chunks == 0 {
		t.Errorf("clean copy: %d of %d chunks compared row by row, want 0 (Go renders a value unlike PostgreSQL)", res.RowByRow, res.Chunks)
	}

	pg := pgConn(t, dst)
	cases := []struct {
		name, table, col string
		id               int
		value            string // new value, as PostgreSQL text
	}{
		{"date", "dates", "d", 4, "9999-12-30"},
		{"timestamp", "dates", "dt6", 10, "2020-01-02 03:04:05.123457"},
		{"timestamptz", "dates", "ts", 9, "2038-01-19 03:14:08+00"},
		{"year smallint", "dates", "y", 12, "1902"},
		{"time interval", "dates", "tm", 15, "-12:30:00.4"},
		{"bigint", "nums", "ubig", 3, "9223372036854775806"},
		{"boolean", "nums", "flag", 6, "false"},
		{"integer", "nums", "tiny", 8, "-127"},
		{"numeric", "nums", "dec65", 10, "-0.000000000000000000000000000002"},
		{"real", "nums", "f", 12, "-1.50001"},
		{"double", "nums", "dbl", 12, "0.10000000000000002"},
		{"bit varying", "nums", "bits", 13, "1010101011"},
		{"varchar", "texts", "u", 6, "emoji 😁"},
		{"char trailing space", "texts", "c", 8, "ab "},
		{"binary bytea", "texts", "bin", 9, `\x61620001`},
		{"blob bytea", "texts", "blb", 9, `\x00ff0002`},
		{"enum text", "texts", "e", 11, "a"},
		{"set text[]", "texts", "s", 12, "{a,b}"},
		{"json", "texts", "j", 14, `{"a": [1, 3],   "b": "\u00e9"}`},
		{"null", "nums", "dbl", 11, "NULL"},
		{"not null", "texts", "lt", 14, "x"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var typ string
			var old *string
			if err := pg.QueryRow(ctx, `SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = $1::regclass AND attname = $2`,
				tc.table, tc.col).Scan(&typ); err != nil {
				t.Fatalf("column type: %v", err)
			}
			if err := pg.QueryRow(ctx, fmt.Sprintf(`SELECT %q::text FROM %q WHERE id = $1`, tc.col, tc.table), tc.id).Scan(&old); err != nil {
				t.Fatalf("read value: %v", err)
			}
			var val *string
			if tc.value != "NULL" {
				val = &tc.value
			}
			set := fmt.Sprintf(`UPDATE %q SET %q = $1::text::%s WHERE id = $2`, tc.table, tc.col, typ)
			if _, err := pg.Exec(ctx, set, val, tc.id); err != nil {
				t.Fatalf("corrupt: %v", err)
			}
			defer func() {
				if _, err := pg.Exec(ctx, set, old, tc.id); err != nil {
					t.Fatalf("restore: %v", err)
				}
			}()
			res, err := verifyJSON(t, ctx, src, dst)
			if err == nil {
				t.Fatalf("verify passed with %s.%s of id %d changed to %q", tc.table, tc.col, tc.id, tc.value)
			}
			wantDiff(t, res, tc.table, tc.id)
		})
	}

	t.Run("missing row", func(t *testing.T) {
		if _, err := pg.Exec(ctx, `DELETE FROM dates WHERE id = 5`); err != nil {
			t.Fatal(err)
		}
		defer func() {
			if _, err := pg.Exec(ctx, `INSERT INTO dates (id, d) VALUES (5, '1000-01-01')`); err != nil {
				t.Fatal(err)
			}
		}()
		res, err := verifyJSON(t, ctx, src, dst)
		if err == nil {
			t.Fatal("verify passed with a row missing")
		}
		wantDiff(t, res, "dates", 5)
	})
	t.Run("extra row", func(t *testing.T) {
		if _, err := pg.Exec(ctx, `INSERT INTO uniq (id, email) VALUES (3, 'c@x.org')`); err != nil {
			t.Fatal(err)
		}
		defer func() {
			if _, err := pg.Exec(ctx, `DELETE FROM uniq WHERE id = 3`); err != nil {
				t.Fatal(err)
			}
		}()
		res, err := verifyJSON(t, ctx, src, dst)
		if err == nil {
			t.Fatal("verify passed with an extra row")
		}
		wantDiff(t, res, "uniq", 3)
	})
	if res, err := verifyJSON(t, ctx, src, dst); err != nil || res.RowByRow != 0 {
		t.Errorf("after restoring: %v, %d chunks row by row", err, res.RowByRow)
	}
}

// wantDiff: a difference names the table and the row's key, and the
// digest mismatch sent a chunk to the row-by-row comparison.
func wantDiff(t *testing.T, res dbcopy.VerifyResult, table string, id int) {
	t.Helper()
	re := regexp.MustCompile(`^` + table + ` .*\bid=` + fmt.Sprint(id) + `\b`)
	for _, d := range res.Differences {
		if re.MatchString(d) {
			if res.RowByRow == 0 {
				t.Errorf("difference found without a digest mismatch: %q", d)
			}
			return
		}
	}
	t.Errorf("no difference names %s id %d: %q", table, id, res.Differences)
}

// TestRunVerifyCatchesWhatTheTargetChanged: PostgreSQL changes two values
// as it stores them (a trigger; rounding to the column's scale), which
// COPY does not report; run --verify must, naming the rows, and fail.
func TestRunVerifyCatchesWhatTheTargetChanged(t *testing.T) {
	src, dsn, _ := freshMySQL(t)
	mysqlExec(t, dsn, `CREATE TABLE items (id INT PRIMARY KEY, v VARCHAR(20) NOT NULL, n DECIMAL(6,2) NOT NULL);
		INSERT INTO items VALUES (1, 'a', 1.00), (2, 'b', 2.50), (3, 'c', 1.25), (4, 'd', 4.00), (5, 'e', 5.00),
			(6, 'f', 6.00), (7, 'g', 7.00), (8, 'h', 8.00);`)
	dst := testenv.PostgresURL(t)
	ctx := context.Background()
	pg := pgConn(t, dst)
	for _, q := range []string{
		`CREATE TABLE items (id integer PRIMARY KEY, v text NOT NULL, n numeric(6,1) NOT NULL)`,
		`CREATE FUNCTION bang() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
			IF NEW.id = 7 THEN NEW.v := NEW.v || '!'; END IF; RETURN NEW; END $$`,
		`CREATE TRIGGER bang BEFORE INSERT ON items FOR EACH ROW EXECUTE FUNCTION bang()`,
	} {
		if _, err := pg.Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	out, err := runCLI(t, ctx, "run", "--from", src, "--to", dst, "--into-existing", "--verify", "--chunk-rows", "3",
		"--reject-file", t.TempDir()+"/r.jsonl", "--format", "json")
	if err == nil {
		t.Fatalf("run --verify passed although the target changed two values:\n%s", out)
	}
	var res dbcopy.RunResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("run output %q: %v", out, err)
	}
	for _, id := range []int{3, 7} {
		re := regexp.MustCompile(`^items .*\bid=` + fmt.Sprint(id) + `\b`)
		if !slices.ContainsFunc(res.Differences, re.MatchString) {
			t.Errorf("no difference names items id %d: %q", id, res.Differences)
		}
	}
	if !res.Verified || res.Rows != 8 {
		t.Errorf("verified %v, rows %d, want true, 8", res.Verified, res.Rows)
	}
}

// TestResumedRunVerifiesEarlierChunks: run --verify on a target copied by
// an earlier run without --verify checks the chunks that run copied.
func TestResumedRunVerifiesEarlierChunks(t *testing.T) {
	src, dsn, _ := freshMySQL(t)
	mysqlExec(t, dsn, `CREATE TABLE items (id INT PRIMARY KEY, v VARCHAR(20) NOT NULL);
		INSERT INTO items VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd'), (5, 'e'), (6, 'f'), (7, 'g');`)
	dst := testenv.PostgresURL(t)
	ctx := context.Background()
	rejects := t.TempDir() + "/r.jsonl"
	if _, err := runCLI(t, ctx, "run", "--from", src, "--to", dst, "--chunk-rows", "3", "--reject-file", rejects); err != nil {
		t.Fatalf("run: %v", err)
	}
	if _, err := pgConn(t, dst).Exec(ctx, `UPDATE items SET v = 'changed' WHERE id = 5`); err != nil {
		t.Fatal(err)
	}
	out, err := runCLI(t, ctx, "run", "--from", src, "--to", dst, "--chunk-rows", "3", "--reject-file", rejects, "--verify")
	if err == nil {
		t.Fatalf("run --verify passed on a target changed after the earlier run:\n%s", out)
	}
	if !regexp.MustCompile(`(?m)^DIFFERENCE: items id=(V\d+:)?5\b`).MatchString(out) || !strings.Contains(out, "resumed: true") {
		t.Errorf("run --verify output does not name items id 5 of a resumed run:\n%s", out)
	}
}
