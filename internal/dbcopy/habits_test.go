package dbcopy_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/testenv"
)

// TestHabitsSQLite copies testdata/habits.sql, a mobile app's database:
// Northwind-style bracketed names, declared types SQLite only reads for
// their affinity, booleans written as text, quoted and blob defaults, a
// STRICT table, keys to tables that do not exist, and an untyped key
// holding 1 and '1', which PostgreSQL's key refuses: run stops on it
// naming the value, keeps what it copied and continues once it is fixed.
func TestHabitsSQLite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "habits.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("testdata/habits.sql")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range strings.Split(string(b), ";\n") {
		if strings.TrimSpace(s) == "" || strings.HasPrefix(strings.TrimSpace(s), "--") && !strings.Contains(s, "\n") {
			continue
		}
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	db.Close()
	src, dst := "sqlite:"+path, testenv.PostgresURL(t)
	ctx := context.Background()
	planOut := filepath.Join(t.TempDir(), "plan.json")
	if _, err := runCLI(t, ctx, "plan", "--from", src, "--to", dst, "--plan-out", planOut); err != nil {
		t.Fatalf("plan: %v", err)
	}
	var plan struct {
		Hazards []struct{ Table, Column, Kind, Detail string }
	}
	if b, err := os.ReadFile(planOut); err != nil || json.Unmarshal(b, &plan) != nil {
		t.Fatalf("read plan: %v", err)
	}
	var collision bool
	for _, h := range plan.Hazards {
		collision = collision || h.Kind == "key_collision" && h.Table == "mixed_key" && strings.HasPrefix(h.Detail, "first: k=1 ")
		if h.Table == "habits" && h.Column == "created" && !strings.Contains(h.Detail, `"1700000000"`) {
			t.Errorf("plan's %s hazard on habits.created shows no value: %q", h.Kind, h.Detail)
		}
	}
	if !collision {
		t.Errorf("plan does not report key_collision on mixed_key k=1: %+v", plan.Hazards)
	}
	rejects := filepath.Join(t.TempDir(), "rejects.jsonl")
	_, err = runCLI(t, ctx, "run", "--from", src, "--to", dst, "--reject-file", rejects)
	if err == nil || !strings.Contains(err.Error(), "pk:mixed_key") || !strings.Contains(err.Error(), "Key (k)=(1) is duplicated") ||
		!strings.Contains(err.Error(), "run again") {
		t.Fatalf("run error = %v, want the duplicated key of mixed_key and how to go on", err)
	}
	// habits 1 and 4's Unix times (1700000000, 1700000000.5) are copied.
	if rj := readRejects(t, rejects); len(rj) != 7 {
		t.Errorf("reject file after the failed run: %d rows, want 7: %+v", len(rj), rj)
	}
	pg := pgConn(t, dst)
	if _, err := pg.Exec(ctx, `DELETE FROM mixed_key WHERE v = 'text one'`); err != nil {
		t.Fatal(err)
	}
	out, err := runCLI(t, ctx, "run", "--from", src, "--to", dst, "--reject-file", rejects, "--format", "json")
	if err != nil {
		t.Fatalf("run after fixing the key: %v", err)
	}
	var res runResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("run output %q: %v", out, err)
	}
	checkReported(t, res, []string{"on_conflict tags", "trigger notes_touch", "foreign_key tags.fk0", "foreign_key tags.fk1"})
	for _, m := range res.Manual {
		if m.Kind == "default" {
			t.Errorf("default %s not translated: %s", m.Name, m.Detail)
		}
	}
	checkTarget(t, dst, []unseenCheck{
		{"booleans 'TRUE' and 'False'", `SELECT string_agg(id || ':' || archived, ',' ORDER BY id) FROM habits`, "1:true,3:true,4:false,5:false"},
		{"Unix seconds in DATETIME", `SELECT string_agg(id || ' ' || created, ',' ORDER BY id) FROM habits WHERE id IN (1, 4)`, "1 2023-11-14 22:13:20+00,4 2023-11-14 22:13:20.5+00"},
		{"VARCHAR(10) holding more, '0042' kept as text", `SELECT name || '|' || code FROM habits WHERE id = 5`, "Walk the dog around the block|0042"},
		{"quoted default keeps one quote", `SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'settings'::regclass AND adnum = 9`, "'it''s'::text"},
		{"blob and TRUE defaults", `SELECT string_agg(pg_get_expr(adbin, adrelid), ',' ORDER BY adnum) FROM pg_attrdef WHERE adrelid = 'settings'::regclass AND adnum IN (7, 8)`, `'\x00ff'::bytea,true`},
		{"SQLite's 'now' defaults in the form SQLite writes", `INSERT INTO settings (key) VALUES ('new') RETURNING (ts = to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'))::text || ' ' || (updated = floor(extract(epoch FROM now())))::text`, "true true"},
		{"bracketed names, composite key", `SELECT string_agg("ProductID" || ':' || "UnitPrice", ',' ORDER BY "ProductID") FROM "Order Details"`, "11:14,42:9.8"},
		{"keys kept after the fix", `SELECT count(*)::text FROM pg_constraint WHERE contype = 'p' AND connamespace = 'public'::regnamespace`, "9"},
		{"sqlite_stat1 not copied", `SELECT count(*)::text FROM pg_class WHERE relname LIKE 'sqlite%'`, "0"},
	})
}
