package dbcopy

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"sort"
)

// Hazard is a value or schema feature that does not carry over as is.
type Hazard struct {
	Table  string `json:"table"`
	Column string `json:"column,omitempty"`
	Kind   string `json:"kind"`
	Rows   int64  `json:"rows"`
	Reject bool   `json:"reject"` // rows with it go to the reject file
	Detail string `json:"detail,omitempty"`
	// Blocks: run fails (too_many_columns: before it writes anything)
	// until the source is changed.
	Blocks bool `json:"blocks_run,omitempty"`
}

// Plan is what run would do: target DDL, the mapping per column, hazards.
type Plan struct {
	Source  string   `json:"source"`
	Schema  string   `json:"target_schema"`
	Tables  []*Table `json:"tables"`
	DDL     []string `json:"ddl"`
	Hazards []Hazard `json:"hazards"`
	Manual  []Manual `json:"manual,omitempty"`
	// IntoExisting: rows go into the target's existing tables, converted to
	// their column types (TargetType); no DDL is run.
	IntoExisting bool `json:"into_existing,omitempty"`
	// Parley: the source is a Parley database; its target schema comes
	// from Parley's PostgreSQL migrations and goose_db_version is not copied.
	Parley bool `json:"parley,omitempty"`
	// Views: each with the SQL run creates it with, or why it does not.
	Views []*View `json:"views,omitempty"`
	// ZeroDates is --zero-dates: what becomes of MySQL zero dates in
	// columns whose mapping rule does not say.
	ZeroDates string `json:"zero_dates"`
}

// noteDetails explains the notes (values kept, but changed in form) that
// a plan counts.
var noteDetails = map[string]string{
	noteZeroDateNull: "zero dates stored as NULL (--zero-dates=null, the default, as pgloader does; --zero-dates=reject rejects them)",
	noteEpochMillis:  "integers from 1e11 on read as Unix milliseconds (as seconds they would lie past the year 5138)",
	"set_value":      "SET values copied as text[] of their members ('a,b' is {a,b}, the empty set {}; a '' member, which MySQL's text leaves out, read from the value's number), checked against the declared members",
}

// MakePlan inspects the source schema and data; it writes nothing anywhere.
func MakePlan(ctx context.Context, opts Options, logger *slog.Logger, prog *Progress) (*Plan, error) {
	opts.defaults()
	src, s, err := loadSchema(ctx, &opts, logger, false)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	p := &Plan{Source: opts.sourceDisplay, Schema: opts.Schema, Tables: s.Tables}
	p.IntoExisting, p.Parley, p.ZeroDates = opts.IntoExisting, opts.parley, opts.ZeroDates
	var manual []Manual
	if !opts.IntoExisting {
		_, manual = postSteps(opts.Schema, s)
		for _, t := range s.Tables {
			ddl, m := createTableSQL(opts.Schema, t)
			p.DDL = append(p.DDL, ddl)
			manual = append(manual, m...)
		}
		for _, v := range s.Views {
			if v.SQL != "" {
				p.DDL = append(p.DDL, viewDDL(opts.Schema, v))
			}
		}
	}
	p.Manual, p.Views = append(manual, s.Manual...), s.Views
	p.Hazards = append(append(append(schemaHazards(s), limitHazards(s)...), boolKeyHazards(s)...), append(widenedHazards(s), flagWordHazards(s)...)...)
	readers, _, err := src.Snapshot(ctx, 1)
	if err != nil {
		return nil, err
	}
	defer readers[0].Close()
	var total int64
	for _, t := range s.Tables {
		total += t.RowsEst
	}
	counter := prog.Start("scan", total, 0)
	defer prog.Stop()
	for _, t := range s.Tables {
		hz, err := scanTable(ctx, readers[0], t, opts.ChunkRows)
		if err != nil {
			return nil, err
		}
		counter.Add(t.RowsEst)
		p.Hazards = append(p.Hazards, hz...)
	}
	logger.Debug("plan done", "tables", len(s.Tables), "hazards", len(p.Hazards))
	return p, nil
}

