package dbcopy

import (
	"context"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strings"

	_ "modernc.org/sqlite" // the sqlite driver
)

// sqliteSource reads a SQLite file opened read-only. It reads with one
// connection: separate SQLite connections would not share a snapshot.
type sqliteSource struct {
	db         *sql.DB
	collations []string // the application's own, read with stand-ins
}

func openSQLite(ctx context.Context, u SourceURL) (*sqliteSource, error) {
	db, err := sql.Open("sqlite", u.DSN)
	if err != nil {
		return nil, fmt.Errorf("open sqlite: %w", err)
	}
	var n int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&n); err != nil {
		db.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", u.Display, err)
	}
	foreign, err := foreignCollations(ctx, db)
	if err == nil && len(foreign) > 0 {
		// Only connections opened after the registration know them.
		db.Close()
		if err := registerStandIns(foreign); err != nil {
			return nil, err
		}
		if db, err = sql.Open("sqlite", u.DSN); err != nil {
			return nil, fmt.Errorf("open sqlite: %w", err)
		}
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", u.Display, err)
	}
	return &sqliteSource{db: db, collations: foreign}, nil
}

func (s *sqliteSource) Close() error { return s.db.Close() }

func sqQuote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// sqliteAffinity applies SQLite's rules for a declared type (section 3.1 of
// the datatype documentation), keeping a few names rules may match exactly.
func sqliteAffinity(decl string) string {
	d := strings.ToLower(strings.TrimSpace(decl))
	// Rails declares "datetime(6)": the name before a size is the type.
	base, _, _ := strings.Cut(d, "(")
	base = strings.Join(strings.Fields(base), " ")
	// Schemas written for several engines (SQLAlchemy, Alembic) use
	// PostgreSQL's spellings; SQLite gives them NUMERIC affinity, as it
	// gives TIMESTAMP.
	switch base {
	case "timestamptz", "timestamp with time zone", "timestamp without time zone":
		base = "timestamp"
	}
	switch {
	case base == "boolean" || base == "bool" || base == "date" || base == "datetime" || base == "timestamp":
		return base
	case strings.Contains(d, "int"):
		return "integer"
	case strings.Contains(d, "char") || strings.Contains(d, "clob") || strings.Contains(d, "text"):
		return "text"
	case d == "" || strings.Contains(d, "blob"):
		return "blob"
	case strings.Contains(d, "real") || strings.Contains(d, "floa") || strings.Contains(d, "doub"):
		return "real"
	}
	return "numeric"
}

