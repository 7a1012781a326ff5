package dbcopy

import "strings"

// Schema is what a source database holds, as far as a copy cares: base tables
// to copy and the objects (views, triggers, routines) reported for manual porting.
type Schema struct {
	Engine string   `json:"engine"` // "mysql" or "sqlite"
	Tables []*Table `json:"tables"`
	Manual []Manual `json:"manual,omitempty"`
	Views  []*View  `json:"views,omitempty"`
}

// Manual names an object the copy does not translate; a person ports it.
type Manual struct {
	Kind   string `json:"kind"` // view, trigger, procedure, function, index, default
	Name   string `json:"name"`
	Detail string `json:"detail,omitempty"`
}

// Table is one source table and its target shape.
type Table struct {
	Name      string        `json:"name"`
	Target    string        `json:"target"` // PostgreSQL name (shortened to 63 bytes when needed)
	RowsEst   int64         `json:"rows_estimate"`
	AutoInc   int64         `json:"auto_increment,omitempty"` // next AUTO_INCREMENT value at the source
	Columns   []*Column     `json:"columns"`
	PK        []string      `json:"primary_key,omitempty"` // source column names
	PKPrefix  bool          `json:"pk_prefix,omitempty"`   // MySQL keys a column of PK by its first characters
	Indexes   []*Index      `json:"indexes,omitempty"`
	FKs       []*ForeignKey `json:"foreign_keys,omitempty"`
	Collation string        `json:"collation,omitempty"`
	// Checks are CHECK constraints other than MariaDB's json_valid, as
	// the source spells them; they are reported, not translated.
	Checks       []Check `json:"checks,omitempty"`
	Partitioning string  `json:"partitioning,omitempty"`     // e.g. "RANGE, 2 partitions"
	Versioned    bool    `json:"system_versioned,omitempty"` // MariaDB WITH SYSTEM VERSIONING
	// Engine is set only for a MySQL engine whose rows live elsewhere
	// (MRG_MYISAM, FEDERATED, CONNECT, SPIDER): see engineNotes.
	Engine string `json:"engine,omitempty"`
	// ChunkKey is the integer column that splits the table into ranges;
	// empty means the table is copied as one chunk.
	ChunkKey string `json:"chunk_key,omitempty"`
	// ChunkNote says why a table with a chunk key is copied as one chunk
	// anyway (keys past int64); Reader.Chunks sets it.
	ChunkNote string `json:"chunk_note,omitempty"`
	Comment   string `json:"comment,omitempty"` // MySQL COMMENT, copied with COMMENT ON

	// from is the source's FROM item for the table's rows, when not the
	// table itself (parleyfold.go); it names its result as the table.
	from   string
	pkName string  // target name of the primary key (relationNames)
	pkSub  []int64 // MySQL prefix length of each PK column (0: whole)
	// pkPrefixName names the unique index on a prefix key's prefixes.
	pkPrefixName string
	// onConflict lists SQLite's ON CONFLICT clauses other than ABORT in
	// the table's constraints ("UNIQUE ON CONFLICT REPLACE"): they change
	// what a plain INSERT does, which no PostgreSQL constraint can.
	onConflict []string
	// sqlite: the table is a SQLite one, whose values of a type come in
	// several spellings (1, 't' and 'yes' for true; one instant in
	// several time formats), so that distinct keys may convert to one.
	sqlite bool
}

