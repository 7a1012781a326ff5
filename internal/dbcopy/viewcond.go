package dbcopy

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// MySQL and SQLite have no boolean type in views: a number is a
// condition (true when not 0: WHERE d.flag, CASE WHEN n, NOT qty), and a
// flag column compares with numbers (active = 1, archived <> 0). In
// PostgreSQL a condition must be a boolean, and the flag columns the copy
// made boolean (tinyint(1), SQLite BOOLEAN) do not compare with
// integers. intConditions makes a number standing as a condition
// ((n) <> 0); boolInts makes a boolean column standing beside a
// number's operator an integer (CAST(b AS integer): 1, 0, NULL as the
// source holds them).

// condNames tells what a name in a view stands for.
type condNames struct {
	names     viewNames
	qualifier string
	mysql     bool
	scope     viewScope // the view's FROM clauses (viewscope.go)
}

// resolved is the columns the reference at toks[i:end] reads, when the
// view's FROM clauses tell them.
func (c condNames) resolved(toks []viewTok, i, end int) ([]*Column, bool) {
	return c.scope.colsOf(refParts(toks, i, end, c.qualifier))
}

// refIs: the reference at toks[i:end] (name, its last part) is a column
// whose every candidate has one of types, by the view's FROM clauses
// where they tell, else by fallback on the name.
func (c condNames) refIs(toks []viewTok, i, end int, name string, types map[string]bool, fallback func(string) bool) bool {
	cols, ok := c.resolved(toks, i, end)
	if !ok {
		return fallback(name)
	}
	for _, col := range cols {
		if !types[baseType(col.TargetType)] {
			return false
		}
	}
	return true
}

// bitTypes are the types the copy gives MySQL's BIT.
var bitTypes = map[string]bool{"bit": true, "bit varying": true, "varbit": true}

// boolTypes is the type the copy gives flags.
var boolTypes = map[string]bool{"boolean": true}

// numberTypes are the PostgreSQL types the copy gives numbers.
var numberTypes = map[string]bool{"smallint": true, "integer": true, "bigint": true, "numeric": true, "real": true,
	"double precision": true, "decimal": true, "int": true, "int2": true, "int4": true, "int8": true, "float4": true, "float8": true}

func baseType(t string) string {
	base, _, _ := strings.Cut(strings.ToLower(t), "(")
	return strings.TrimSpace(base)
}

// isNumber: every column named name is a number, or name is no column
// but a comparison some view's SELECT list made an integer (intBoolItems).
func (c condNames) isNumber(name string) bool {
	cols := c.names.cols[name]
	if len(cols) == 0 {
		return c.names.intAliases[name]
	}
	for _, col := range cols {
		if !numberTypes[baseType(col.TargetType)] {
			return false
		}
	}
	return true
}

// isBool: every column named name is boolean, and no view made name an
// integer.
func (c condNames) isBool(name string) bool {
	cols := c.names.cols[name]
	for _, col := range cols {
		if baseType(col.TargetType) != "boolean" {
			return false
		}
	}
	return len(cols) > 0 && !c.names.intAliases[name]
}

// operandAt reads a column reference (a.b.c) or a number at toks[i]: the
// index after it and the column's name (lower-case; "" for a number).
func (c condNames) operandAt(toks []viewTok, i int) (end int, name string, ok bool) {
	t := toks[i]
	if t.kind == 'n' {
		return i + 1, "", true
	}
	isName := func(t viewTok) bool {
		return t.kind == 'q' || !c.mysql && t.kind == 'w' && !sqlKeywords[strings.ToLower(t.text)]
	}
	if !isName(t) || i > 0 && toks[i-1].kind == 'p' && toks[i-1].text == "." {
		return 0, "", false
	}
	end, name = i+1, strings.ToLower(t.text)
	for end+1 < len(toks) && toks[end].kind == 'p' && toks[end].text == "." && isName(toks[end+1]) {
		name = strings.ToLower(toks[end+1].text)
		end += 2
	}
	if n := nextIndex(toks, end-1); n >= 0 && toks[n].kind == 'p' && toks[n].text == "(" {
		return 0, "", false // a function
	}
	return end, name, true
}

// condBefore are the words after which an operand is a whole condition;
// condAfter those (and ")", ",", the end) that may follow one (AS, FROM
// and "," end a SELECT item: NOT n AS x).
var (
	condBefore = map[string]bool{"where": true, "having": true, "on": true, "when": true, "and": true, "or": true, "not": true, "xor": true}
	condAfter  = map[string]bool{"and": true, "or": true, "xor": true, "then": true, "group": true, "order": true, "limit": true,
		"having": true, "union": true, "window": true, "except": true, "intersect": true, "else": true, "end": true,
		"as": true, "from": true}
)

