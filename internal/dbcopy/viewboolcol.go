package dbcopy

import "strings"

// MySQL has no boolean type: a comparison, IS NULL, IN, LIKE, BETWEEN,
// NOT, AND, OR, EXISTS, TRUE and FALSE give the integers 1 and 0 (or
// NULL), and a view's column of one is an integer column that the
// application reads, sums or compares with 1. PostgreSQL gives booleans
// (true/false, which sum() refuses). intBoolItems makes each such item
// of a SELECT list CAST((item) AS integer): 1, 0 and NULL as MySQL gives.

// selectModifiers may follow SELECT before its first item.
var selectModifiers = map[string]bool{"distinct": true, "all": true, "distinctrow": true, "straight_join": true,
	"high_priority": true, "sql_cache": true, "sql_no_cache": true, "sql_calc_found_rows": true,
	"sql_small_result": true, "sql_big_result": true, "sql_buffer_result": true}

// selectListEnd are the words ending a SELECT list at its own depth.
var selectListEnd = map[string]bool{"from": true, "union": true, "where": true, "group": true, "having": true,
	"order": true, "limit": true, "into": true, "window": true, "for": true, "lock": true, "except": true, "intersect": true}

// intBoolItems rewrites the items of every SELECT list in toks (the
// view's own, each UNION branch's and each derived table's) that give a
// boolean at their top level. SQLite, too, gives 1 and 0; but it names
// an item without AS by its text, which PostgreSQL does not: names, nil
// for MySQL (which stores an alias for each), holds SQLite's name of
// each item in selectItems' order, given to the items rewritten.
func intBoolItems(toks []viewTok, names []string) []viewTok {
	var out []viewTok
	k := 0
	walkSelectItems(toks, func(j int) { out = append(out, toks[j]) }, func(start, stop int) {
		name := ""
		if k < len(names) {
			name = names[k]
		}
		k++
		out = append(out, boolItem(toks[start:stop], name)...)
	})
	return out
}

// selectItems lists the items intBoolItems reads, as [start, stop).
func selectItems(toks []viewTok) [][2]int {
	var items [][2]int
	walkSelectItems(toks, func(int) {}, func(start, stop int) { items = append(items, [2]int{start, stop}) })
	return items
}

// walkSelectItems calls item for each item of every SELECT list in toks
// outside another item, and other for every token outside them.
func walkSelectItems(toks []viewTok, other func(j int), item func(start, stop int)) {
	for i := 0; i < len(toks); i++ {
		other(i)
		if toks[i].kind != 'w' || !strings.EqualFold(toks[i].text, "select") {
			continue
		}
		end := i + 1
		for {
			j := nextIndex(toks, end-1)
			if j < 0 || toks[j].kind != 'w' || !selectModifiers[strings.ToLower(toks[j].text)] {
				break
			}
			end = j + 1
		}
		for j := i + 1; j < end; j++ {
			other(j)
		}
		for start := end; ; {
			stop, last := selectItemEnd(toks, start)
			item(start, stop)
			if last {
				i = stop - 1
				break
			}
			other(stop) // the comma
			start = stop + 1
		}
	}
}

// sqliteItemNames are SQLite's names of the items selectItems finds in
// toks, which start at starts[i] in src: "" for an item with AS, else
// its text as written.
func sqliteItemNames(src string, toks []viewTok, starts []int) []string {
	var names []string
	for _, it := range selectItems(toks) {
		item := toks[it[0]:it[1]]
		if lastTopWord(item, "as") >= 0 {
			names = append(names, "")
			continue
		}
		lead, tail := it[0], it[1]
		for lead < tail && toks[lead].kind == ' ' {
			lead++
		}
		for tail > lead && toks[tail-1].kind == ' ' {
			tail--
		}
		end := len(src)
		if tail < len(starts) {
			end = starts[tail]
		}
		if lead >= tail {
			names = append(names, "")
			continue
		}
		names = append(names, src[starts[lead]:end])
	}
	return names
}

// selectItemEnd is the index ending the item from start (a comma at its
// depth, the word or ")" ending the list, or the end); last says no item
// follows.
func selectItemEnd(toks []viewTok, start int) (int, bool) {
	depth := 0
	for j := start; j < len(toks); j++ {
		t := toks[j]
		switch {
		case t.kind == 'p' && t.text == "(":
			depth++
		case t.kind == 'p' && t.text == ")":
			if depth == 0 {
				return j, true
			}
			depth--
		case depth == 0 && t.kind == 'p' && t.text == ",":
			return j, false
		case depth == 0 && t.kind == 'w' && selectListEnd[strings.ToLower(t.text)]:
			return j, true
		}
	}
	return len(toks), true
}