// schemaHazards finds what the schema alone tells: long identifiers,
// case-insensitive uniqueness, ON UPDATE columns.
func schemaHazards(s *Schema) []Hazard {
	var out []Hazard
	for _, v := range s.Views {
		if v.Target != v.Name {
			out = append(out, Hazard{Table: v.Name, Kind: "long_identifier", Detail: "view renamed " + v.Target})
		}
	}
	for _, t := range s.Tables {
		if t.Target != t.Name {
			kind := "long_identifier"
			if t.Name == "" {
				kind = "empty_identifier"
			}
			out = append(out, Hazard{Table: t.Name, Kind: kind, Detail: "renamed " + t.Target})
		}
		for _, c := range t.Columns {
			if c.Target != c.Name {
				kind := "long_identifier"
				switch {
				case c.Name == "":
					kind = "empty_identifier"
				case pgSystemColumns[pgIdent(c.Name)]:
					kind = "system_column"
				}
				out = append(out, Hazard{Table: t.Name, Column: c.Name, Kind: kind, Detail: "renamed " + c.Target})
			}
			if c.OnUpdateTS {
				out = append(out, Hazard{Table: t.Name, Column: c.Name, Kind: "on_update_timestamp", Detail: "translated to a BEFORE UPDATE trigger"})
			}
		}
		uniques := append([]*Index{}, t.Indexes...)
		if len(t.PK) > 0 {
			uniques = append(uniques, &Index{Name: "PRIMARY", Unique: true, Columns: t.PK})
		}
		for _, ix := range uniques {
			for _, name := range ix.Columns {
				c := t.column(name)
				if ix.Unique && c != nil {
					if note := collationNote(c.Collation, t.sqlite); note != "" {
						out = append(out, Hazard{Table: t.Name, Column: c.Name, Kind: "collation_unique",
							Detail: fmt.Sprintf("unique key %s compares with %s: %s", ix.Name, c.Collation, note)})
					}
				}
			}
		}
	}
	return out
}

// btreeMaxItem is the largest entry PostgreSQL's btree takes (after
// compression); MySQL keys up to 3072 bytes, so longer values fit there.
const btreeMaxItem = 2704

const keySizeHint = "values longer than the 2704 bytes a PostgreSQL btree entry holds (unless they compress): " +
	"a key or index on the column may fail to build (run keeps a unique index on it alone as an exclusion constraint using hash); " +
	"otherwise key it by a hash instead (CREATE UNIQUE INDEX ... (md5(col)))"

// keyedColumns marks the columns a primary key or index of t covers
// whole (a prefix built as left(col, n) holds no long value).
func keyedColumns(t *Table) []bool {
	names := map[string]bool{}
	for _, n := range t.PK {
		names[n] = true
	}
	for _, ix := range t.Indexes {
		if ix.Kind != "FULLTEXT" && ix.Kind != "SPATIAL" && ix.Kind != "EXPRESSION" && ix.Kind != "PARTIAL" {
			onPrefix := prefixExpressions(t, ix)
			for i, n := range ix.Columns {
				if !onPrefix || i >= len(ix.Sub) || ix.Sub[i] == 0 {
					names[n] = true
				}
			}
		}
	}
	out := make([]bool, len(t.Columns))
	for i, c := range t.Columns {
		out[i] = names[c.Name]
	}
	return out
}

func valueBytes(v any) int {
	switch x := v.(type) {
	case string:
		return len(x)
	case []byte:
		return len(x)
	}
	return 0
}

