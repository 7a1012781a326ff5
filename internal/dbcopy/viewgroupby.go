package dbcopy

import (
	"fmt"
	"strings"
)

// MySQL (without ONLY_FULL_GROUP_BY, MariaDB's default) lets a grouped
// SELECT read columns neither grouped nor aggregated, taking each from
// any row of its group; PostgreSQL refuses them unless their table's
// primary key is grouped. anyValue wraps such a column, in the SELECT
// list, HAVING and ORDER BY, as (array_agg(col))[1]: a value of a row of
// the group, which is the value when the column depends on the grouped
// ones (Sakila's sales_by_store: a store's city, country and manager)
// and one of those MySQL may take otherwise.

// mysqlAggregates are the aggregates whose arguments are not wrapped.
var mysqlAggregates = map[string]bool{"count": true, "sum": true, "min": true, "max": true, "avg": true, "group_concat": true,
	"std": true, "stddev": true, "stddev_pop": true, "stddev_samp": true, "variance": true, "var_pop": true, "var_samp": true,
	"bit_and": true, "bit_or": true, "bit_xor": true}

// colRef is a name path (`a`.`b`.`c`) at toks[start:end], the
// qualifier left out of parts.
type colRef struct {
	start, end int
	parts      []string // lower-case
}

// refAt reads the name path starting at toks[i], if one does.
func refAt(toks []viewTok, i int, qualifier string) (colRef, bool) {
	if toks[i].kind != 'q' || i > 0 && toks[i-1].kind == 'p' && toks[i-1].text == "." {
		return colRef{}, false
	}
	r := colRef{start: i, end: i + 1, parts: []string{strings.ToLower(toks[i].text)}}
	for r.end+1 < len(toks) && toks[r.end].kind == 'p' && toks[r.end].text == "." && toks[r.end+1].kind == 'q' {
		r.parts = append(r.parts, strings.ToLower(toks[r.end+1].text))
		r.end += 2
	}
	if len(r.parts) > 1 && qualifier != "" && r.parts[0] == strings.ToLower(qualifier) {
		r.parts = r.parts[1:]
	}
	return r, true
}

func (c colRef) key() string { return strings.Join(c.parts, ".") }

// clauses finds the top-level SELECT, FROM, GROUP BY, HAVING, ORDER BY
// and LIMIT of toks: the index where each starts, -1 if absent; ok is
// false for a UNION or a second SELECT.
func clauses(toks []viewTok) (at map[string]int, ok bool) {
	at = map[string]int{"select": -1, "from": -1, "where": -1, "group": -1, "having": -1, "order": -1, "limit": -1}
	ok = true
	topLevel(toks, func(j int) {
		t := toks[j]
		w := strings.ToLower(t.text)
		if t.kind != 'w' {
			return
		}
		if w == "union" || w == "select" && at["select"] >= 0 || w == "with" {
			ok = false
		}
		if pos, known := at[w]; known && pos < 0 {
			if n := nextIndex(toks, j); (w == "group" || w == "order") && (n < 0 || !strings.EqualFold(toks[n].text, "by")) {
				return
			}
			at[w] = j
		}
	})
	return at, ok && at["select"] >= 0
}

// clauseEnd is where the clause starting at start ends: the next
// clause's start, or the end.
func clauseEnd(at map[string]int, start, n int) int {
	end := n
	for _, p := range at {
		if p > start && p < end {
			end = p
		}
	}
	return end
}

// anyValue wraps the columns of toks' grouped SELECT that PostgreSQL
// would refuse; toks come back as they are when there is no GROUP BY or
// the SELECT is one it does not read (a subquery in a clause wrapped).
// With rollup (GROUP BY ROLLUP), no table's key makes its columns
// grouped: MySQL's super-aggregate rows take them from any row.
func (r viewRewriter) anyValue(toks []viewTok, rollup bool) []viewTok {
	at, ok := clauses(toks)
	if !ok || at["group"] < 0 || at["from"] < 0 {
		return toks
	}
	grouped := map[string]bool{}
	for i := at["group"]; i < clauseEnd(at, at["group"], len(toks)); i++ {
		if c, ok := refAt(toks, i, r.v.Qualifier); ok {
			grouped[c.key()] = true
			i = c.end - 1
		}
	}
	keyed := map[string]bool{}
	if !rollup {
		keyed = r.keyedAliases(toks[at["from"]:clauseEnd(at, at["from"], len(toks))], grouped)
	}
	wrap := map[int]int{} // start -> end of the columns to wrap
	for _, clause := range []string{"select", "having", "order"} {
		if at[clause] < 0 {
			continue
		}
		end := clauseEnd(at, at[clause], len(toks))
		if !r.ungrouped(toks, at[clause], end, grouped, keyed, wrap) {
			return toks
		}
	}
	if len(wrap) == 0 {
		return toks
	}
	var out []viewTok
	for i := 0; i < len(toks); i++ {
		if end, ok := wrap[i]; ok {
			out = append(append(append(out, viewTok{'r', "(array_agg("}), toks[i:end]...), viewTok{'r', "))[1]"})
			i = end - 1
			continue
		}
		out = append(out, toks[i])
	}
	return out
}