// Column is one source column with its mapping.
type Column struct {
	Name       string  `json:"name"`
	Target     string  `json:"target"`
	DataType   string  `json:"source_type"`        // lower-case base type: int, varchar, enum...
	ColumnType string  `json:"source_column_type"` // full declaration: "tinyint(1) unsigned"
	Nullable   bool    `json:"nullable"`
	Unsigned   bool    `json:"unsigned,omitempty"`
	Width      int64   `json:"width,omitempty"` // display width or BIT length from the parentheses
	Length     int64   `json:"length,omitempty"`
	Precision  int64   `json:"precision,omitempty"`
	Scale      int64   `json:"scale,omitempty"`
	FSP        int64   `json:"fsp,omitempty"` // fractional seconds precision
	Charset    string  `json:"charset,omitempty"`
	Collation  string  `json:"collation,omitempty"`
	Default    *string `json:"default,omitempty"` // source default expression or literal, unquoted
	DefaultRaw bool    `json:"default_is_expression,omitempty"`
	AutoInc    bool    `json:"auto_increment,omitempty"`
	OnUpdateTS bool    `json:"on_update_current_timestamp,omitempty"`
	// Generated is the expression of a generated column; its values are
	// copied as plain data and the expression is reported.
	Generated string   `json:"generated,omitempty"`
	Values    []string `json:"values,omitempty"` // ENUM or SET members
	// Invisible: MySQL 8 and MariaDB INVISIBLE, left out of SELECT *; the
	// column is copied as an ordinary one, and reported.
	Invisible bool   `json:"invisible,omitempty"`
	Comment   string `json:"comment,omitempty"`

	// Filled by the mapping.
	TargetType string `json:"target_type"`
	Convert    string `json:"convert"`
	ZeroDate   string `json:"zero_date,omitempty"`
	NulBytes   string `json:"nul_bytes,omitempty"`
	// ZeroDated: a view reads the column, which holds zero dates that
	// become NULL (viewzero.go); kept in the plan's JSON so that a plan
	// read back refuses the same views.
	ZeroDated bool `json:"zero_dates_in_views,omitempty"`
	// FlagWords: a SQLite TINYINT(1) or BIT column holding boolean words
	// ('true', 'yes', 't') beside 0 and 1, copied as boolean (sqlite_bool.go).
	FlagWords bool `json:"flag_words,omitempty"`
	conv      *converter
	seqName   string // identity sequence of an AUTO_INCREMENT column (relationNames)
	numberKey bool   // a key column kept a number where its type's rule says boolean
	// textAndNumbers: a SQLite column typed by its data as text holds
	// numbers too, which may equal texts it holds (see keyCollisions).
	textAndNumbers bool
	// foldedCompare: SQLite compares the column with NOCASE, RTRIM or an
	// application collation, so 'a' = 'A' may hold there and not in
	// PostgreSQL (indexexpr.go).
	foldedCompare bool
	read          string // the source's SELECT expression, when not the column (parleyfold.go)
	ruleKey       string // "table.column", the key of a --mapping column rule (ruleHint)
	fromSQLite    bool   // the column is a SQLite one, holding values of any kind
	// widened says why a BIGINT UNSIGNED column became numeric(20,0) (unsigned.go).
	widened string
	// cmp renders a value as verify compares it, where the target type
	// respells the text sent (targetnorm.go); nil: conv.norm.
	cmp func(any) string
	// text rewrites, or rejects, a text sent into a column of another
	// type (targetnorm.go); nil: the text goes as it is.
	text func(string) (string, *Reject)
	// baseType is an existing target column's base type (pg_type.typname,
	// a domain's innermost), when it has one (existing.go).
	baseType string
}

// Check is a source CHECK constraint.
type Check struct {
	Name   string `json:"name"`
	Clause string `json:"clause"`
}

// tableManual lists what the copy keeps only as data: generated columns'
// expressions and partitioning (CHECK constraints: see checkSteps).
func tableManual(t *Table) []Manual {
	var out []Manual
	for _, c := range t.Columns {
		if c.Generated != "" {
			out = append(out, Manual{Kind: "generated", Name: t.Name + "." + c.Name,
				Detail: "generated column copied as plain values; expression not translated: " + c.Generated})
		}
	}
	for _, c := range t.Columns {
		if c.Invisible {
			out = append(out, Manual{Kind: "invisible", Name: t.Name + "." + c.Name,
				Detail: "INVISIBLE column copied, values and all, as an ordinary column: PostgreSQL has none hidden from SELECT *, " +
					"so SELECT * and INSERT without a column list now see it (name the columns, or drop it once the application no longer needs it)"})
		}
	}
	if c := groupAutoInc(t); c != "" {
		out = append(out, Manual{Kind: "auto_increment", Name: t.Name + "." + c,
			Detail: "AUTO_INCREMENT numbers " + c + " per value of the key columns before it (MyISAM/Aria); the identity counts across the whole table"})
	}
	for _, oc := range t.onConflict {
		out = append(out, Manual{Kind: "on_conflict", Name: t.Name,
			Detail: oc + ": PostgreSQL keeps the constraint, but an INSERT that breaks it fails; the application needs INSERT ... ON CONFLICT"})
	}
	if t.Versioned {
		out = append(out, Manual{Kind: "system_versioning", Name: t.Name,
			Detail: "current rows copied; history rows (FOR SYSTEM_TIME ALL) and versioning not"})
	}
	if t.Partitioning != "" {
		out = append(out, Manual{Kind: "partitioning", Name: t.Name,
			Detail: "partitioned by " + t.Partitioning + "; copied as one plain table"})
	}
	if note, ok := engineNotes[t.Engine]; ok {
		out = append(out, Manual{Kind: "engine", Name: t.Name, Detail: t.Engine + " table: " + note})
	}
	return out
}

// engineNotes: tables whose rows are other tables' or another server's.
// Reading one gives rows like any table, so it is copied, but the target
// holds a plain copy: a MERGE table's rows a second time beside the
// tables it unions, a remote table's rows no longer linked to their server.
var engineNotes = map[string]string{
	"MRG_MYISAM": "its rows are those of the MyISAM tables it unions (SHOW CREATE TABLE lists them), which are copied too; " +
		"copied (--copy-merge-tables) as a plain table holding them a second time: drop it and create a view (SELECT ... UNION ALL SELECT ...)",
	"FEDERATED": "its rows live on another server; copied as a plain table (a snapshot), no longer linked",
	"CONNECT":   "its rows come from an external source (file, ODBC, another server); copied as a plain table (a snapshot), no longer linked",
	"SPIDER":    "its rows live on other servers; copied as a plain table (a snapshot), no longer linked",
}

