package dbcopy

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	_ "github.com/go-sql-driver/mysql" // the mysql driver
)

// mysqlSource reads MySQL 8 and MariaDB.
type mysqlSource struct {
	db      *sql.DB
	dbName  string
	mariadb bool
}

func openMySQL(ctx context.Context, u SourceURL) (*mysqlSource, error) {
	db, err := sql.Open("mysql", u.DSN)
	if err != nil {
		return nil, fmt.Errorf("open mysql: %w", err)
	}
	var version string
	if err := db.QueryRowContext(ctx, "SELECT VERSION()").Scan(&version); err != nil {
		db.Close()
		return nil, fmt.Errorf("connect mysql %s: %w", u.Display, err)
	}
	return &mysqlSource{db: db, dbName: u.Database, mariadb: strings.Contains(strings.ToLower(version), "mariadb")}, nil
}

func (s *mysqlSource) Close() error { return s.db.Close() }

func myQuote(s string) string { return "`" + strings.ReplaceAll(s, "`", "``") + "`" }

// Schema implements Source.
func (s *mysqlSource) Schema(ctx context.Context) (*Schema, error) {
	sch := &Schema{Engine: "mysql"}
	byName := map[string]*Table{}
	// MariaDB lists a system-versioned table as SYSTEM VERSIONED: its
	// current rows are copied like any table's.
	rows, err := s.db.QueryContext(ctx, `SELECT TABLE_NAME, COALESCE(TABLE_ROWS,0), COALESCE(AUTO_INCREMENT,0), COALESCE(TABLE_COLLATION,''),
		TABLE_TYPE = 'SYSTEM VERSIONED', COALESCE(TABLE_COMMENT, ''), UPPER(COALESCE(ENGINE, ''))
		FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED') ORDER BY TABLE_NAME`, s.dbName)
	if err != nil {
		return nil, fmt.Errorf("list tables: %w", err)
	}
	for rows.Next() {
		t := &Table{}
		var autoInc uint64
		var engine string
		if err := rows.Scan(&t.Name, &t.RowsEst, &autoInc, &t.Collation, &t.Versioned, &t.Comment, &engine); err != nil {
			rows.Close()
			return nil, fmt.Errorf("list tables: %w", err)
		}
		if _, ok := engineNotes[engine]; ok {
			t.Engine = engine
		}
		// A next value past 2^63-1 (after an unsigned BIGINT key that high)
		// fits no PostgreSQL sequence: keep the largest one holds.
		t.AutoInc = int64(min(autoInc, math.MaxInt64))
		sch.Tables = append(sch.Tables, t)
		byName[t.Name] = t
	}
	rows.Close()
	steps := []func(context.Context, map[string]*Table) error{s.columns, s.checks, s.partitions, s.indexes, s.foreignKeys}
	for _, step := range steps {
		if err := step(ctx, byName); err != nil {
			return nil, err
		}
	}
	for _, t := range sch.Tables {
		t.ChunkKey = chunkKey(t)
		sch.Manual = append(sch.Manual, tableManual(t)...)
		sch.Manual = append(sch.Manual, spatialManual(t)...)
	}
	periods, err := s.periodKeys(ctx, sch.Tables)
	if err != nil {
		return nil, err
	}
	sch.Manual = append(sch.Manual, periods...)
	manual, err := s.manualObjects(ctx)
	if err != nil {
		return nil, err
	}
	sch.Manual = append(sch.Manual, manual...)
	if sch.Views, err = s.views(ctx); err != nil {
		return nil, err
	}
	return sch, nil
}

var parenNum = regexp.MustCompile(`^[a-z]+\((\d+)\)`)

