package dbcopy

import "strings"

// viewScope resolves a column reference of a view to the column it
// reads, from the tables its FROM and JOIN clauses name (at any depth)
// and the aliases they give them, rather than by the column's name
// across the whole database: `o`.`paid_at` is orders.paid_at even when
// another table has a paid_at of another type. What the clauses do not
// tell (an alias given to two tables, a derived table's or a view's
// columns, a name no FROM table has) is left unresolved, and the callers
// fall back to the name.
type viewScope struct {
	aliases map[string]*Table // lower-case alias or table name; nil: not one table
	tables  []*Table
	opaque  bool // a FROM names a derived table or a view
}

// fromEnds are the words that end a FROM list at its depth.
var fromEnds = map[string]bool{"where": true, "group": true, "having": true, "order": true, "limit": true, "union": true,
	"window": true, "on": true, "using": true, "except": true, "intersect": true, "select": true}

// newViewScope reads the FROM and JOIN clauses of toks.
func newViewScope(toks []viewTok, names viewNames, mysql bool) viewScope {
	s := viewScope{aliases: map[string]*Table{}}
	inFrom := []bool{false} // per parenthesis depth
	expect := false         // the next token starts a table reference
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		d := len(inFrom) - 1
		lower := strings.ToLower(t.text)
		switch {
		case t.kind == ' ':
			continue
		case expect && t.kind == 'p' && t.text == "(":
			if n := nextIndex(toks, i); n >= 0 && toks[n].kind == 'w' && strings.EqualFold(toks[n].text, "select") {
				s.opaque = true
				if end := closeParen(toks, i); end > 0 {
					s.alias(toks, end+1, nil, mysql) // the derived table's alias
				}
				expect = false
				inFrom = append(inFrom, false)
				continue
			}
			// MariaDB writes FROM (a JOIN b ON (...)): a table list
			inFrom = append(inFrom, true)
		case t.kind == 'p' && t.text == "(":
			inFrom = append(inFrom, false)
		case t.kind == 'p' && t.text == ")":
			if d > 0 {
				inFrom = inFrom[:d]
			}
			expect = false
		case expect:
			expect = false
			i = s.table(toks, i, names, mysql)
		case t.kind == 'w' && (lower == "from" || lower == "join"):
			inFrom[d], expect = true, true
		case t.kind == 'p' && t.text == "," && inFrom[d]:
			expect = true
		case t.kind == 'w' && fromEnds[lower]:
			inFrom[d] = false
		}
	}
	return s
}

// table reads the table reference at toks[i] (a name path, then an
// optional alias) and returns the index of its last token.
func (s *viewScope) table(toks []viewTok, i int, names viewNames, mysql bool) int {
	isName := func(t viewTok) bool {
		return t.kind == 'q' || !mysql && t.kind == 'w' && !sqlKeywords[strings.ToLower(t.text)]
	}
	if !isName(toks[i]) {
		return i
	}
	end, name := i+1, strings.ToLower(toks[i].text)
	for end+1 < len(toks) && toks[end].kind == 'p' && toks[end].text == "." && isName(toks[end+1]) {
		name = strings.ToLower(toks[end+1].text)
		end += 2
	}
	t := names.tableDefs[name]
	if t == nil {
		s.opaque = true // a view, or a name the schema lacks
	} else {
		s.tables = append(s.tables, t)
	}
	s.set(name, t)
	return s.alias(toks, end, t, mysql) - 1
}

// alias reads an optional [AS] alias at toks[i] for t; it returns the
// index after what it read.
func (s *viewScope) alias(toks []viewTok, i int, t *Table, mysql bool) int {
	j := i
	for j < len(toks) && toks[j].kind == ' ' {
		j++
	}
	if j < len(toks) && toks[j].kind == 'w' && strings.EqualFold(toks[j].text, "as") {
		j = nextIndex(toks, j)
		if j < 0 {
			return len(toks)
		}
	}
	if j < len(toks) && (toks[j].kind == 'q' || !mysql && toks[j].kind == 'w' && !sqlKeywords[strings.ToLower(toks[j].text)] &&
		!fromEnds[strings.ToLower(toks[j].text)]) {
		s.set(strings.ToLower(toks[j].text), t)
		return j + 1
	}
	return i
}

// set records an alias; one given to two tables stands for neither.
func (s *viewScope) set(alias string, t *Table) {
	if prev, ok := s.aliases[alias]; ok && prev != t {
		t = nil
	}
	s.aliases[alias] = t
}

// colsOf returns the columns the reference parts (lower-case, the
// database qualifier left out) can stand for, and whether the view's
// FROM clauses resolve it.
func (s viewScope) colsOf(parts []string) ([]*Column, bool) {
	if s.aliases == nil || len(parts) == 0 {
		return nil, false
	}
	name := parts[len(parts)-1]
	if len(parts) >= 2 {
		t := s.aliases[parts[len(parts)-2]]
		if t == nil {
			return nil, false
		}
		if c := t.columnFold(name); c != nil {
			return []*Column{c}, true
		}
		return nil, false
	}
	if s.opaque {
		return nil, false
	}
	var cols []*Column
	for _, t := range s.tables {
		if c := t.columnFold(name); c != nil {
			cols = append(cols, c)
		}
	}
	return cols, len(cols) > 0
}

// refParts reads the name path toks[i:end] (a.b.c), lower-case, the
// qualifier left out.
func refParts(toks []viewTok, i, end int, qualifier string) []string {
	var parts []string
	for j := i; j < end; j++ {
		if toks[j].kind == 'q' || toks[j].kind == 'w' {
			parts = append(parts, strings.ToLower(toks[j].text))
		}
	}
	if len(parts) > 1 && qualifier != "" && parts[0] == strings.ToLower(qualifier) {
		parts = parts[1:]
	}
	return parts
}
