package dbcopy

import (
	"fmt"
	"strings"
)

// rewriteGroupConcat rewrites GROUP_CONCAT([DISTINCT] expr[, expr...]
// [ORDER BY key [ASC|DESC], ...] [SEPARATOR 's']) as string_agg of the
// expressions made text (several are concatenated, NULL if one is, as
// MySQL does), ',' the default separator. MySQL sorts NULL keys first
// when ascending: NULLS FIRST/LAST say so. PostgreSQL's DISTINCT needs
// its ORDER BY keys among its arguments, so a DISTINCT GROUP_CONCAT with
// ORDER BY keeps, of each value, its first place in the order:
//
//	(SELECT string_agg(gc_u.x, sep ORDER BY gc_u.o) FROM (SELECT gc_t.x, min(gc_t.o) AS o
//	 FROM unnest(array_agg(expr ORDER BY key)) WITH ORDINALITY AS gc_t(x, o) GROUP BY gc_t.x) AS gc_u)
//
// MySQL's DISTINCT and ORDER BY compare text by collation: the view is
// noted (textCmp), as its GROUP_CONCAT is (MySQL cuts it at
// group_concat_max_len bytes).
func (r viewRewriter) rewriteGroupConcat(inner []viewTok) ([]viewTok, error) {
	r.v.groupConcat = true
	distinct := len(inner) > 0 && inner[0].kind == 'w' && strings.EqualFold(inner[0].text, "distinct")
	if distinct {
		inner = trimSpace(inner[1:])
		r.v.textCmp = true
	}
	sep := viewTok{'s', ","}
	if at := lastTopWord(inner, "separator"); at >= 0 {
		rest := trimSpace(inner[at+1:])
		if len(rest) != 1 || rest[0].kind != 's' {
			return nil, fmt.Errorf("GROUP_CONCAT with a SEPARATOR other than a string is not translated")
		}
		sep, inner = rest[0], trimSpace(inner[:at])
	}
	if lastTopWord(inner, "limit") >= 0 {
		return nil, fmt.Errorf("GROUP_CONCAT with LIMIT is not translated")
	}
	var keys []viewTok
	if at := topOrderBy(inner); at >= 0 {
		var err error
		if keys, err = r.groupOrder(trimSpace(inner[nextIndex(inner, at)+1:])); err != nil {
			return nil, err
		}
		inner = trimSpace(inner[:at])
	}
	expr, err := r.groupExpr(splitArgs(inner))
	if err != nil {
		return nil, err
	}
	sepToks := []viewTok{{'r', ", "}, sep}
	switch {
	case distinct && keys != nil:
		out := []viewTok{{'r', "(SELECT string_agg(gc_u.x, "}, sep, {'r', " ORDER BY gc_u.o) FROM (SELECT gc_t.x, min(gc_t.o) AS o FROM unnest(array_agg(("}}
		out = append(append(out, expr...), viewTok{'r', ") ORDER BY "})
		out = append(append(out, keys...), viewTok{'r', ")) WITH ORDINALITY AS gc_t(x, o) GROUP BY gc_t.x) AS gc_u)"})
		return out, nil
	case distinct:
		out := append([]viewTok{{'r', "string_agg(DISTINCT "}}, expr...)
		return append(append(out, sepToks...), viewTok{'r', ")"}), nil
	default:
		out := append(append([]viewTok{{'r', "string_agg("}}, expr...), sepToks...)
		if keys != nil {
			out = append(append(out, viewTok{'r', " ORDER BY "}), keys...)
		}
		return append(out, viewTok{'r', ")"}), nil
	}
}

// groupExpr is GROUP_CONCAT's expressions as one text.
func (r viewRewriter) groupExpr(args [][]viewTok) ([]viewTok, error) {
	if len(args) == 1 {
		if len(args[0]) == 0 {
			return nil, fmt.Errorf("GROUP_CONCAT without an expression is not translated")
		}
		t, err := r.textArg("GROUP_CONCAT", args[0])
		if err != nil {
			return nil, err
		}
		if len(args[0]) == 1 && args[0][0].kind == 's' { // a literal: give it a type
			t = append(append([]viewTok{{'r', "CAST("}}, t...), viewTok{'r', " AS text)"})
		}
		return t, nil
	}
	out := []viewTok{{'r', "("}}
	for k, a := range args {
		if k > 0 {
			out = append(out, viewTok{'r', " || "})
		}
		t, err := r.textArg("GROUP_CONCAT", a)
		if err != nil {
			return nil, err
		}
		out = append(out, t...)
	}
	return append(out, viewTok{'r', ")"}), nil
}

// topOrderBy is the index of a top-level ORDER (of ORDER BY) in toks, -1
// if none.
func topOrderBy(toks []viewTok) int {
	at := -1
	topLevel(toks, func(j int) {
		if at < 0 && toks[j].kind == 'w' && strings.EqualFold(toks[j].text, "order") {
			if n := nextIndex(toks, j); n > 0 && strings.EqualFold(toks[n].text, "by") {
				at = j
			}
		}
	})
	return at
}

// groupOrder rewrites GROUP_CONCAT's ORDER BY keys, each with the NULLS
// placement MySQL gives it.
func (r viewRewriter) groupOrder(order []viewTok) ([]viewTok, error) {
	var out []viewTok
	for k, key := range splitArgs(order) {
		dir := " ASC NULLS FIRST"
		if n := len(key); n > 0 && key[n-1].kind == 'w' {
			switch strings.ToLower(key[n-1].text) {
			case "desc":
				dir, key = " DESC NULLS LAST", trimSpace(key[:n-1])
			case "asc":
				key = trimSpace(key[:n-1])
			}
		}
		if len(key) == 0 || len(key) == 1 && key[0].kind == 'n' {
			return nil, fmt.Errorf("GROUP_CONCAT ORDER BY a position or nothing is not translated")
		}
		if r.mayBeText(key) {
			r.v.textCmp = true
		}
		rw, err := r.rewrite(key)
		if err != nil {
			return nil, err
		}
		if k > 0 {
			out = append(out, viewTok{'r', ", "})
		}
		out = append(append(out, rw...), viewTok{'r', dir})
	}
	return out, nil
}

// mayBeText: key may be text (a literal, a call, a column of a text type
// or of no known type).
func (r viewRewriter) mayBeText(key []viewTok) bool {
	for i, t := range key {
		switch {
		case t.kind == 's', t.kind == 'w' && nextTok(key, i).text == "(":
			return true
		case t.kind == 'q' && nextTok(key, i).text != ".":
			cols := r.names.cols[strings.ToLower(t.text)]
			if len(cols) == 0 {
				return true
			}
			for _, c := range cols {
				if base, _, _ := strings.Cut(c.TargetType, "("); !numericOrTime[strings.TrimSpace(base)] {
					return true
				}
			}
		}
	}
	return false
}

var numericOrTime = map[string]bool{"smallint": true, "integer": true, "bigint": true, "numeric": true, "real": true,
	"double precision": true, "date": true, "timestamp": true, "timestamptz": true, "boolean": true}
