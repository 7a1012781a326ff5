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

// sqliteIndex translates a SQLite CREATE INDEX statement: the key list and
// the WHERE clause ("" when none) of the PostgreSQL index. note is set
// when the key folds case as SQLite does rather than as PostgreSQL's lower().
func sqliteIndex(t *Table, ix *Index) (keys, where, note string, err error) {
	toks, err := tokenizeSQLite(ix.Def)
	if err != nil {
		return "", "", "", err
	}
	on := -1
	for i, tk := range toks {
		if tk.kind == 'i' && strings.EqualFold(tk.text, "ON") {
			on = i
			break
		}
	}
	if on < 0 || on+2 >= len(toks) || toks[on+2].text != "(" {
		return "", "", "", fmt.Errorf("statement not understood")
	}
	p := &exprParser{t: t, toks: toks, pos: on + 3, exact: ix.Unique}
	var items []string
	for {
		start := p.pos
		s, k, err := p.or()
		if err != nil {
			return "", "", "", err
		}
		column := p.pos == start+1 && (p.toks[start].kind == 'i' || p.toks[start].kind == 'q')
		if k == kindBool && !column {
			return "", "", "", fmt.Errorf("a condition as an index key not translated")
		}
		if p.keyword("COLLATE") {
			if c := p.peek(); !strings.EqualFold(c.text, "BINARY") {
				return "", "", "", fmt.Errorf("COLLATE %s not translated", c.text)
			}
			p.pos++
		}
		if !column {
			s = "(" + s + ")"
		}
		switch {
		case p.keyword("DESC"):
			s += " DESC"
		case p.keyword("ASC"):
		}
		items = append(items, s)
		if !p.op(",") {
			break
		}
	}
	if !p.op(")") {
		return "", "", "", fmt.Errorf("key list not understood")
	}
	if p.keyword("WHERE") {
		// A predicate selects the rows indexed (and, for UNIQUE, the
		// rows constrained): its lower() must be SQLite's.
		p.exact = true
		w, k, err := p.or()
		if err != nil {
			return "", "", "", err
		}
		if p.op(";"); p.pos != len(p.toks) {
			return "", "", "", fmt.Errorf("%q not translated", p.toks[p.pos].text)
		}
		if k != kindBool {
			if k != kindNum {
				return "", "", "", fmt.Errorf("WHERE of a non-condition not translated")
			}
			w = w + " <> 0" // SQLite's truth: a non-zero number
		}
		where = w
	}
	p.op(";")
	if p.pos != len(p.toks) {
		return "", "", "", fmt.Errorf("%q not translated", p.toks[p.pos].text)
	}
	if p.folded {
		note = "lower()/upper() built as translate() over A-Z, which folds as SQLite does (ASCII only): " +
			"PostgreSQL's lower() also folds other letters, which would make the index select or collide on other rows"
	}
	return strings.Join(items, ", "), where, note, nil
}

// checkSQL translates a CHECK constraint's clause (SQLite's, or MySQL's
// as information_schema spells it) into PostgreSQL's. A CHECK holds when
// its condition is true or NULL in all three engines, and the translated
// condition is NULL exactly where the source's is.
func checkSQL(t *Table, k Check, mysql bool) (string, error) {
	toks, err := tokenizeSQLite(k.Clause)
	if err != nil {
		return "", err
	}
	p := &exprParser{t: t, toks: toks, exact: true, mysql: mysql}
	s, kind, err := p.or()
	if err != nil {
		return "", err
	}
	if p.pos != len(p.toks) {
		return "", fmt.Errorf("%q not translated", p.toks[p.pos].text)
	}
	switch kind {
	case kindBool:
		return s, nil
	case kindNum:
		return s + " <> 0", nil // both engines' truth: a non-zero number
	}
	return "", fmt.Errorf("not a condition")
}
