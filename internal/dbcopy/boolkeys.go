package dbcopy

import "strings"

// keyColumns returns the columns of s that identify rows: primary key
// columns, foreign key columns and the columns foreign keys reference,
// keyed "table\x00column" in lower case (SQLite names a table in any case).
func keyColumns(s *Schema) map[string]bool {
	out := map[string]bool{}
	add := func(table string, cols []string) {
		for _, c := range cols {
			out[strings.ToLower(table)+"\x00"+strings.ToLower(c)] = true
		}
	}
	for _, t := range s.Tables {
		add(t.Name, t.PK)
		for _, fk := range t.FKs {
			add(t.Name, fk.Columns)
			add(fk.RefTable, fk.RefColumns)
		}
	}
	return out
}

// numberNotFlag picks, for a key column that a rule would make boolean
// (TINYINT(1), which MySQL also gives small lookup ids), the first rule
// that keeps it a number: a key of flags holds at most two rows, and a
// boolean column cannot reference, or be referenced by, an integer one.
func numberNotFlag(rules []Rule, c *Column) (Rule, bool) {
	for _, r := range rules {
		if r.Convert != "bool01" && r.matches(c) {
			return r, true
		}
	}
	return Rule{}, false
}

// boolKeyHazards names the key columns numberNotFlag kept as numbers.
func boolKeyHazards(s *Schema) []Hazard {
	var out []Hazard
	for _, t := range s.Tables {
		for _, c := range t.Columns {
			if c.numberKey {
				out = append(out, Hazard{Table: t.Name, Column: c.Name, Kind: "number_key",
					Detail: c.ColumnType + " in a key: copied as " + c.TargetType + ", not boolean"})
			}
		}
	}
	return out
}
