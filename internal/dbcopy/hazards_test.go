package dbcopy_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jackc/pgx/v5"

	"github.com/parleyhq/parley/internal/testenv"
)

// expect: table -> id -> column -> PostgreSQL text of the value, "NULL",
// or "REJECT kind" when the row must be in the reject file instead.
// Written by hand from testdata/hazards.sql, for --zero-dates=reject
// (zeroDatesNull has what --zero-dates=null changes).
var hazardExpect = map[string]map[int]map[string]string{
	"dates": {
		1: {"d": "REJECT zero_date"}, 2: {"d": "REJECT partial_zero_date"}, 3: {"d": "REJECT partial_zero_date"},
		4: {"d": "9999-12-31"}, 5: {"d": "1000-01-01"},
		6: {"dt": "REJECT zero_date"}, 7: {"dt": "REJECT partial_zero_date"},
		8: {"ts": "REJECT zero_date"}, 9: {"ts": "2038-01-19 03:14:07+00"},
		10: {"dt6": "2020-01-02 03:04:05.123456"},
		11: {"y": "0"}, 12: {"y": "1901"}, 13: {"y": "2155"},
		14: {"tm": "838:59:59"}, 15: {"tm": "-12:30:00.5"},
		16: {"d": "REJECT invalid_date"},
	},
	"nums": {
		// Past bigint: numeric(20,0) (widenUnsigned).
		1: {"ubig": "18446744073709551615"}, 2: {"ubig": "9223372036854775808"}, 3: {"ubig": "9223372036854775807"},
		4: {"flag": "REJECT boolean_cast"}, 5: {"flag": "REJECT boolean_cast"}, 6: {"flag": "true"}, 7: {"flag": "false"},
		8:  {"uint": "4294967295", "umed": "16777215", "tiny": "-128"},
		9:  {"dec65": "12345678901234567890123456789012345.123456789012345678901234567890"},
		10: {"dec65": "-0.000000000000000000000000000001"},
		11: {"f": "3.4028235e+38", "dbl": "1e+308"}, 12: {"f": "-1.5", "dbl": "0.1"},
		13: {"bits": "1010101010"}, 14: {"bits": "0000000001"},
	},
	"texts": {
		1: {"l1": "café"}, 2: {"l1": "Ã©"}, 3: {"l1": "€"}, 4: {"l1": "\u0081"},
		5: {"u": "REJECT nul_byte"}, 6: {"u": "emoji 😀"}, 7: {"u": "tab\tand 'quote'"},
		8: {"c": "ab"}, 9: {"bin": `\x61620000`, "blb": `\x00ff0001`},
		10: {"e": ""}, 11: {"e": "b"}, 12: {"s": "{a,c}"}, 13: {"s": "{}"},
		14: {"j": `{"a": [1, 2],   "b": "\u00e9"}`},
		15: {"lt": "REJECT nul_byte"},
	},
}

// zeroDatesNull: under --zero-dates=null (the default) whole zero dates
// are NULL; partial ones are still rejected, as NULL would lose their year.
var zeroDatesNull = map[string]map[int]map[string]string{
	"dates": {1: {"d": "NULL"}, 6: {"dt": "NULL"}, 8: {"ts": "NULL"}},
}

// hazardExpectFor returns hazardExpect for a --zero-dates mode.
func hazardExpectFor(mode string) map[string]map[int]map[string]string {
	out := map[string]map[int]map[string]string{}
	for table, rows := range hazardExpect {
		out[table] = map[int]map[string]string{}
		for id, cols := range rows {
			out[table][id] = cols
			if over, ok := zeroDatesNull[table][id]; ok && mode == "null" {
				out[table][id] = over
			}
		}
	}
	return out
}

type rejectLine struct {
	Table, Key, Column, Reason string
}

func readRejects(t *testing.T, path string) []rejectLine {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("reject file: %v", err)
	}
	defer f.Close()
	var out []rejectLine
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var r rejectLine
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("reject line %q: %v", sc.Text(), err)
		}
		out = append(out, r)
	}
	return out
}

func loadHazards(t *testing.T) (url string) {
	t.Helper()
	url, dsn, _ := freshMySQL(t)
	b, err := os.ReadFile("testdata/hazards.sql")
	if err != nil {
		t.Fatal(err)
	}
	mysqlExec(t, dsn, string(b))
	return url
}

func TestHazardsExactOrRejected(t *testing.T) {
	src := loadHazards(t)
	for _, mode := range []string{"reject", "null"} {
		t.Run("zero-dates="+mode, func(t *testing.T) { checkHazards(t, src, mode) })
	}
}

