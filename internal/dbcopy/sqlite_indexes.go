package dbcopy

// A SQLite table's indexes and the collations of its columns, which decide
// whether an index's text comparisons mean the same in PostgreSQL.

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// indexes reads t's indexes. An index on an expression or with a WHERE
// clause is kept with Kind EXPRESSION or PARTIAL and its CREATE statement:
// it is built only where its expression translates with the same meaning
// (see indexexpr.go), else reported, never rebuilt on whole columns (a
// partial UNIQUE index would become a stricter constraint).
func (s *sqliteSource) indexes(ctx context.Context, t *Table) error {
	rows, err := s.db.QueryContext(ctx, `SELECT il.name, il."unique", il.partial, ii.name, ii."desc", COALESCE(m.sql, '')
		FROM pragma_index_list(?) il JOIN pragma_index_xinfo(il.name) ii
		LEFT JOIN sqlite_master m ON m.type = 'index' AND m.name = il.name
		WHERE il.origin <> 'pk' AND ii.key = 1 ORDER BY il.name, ii.seqno`, t.Name)
	if err != nil {
		return fmt.Errorf("indexes of %s: %w", t.Name, err)
	}
	defer rows.Close()
	for rows.Next() {
		var name, def string
		var uniq, partial, desc int
		var col sql.NullString // NULL for an expression
		if err := rows.Scan(&name, &uniq, &partial, &col, &desc, &def); err != nil {
			return fmt.Errorf("indexes of %s: %w", t.Name, err)
		}
		var ix *Index
		if n := len(t.Indexes); n > 0 && t.Indexes[n-1].Name == name {
			ix = t.Indexes[n-1]
		} else {
			ix = &Index{Name: name, Unique: uniq == 1, Def: def}
			t.Indexes = append(t.Indexes, ix)
		}
		ix.addColumn(col.String, desc == 1)
		switch {
		case partial == 1:
			ix.Kind = "PARTIAL"
		case !col.Valid:
			ix.Kind = "EXPRESSION"
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("indexes of %s: %w", t.Name, err)
	}
	rows.Close()
	for _, ix := range t.Indexes {
		if ix.Kind == "EXPRESSION" || ix.Kind == "PARTIAL" {
			if err := s.foldedColumns(ctx, t); err != nil {
				return err
			}
			break
		}
	}
	return s.keyCollations(ctx, t)
}

// foldedColumns marks the columns SQLite compares other than byte for byte
// (declared COLLATE NOCASE, RTRIM or the application's), which no pragma
// lists: a row-less union keeps each column's collation, and 'A' = 'a' or
// 'A' = 'A ' holding there tells.
func (s *sqliteSource) foldedColumns(ctx context.Context, t *Table) error {
	if len(t.Columns) == 0 {
		return nil
	}
	names, probes, lits := make([]string, len(t.Columns)), make([]string, len(t.Columns)), make([]string, len(t.Columns))
	for i := range t.Columns {
		names[i] = fmt.Sprintf("c%d", i)
		probes[i] = fmt.Sprintf("c%d = 'a' OR c%d = 'A '", i, i)
		lits[i] = "'A'"
	}
	q := fmt.Sprintf(`WITH q(%s) AS (SELECT %s FROM %s WHERE 0 UNION ALL SELECT %s) SELECT %s FROM q`,
		strings.Join(names, ", "), sqliteColumnList(t), quoteIdent(t.Name), strings.Join(lits, ", "), strings.Join(probes, ", "))
	vals := make([]any, len(t.Columns))
	folded := make([]sql.NullBool, len(t.Columns))
	for i := range vals {
		vals[i] = &folded[i]
	}
	if err := s.db.QueryRowContext(ctx, q).Scan(vals...); err != nil {
		// Unreadable: no text comparison of t is translated.
		for _, c := range t.Columns {
			c.foldedCompare = true
		}
		return nil
	}
	for i, c := range t.Columns {
		c.foldedCompare = folded[i].Bool
	}
	return nil
}

func sqliteColumnList(t *Table) string {
	q := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		q[i] = quoteIdent(c.Name)
	}
	return strings.Join(q, ", ")
}

// keyCollations notes key columns compared with NOCASE or RTRIM, for plan's
// collation_unique hazard: PostgreSQL's unique keys compare exactly.
func (s *sqliteSource) keyCollations(ctx context.Context, t *Table) error {
	rows, err := s.db.QueryContext(ctx, `SELECT ii.name, ii.coll FROM pragma_index_list(?) il JOIN pragma_index_xinfo(il.name) ii
		WHERE ii.key = 1 AND ii.name IS NOT NULL AND upper(ii.coll) <> 'BINARY'`, t.Name)
	if err != nil {
		return fmt.Errorf("index collations of %s: %w", t.Name, err)
	}
	defer rows.Close()
	for rows.Next() {
		var col, coll string
		if err := rows.Scan(&col, &coll); err != nil {
			return fmt.Errorf("index collations of %s: %w", t.Name, err)
		}
		if c := t.column(col); c != nil {
			c.Collation = coll
		}
	}
	return rows.Err()
}
