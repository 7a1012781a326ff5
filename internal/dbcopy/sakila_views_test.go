package dbcopy_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jackc/pgx/v5"

	"github.com/parleyhq/parley/internal/testenv"
)

// TestSakilaViews copies Sakila and compares each view's rows in MariaDB
// and in PostgreSQL, as text: in order where the view has ORDER BY, as
// sorted rows otherwise; an unordered GROUP_CONCAT's items are sorted
// too. sales_by_store groups by the store and reads the store's city,
// country and manager, neither grouped nor aggregated (anyValue).
func TestSakilaViews(t *testing.T) {
	src, dsn := loadSakila(t)
	dst := testenv.PostgresURL(t)
	ctx := context.Background()
	out, err := runCLI(t, ctx, "run", "--from", src, "--to", dst, "--workers", "2", "--format", "json",
		"--reject-file", filepath.Join(t.TempDir(), "rejects.jsonl"))
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	var res runResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("run output %q: %v", out, err)
	}
	if len(res.Warnings) != 0 {
		t.Errorf("warnings %q; want none", res.Warnings)
	}
	for _, m := range res.Manual {
		if m.Kind == "view" && strings.HasPrefix(m.Detail, "not created") {
			t.Errorf("view %s not created: %s", m.Name, m.Detail)
		}
	}
	my, err := sql.Open("mysql", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer my.Close()
	pg := pgConn(t, dst)
	for _, v := range []struct {
		name      string
		ordered   bool
		unordered string // a GROUP_CONCAT column without ORDER BY, items split at ", "
	}{
		{"actor_info", false, ""},
		{"customer_list", false, ""},
		{"film_list", false, "actors"},
		{"nicer_but_slower_film_list", false, "actors"},
		{"sales_by_film_category", true, ""},
		{"sales_by_store", true, ""},
		{"staff_list", false, ""},
	} {
		var cols []string
		rows, err := pg.Query(ctx, `SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`, v.name)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var c string
			if err := rows.Scan(&c); err != nil {
				t.Fatal(err)
			}
			cols = append(cols, c)
		}
		if rows.Close(); len(cols) == 0 {
			t.Errorf("view %s was not created", v.name)
			continue
		}
		want := mysqlViewRows(t, my, v.name, cols, v.unordered)
		got := pgViewRows(t, ctx, pg, v.name, cols, v.unordered)
		if !v.ordered {
			sort.Strings(want)
			sort.Strings(got)
		}
		if len(want) == 0 {
			t.Errorf("view %s: no rows in MariaDB", v.name)
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("view %s rows (-MariaDB +PostgreSQL):\n%s", v.name, d)
		} else {
			t.Logf("view %s: %d rows alike", v.name, len(got))
		}
	}
}

// viewRow writes one row of text values, NULL as \N; the unordered
// column's items sorted.
func viewRow(cols []string, vals []sql.NullString, unordered string) string {
	parts := make([]string, len(vals))
	for i, v := range vals {
		switch {
		case !v.Valid:
			parts[i] = `\N`
		case cols[i] == unordered:
			items := strings.Split(v.String, ", ")
			sort.Strings(items)
			parts[i] = strings.Join(items, ", ")
		default:
			parts[i] = v.String
		}
	}
	return strings.Join(parts, " | ")
}

func mysqlViewRows(t *testing.T, db *sql.DB, view string, cols []string, unordered string) []string {
	t.Helper()
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = "`" + c + "`"
	}
	rows, err := db.Query("SELECT " + strings.Join(q, ", ") + " FROM `" + view + "`")
	if err != nil {
		t.Fatalf("%s in MariaDB: %v", view, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatalf("%s in MariaDB: %v", view, err)
		}
		out = append(out, viewRow(cols, vals, unordered))
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("%s in MariaDB: %v", view, err)
	}
	return out
}

func pgViewRows(t *testing.T, ctx context.Context, pg *pgx.Conn, view string, cols []string, unordered string) []string {
	t.Helper()
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = pgx.Identifier{c}.Sanitize() + "::text"
	}
	rows, err := pg.Query(ctx, "SELECT "+strings.Join(q, ", ")+" FROM "+pgx.Identifier{view}.Sanitize())
	if err != nil {
		t.Fatalf("%s in PostgreSQL: %v", view, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatalf("%s in PostgreSQL: %v", view, err)
		}
		out = append(out, viewRow(cols, vals, unordered))
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("%s in PostgreSQL: %v", view, err)
	}
	return out
}
