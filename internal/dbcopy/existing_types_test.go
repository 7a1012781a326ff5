package dbcopy_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/testenv"
)

// TestIntoExistingUnknownTargetTypes: a target column of a type dbcopy
// has no converter for (uuid, inet, an enum) stops plan and run before
// anything is written, naming the column, its type and the --mapping
// line that copies it; with those lines the values copy and verify. A
// domain is its base type. An uppercase UUID verifies against
// PostgreSQL's lowercase spelling (TestVerifyComparesInTargetType).
func TestIntoExistingUnknownTargetTypes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hosts.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`CREATE TABLE hosts (id INTEGER PRIMARY KEY, uid TEXT, addr TEXT, state TEXT, email TEXT)`,
		`INSERT INTO hosts VALUES (1, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '10.0.0.1', 'up', 'a@example.com'),
			(2, 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', '2001:db8::1', 'down', NULL)`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	src, dst := "sqlite:"+path, testenv.PostgresURL(t)
	ctx := context.Background()
	pg := pgConn(t, dst)
	for _, q := range []string{
		`CREATE TYPE host_state AS ENUM ('up', 'down')`,
		`CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%')`,
		`CREATE TABLE hosts (id bigint PRIMARY KEY, uid uuid, addr inet, state host_state, email email)`,
	} {
		if _, err := pg.Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	var lines []string
	for _, cmd := range []string{"plan", "run"} {
		out, err := runCLI(t, ctx, cmd, "--from", src, "--to", dst, "--into-existing")
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		for _, want := range []string{"hosts.uid has type uuid, hosts.addr has type inet, hosts.state has type host_state,",
			`columns: {"hosts.uid": {target: "uuid", convert: text}, "hosts.addr": {target: "inet", convert: text}, "hosts.state": {target: "host_state", convert: text}}`} {
			if !strings.Contains(msg, want) {
				t.Errorf("%s: error %q does not say %q (output %s)", cmd, msg, want, out)
			}
		}
		if strings.Contains(msg, "email") {
			t.Errorf("%s: the domain over text is refused: %s", cmd, msg)
		}
		if cmd == "run" {
			_, rule, _ := strings.Cut(msg, "holding the line ")
			rule, _, _ = strings.Cut(rule, " (")
			lines = append(lines, rule)
		}
	}
	var n int
	if err := pg.QueryRow(ctx, `SELECT count(*) FROM hosts`).Scan(&n); err != nil || n != 0 {
		t.Errorf("refused run wrote %d rows (%v)", n, err)
	}
	// The line the error named is the mapping file.
	mapping := filepath.Join(t.TempDir(), "m.yaml")
	if err := os.WriteFile(mapping, []byte(lines[0]+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	res := runWith(t, src, dst, "--into-existing", "--mapping", mapping)
	if res.Rows != 2 || res.Rejected != 0 || len(res.Differences) != 0 {
		t.Errorf("copied %d rows, %d rejected, differences %q; want 2, 0, none", res.Rows, res.Rejected, res.Differences)
	}
	if out, err := runCLI(t, ctx, "verify", "--from", src, "--to", dst, "--into-existing", "--mapping", mapping); err != nil {
		t.Errorf("verify: %v\n%s", err, out)
	}
	var got string
	if err := pg.QueryRow(ctx, `SELECT string_agg(uid || ' ' || addr || ' ' || state || ' ' || coalesce(email, '-'), ',' ORDER BY id) FROM hosts`).Scan(&got); err != nil {
		t.Fatal(err)
	}
	if want := "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11 10.0.0.1/32 up a@example.com,a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12 2001:db8::1/128 down -"; got != want {
		t.Errorf("target rows %q, want %q", got, want)
	}
}