// scanTable converts every row as run would and counts rejects and notes.
func scanTable(ctx context.Context, r Reader, t *Table, chunkRows int64) ([]Hazard, error) {
	chunks, err := r.Chunks(ctx, t, chunkRows)
	if err != nil {
		return nil, err
	}
	type key struct{ col, kind string }
	counts := map[key]int64{}
	rejects := map[key]bool{}
	examples := map[key]string{} // the first reject's detail: a value, and what keeps it
	keyed := keyedColumns(t)
	collide := newKeyCollisions(t)
	outs, rejected := make([]any, len(t.Columns)), make([]bool, len(t.Columns))
	for _, c := range chunks {
		it, err := r.Rows(ctx, t, c)
		if err != nil {
			return nil, err
		}
		for {
			ok, err := it.Next()
			if err != nil {
				it.Close()
				return nil, fmt.Errorf("scan %s: %w", t.Name, err)
			}
			if !ok {
				break
			}
			for i, v := range it.Values() {
				col := t.Columns[i]
				out, rej, note := convertValue(col, v)
				outs[i], rejected[i] = out, rej != nil
				if rej == nil && keyed[i] && valueBytes(out) > btreeMaxItem {
					counts[key{col.Name, "key_size"}]++
				}
				if rej != nil {
					k := key{col.Name, rej.Kind}
					counts[k]++
					rejects[k] = true
					if _, seen := examples[k]; !seen {
						examples[k] = "first: " + rej.Detail
					}
				} else if note != "" {
					counts[key{col.Name, note}]++
				}
			}
			if len(collide.cols) > 0 {
				collide.add(outs, rejected)
			}
		}
		it.Close()
	}
	var out []Hazard
	for k, n := range counts {
		h := Hazard{Table: t.Name, Column: k.col, Kind: k.kind, Rows: n, Reject: rejects[k]}
		if k.kind == "key_size" {
			h.Detail = keySizeHint
		}
		if d, ok := noteDetails[k.kind]; ok && !h.Reject {
			h.Detail = d
		}
		if e, ok := examples[k]; ok {
			h.Detail = e
		}
		out = append(out, h)
	}
	out = append(out, collide.hazards()...)
	sort.Slice(out, func(i, j int) bool {
		if out[i].Column != out[j].Column {
			return out[i].Column < out[j].Column
		}
		return out[i].Kind < out[j].Kind
	})
	return out, nil
}

// WriteText prints the plan for people.
func (p *Plan) WriteText(w io.Writer) {
	fmt.Fprintf(w, "Source %s -> PostgreSQL schema %q\n", p.Source, p.Schema)
	switch {
	case p.Parley:
		fmt.Fprintf(w, "Parley database: copied into the tables of Parley's PostgreSQL migrations (run applies them); goose_db_version is not copied\n")
	case p.IntoExisting:
		fmt.Fprintf(w, "Copied into the target's existing tables; no tables are created\n")
	}
	switch p.ZeroDates {
	case "null":
		fmt.Fprintf(w, "Zero dates ('0000-00-00'): stored as NULL (--zero-dates=null, as pgloader); dates with a zero month or day only are rejected\n")
	case "reject":
		fmt.Fprintf(w, "Zero dates ('0000-00-00'): rejected (--zero-dates=reject)\n")
	}
	fmt.Fprintln(w)
	for _, t := range p.Tables {
		fmt.Fprintf(w, "table %s -> %s (~%d rows, chunk key %q)\n", t.Name, t.Target, t.RowsEst, t.ChunkKey)
		if t.ChunkNote != "" {
			fmt.Fprintf(w, "  NOTE %s: %s\n", t.ChunkKey, t.ChunkNote)
		}
		for _, c := range t.Columns {
			fmt.Fprintf(w, "  %-28s %-32s -> %-22s [%s]\n", c.Name, c.ColumnType, c.TargetType, c.Convert)
		}
	}
	fmt.Fprintf(w, "\nHazards (%d):\n", len(p.Hazards))
	for _, h := range p.Hazards {
		act := "kept"
		if h.Reject {
			act = "REJECTED"
		}
		if h.Blocks {
			act = "RUN FAILS"
		}
		fmt.Fprintf(w, "  %-20s %s.%s rows=%d %s %s\n", h.Kind, h.Table, h.Column, h.Rows, act, h.Detail)
	}
	if len(p.Views) > 0 {
		fmt.Fprintf(w, "\nViews (%d):\n", len(p.Views))
	}
	for _, v := range p.Views {
		switch {
		case p.IntoExisting:
			fmt.Fprintf(w, "  %s: not created (--into-existing)\n", v.Name)
		case v.SQL != "":
			fmt.Fprintf(w, "  %s: created after the tables: CREATE VIEW %s %s\n", v.Name, quoteIdent(v.Target), v.SQL)
		default:
			fmt.Fprintf(w, "  %s: NOT CREATED: %s\n", v.Name, v.Reason)
		}
	}
	fmt.Fprintf(w, "\nFor manual porting (%d):\n", len(p.Manual))
	for _, m := range p.Manual {
		fmt.Fprintf(w, "  %-10s %s %s\n", m.Kind, m.Name, m.Detail)
	}
}