// intConditions makes each number standing alone as a condition
// ((x) <> 0): after WHERE, HAVING, ON, a searched CASE's WHEN, AND, OR or
// NOT, and before AND, OR, THEN, a clause or the end. The AND of
// BETWEEN, and the WHEN of CASE x WHEN, are no condition's.
func (c condNames) intConditions(toks []viewTok) []viewTok {
	var out []viewTok
	// per parenthesis depth: a BETWEEN waiting for its AND; per CASE, its
	// WHENs compare with a value (simple CASE)
	between := []bool{false}
	var simpleCase []bool
	prev, prevBetweenAnd := viewTok{}, false
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		lower := strings.ToLower(t.text)
		d := len(between) - 1
		switch {
		case t.kind == 'p' && t.text == "(":
			between = append(between, false)
		case t.kind == 'p' && t.text == ")" && d > 0:
			between = between[:d]
		case t.kind == 'w' && lower == "between":
			between[d] = true
		case t.kind == 'w' && lower == "case":
			n := nextIndex(toks, i)
			simpleCase = append(simpleCase, n >= 0 && !(toks[n].kind == 'w' && strings.EqualFold(toks[n].text, "when")))
		case t.kind == 'w' && lower == "end" && len(simpleCase) > 0:
			simpleCase = simpleCase[:len(simpleCase)-1]
		}
		pl := strings.ToLower(prev.text)
		afterCond := prev.kind == 'w' && condBefore[pl] && !(pl == "and" && prevBetweenAnd) &&
			!(pl == "when" && len(simpleCase) > 0 && simpleCase[len(simpleCase)-1])
		if t.kind != ' ' {
			prev, prevBetweenAnd = t, false
		}
		if t.kind == 'w' && lower == "and" && between[d] {
			between[d], prevBetweenAnd = false, true
		}
		if !afterCond {
			out = append(out, t)
			continue
		}
		end, name, ok := c.operandAt(toks, i)
		if ok && name != "" && c.refIs(toks, i, end, name, bitTypes, func(n string) bool { return c.allOf(n, bitTypes) }) {
			if n := nextIndex(toks, end-1); n < 0 || toks[n].kind == 'p' && (toks[n].text == ")" || toks[n].text == ",") || toks[n].kind == 'w' && condAfter[strings.ToLower(toks[n].text)] {
				// MySQL's BIT is true when a bit is set; PostgreSQL's bit is no boolean
				out = append(out, viewTok{'r', "position(B'1' IN ("})
				out = append(out, toks[i:end]...)
				out = append(out, viewTok{'r', ")) > 0"})
				prev, prevBetweenAnd = toks[end-1], false
				i = end - 1
				continue
			}
		}
		if !ok || name != "" && !c.refIs(toks, i, end, name, numberTypes, c.isNumber) {
			out = append(out, t)
			continue
		}
		n := nextIndex(toks, end-1)
		if n >= 0 && !(toks[n].kind == 'p' && (toks[n].text == ")" || toks[n].text == ",") || toks[n].kind == 'w' && condAfter[strings.ToLower(toks[n].text)]) {
			out = append(out, t)
			continue
		}
		out = append(out, viewTok{'r', "("})
		out = append(out, toks[i:end]...)
		out = append(out, viewTok{'r', ") <> 0"})
		prev, prevBetweenAnd = toks[end-1], false
		i = end - 1
	}
	return out
}

// arithOps are the operators that read their operands as numbers.
var arithOps = map[string]bool{"=": true, "<>": true, "!=": true, "<": true, ">": true, "<=": true, ">=": true, "==": true,
	"+": true, "-": true, "*": true, "/": true, "%": true, "<=>": true}

