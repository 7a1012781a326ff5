package dbcopy

import (
	"fmt"
	"strings"
)

// MySQL syntax PostgreSQL spells otherwise, rewritten token by token
// before translateView's names and functions: LIMIT offset,count and
// IF(c, a, b) here; CAST in viewcast.go; CONCAT, CONCAT_WS, SUBSTR,
// LENGTH, GREATEST and LEAST in viewconcat.go; GROUP_CONCAT in
// viewgroupconcat.go; LOCATE, LEFT and RIGHT in viewlocate.go;
// DATE_FORMAT, TIMESTAMPDIFF and INTERVAL arithmetic in viewdate.go;
// WITH ROLLUP in viewgroupby.go; joins without a condition in
// viewjoin.go. The tokens written have kind 'r', which
// translateView copies as they are.

// viewRewriter rewrites one MySQL view's tokens; names tells the
// functions that stringify their arguments which columns are of a type
// PostgreSQL writes otherwise (viewconcat.go).
type viewRewriter struct {
	v     *View
	names viewNames
	scope viewScope
}

// rewriteMySQLView rewrites toks; an error says what does not translate.
func rewriteMySQLView(v *View, names viewNames, toks []viewTok) ([]viewTok, error) {
	scope := newViewScope(toks, names, true)
	if err := zeroDateReads(v, toks, names, scope); err != nil {
		return nil, err
	}
	r := viewRewriter{v: v, names: names, scope: scope}
	c := condNames{names: names, qualifier: v.Qualifier, mysql: true, scope: scope}
	toks = c.boolInts(c.intConditions(c.havingAliases(toks)))
	toks, err := r.rewriteIntervals(rewriteJoins(intBoolAggregates(intBoolItems(toks, nil))))
	if err != nil {
		return nil, err
	}
	toks, rollup, err := rewriteRollup(toks)
	if err != nil {
		return nil, err
	}
	grouped := r.anyValue(toks, rollup)
	if rollup && len(grouped) != len(toks) {
		return nil, fmt.Errorf("WITH ROLLUP reading columns neither grouped nor aggregated is not translated")
	}
	return r.rewrite(grouped)
}

func (r viewRewriter) rewrite(toks []viewTok) ([]viewTok, error) {
	var out []viewTok
	for i := 0; i < len(toks); i++ {
		tok := toks[i]
		if tok.kind != 'w' {
			out = append(out, tok)
			continue
		}
		lower := strings.ToLower(tok.text)
		open := nextIndex(toks, i)
		if lower == "limit" {
			// LIMIT offset,count: MariaDB stores LIMIT n OFFSET m so too.
			rw, end := rewriteLimit(toks, i)
			out, i = append(out, rw...), end
			continue
		}
		if open < 0 || toks[open].text != "(" || toks[open].kind != 'p' || !mysqlRewritten[lower] {
			out = append(out, tok)
			continue
		}
		end := closeParen(toks, open)
		if end < 0 {
			return nil, fmt.Errorf("unbalanced parentheses")
		}
		rw, err := r.call(lower, trimSpace(toks[open+1:end]))
		if err != nil {
			return nil, err
		}
		out, i = append(out, rw...), end
	}
	return out, nil
}

// mysqlRewritten are the functions call rewrites.
var mysqlRewritten = map[string]bool{"cast": true, "if": true, "concat": true, "concat_ws": true, "group_concat": true,
	"substr": true, "substring": true, "mid": true, "length": true, "octet_length": true, "greatest": true, "least": true,
	"locate": true, "left": true, "right": true, "date_format": true, "timestampdiff": true, "ifnull": true, "coalesce": true}

// call rewrites the call of function fn (lower-case), inner being the
// tokens between its parentheses.
func (r viewRewriter) call(fn string, inner []viewTok) ([]viewTok, error) {
	switch fn {
	case "cast":
		return r.rewriteCast(inner)
	case "if":
		return r.rewriteIf(inner)
	case "concat":
		return r.rewriteConcat(inner)
	case "concat_ws":
		return r.rewriteConcatWS(inner)
	case "group_concat":
		return r.rewriteGroupConcat(inner)
	case "greatest", "least":
		return r.rewriteGreatest(fn, inner)
	case "substr", "substring", "mid":
		return r.rewriteSubstr(fn, inner)
	case "locate":
		return r.rewriteLocate(inner)
	case "left", "right":
		return r.rewriteLeftRight(fn, inner)
	case "date_format":
		return r.rewriteDateFormat(inner)
	case "timestampdiff":
		return r.rewriteTimestampDiff(inner)
	case "ifnull", "coalesce":
		return r.rewriteCoalesce(fn, inner)
	default: // length, octet_length
		return r.rewriteLength(fn, inner)
	}
}

