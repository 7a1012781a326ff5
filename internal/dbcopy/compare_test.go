package dbcopy_test

import (
	"context"
	"database/sql"
	"encoding/hex"
	"fmt"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// valueCompare is what compareAll found: values compared one by one, the
// ones that differ (described), and the source rows absent from the target
// (rejected rows, per table).
type valueCompare struct {
	values  int
	wrong   []string
	missing map[string]int
}

// compareAll reads every row of every table of the source (database/sql
// handle, engine "mysql" or "sqlite") and of the target, independently of
// dbcopy's own reading and verify, and compares them value by value: rows
// are matched by primary key (by all their values when the table has
// none), each value normalised by the target column's type.
func compareAll(t *testing.T, engine string, src *sql.DB, dst string) valueCompare {
	t.Helper()
	ctx := context.Background()
	pg := pgConn(t, dst)
	if _, err := pg.Exec(ctx, "SET TIME ZONE 'UTC'"); err != nil {
		t.Fatal(err)
	}
	res := valueCompare{missing: map[string]int{}}
	for _, table := range sourceTables(t, engine, src) {
		cols, pk := sourceColumns(t, engine, src, table)
		types := map[string]string{}
		rows, err := pg.Query(ctx, `SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = to_regclass(quote_ident($1)) AND attnum > 0 AND NOT attisdropped`, table)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var n, ty string
			if err := rows.Scan(&n, &ty); err != nil {
				t.Fatal(err)
			}
			types[n] = ty
		}
		rows.Close()
		if len(types) == 0 {
			res.wrong = append(res.wrong, table+": not in the target")
			continue
		}
		var srcSel, dstSel []string
		for _, c := range cols {
			ty, ok := types[c]
			if !ok {
				res.wrong = append(res.wrong, table+"."+c+": not in the target")
				return res
			}
			srcSel = append(srcSel, sourceExpr(engine, c))
			dstSel = append(dstSel, targetExpr(c, ty))
		}
		srcRows := readSource(t, src, "SELECT "+strings.Join(srcSel, ", ")+" FROM "+sourceQuote(engine, table), cols, types)
		dstRows := readTarget(t, pg, "SELECT "+strings.Join(dstSel, ", ")+" FROM "+pgQuote(table), len(cols))
		key := func(r []*string) string {
			idx := pk
			if len(idx) == 0 {
				idx = make([]int, len(r))
				for i := range idx {
					idx[i] = i
				}
			}
			var b strings.Builder
			for _, i := range idx {
				if r[i] == nil {
					b.WriteString("N;")
				} else {
					fmt.Fprintf(&b, "%d:%s", len(*r[i]), *r[i])
				}
			}
			return b.String()
		}
		byKey := map[string][][]*string{}
		for _, r := range dstRows {
			byKey[key(r)] = append(byKey[key(r)], r)
		}
		for _, s := range srcRows {
			k := key(s)
			if len(byKey[k]) == 0 {
				res.missing[table]++
				continue
			}
			d := byKey[k][0]
			byKey[k] = byKey[k][1:]
			for i := range s {
				res.values++
				if ty := types[cols[i]]; d[i] != nil && (ty == "double precision" || ty == "real") {
					f := floatText(*d[i], ty)
					d[i] = &f
				}
				if show(s[i]) != show(d[i]) {
					res.wrong = append(res.wrong, fmt.Sprintf("%s.%s at key %s: source %s, target %s", table, cols[i], k, show(s[i]), show(d[i])))
				}
			}
		}
		for k, rest := range byKey {
			if len(rest) > 0 {
				res.wrong = append(res.wrong, fmt.Sprintf("%s: %d target row(s) at key %s not in the source", table, len(rest), k))
			}
		}
	}
	sort.Strings(res.wrong)
	return res
}

func show(s *string) string {
	if s == nil {
		return "NULL"
	}
	return strconv.Quote(*s)
}

func sourceQuote(engine, name string) string {
	if engine == "mysql" {
		return "`" + strings.ReplaceAll(name, "`", "``") + "`"
	}
	return pgQuote(name)
}

func pgQuote(name string) string { return `"` + strings.ReplaceAll(name, `"`, `""`) + `"` }

// sourceExpr reads a column as its stored form: SQLite's +col keeps the
// driver from parsing DATETIME text; MySQL's FLOAT is widened so that the
// text protocol prints all its digits.
func sourceExpr(engine, c string) string {
	if engine == "sqlite" {
		return "+" + pgQuote(c)
	}
	return sourceQuote(engine, c)
}

// targetExpr renders a target column as text in the source's spelling
// where PostgreSQL's differs.
func targetExpr(c, ty string) string {
	q := pgQuote(c)
	switch {
	case ty == "bytea":
		return "encode(" + q + ", 'hex')"
	case strings.HasPrefix(ty, "timestamp"):
		return "to_char(" + q + ", 'YYYY-MM-DD HH24:MI:SS.US')"
	case strings.HasSuffix(ty, "[]"):
		return "array_to_string(" + q + ", ',')"
	case strings.HasPrefix(ty, "bit"):
		return q + "::text"
	}
	return q + "::text"
}