// ungrouped adds to wrap the columns of toks[start:end] outside
// aggregates that are neither grouped nor of a table whose key is; false:
// the clause has a subquery, or such a column is an array.
func (r viewRewriter) ungrouped(toks []viewTok, start, end int, grouped, keyed map[string]bool, wrap map[int]int) bool {
	var stack []bool // per "(": inside an aggregate
	for i := start; i < end; i++ {
		t := toks[i]
		inAgg := len(stack) > 0 && stack[len(stack)-1]
		switch {
		case t.kind == 'p' && t.text == "(":
			if n := nextIndex(toks, i); n > 0 && strings.EqualFold(toks[n].text, "select") {
				return false
			}
			p := lastTok(toks, i)
			stack = append(stack, inAgg || p.kind == 'w' && mysqlAggregates[strings.ToLower(p.text)])
		case t.kind == 'p' && t.text == ")":
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case t.kind == 'q' && !inAgg:
			c, ok := refAt(toks, i, r.v.Qualifier)
			if !ok || len(c.parts) < 2 || grouped[c.key()] || keyed[c.parts[0]] {
				continue
			}
			for _, col := range r.names.cols[c.parts[len(c.parts)-1]] {
				if strings.HasSuffix(col.TargetType, "]") {
					return false
				}
			}
			wrap[c.start] = c.end
			i = c.end - 1
		}
	}
	return true
}

// keyedAliases are the tables (by alias, or name) of a FROM clause whose
// primary key is grouped: PostgreSQL reads their columns as grouped.
func (r viewRewriter) keyedAliases(from []viewTok, grouped map[string]bool) map[string]bool {
	keyed := map[string]bool{}
	for i := 0; i < len(from); i++ {
		c, ok := refAt(from, i, r.v.Qualifier)
		if !ok {
			continue
		}
		i = c.end - 1
		t := r.names.tableDefs[c.parts[len(c.parts)-1]]
		if len(c.parts) != 1 || t == nil || len(t.PK) == 0 {
			continue
		}
		alias := c.parts[0]
		if n := nextIndex(from, c.end-1); n > 0 && from[n].kind == 'q' {
			if a, ok := refAt(from, n, ""); ok && len(a.parts) == 1 {
				alias, i = a.parts[0], a.end-1
			}
		}
		all := true
		for _, k := range t.PK {
			all = all && grouped[alias+"."+strings.ToLower(k)]
		}
		keyed[alias] = all
	}
	return keyed
}

// rewriteRollup rewrites MySQL's "GROUP BY a, b WITH ROLLUP" as
// PostgreSQL's "GROUP BY ROLLUP(a, b)", whose super-aggregate rows hold
// NULL in the rolled-up columns as MySQL's do; rollup says there was one.
// MariaDB's GROUP BY a DESC (ordering the groups) is not translated.
func rewriteRollup(toks []viewTok) ([]viewTok, bool, error) {
	rollup := false
	for {
		at := -1
		for i, t := range toks {
			if t.kind == 'w' && strings.EqualFold(t.text, "with") {
				if n := nextIndex(toks, i); n > 0 && toks[n].kind == 'w' && strings.EqualFold(toks[n].text, "rollup") {
					at = i
					break
				}
			}
		}
		if at < 0 {
			return toks, rollup, nil
		}
		rollup = true
		// The GROUP BY before it, at its depth.
		by, depth := -1, 0
		for j := at - 1; j >= 0 && by < 0; j-- {
			t := toks[j]
			switch {
			case t.kind == 'p' && t.text == ")":
				depth++
			case t.kind == 'p' && t.text == "(":
				depth--
			case depth == 0 && t.kind == 'w' && strings.EqualFold(t.text, "by"):
				if p := lastIndex(toks, j); p >= 0 && strings.EqualFold(toks[p].text, "group") {
					by = j
				}
			}
			if depth < 0 {
				break
			}
		}
		if by < 0 {
			return nil, false, fmt.Errorf("WITH ROLLUP without GROUP BY")
		}
		list := trimSpace(toks[by+1 : at])
		for _, a := range splitArgs(list) {
			if n := len(a); n == 0 || a[n-1].kind == 'w' && (strings.EqualFold(a[n-1].text, "desc") || strings.EqualFold(a[n-1].text, "asc")) {
				return nil, false, fmt.Errorf("GROUP BY ... ASC/DESC WITH ROLLUP is not translated")
			}
		}
		out := append([]viewTok{}, toks[:by+1]...)
		out = append(append(append(out, viewTok{'r', " ROLLUP("}), list...), viewTok{'r', ")"})
		toks = append(out, toks[nextIndex(toks, at)+1:]...)
	}
}