// Schema implements Source.
func (s *sqliteSource) Schema(ctx context.Context) (*Schema, error) {
	sch := &Schema{Engine: "sqlite"}
	rows, err := s.db.QueryContext(ctx, `SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND type IN ('table','view','trigger') ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("list tables: %w", err)
	}
	var names []string
	for rows.Next() {
		var typ, name, tbl, sql string
		if err := rows.Scan(&typ, &name, &tbl, &sql); err != nil {
			rows.Close()
			return nil, fmt.Errorf("list tables: %w", err)
		}
		switch typ {
		case "table":
			names = append(names, name)
		case "view":
			sch.Views = append(sch.Views, &View{Name: name, Target: pgIdent(name), Source: sql})
		default:
			sch.Manual = append(sch.Manual, Manual{Kind: typ, Name: name, Detail: "on " + tbl + "; not copied; its body: " +
				"SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = " + quoteLiteral(name) +
				"; in PostgreSQL a trigger runs a function (CREATE FUNCTION ... RETURNS trigger, then CREATE TRIGGER ... EXECUTE FUNCTION)"})
		}
	}
	rows.Close()
	kinds := s.tableKinds(ctx)
	for _, name := range names {
		if kinds[name] == "shadow" {
			continue // a virtual table's storage (FTS index segments): rebuilt, not copied
		}
		t, err := s.table(ctx, name)
		if err != nil {
			return nil, err
		}
		sch.Tables = append(sch.Tables, t)
		sch.Manual = append(sch.Manual, tableManual(t)...)
		if kinds[name] == "virtual" {
			sch.Manual = append(sch.Manual, Manual{Kind: "virtual_table", Name: name,
				Detail: "virtual table (e.g. FTS5) copied as a plain table of its rows; its index or module is not (in PostgreSQL: a tsvector column with a GIN index)"})
		}
	}
	implicitRefColumns(sch)
	sch.Manual = append(sch.Manual, collationManual(s.collations)...)
	if err := s.autoIncrements(ctx, sch); err != nil {
		return nil, err
	}
	return sch, nil
}

// tableKinds maps table names to "table", "virtual" or "shadow" (the
// tables a virtual table keeps its data in). SQLite before 3.37 has no
// pragma_table_list: the map is then empty and every table is copied.
func (s *sqliteSource) tableKinds(ctx context.Context) map[string]string {
	out := map[string]string{}
	rows, err := s.db.QueryContext(ctx, `SELECT name, type FROM pragma_table_list WHERE schema = 'main'`)
	if err != nil {
		return out
	}
	defer rows.Close()
	for rows.Next() {
		var name, kind string
		if rows.Scan(&name, &kind) == nil {
			out[name] = kind
		}
	}
	return out
}

// implicitRefColumns fills the columns of "REFERENCES parent" written
// without a column list, which SQLite resolves to the parent's primary key,
// and spells table and column names as declared: SQLite matches them
// case-insensitively, so "REFERENCES Users(ID)" may name users.id.
func implicitRefColumns(sch *Schema) {
	byName := map[string]*Table{}
	for _, t := range sch.Tables {
		byName[strings.ToLower(t.Name)] = t
	}
	for _, t := range sch.Tables {
		for _, fk := range t.FKs {
			ref := byName[strings.ToLower(fk.RefTable)]
			if ref == nil {
				continue
			}
			for i, rc := range fk.RefColumns {
				if rc == "" && len(ref.PK) == len(fk.Columns) {
					fk.RefColumns[i] = ref.PK[i]
				} else if c := ref.columnFold(rc); c != nil {
					fk.RefColumns[i] = c.Name
				}
			}
			for i, col := range fk.Columns {
				if c := t.columnFold(col); c != nil {
					fk.Columns[i] = c.Name
				}
			}
			fk.RefTable = ref.Name
		}
	}
}

// autoIncrements reads sqlite_sequence: an AUTOINCREMENT table never reuses
// a key, even one deleted from the top, so the identity starts past it.
func (s *sqliteSource) autoIncrements(ctx context.Context, sch *Schema) error {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_sequence'`).Scan(&n); err != nil || n == 0 {
		return err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT name, seq FROM sqlite_sequence`)
	if err != nil {
		return fmt.Errorf("read sqlite_sequence: %w", err)
	}
	defer rows.Close()
	seq := map[string]int64{}
	for rows.Next() {
		var name string
		var v int64
		if err := rows.Scan(&name, &v); err != nil {
			return fmt.Errorf("read sqlite_sequence: %w", err)
		}
		seq[name] = v
	}
	for _, t := range sch.Tables {
		if v, ok := seq[t.Name]; ok {
			t.AutoInc = v + 1
		}
	}
	return rows.Err()
}

func (s *sqliteSource) table(ctx context.Context, name string) (*Table, error) {
	t := &Table{Name: name, sqlite: true}
	// table_xinfo, unlike table_info, lists generated columns (hidden 2
	// virtual, 3 stored); hidden 1 are a virtual table's hidden columns.
	rows, err := s.db.QueryContext(ctx, "SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?) WHERE hidden <> 1 ORDER BY cid", name)
	if err != nil {
		return nil, fmt.Errorf("columns of %s: %w", name, err)
	}
	pks := map[int]string{}
	for rows.Next() {
		c := &Column{}
		var notnull, pk, hidden int
		var def sql.NullString
		if err := rows.Scan(&c.Name, &c.ColumnType, &notnull, &def, &pk, &hidden); err != nil {
			rows.Close()
			return nil, fmt.Errorf("columns of %s: %w", name, err)
		}
		c.DataType = sqliteAffinity(c.ColumnType)
		if hidden > 1 {
			c.Generated = "see the CREATE TABLE statement in sqlite_master"
		}
		c.Nullable = notnull == 0 && pk == 0
		// DEFAULT NULL is what a column has without one.
		if def.Valid && !strings.EqualFold(strings.TrimSpace(def.String), "null") {
			v, raw := parseSQLiteDefault(def.String)
			c.Default, c.DefaultRaw = &v, raw
		}
		if pk > 0 {
			pks[pk] = c.Name
		}
		t.Columns = append(t.Columns, c)
	}
	rows.Close()
	for i := 1; i <= len(pks); i++ {
		t.PK = append(t.PK, pks[i])
	}
	if len(t.PK) == 1 {
		if c := t.column(t.PK[0]); c != nil && strings.EqualFold(strings.TrimSpace(c.ColumnType), "integer") {
			alias, ints, err := s.integerKey(ctx, name, c.Name)
			if err != nil {
				return nil, err
			}
			if alias || ints {
				t.ChunkKey, c.AutoInc = c.Name, alias
			}
		}
	}
	for _, c := range t.Columns {
		if flagDeclared(c) {
			if err := s.flagWords(ctx, t, c); err != nil {
				return nil, err
			}
		}
		if typedByData(c) && !c.FlagWords {
			if err := s.untypedAffinity(ctx, t, c); err != nil {
				return nil, err
			}
		}
	}
	if err := s.indexes(ctx, t); err != nil {
		return nil, err
	}
	if err := s.foreignKeys(ctx, t); err != nil {
		return nil, err
	}
	return t, s.definitionFacts(ctx, t)
}

// integerKey tells whether a table's INTEGER PRIMARY KEY is its rowid
// (alias), else whether it holds only integers. It is not the rowid in a
// WITHOUT ROWID table nor when declared "INTEGER PRIMARY KEY DESC"
// (SQLite's documented quirk): then it is an ordinary column that may hold
// text, reals and (DESC) NULL, which integer chunk bounds would fail on or
// skip, and SQLite assigns no values to it. Only a key that is not the
// rowid has an index of its own.
func (s *sqliteSource) integerKey(ctx context.Context, table, col string) (alias, ints bool, err error) {
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM pragma_index_list(?) WHERE origin = 'pk'", table).Scan(&n); err != nil {
		return false, false, fmt.Errorf("primary key of %s: %w", table, err)
	}
	if n == 0 {
		return true, true, nil
	}
	var other bool
	q := "SELECT EXISTS (SELECT 1 FROM " + sqQuote(table) + " WHERE typeof(" + sqQuote(col) + ") <> 'integer')"
	if err := s.db.QueryRowContext(ctx, q).Scan(&other); err != nil {
		return false, false, fmt.Errorf("primary key of %s: %w", table, err)
	}
	return false, !other, nil
}

// typedByData: columns declared without a type (BLOB affinity) or with a
// name SQLite gives NUMERIC affinity by default (JSON, UUID, STRING, ANY)
// are typed by the values they hold; NUMERIC and DECIMAL keep numeric.
func typedByData(c *Column) bool {
	d := strings.ToLower(strings.TrimSpace(c.ColumnType))
	if d == "" {
		return true
	}
	return c.DataType == "numeric" && !strings.Contains(d, "num") && !strings.Contains(d, "dec")
}

// untypedAffinity types a column by the storage classes it holds: such a
// column keeps values as given, so text in it would not fit numeric, nor
// integers bytea. One kind (integers and reals count as one) gives that
// kind; text with numbers gives text (the numbers are what SQLite made of
// numeric-looking text); anything with blobs keeps the declared affinity,
// where values that do not fit are rejected.
func (s *sqliteSource) untypedAffinity(ctx context.Context, t *Table, c *Column) error {
	rows, err := s.db.QueryContext(ctx, "SELECT DISTINCT typeof("+sqQuote(c.Name)+") FROM "+sqQuote(t.Name))
	if err != nil {
		return fmt.Errorf("storage classes of %s.%s: %w", t.Name, c.Name, err)
	}
	defer rows.Close()
	kinds := map[string]bool{}
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return fmt.Errorf("storage classes of %s.%s: %w", t.Name, c.Name, err)
		}
		if k != "null" {
			kinds[k] = true
		}
	}
	switch {
	case len(kinds) == 1 && kinds["integer"]:
		c.DataType = "integer"
	case len(kinds) == 1 && kinds["text"]:
		c.DataType = "text"
	case kinds["real"] && len(kinds) <= 2 && (len(kinds) == 1 || kinds["integer"]):
		c.DataType = "real"
	case kinds["text"] && !kinds["blob"]:
		c.DataType = "text"
		// SQLite keeps 1 and '1' apart; as text they are one value.
		c.textAndNumbers = kinds["integer"] || kinds["real"]
	}
	return rows.Err()
}

// parseSQLiteDefault reads dflt_value, the default as written in CREATE
// TABLE: a quoted string (quotes doubled inside), a blob x'..', a number,
// TRUE/FALSE (1 and 0 to SQLite), or an expression (raw).
func parseSQLiteDefault(def string) (string, bool) {
	d := strings.TrimSpace(def)
	switch {
	case len(d) >= 2 && d[0] == '\'' && d[len(d)-1] == '\'':
		return strings.ReplaceAll(d[1:len(d)-1], "''", "'"), false
	case len(d) >= 3 && (d[0] == 'x' || d[0] == 'X') && d[1] == '\'' && d[len(d)-1] == '\'':
		if b, err := hex.DecodeString(d[2 : len(d)-1]); err == nil {
			return string(b), false
		}
	case strings.EqualFold(d, "true"):
		return "1", false
	case strings.EqualFold(d, "false"):
		return "0", false
	case isNumber(d):
		return d, false
	}
	return d, true
}

func isNumber(s string) bool {
	_, err := fmt.Sscanf(s, "%g", new(float64))
	return err == nil
}

func (s *sqliteSource) foreignKeys(ctx context.Context, t *Table) error {
	rows, err := s.db.QueryContext(ctx, `SELECT id, "table", "from", COALESCE("to", ''), on_update, on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq`, t.Name)
	if err != nil {
		return fmt.Errorf("foreign keys of %s: %w", t.Name, err)
	}
	defer rows.Close()
	last := -1
	for rows.Next() {
		var id int
		var ref, from, to, upd, del string
		if err := rows.Scan(&id, &ref, &from, &to, &upd, &del); err != nil {
			return fmt.Errorf("foreign keys of %s: %w", t.Name, err)
		}
		if id != last {
			t.FKs = append(t.FKs, &ForeignKey{Name: fmt.Sprintf("fk%d", id), RefTable: ref, OnUpdate: upd, OnDelete: del})
			last = id
		}
		fk := t.FKs[len(t.FKs)-1]
		fk.Columns = append(fk.Columns, from)
		fk.RefColumns = append(fk.RefColumns, to)
	}
	return rows.Err()
}

// Snapshot implements Source with one reader in one read transaction.
func (s *sqliteSource) Snapshot(ctx context.Context, _ int) ([]Reader, bool, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, false, fmt.Errorf("sqlite connection: %w", err)
	}
	if _, err := conn.ExecContext(ctx, "BEGIN"); err != nil {
		conn.Close()
		return nil, false, fmt.Errorf("begin: %w", err)
	}
	// The read transaction starts with the first read.
	if _, err := conn.ExecContext(ctx, "SELECT count(*) FROM sqlite_master"); err != nil {
		conn.Close()
		return nil, false, fmt.Errorf("begin: %w", err)
	}
	return []Reader{&sqliteReader{conn: conn}}, true, nil
}

type sqliteReader struct{ conn *sql.Conn }

func (r *sqliteReader) Close() error {
	_, _ = r.conn.ExecContext(context.Background(), "ROLLBACK")
	return r.conn.Close()
}

// Chunks implements Reader.
func (r *sqliteReader) Chunks(ctx context.Context, t *Table, chunkRows int64) ([]Chunk, error) {
	var n int64
	if err := r.conn.QueryRowContext(ctx, "SELECT count(*) FROM "+t.fromItem(sqQuote)).Scan(&n); err != nil {
		return nil, fmt.Errorf("count %s: %w", t.Name, err)
	}
	t.RowsEst = n
	return sqlChunks(ctx, r.conn, sqQuote, t, chunkRows, n)
}

// Rows implements Reader.
func (r *sqliteReader) Rows(ctx context.Context, t *Table, c Chunk) (*RowIter, error) {
	return sqlRows(ctx, r.conn, sqQuote, sqliteSelect, t, c)
}

// sqliteSelect renders column c in the select list. The driver turns the
// text of a column declared exactly DATE, DATETIME or TIMESTAMP into a
// time.Time, in its own format: a column mapped to anything but a date or
// time is read as +"col", whose result has no declared type, so that its
// text arrives as stored ('2024-01-02T03:04:05.000+02:00' stays that).
func sqliteSelect(c *Column) string {
	if c.read != "" {
		return c.read
	}
	if driverParsesTime(c) && c.Convert != "date" && c.Convert != "timestamp" {
		return "+" + sqQuote(c.Name)
	}
	return sqQuote(c.Name)
}

// driverParsesTime: the driver converts this column's text to time.Time
// (it compares the upper-cased declared type as a whole).
func driverParsesTime(c *Column) bool {
	switch strings.ToUpper(c.ColumnType) {
	case "DATE", "DATETIME", "TIMESTAMP":
		return true
	}
	return false
}

// gooseVersion returns the newest goose migration applied to the source
// (a Parley database records its migrations in goose_db_version).
func (s *sqliteSource) gooseVersion(ctx context.Context) (int64, error) {
	var v sql.NullInt64
	if err := s.db.QueryRowContext(ctx, `SELECT MAX(version_id) FROM `+gooseTable+` WHERE is_applied`).Scan(&v); err != nil {
		return 0, fmt.Errorf("read source migration version: %w", err)
	}
	return v.Int64, nil
}