func sourceTables(t *testing.T, engine string, db *sql.DB) []string {
	t.Helper()
	q := `SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY 1`
	if engine == "sqlite" {
		q = `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1`
	}
	var out []string
	rows, err := db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		out = append(out, n)
	}
	return out
}

// sourceColumns lists a table's columns (INVISIBLE ones too) and the
// positions of its primary key.
func sourceColumns(t *testing.T, engine string, db *sql.DB, table string) (cols []string, pk []int) {
	t.Helper()
	q := `SELECT COLUMN_NAME, COLUMN_KEY = 'PRI' AND EXISTS (SELECT 1 FROM information_schema.STATISTICS s WHERE s.TABLE_SCHEMA = c.TABLE_SCHEMA
		AND s.TABLE_NAME = c.TABLE_NAME AND s.INDEX_NAME = 'PRIMARY' AND s.COLUMN_NAME = c.COLUMN_NAME)
		FROM information_schema.COLUMNS c WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION`
	if engine == "sqlite" {
		q = `SELECT name, pk > 0 FROM pragma_table_xinfo(?) WHERE hidden <> 1 ORDER BY cid`
	}
	rows, err := db.Query(q, table)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var n string
		var isPK bool
		if err := rows.Scan(&n, &isPK); err != nil {
			t.Fatal(err)
		}
		if isPK {
			pk = append(pk, len(cols))
		}
		cols = append(cols, n)
	}
	return cols, pk
}

// readSource reads rows as text in the target's spelling: booleans as
// true/false, times as YYYY-MM-DD HH:MM:SS.ffffff, blobs in hex, numbers
// as PostgreSQL prints them.
func readSource(t *testing.T, db *sql.DB, q string, cols []string, types map[string]string) [][]*string {
	t.Helper()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	var out [][]*string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		row := make([]*string, len(cols))
		for i, v := range vals {
			if v == nil {
				continue
			}
			s := sourceText(v, types[cols[i]])
			row[i] = &s
		}
		out = append(out, row)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func sourceText(v any, ty string) string {
	var s string
	switch x := v.(type) {
	case []byte:
		if ty == "bytea" {
			return hex.EncodeToString(x)
		}
		s = string(x)
	case string:
		if ty == "bytea" {
			return hex.EncodeToString([]byte(x))
		}
		s = x
	case int64:
		s = strconv.FormatInt(x, 10)
	case float64:
		s = strconv.FormatFloat(x, 'g', -1, 64)
		if ty == "real" {
			s = strconv.FormatFloat(x, 'g', -1, 32)
		}
	case time.Time:
		s = x.UTC().Format("2006-01-02 15:04:05.000000")
	default:
		s = fmt.Sprint(x)
	}
	switch {
	case strings.HasPrefix(ty, "bit"):
		if b, ok := v.([]byte); ok {
			n, _ := strconv.Atoi(strings.TrimSuffix(ty[strings.IndexByte(ty, '(')+1:], ")"))
			x := new(big.Int).SetBytes(b).Text(2)
			return strings.Repeat("0", max(n-len(x), 0)) + x
		}
	case ty == "interval" && strings.Contains(s, "."):
		// PostgreSQL writes an interval's fraction without trailing zeros.
		return strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
	case ty == "double precision" || ty == "real":
		return floatText(s, ty)
	case ty == "boolean":
		switch strings.ToLower(strings.TrimSpace(s)) {
		case "1", "t", "true", "y", "yes", "on":
			return "true"
		case "0", "f", "false", "n", "no", "off":
			return "false"
		}
	case strings.HasPrefix(ty, "timestamp"):
		if n, ok := v.(int64); ok { // SQLite: Unix seconds, or milliseconds from 1e11 on
			tm := time.Unix(n, 0)
			if n >= 1e11 || n <= -1e11 {
				tm = time.UnixMilli(n)
			}
			return tm.UTC().Format("2006-01-02 15:04:05.000000")
		}
		for _, layout := range []string{"2006-01-02 15:04:05.999999999Z07:00", "2006-01-02T15:04:05.999999999Z07:00", "2006-01-02 15:04:05.999999999", "2006-01-02T15:04:05.999999999", "2006-01-02 15:04", "2006-01-02"} {
			if tm, err := time.Parse(layout, s); err == nil {
				return tm.UTC().Format("2006-01-02 15:04:05.000000")
			}
		}
	case strings.HasPrefix(ty, "numeric"):
		// numeric(p,s) prints its scale: 12.5 in a numeric(10,2) is 12.50.
		if r, ok := new(big.Rat).SetString(s); ok {
			if _, sc, found := strings.Cut(strings.TrimSuffix(ty, ")"), ","); found {
				n, _ := strconv.Atoi(sc)
				return r.FloatString(n)
			}
		}
	}
	return s
}

func readTarget(t *testing.T, pg *pgx.Conn, q string, n int) [][]*string {
	t.Helper()
	rows, err := pg.Query(context.Background(), q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	var out [][]*string
	for rows.Next() {
		row := make([]*string, n)
		ptrs := make([]any, n)
		for i := range row {
			ptrs[i] = &row[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, row)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// floatText spells a float as Go's shortest form (PostgreSQL's own spelling
// differs in where it starts an exponent).
func floatText(s, ty string) string {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return s
	}
	if ty == "real" {
		return strconv.FormatFloat(f, 'g', -1, 32)
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}
