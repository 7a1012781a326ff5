package dbcopy

import (
	"fmt"
	"strings"
)

// indexKeys returns the key list and WHERE clause of the PostgreSQL index
// built for ix, with notes for the report; an error means the index is
// not built (the error says why).
//
// A MySQL prefix index keys its columns' first n characters (bytes for
// binary strings). A UNIQUE one is kept as left(col, n): on the whole
// column it would be weaker, letting in rows that differ only past the
// prefix, which MySQL refused. A plain one is built on whole columns,
// which serves the same lookups, unless a column is TEXT or BLOB, whose
// values may pass the 2704 bytes of a btree entry: then on left(col, n) too.
func indexKeys(t *Table, ix *Index) (keys, where string, notes []string, err error) {
	if ix.Kind == "EXPRESSION" || ix.Kind == "PARTIAL" {
		keys, where, note, err := sqliteIndex(t, ix)
		if err != nil {
			return "", "", nil, err
		}
		if note != "" {
			notes = append(notes, note)
		}
		return keys, where, notes, nil
	}
	if !ix.Prefix {
		return indexColumns(t, ix), "", nil, nil
	}
	if !prefixExpressions(t, ix) {
		return indexColumns(t, ix), "", []string{"prefix index created on whole columns"}, nil
	}
	keys, err = prefixKeys(t, ix.Columns, ix.Sub, ix.Desc)
	if err != nil {
		return "", "", nil, err
	}
	if ix.Unique {
		return keys, "", []string{"unique prefix index created on left(column, n): unique on the first n characters, as in MySQL"}, nil
	}
	return keys, "", []string{"prefix index on TEXT/BLOB created on left(column, n) (whole values may be too long for a btree entry): " +
		"a query uses it when it compares left(column, n) too"}, nil
}

// prefixExpressions: the prefix index ix is built on left(col, n) rather
// than on whole columns (see indexKeys).
func prefixExpressions(t *Table, ix *Index) bool {
	if !ix.Prefix || ix.Unique {
		return ix.Prefix
	}
	for i, name := range ix.Columns {
		if c := t.column(name); c != nil && i < len(ix.Sub) && ix.Sub[i] > 0 &&
			(strings.HasSuffix(c.DataType, "text") || strings.HasSuffix(c.DataType, "blob")) {
			return true
		}
	}
	return false
}

// prefixKeys renders key columns with their prefixes as expressions.
func prefixKeys(t *Table, cols []string, sub []int64, desc []bool) (string, error) {
	q := make([]string, len(cols))
	for i, name := range cols {
		c := t.column(name)
		q[i] = columnList(t, []string{name})
		if c != nil && i < len(sub) && sub[i] > 0 {
			binary := strings.Contains(c.DataType, "binary") || strings.HasSuffix(c.DataType, "blob")
			switch fam := typeFamily(c.TargetType); {
			case fam == "text" && !binary:
				q[i] = fmt.Sprintf("left(%s, %d)", q[i], sub[i])
			case fam == "bytea" && binary:
				q[i] = fmt.Sprintf("substring(%s from 1 for %d)", q[i], sub[i])
			default:
				return "", fmt.Errorf("prefix of %d on %s (%s as %s) not translated", sub[i], name, c.ColumnType, c.TargetType)
			}
			q[i] = "(" + q[i] + ")"
		}
		if desc != nil && desc[i] {
			q[i] += " DESC"
		}
	}
	return strings.Join(q, ", "), nil
}

// checkSteps adds the CHECK constraints of t that checkSQL translates and
// reports the others with their source text. A constraint some copied
// row breaks (MariaDB with check_constraint_checks off) fails with a warning.
func checkSteps(schema string, t *Table, mysql bool) ([]postStep, []Manual) {
	var steps []postStep
	var manual []Manual
	for _, k := range t.Checks {
		name := t.Name + "." + k.Name
		cond, err := checkSQL(t, k, mysql)
		if err != nil {
			manual = append(manual, Manual{Kind: "check", Name: name, Detail: fmt.Sprintf("CHECK (%s) not translated (%v)", k.Clause, err)})
			continue
		}
		steps = append(steps, postStep{name: "check:" + name, phase: 1, soft: true, run: exec(fmt.Sprintf(
			"ALTER TABLE %s ADD CONSTRAINT %s CHECK (%s)", qualified(schema, t.Target), quoteIdent(pgIdent(t.Target+"_"+k.Name)), cond))})
	}
	return steps, manual
}
