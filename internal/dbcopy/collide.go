package dbcopy

import "strings"

// collisionKeys are the unique keys of t (primary key first) with a
// column whose SQLite values are both texts and numbers, or that converts
// several spellings to one value (boolean, dates and times): 1 and '1', 1
// and 'yes', '2024-01-02 03:04:05' and '2024-01-02T03:04:05Z' are two keys
// in SQLite and one in PostgreSQL, whose key then fails to build. MySQL
// gives each value one spelling.
func collisionKeys(t *Table) (names []string, cols [][]int) {
	keys := [][]string{t.PK}
	names = append(names, "PRIMARY")
	for _, ix := range t.Indexes {
		if ix.Unique && ix.Kind != "EXPRESSION" && ix.Kind != "PARTIAL" {
			keys, names = append(keys, ix.Columns), append(names, ix.Name)
		}
	}
	var outNames []string
	for k, key := range keys {
		var idx []int
		mixed := false
		for _, name := range key {
			for i, c := range t.Columns {
				if c.Name == name {
					idx = append(idx, i)
					mixed = mixed || c.textAndNumbers || t.sqlite && (c.Convert == "bool01" || c.Convert == "timestamp" || c.Convert == "date")
				}
			}
		}
		if mixed && len(idx) == len(key) && len(idx) > 0 {
			outNames, cols = append(outNames, names[k]), append(cols, idx)
		}
	}
	return outNames, cols
}

// keyCollisions counts, per key of collisionKeys, the rows whose converted
// key an earlier row already has, and renders the first such key.
type keyCollisions struct {
	t     *Table
	names []string
	cols  [][]int
	seen  []map[string]bool
	count []int64
	first []string
}

func newKeyCollisions(t *Table) *keyCollisions {
	names, cols := collisionKeys(t)
	k := &keyCollisions{t: t, names: names, cols: cols, count: make([]int64, len(cols)), first: make([]string, len(cols))}
	for range cols {
		k.seen = append(k.seen, map[string]bool{})
	}
	return k
}

// add takes one row's converted values; a nil out is a rejected value.
func (k *keyCollisions) add(outs []any, rejected []bool) {
	var sb strings.Builder
	for n, idx := range k.cols {
		sb.Reset()
		var shown []string
		skip := false
		for _, i := range idx {
			if rejected[i] || outs[i] == nil { // NULLs never collide; rejects are not copied
				skip = true
				break
			}
			v := k.t.Columns[i].normOf(outs[i])
			sb.WriteString(v)
			shown = append(shown, k.t.Columns[i].Name+"="+plainOrQuoted(k.t.Columns[i].conv.norm(outs[i])))
		}
		if skip {
			continue
		}
		if key := sb.String(); k.seen[n][key] {
			k.count[n]++
			if k.first[n] == "" {
				k.first[n] = strings.Join(shown, " ")
			}
		} else {
			k.seen[n][key] = true
		}
	}
}

func (k *keyCollisions) hazards() []Hazard {
	var out []Hazard
	for n, c := range k.count {
		if c == 0 {
			continue
		}
		col := k.t.Columns[k.cols[n][0]].Name
		// run stops on a primary key that fails to build; it leaves out, with
		// a warning, a unique index that does.
		fate := "the primary key fails to build in PostgreSQL, and run with it"
		if k.names[n] != "PRIMARY" {
			fate = "the unique index " + k.names[n] + " fails to build in PostgreSQL: run leaves it out, with a warning"
		}
		out = append(out, Hazard{Table: k.t.Name, Column: col, Kind: "key_collision", Rows: c, Blocks: k.names[n] == "PRIMARY",
			Detail: "first: " + k.first[n] + " is more than one SQLite value (a number and a text, two spellings of a boolean or a time); " +
				fate + ": make the values distinct, or one kind, in the source" + k.collisionRule(n)})
	}
	return out
}

// collisionRule names the --mapping rules that keep key n's spellings
// apart: booleans and times kept as the text SQLite holds are distinct
// where their values are not. A number and a text with the same digits
// are one text too: no rule separates them.
func (k *keyCollisions) collisionRule(n int) string {
	var rules []string
	for _, i := range k.cols[n] {
		c := k.t.Columns[i]
		if c.textAndNumbers {
			return ""
		}
		if c.Convert == "bool01" || c.Convert == "timestamp" || c.Convert == "date" {
			rules = append(rules, columnEntry(c.ruleKey, "text", "text"))
		}
	}
	if len(rules) == 0 {
		return ""
	}
	return ", or pass --mapping FILE with the line columns: {" + strings.Join(rules, ", ") + "} to copy each spelling as the text it is"
}