// rewriteLimit rewrites LIMIT offset,count at toks[i] as LIMIT count
// OFFSET offset; it returns the tokens and the index of the last one read.
func rewriteLimit(toks []viewTok, i int) ([]viewTok, int) {
	a, comma := nextIndex(toks, i), -1
	if a > 0 {
		comma = nextIndex(toks, a)
	}
	if a > 0 && comma > 0 && toks[a].kind == 'n' && toks[comma].text == "," && toks[comma].kind == 'p' {
		if b := nextIndex(toks, comma); b > 0 && toks[b].kind == 'n' {
			return []viewTok{toks[i], {' ', " "}, toks[b], {'r', " OFFSET "}, toks[a]}, b
		}
	}
	return toks[i : i+1], i
}

// rewriteIf turns the inside of IF(c, a, b) into a CASE.
func (r viewRewriter) rewriteIf(inner []viewTok) ([]viewTok, error) {
	args := splitArgs(inner)
	if len(args) != 3 {
		return nil, fmt.Errorf("IF with %d arguments is not translated", len(args))
	}
	out := []viewTok{{'r', "CASE WHEN "}}
	for k, word := range []string{" THEN ", " ELSE ", " END"} {
		rw, err := r.rewrite(args[k])
		if err != nil {
			return nil, err
		}
		if k == 0 && r.columnOf(args[0], "bit", "bit varying", "varbit") {
			// MySQL: a BIT is true when a bit is set.
			rw = append(append([]viewTok{{'r', "position(B'1' IN ("}}, rw...), viewTok{'r', ")) > 0"})
		} else if k == 0 && (r.numberColumn(args[0]) || len(args[0]) == 1 && args[0][0].kind == 'n' || r.intAlias(args[0])) {
			// MySQL: a number is true when not 0 (NULL is not true).
			rw = append(append([]viewTok{{'r', "("}}, rw...), viewTok{'r', ") <> 0"})
		}
		out = append(append(out, rw...), viewTok{'r', word})
	}
	return out, nil
}

// intAlias: a is a name (no column's) that a SELECT list made an integer.
func (r viewRewriter) intAlias(a []viewTok) bool {
	c := condNames{names: r.names, qualifier: r.v.Qualifier, mysql: true, scope: r.scope}
	end, name, ok := c.operandAt(a, 0)
	return ok && end == len(a) && name != "" && len(r.names.cols[name]) == 0 && r.names.intAliases[name]
}

// topLevel calls f with the index of each token of toks outside
// parentheses (parentheses themselves left out).
func topLevel(toks []viewTok, f func(j int)) {
	depth := 0
	for j, t := range toks {
		switch {
		case t.kind == 'p' && t.text == "(":
			depth++
		case t.kind == 'p' && t.text == ")":
			depth--
		case depth == 0:
			f(j)
		}
	}
}

// splitArgs splits a call's inside at its top-level commas, each
// argument trimmed of white space.
func splitArgs(inner []viewTok) [][]viewTok {
	var args [][]viewTok
	start := 0
	topLevel(inner, func(j int) {
		if inner[j].kind == 'p' && inner[j].text == "," {
			args = append(args, trimSpace(inner[start:j]))
			start = j + 1
		}
	})
	return append(args, trimSpace(inner[start:]))
}

// lastTopWord is the index of the last top-level word w (any case) in
// toks, -1 if none.
func lastTopWord(toks []viewTok, w string) int {
	at := -1
	topLevel(toks, func(j int) {
		if toks[j].kind == 'w' && strings.EqualFold(toks[j].text, w) {
			at = j
		}
	})
	return at
}

func trimSpace(toks []viewTok) []viewTok {
	for len(toks) > 0 && toks[0].kind == ' ' {
		toks = toks[1:]
	}
	for len(toks) > 0 && toks[len(toks)-1].kind == ' ' {
		toks = toks[:len(toks)-1]
	}
	return toks
}

// nextIndex is the index of the next token after i that is not white
// space, -1 at the end.
func nextIndex(toks []viewTok, i int) int {
	for j := i + 1; j < len(toks); j++ {
		if toks[j].kind != ' ' {
			return j
		}
	}
	return -1
}

// closeParen is the index of the ")" closing the "(" at open, -1 if none.
func closeParen(toks []viewTok, open int) int {
	depth := 0
	for j := open; j < len(toks); j++ {
		if toks[j].kind != 'p' {
			continue
		}
		switch toks[j].text {
		case "(":
			depth++
		case ")":
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}