// boolInts makes a boolean column beside an operator of numbers, or the
// whole argument of SUM or AVG, CAST(col AS integer); beside TRUE or
// FALSE it stays a boolean.
func (c condNames) boolInts(toks []viewTok) []viewTok {
	var out []viewTok
	for i := 0; i < len(toks); i++ {
		end, name, ok := c.operandAt(toks, i)
		if ok && name != "" {
			if w := c.bitWidth(toks, i, end, name); w > 0 && w <= 63 {
				if p, n := lastTok(toks, i), nextTok(toks, end-1); p.kind == 'p' && arithOps[p.text] || n.kind == 'p' && arithOps[n.text] {
					// MySQL reads a BIT beside a number as its number (f <> 0)
					out = append(out, viewTok{'r', "CAST(CAST("})
					out = append(out, toks[i:end]...)
					out = append(out, viewTok{'r', fmt.Sprintf(" AS bit(%d)) AS bigint)", w)})
					i = end - 1
					continue
				}
			}
		}
		if !ok || name == "" || !c.refIs(toks, i, end, name, boolTypes, c.isBool) {
			out = append(out, toks[i])
			continue
		}
		p, n := lastTok(toks, i), nextTok(toks, end-1)
		numeric := p.kind == 'p' && arithOps[p.text] || n.kind == 'p' && arithOps[n.text]
		if pp := lastIndex(toks, i); p.kind == 'p' && p.text == "(" && n.kind == 'p' && n.text == ")" && pp > 0 {
			if fn := lastTok(toks, pp); fn.kind == 'w' && (strings.EqualFold(fn.text, "sum") || strings.EqualFold(fn.text, "avg")) {
				numeric = true
			}
		}
		literalBool := func(t viewTok) bool {
			return t.kind == 'w' && (strings.EqualFold(t.text, "true") || strings.EqualFold(t.text, "false"))
		}
		if pp := lastIndex(toks, i); numeric && pp >= 0 && literalBool(lastTok(toks, pp)) {
			numeric = false
		}
		if ne := nextIndex(toks, end-1); numeric && ne >= 0 && literalBool(nextTok(toks, ne)) {
			numeric = false
		}
		if !numeric {
			out = append(out, toks[i])
			continue
		}
		out = append(out, viewTok{'r', "CAST("})
		out = append(out, toks[i:end]...)
		out = append(out, viewTok{'r', " AS integer)"})
		i = end - 1
	}
	return out
}

// bitWidth is the width of the BIT column the reference at toks[i:end]
// reads (every candidate of one width), 0 if it is none.
func (c condNames) bitWidth(toks []viewTok, i, end int, name string) int {
	cols, ok := c.resolved(toks, i, end)
	if !ok {
		cols = c.names.cols[name]
	}
	w := 0
	for _, col := range cols {
		if !bitTypes[baseType(col.TargetType)] {
			return 0
		}
		_, mod, _ := strings.Cut(col.TargetType, "(")
		n, err := strconv.Atoi(strings.TrimSuffix(mod, ")"))
		if err != nil || w != 0 && n != w {
			return 0
		}
		w = n
	}
	return w
}

// boolAliasesOf adds to into the aliases of the SELECT items of src that
// give a boolean (made integers by intBoolItems).
func boolAliasesOf(src string, mysql bool, into map[string]bool) {
	toks, err := lexSQL(src, mysql)
	if err != nil {
		return
	}
	for i, t := range toks {
		if t.kind != 'w' || !strings.EqualFold(t.text, "as") {
			continue
		}
		a := nextIndex(toks, i)
		if a < 0 || toks[a].kind != 'q' && (mysql || toks[a].kind != 'w') {
			continue // MySQL quotes every alias; CAST(x AS type) has none
		}
		// the item: back to the comma, SELECT or "(" at its depth
		depth, start := 0, 0
		for j := i - 1; j >= 0; j-- {
			tj := toks[j]
			if tj.kind == 'p' && tj.text == ")" {
				depth++
			} else if tj.kind == 'p' && tj.text == "(" {
				if depth == 0 {
					start = j + 1
					if fn := lastTok(toks, j); fn.kind == 'w' && strings.EqualFold(fn.text, "cast") {
						start = -1
					}
					break
				}
				depth--
			} else if depth == 0 && (tj.kind == 'p' && tj.text == "," || tj.kind == 'w' && (strings.EqualFold(tj.text, "select") || selectModifiers[strings.ToLower(tj.text)])) {
				start = j + 1
				break
			}
		}
		if start >= 0 && givesBool(trimSpace(toks[start:i])) {
			into[strings.ToLower(toks[a].text)] = true
		}
	}
}

// havingAliases replaces, in the HAVING of each SELECT of toks (the
// top level's, a UNION branch's, a subquery's, a derived table's), each
// bare name of a SELECT item's alias (MySQL reads them there; MariaDB
// stores HAVING flag as `flag` <> 0) by the item's expression, which
// PostgreSQL needs: an integer when it gives a boolean, as the item is.
// A name that is also a column is left alone (MySQL's choice between
// the two is not followed).
func (c condNames) havingAliases(toks []viewTok) []viewTok {
	var flat []viewTok
	for i := 0; i < len(toks); i++ {
		if toks[i].kind == 'p' && toks[i].text == "(" {
			end := closeParen(toks, i)
			if end < 0 {
				return toks
			}
			// a subquery or derived table: its own SELECT, its own aliases
			flat = append(append(append(flat, toks[i]), c.havingAliases(toks[i+1:end])...), toks[end])
			i = end
			continue
		}
		flat = append(flat, toks[i])
	}
	var out []viewTok
	start := 0
	topLevel(flat, func(j int) {
		if w := strings.ToLower(flat[j].text); flat[j].kind == 'w' && (w == "union" || w == "except" || w == "intersect") {
			out = append(append(out, c.havingAliasesOne(flat[start:j])...), flat[j])
			start = j + 1
		}
	})
	return append(out, c.havingAliasesOne(flat[start:])...)
}