// boolItem wraps item (an expression, then AS and its alias) when the
// expression gives a boolean; name, if the item has no alias, is the
// alias given (SQLite's name of the item).
func boolItem(item []viewTok, name string) []viewTok {
	expr, alias := item, []viewTok(nil)
	depth := 0
	for j, t := range item {
		switch {
		case t.kind == 'p' && t.text == "(":
			depth++
		case t.kind == 'p' && t.text == ")":
			depth--
		case depth == 0 && t.kind == 'w' && strings.EqualFold(t.text, "as"):
			expr, alias = item[:j], item[j:]
		}
	}
	// keep the spaces around the expression outside the CAST
	lead := 0
	for lead < len(expr) && expr[lead].kind == ' ' {
		lead++
	}
	tail := len(expr)
	for tail > lead && expr[tail-1].kind == ' ' {
		tail--
	}
	if !givesBool(expr[lead:tail]) {
		return item
	}
	if alias == nil && name != "" {
		alias = []viewTok{{'r', " AS " + quoteIdent(name)}}
	}
	out := append([]viewTok{}, expr[:lead]...)
	out = append(out, viewTok{'r', "CAST(("})
	out = append(out, expr[lead:tail]...)
	out = append(out, viewTok{'r', ") AS integer)"})
	out = append(out, expr[tail:]...)
	return append(out, alias...)
}

// givesBool: expr's value is a boolean, judged at its top level; a
// function's arguments, a subquery and a CASE are opaque (their value is
// whatever they return), parentheses alone are not.
func givesBool(expr []viewTok) bool {
	for i := 0; i < len(expr); i++ {
		t := expr[i]
		lower := strings.ToLower(t.text)
		switch {
		case t.kind == 'p' && t.text == "(":
			prev, next := lastTok(expr, i), nextTok(expr, i)
			if prev.kind == 'w' || prev.kind == 'q' || next.kind == 'w' && strings.EqualFold(next.text, "select") {
				if end := closeParen(expr, i); end > 0 {
					i = end
				}
			}
		case t.kind == 'w' && lower == "case":
			i = caseEnd(expr, i)
		case t.kind == 'w' && (mysqlBoolWords[lower] || lower == "glob" || lower == "match"),
			t.kind == 'p' && (mysqlBoolOps[t.text] || t.text == "=="):
			return true
		}
	}
	return false
}

// caseEnd is the index of the END closing the CASE at i.
func caseEnd(toks []viewTok, i int) int {
	n := 0
	for j := i; j < len(toks); j++ {
		if toks[j].kind != 'w' {
			continue
		}
		switch strings.ToLower(toks[j].text) {
		case "case":
			n++
		case "end":
			if n--; n == 0 {
				return j
			}
		}
	}
	return len(toks)
}

// boolAggregates are the aggregates MySQL applies to a condition's 1 and
// 0 (SUM(status = 'open') counts the open rows) and PostgreSQL refuses
// for a boolean.
var boolAggregates = map[string]bool{"sum": true, "avg": true, "max": true, "min": true}

// intBoolAggregates makes the argument of SUM, AVG, MAX and MIN an
// integer when it gives a boolean.
func intBoolAggregates(toks []viewTok) []viewTok {
	var out []viewTok
	for i := 0; i < len(toks); i++ {
		out = append(out, toks[i])
		open := nextIndex(toks, i)
		if toks[i].kind != 'w' || !boolAggregates[strings.ToLower(toks[i].text)] || open < 0 || toks[open].kind != 'p' || toks[open].text != "(" {
			continue
		}
		end := closeParen(toks, open)
		if end < 0 {
			continue
		}
		arg := toks[open+1 : end]
		if j := nextIndex(toks, open); j >= 0 && j < end && toks[j].kind == 'w' && strings.EqualFold(toks[j].text, "distinct") {
			arg = toks[j+1 : end]
		}
		if !givesBool(trimSpace(arg)) {
			continue
		}
		out = append(out, toks[i+1:end-len(arg)]...)
		out = append(out, viewTok{'r', "CAST(("})
		out = append(out, intBoolAggregates(arg)...)
		out = append(out, viewTok{'r', ") AS integer)"}, toks[end])
		i = end
	}
	return out
}