func (s *mysqlSource) columns(ctx context.Context, byName map[string]*Table) error {
	rows, err := s.db.QueryContext(ctx, `SELECT TABLE_NAME, COLUMN_NAME, COLUMN_DEFAULT, IS_NULLABLE, DATA_TYPE, COLUMN_TYPE,
		COALESCE(CHARACTER_MAXIMUM_LENGTH,0), COALESCE(NUMERIC_PRECISION,0), COALESCE(NUMERIC_SCALE,0), COALESCE(DATETIME_PRECISION,0),
		COALESCE(CHARACTER_SET_NAME,''), COALESCE(COLLATION_NAME,''), EXTRA, COALESCE(GENERATION_EXPRESSION,''), COALESCE(COLUMN_COMMENT,'')
		FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION`, s.dbName)
	if err != nil {
		return fmt.Errorf("list columns: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var table, nullable, extra string
		var def sql.NullString
		c := &Column{}
		if err := rows.Scan(&table, &c.Name, &def, &nullable, &c.DataType, &c.ColumnType, &c.Length, &c.Precision,
			&c.Scale, &c.FSP, &c.Charset, &c.Collation, &extra, &c.Generated, &c.Comment); err != nil {
			return fmt.Errorf("list columns: %w", err)
		}
		t := byName[table]
		if t == nil {
			continue // a view's column
		}
		c.DataType = strings.ToLower(c.DataType)
		if !strings.Contains(strings.ToLower(extra), "generated") || strings.Contains(strings.ToLower(extra), "default_generated") {
			c.Generated = "" // MySQL 8 fills the column for expression defaults too
		}
		ct := strings.ToLower(c.ColumnType)
		c.Nullable = nullable == "YES"
		c.Unsigned = strings.Contains(ct, " unsigned")
		if m := parenNum.FindStringSubmatch(ct); m != nil {
			c.Width, _ = strconv.ParseInt(m[1], 10, 64)
		}
		if c.DataType == "enum" || c.DataType == "set" {
			c.Values = parseEnumValues(c.ColumnType)
		}
		lx := strings.ToLower(extra)
		c.AutoInc = strings.Contains(lx, "auto_increment")
		c.OnUpdateTS = strings.Contains(lx, "on update current_timestamp")
		c.Invisible = strings.Contains(lx, "invisible")
		c.Default, c.DefaultRaw = s.parseDefault(def, lx)
		if c.DataType == "year" && c.Width == 2 && c.Default != nil && !c.DefaultRaw {
			c.Default = wholeYear(*c.Default)
		}
		t.Columns = append(t.Columns, c)
	}
	return rows.Err()
}

// wholeYear reads a YEAR(2) default, which MariaDB lists with two digits
// (as it prints the values, see mysqlSelect), as its own SHOW CREATE TABLE
// would be read back: 70-99 are 1970-1999, 00-69 2000-2069.
func wholeYear(d string) *string {
	n, err := strconv.Atoi(d)
	switch {
	case err != nil || n < 0 || n > 99:
		return &d
	case n < 70:
		n += 2000
	default:
		n += 1900
	}
	y := strconv.Itoa(n)
	return &y
}

// parseDefault reads COLUMN_DEFAULT, which MariaDB and MySQL 8 spell differently:
// MariaDB quotes literals and writes NULL; MySQL leaves literals bare and flags
// expressions with DEFAULT_GENERATED.
func (s *mysqlSource) parseDefault(def sql.NullString, extra string) (*string, bool) {
	if !def.Valid {
		return nil, false
	}
	v := def.String
	if strings.HasPrefix(strings.ToLower(v), "current_timestamp") {
		return &v, true
	}
	if !s.mariadb {
		return &v, strings.Contains(extra, "default_generated")
	}
	switch {
	case v == "NULL":
		return nil, false
	case strings.HasPrefix(v, "'") && strings.HasSuffix(v, "'") && len(v) >= 2:
		lit := unescapeMariaDBLiteral(v[1 : len(v)-1])
		return &lit, false
	}
	if _, err := strconv.ParseFloat(v, 64); err == nil {
		return &v, false
	}
	return &v, true
}

// mariaDBEscapes are the backslash escapes MariaDB writes in a quoted
// COLUMN_DEFAULT (a tab and 0x1A it leaves raw, a quote it doubles).
var mariaDBEscapes = map[byte]byte{'\\': '\\', 'n': '\n', 'r': '\r', 't': '\t', '0': 0, 'Z': 0x1a, 'b': '\b', '\'': '\'', '"': '"'}

// unescapeMariaDBLiteral turns the inside of a quoted MariaDB default back
// into the value an INSERT stores: 'line1\nline2' is two lines.
func unescapeMariaDBLiteral(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s):
			if r, ok := mariaDBEscapes[s[i+1]]; ok {
				b.WriteByte(r)
				i++
				continue
			}
		case s[i] == '\'' && i+1 < len(s) && s[i+1] == '\'':
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// parseEnumValues reads the members of enum('a','b”c') or set(...).
func parseEnumValues(colType string) []string {
	i := strings.IndexByte(colType, '(')
	j := strings.LastIndexByte(colType, ')')
	if i < 0 || j <= i {
		return nil
	}
	body := colType[i+1 : j]
	var out []string
	var cur strings.Builder
	in := false
	for k := 0; k < len(body); k++ {
		ch := body[k]
		switch {
		case !in && ch == '\'':
			in = true
		case in && ch == '\'' && k+1 < len(body) && body[k+1] == '\'':
			cur.WriteByte('\'')
			k++
		case in && ch == '\\' && k+1 < len(body):
			cur.WriteByte(body[k+1])
			k++
		case in && ch == '\'':
			in = false
			out = append(out, cur.String())
			cur.Reset()
		case in:
			cur.WriteByte(ch)
		}
	}
	return out
}

// checks reads CHECK constraints. MariaDB's JSON columns are longtext with
// a json_valid CHECK: those become json; the rest are kept for the report.
// MariaDB names constraints per table (CHECK_CONSTRAINTS has TABLE_NAME),
// MySQL 8 per schema (it has not): the first query serves MariaDB.
func (s *mysqlSource) checks(ctx context.Context, byName map[string]*Table) error {
	const q = `SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, cc.CHECK_CLAUSE FROM information_schema.TABLE_CONSTRAINTS tc
		JOIN information_schema.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME %s
		WHERE tc.TABLE_SCHEMA = ? AND tc.CONSTRAINT_TYPE = 'CHECK' ORDER BY 1, 2`
	rows, err := s.db.QueryContext(ctx, fmt.Sprintf(q, "AND cc.TABLE_NAME = tc.TABLE_NAME"), s.dbName)
	if err != nil {
		rows, err = s.db.QueryContext(ctx, fmt.Sprintf(q, ""), s.dbName)
	}
	if err != nil {
		return nil // old servers have no CHECK_CONSTRAINTS (nor enforce CHECKs); JSON stays text
	}
	defer rows.Close()
	re := regexp.MustCompile("(?i)^json_valid\\(`([^`]+)`\\)$")
	for rows.Next() {
		var table, name, clause string
		if err := rows.Scan(&table, &name, &clause); err != nil {
			return fmt.Errorf("list checks: %w", err)
		}
		t := byName[table]
		if t == nil {
			continue
		}
		if m := re.FindStringSubmatch(strings.TrimSpace(clause)); m != nil {
			if c := t.column(m[1]); c != nil && strings.HasSuffix(c.DataType, "text") {
				c.DataType = "json"
				continue
			}
		}
		t.Checks = append(t.Checks, Check{Name: name, Clause: clause})
	}
	return rows.Err()
}

// partitions notes partitioned tables: PostgreSQL gets one plain table.
func (s *mysqlSource) partitions(ctx context.Context, byName map[string]*Table) error {
	rows, err := s.db.QueryContext(ctx, `SELECT TABLE_NAME, MAX(PARTITION_METHOD), COUNT(*) FROM information_schema.PARTITIONS
		WHERE TABLE_SCHEMA = ? AND PARTITION_NAME IS NOT NULL GROUP BY TABLE_NAME`, s.dbName)
	if err != nil {
		return fmt.Errorf("list partitions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var table, method string
		var n int
		if err := rows.Scan(&table, &method, &n); err != nil {
			return fmt.Errorf("list partitions: %w", err)
		}
		if t := byName[table]; t != nil {
			t.Partitioning = fmt.Sprintf("%s, %d partitions", method, n)
		}
	}
	return rows.Err()
}

func (s *mysqlSource) indexes(ctx context.Context, byName map[string]*Table) error {
	// COLLATION is 'D' for a descending column (MariaDB 10.8+, MySQL 8).
	rows, err := s.db.QueryContext(ctx, `SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART, INDEX_TYPE, COALESCE(COLLATION, '')
		FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`, s.dbName)
	if err != nil {
		return fmt.Errorf("list indexes: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var table, name, kind, order string
		var nonUnique int
		var col sql.NullString
		var sub sql.NullInt64
		if err := rows.Scan(&table, &name, &nonUnique, &col, &sub, &kind, &order); err != nil {
			return fmt.Errorf("list indexes: %w", err)
		}
		t := byName[table]
		if t == nil {
			continue
		}
		if name == "PRIMARY" {
			t.PK = append(t.PK, col.String)
			t.PKPrefix = t.PKPrefix || sub.Valid
			t.pkSub = append(t.pkSub, sub.Int64)
			continue
		}
		var ix *Index
		if n := len(t.Indexes); n > 0 && t.Indexes[n-1].Name == name {
			ix = t.Indexes[n-1]
		} else {
			ix = &Index{Name: name, Unique: nonUnique == 0, Kind: kind}
			t.Indexes = append(t.Indexes, ix)
		}
		ix.addColumn(col.String, order == "D")
		if sub.Valid && ix.Sub == nil {
			ix.Sub = make([]int64, len(ix.Columns)-1, len(ix.Columns))
		}
		if ix.Sub != nil {
			ix.Sub = append(ix.Sub, sub.Int64)
		}
		ix.Prefix = ix.Prefix || sub.Valid
	}
	return rows.Err()
}
