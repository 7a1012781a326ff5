package dbcopy

import "fmt"

// pgSystemColumns are names PostgreSQL reserves in every table: CREATE
// TABLE refuses a column with one of them ("conflicts with a system column
// name"), while MySQL and SQLite accept them as ordinary names.
var pgSystemColumns = map[string]bool{"tableoid": true, "xmin": true, "cmin": true, "xmax": true, "cmax": true, "ctid": true}

// nameSet hands out names unique within one PostgreSQL namespace.
type nameSet map[string]bool

// take returns name, or name_2, name_3, ... (shortened to the identifier
// limit), whichever is free first, and marks it used.
func (u nameSet) take(name string) string {
	cand := name
	for i := 2; u[cand]; i++ {
		cand = pgIdent(fmt.Sprintf("%s_%d", name, i))
	}
	u[cand] = true
	return cand
}

// columnTargets names t's target columns: shortened to the identifier limit,
// and with a "_" added to PostgreSQL's system column names and to the empty
// name (SQLite accepts "" as a column name, PostgreSQL no zero-length one).
// A name kept as it is wins over one shortened or renamed: a column whose
// shortened name is another's (a 64-character MySQL name cut to the one
// its neighbour spells out, or two cut to the same hash) takes the next
// free one (name_2, ...), in the table's column order, and the plan
// reports it as it reports every rename.
func columnTargets(t *Table) {
	used := nameSet{}
	for _, c := range t.Columns {
		c.Target = pgIdent(c.Name)
		if c.Target == c.Name && !renamedColumn(c.Target) {
			used[c.Target] = true
		}
	}
	for _, c := range t.Columns {
		switch {
		case renamedColumn(c.Target):
			c.Target = used.take(c.Target + "_")
		case c.Target != c.Name:
			c.Target = used.take(c.Target)
		}
	}
}

func renamedColumn(name string) bool { return name == "" || pgSystemColumns[name] }

// tableTargets names the target tables and views (one namespace in
// PostgreSQL): shortened to the identifier limit, and "_" (or "__2", ...)
// for a SQLite table named "". As for columns, a name kept as it is wins
// over a shortened one, which takes the next free name when it collides.
func tableTargets(s *Schema) {
	used := nameSet{}
	for _, t := range s.Tables {
		t.Target = pgIdent(t.Name)
		used[t.Target] = used[t.Target] || t.Target != "" && t.Target == t.Name
	}
	for _, v := range s.Views {
		v.Target = pgIdent(v.Name)
		used[v.Target] = used[v.Target] || v.Target == v.Name
	}
	for _, t := range s.Tables {
		switch {
		case t.Target == "":
			t.Target = used.take("_")
		case t.Target != t.Name:
			t.Target = used.take(t.Target)
		}
	}
	for _, v := range s.Views {
		if v.Target != v.Name {
			v.Target = used.take(v.Target)
		}
	}
}

// relationNames names the relations the copy creates besides the tables:
// primary-key and other indexes, and identity sequences. MySQL and SQLite
// scope index names per table and PostgreSQL per schema, and PostgreSQL's
// own choices (t_pkey, t_id_seq) can be the name of another source table;
// so every name is taken from one set that holds the table names first.
func relationNames(s *Schema) {
	used := nameSet{}
	for _, t := range s.Tables {
		used[t.Target] = true
	}
	for _, v := range s.Views {
		used[v.Target] = true
	}
	for _, t := range s.Tables {
		if len(t.PK) > 0 {
			t.pkName = used.take(objectName(t.Target, "pkey", ""))
		}
		if t.PKPrefix {
			t.pkPrefixName = used.take(objectName(t.Target, "pkey_prefix", ""))
		}
		for _, ix := range t.Indexes {
			ix.target = used.take(objectName(t.Target, ix.Name, ""))
		}
		for _, c := range t.Columns {
			if c.AutoInc {
				c.seqName = used.take(objectName(t.Target, c.Target, "_seq"))
			}
		}
	}
}

// pkTarget and indexTarget fall back to the per-table name for schemas
// mapped onto existing tables, whose names relationNames did not choose.
func (t *Table) pkTarget() string {
	if t.pkName != "" {
		return t.pkName
	}
	return objectName(t.Target, "pkey", "")
}

func (ix *Index) indexTarget(t *Table) string {
	if ix.target != "" {
		return ix.target
	}
	return objectName(t.Target, ix.Name, "")
}