// groupAutoInc returns the AUTO_INCREMENT column that no index starts with:
// MyISAM and Aria then number it within each group of the columns before
// it in the key, which no PostgreSQL identity does.
func groupAutoInc(t *Table) string {
	for _, c := range t.Columns {
		if !c.AutoInc {
			continue
		}
		first := len(t.PK) > 0 && t.PK[0] == c.Name
		for _, ix := range t.Indexes {
			first = first || len(ix.Columns) > 0 && ix.Columns[0] == c.Name
		}
		if !first {
			return c.Name
		}
	}
	return ""
}

// Index is a source index (primary keys are kept in Table.PK instead).
type Index struct {
	Name    string   `json:"name"`
	Unique  bool     `json:"unique"`
	Columns []string `json:"columns"`
	// Desc marks the columns sorted descending (MariaDB 10.8+, MySQL 8,
	// SQLite); nil when none is.
	Desc   []bool `json:"desc,omitempty"`
	Kind   string `json:"kind,omitempty"` // BTREE, FULLTEXT, SPATIAL, HASH; SQLite: EXPRESSION, PARTIAL
	Prefix bool   `json:"prefix,omitempty"`
	// Sub is MySQL's prefix length of each column (0: whole); nil when
	// no column is a prefix.
	Sub []int64 `json:"prefix_lengths,omitempty"`
	Def string  `json:"definition,omitempty"` // source CREATE INDEX, when it is reported

	target string // schema-unique target name (relationNames)
}

// addColumn appends a column, keeping Desc nil until a column is DESC.
func (ix *Index) addColumn(name string, desc bool) {
	if desc && ix.Desc == nil {
		ix.Desc = make([]bool, len(ix.Columns), len(ix.Columns)+1)
	}
	ix.Columns = append(ix.Columns, name)
	if ix.Desc != nil {
		ix.Desc = append(ix.Desc, desc)
	}
}

// ForeignKey is a source foreign key.
type ForeignKey struct {
	Name       string   `json:"name"`
	Columns    []string `json:"columns"`
	RefTable   string   `json:"ref_table"`
	RefColumns []string `json:"ref_columns"`
	OnDelete   string   `json:"on_delete"`
	OnUpdate   string   `json:"on_update"`
	// Deferrable is "", "DEFERRABLE" or "DEFERRABLE INITIALLY DEFERRED" (SQLite).
	Deferrable string `json:"deferrable,omitempty"`
}

// Chunk is a half-open range [Lo, Hi) of a table's chunk key; nil bounds are open.
type Chunk struct {
	Table string `json:"table"`
	No    int    `json:"no"`
	Lo    *int64 `json:"lo,omitempty"`
	Hi    *int64 `json:"hi,omitempty"`
}

// column returns the column named name, or nil.
func (t *Table) column(name string) *Column {
	for _, c := range t.Columns {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// columnFold finds a column by name, ignoring ASCII case as SQLite and
// MySQL do.
func (t *Table) columnFold(name string) *Column {
	for _, c := range t.Columns {
		if strings.EqualFold(c.Name, name) {
			return c
		}
	}
	return nil
}

// pkIndexes returns the positions of the primary-key columns in t.Columns.
func (t *Table) pkIndexes() []int {
	var out []int
	for _, k := range t.PK {
		for i, c := range t.Columns {
			if c.Name == k {
				out = append(out, i)
			}
		}
	}
	return out
}

// mergeSkipNote replaces the engine note of a MERGE table left out.
const mergeSkipNote = "MRG_MYISAM table not copied: its rows are those of the MyISAM tables it unions (SHOW CREATE TABLE lists them), " +
	"which are copied as themselves; create a view over them (SELECT ... UNION ALL SELECT ...), " +
	"or run with --copy-merge-tables to copy it as a plain table holding their rows a second time"

// dropMergeTables leaves MERGE tables out of s: copying one would put its
// tables' rows in the target twice. Their engine note says so instead.
func dropMergeTables(s *Schema) {
	dropped := map[string]bool{}
	kept := s.Tables[:0]
	for _, t := range s.Tables {
		if t.Engine == "MRG_MYISAM" {
			dropped[t.Name] = true
			continue
		}
		kept = append(kept, t)
	}
	s.Tables = kept
	for i, m := range s.Manual {
		if m.Kind == "engine" && dropped[m.Name] {
			s.Manual[i].Detail = mergeSkipNote
		}
	}
}

// fromItem is what the source's SELECT of t's rows reads from: the table,
// quoted with quote, or t.from.
func (t *Table) fromItem(quote func(string) string) string {
	if t.from != "" {
		return t.from
	}
	return quote(t.Name)
}