// aliasTok: t can be a name (MySQL quotes every one; SQLite's may be
// bare words).
func (c condNames) aliasTok(t viewTok) bool {
	return t.kind == 'q' || !c.mysql && t.kind == 'w' && !sqlKeywords[strings.ToLower(t.text)]
}

// havingAliasesOne is havingAliases for one SELECT (no UNION at its top
// level), whose subqueries are done.
func (c condNames) havingAliasesOne(toks []viewTok) []viewTok {
	at, ok := clauses(toks)
	if !ok || at["having"] < 0 || at["from"] < 0 {
		return toks
	}
	exprs := map[string][]viewTok{}
	for _, it := range selectItems(toks) {
		if it[0] < at["select"] || it[1] > at["from"] {
			continue
		}
		item := toks[it[0]:it[1]]
		as := lastTopWord(item, "as")
		if as < 0 {
			continue
		}
		a := nextIndex(item, as)
		if a < 0 || !c.aliasTok(item[a]) {
			continue
		}
		expr := trimSpace(item[:as])
		if givesBool(expr) {
			expr = append(append([]viewTok{{'r', "CAST(("}}, expr...), viewTok{'r', ") AS integer)"})
		} else {
			expr = append(append([]viewTok{{'r', "("}}, expr...), viewTok{'r', ")"})
		}
		exprs[strings.ToLower(item[a].text)] = expr
	}
	end := clauseEnd(at, at["having"], len(toks))
	out := append([]viewTok{}, toks[:at["having"]]...)
	for i := at["having"]; i < end; i++ {
		t := toks[i]
		name := strings.ToLower(t.text)
		dotted := i > 0 && toks[i-1].kind == 'p' && toks[i-1].text == "." || i+1 < len(toks) && toks[i+1].kind == 'p' && toks[i+1].text == "."
		if expr, ok := exprs[name]; ok && c.aliasTok(t) && !dotted && len(c.names.cols[name]) == 0 {
			out = append(out, expr...)
			continue
		}
		out = append(out, t)
	}
	return append(out, toks[end:]...)
}

// textTypes are the PostgreSQL types the copy gives text.
var textTypes = map[string]bool{"text": true, "varchar": true, "character varying": true, "char": true, "character": true, "bpchar": true, "citext": true}

// sqliteMinMax translates SQLite's min() and max(). Of one argument they
// are aggregates, PostgreSQL's namesakes, but SQLite orders text by its
// bytes (BINARY): a text column's is compared COLLATE "C", as SQLite
// does, not by the database's collation. Of several they are SQLite's
// scalar functions, NULL when any argument is; PostgreSQL's LEAST and
// GREATEST skip NULLs, so those are refused.
func (c condNames) sqliteMinMax(toks []viewTok) ([]viewTok, error) {
	var out []viewTok
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		lower := strings.ToLower(t.text)
		open := nextIndex(toks, i)
		if t.kind != 'w' || lower != "min" && lower != "max" || open < 0 || toks[open].kind != 'p' || toks[open].text != "(" {
			out = append(out, t)
			continue
		}
		end := closeParen(toks, open)
		if end < 0 {
			return nil, errUnbalanced
		}
		args := splitArgs(toks[open+1 : end])
		if len(args) > 1 {
			return nil, errScalarMinMax(lower)
		}
		a := args[0]
		if e, name, ok := c.operandAt(a, 0); len(a) > 0 && ok && e == len(a) && name != "" && c.refIs(a, 0, e, name, textTypes, func(n string) bool { return c.allOf(n, textTypes) }) {
			out = append(out, viewTok{'r', lower + "(("})
			out = append(out, a...)
			out = append(out, viewTok{'r', `) COLLATE "C")`})
			i = end
			continue
		}
		out = append(out, t)
	}
	return out, nil
}

// allOf: every column named name has one of types, and there is one.
func (c condNames) allOf(name string, types map[string]bool) bool {
	cols := c.names.cols[name]
	for _, col := range cols {
		if !types[baseType(col.TargetType)] {
			return false
		}
	}
	return len(cols) > 0
}

var errUnbalanced = errors.New("unbalanced parentheses")

func errScalarMinMax(fn string) error {
	return fmt.Errorf("SQLite's %s() of several values (NULL when any is NULL; PostgreSQL's %s skips NULLs) is not translated",
		fn, map[string]string{"min": "LEAST", "max": "GREATEST"}[fn])
}