func checkHazards(t *testing.T, src, mode string) {
	dst := testenv.PostgresURL(t)
	ctx := context.Background()
	dir := t.TempDir()
	flags := []string{"--zero-dates", mode}
	if mode == "null" {
		flags = nil // the default
	}
	plan, err := runCLI(t, ctx, append([]string{"plan", "--from", src, "--plan-out", dir + "/plan.json"}, flags...)...)
	if err != nil {
		t.Fatalf("plan: %v", err)
	}
	if want := "(--zero-dates=" + mode; !strings.Contains(plan, want) || (mode == "null") != strings.Contains(plan, "zero_date_null") {
		t.Errorf("plan does not say %s and count zero_date_null only under null:\n%s", want, plan)
	}
	if _, err := runCLI(t, ctx, append([]string{"run", "--from", src, "--to", dst, "--reject-file", dir + "/rejects.jsonl", "--chunk-rows", "3"}, flags...)...); err != nil {
		t.Fatalf("run: %v", err)
	}
	if _, err := runCLI(t, ctx, append([]string{"verify", "--from", src, "--to", dst}, flags...)...); err != nil {
		t.Fatalf("verify: %v", err)
	}
	rejects := readRejects(t, dir+"/rejects.jsonl")
	pg := pgConn(t, dst)
	if _, err := pg.Exec(ctx, "SET TIME ZONE 'UTC'"); err != nil {
		t.Fatal(err)
	}
	wantRejects := map[string]string{} // "table id column" -> kind
	for table, rows := range hazardExpectFor(mode) {
		for id, cols := range rows {
			for col, want := range cols {
				if kind, ok := strings.CutPrefix(want, "REJECT "); ok {
					wantRejects[fmt.Sprintf("%s %d %s", table, id, col)] = kind
					var n int
					if err := pg.QueryRow(ctx, fmt.Sprintf(`SELECT count(*) FROM %q WHERE id = $1`, table), id).Scan(&n); err != nil || n != 0 {
						t.Errorf("%s id %d: rejected row present in target (%d, %v)", table, id, n, err)
					}
					continue
				}
				var got *string
				if err := pg.QueryRow(ctx, fmt.Sprintf(`SELECT %q::text FROM %q WHERE id = $1`, col, table), id).Scan(&got); err != nil {
					t.Errorf("%s id %d: %v", table, id, err)
					continue
				}
				if want == "NULL" && got == nil {
					continue
				}
				if got == nil || *got != want {
					t.Errorf("%s id %d %s = %v, want %q", table, id, col, deref(got), want)
				}
			}
		}
	}
	gotRejects := map[string]string{}
	for _, r := range rejects {
		var key struct{ ID string }
		if err := json.Unmarshal([]byte(r.Key), &key); err != nil {
			t.Errorf("reject key %q: %v", r.Key, err)
		}
		kind, _, _ := strings.Cut(r.Reason, ":")
		gotRejects[fmt.Sprintf("%s %s %s", r.Table, key.ID, r.Column)] = kind
	}
	if d := cmp.Diff(wantRejects, gotRejects); d != "" {
		t.Errorf("reject file (-want +got):\n%s", d)
	}
	checkPlanHazards(t, dir+"/plan.json", rejects)
	checkLongNames(t, pg)
}

func deref(s *string) any {
	if s == nil {
		return nil
	}
	return *s
}

// checkPlanHazards: plan predicts exactly the rejects run made, and reports
// the hazards that keep their values.
func checkPlanHazards(t *testing.T, path string, rejects []rejectLine) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var plan struct {
		Hazards []struct {
			Table, Column, Kind string
			Rows                int64
			Reject              bool
		}
	}
	if err := json.Unmarshal(b, &plan); err != nil {
		t.Fatal(err)
	}
	predicted := map[string]int64{}
	kinds := map[string]bool{}
	for _, h := range plan.Hazards {
		kinds[h.Kind] = true
		if h.Reject {
			predicted[h.Table+"."+h.Column+" "+h.Kind] += h.Rows
		}
	}
	actual := map[string]int64{}
	for _, r := range rejects {
		kind, _, _ := strings.Cut(r.Reason, ":")
		actual[r.Table+"."+r.Column+" "+kind]++
	}
	if d := cmp.Diff(actual, predicted); d != "" {
		t.Errorf("plan's reject prediction (-run +plan):\n%s", d)
	}
	for _, k := range []string{"enum_empty", "set_value", "latin1_utf8_bytes", "latin1_c1_control", "long_identifier", "collation_unique"} {
		if !kinds[k] {
			t.Errorf("plan does not report hazard %s", k)
		}
	}
}

// checkLongNames: 64-character MySQL names are shortened to PostgreSQL's 63
// bytes and stay usable.
func checkLongNames(t *testing.T, pg *pgx.Conn) {
	t.Helper()
	ctx := context.Background()
	var table string
	if err := pg.QueryRow(ctx, `SELECT tablename FROM pg_tables WHERE tablename LIKE 't_this_table_name%'`).Scan(&table); err != nil {
		t.Fatalf("long table: %v", err)
	}
	var v int
	q := fmt.Sprintf(`SELECT c.attname FROM pg_attribute c WHERE c.attrelid = '%q'::regclass AND c.attname LIKE 'c_this%%'`, table)
	var col string
	if err := pg.QueryRow(ctx, q).Scan(&col); err != nil {
		t.Fatalf("long column: %v", err)
	}
	if err := pg.QueryRow(ctx, fmt.Sprintf(`SELECT %q FROM %q WHERE id = 1`, col, table)).Scan(&v); err != nil || v != 42 || len(table) > 63 || len(col) > 63 {
		t.Errorf("long names: table %q column %q value %d err %v", table, col, v, err)
	}
}
