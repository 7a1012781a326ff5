package dbcopy

import (
	"fmt"
	"strings"
)

// MySQL syntax PostgreSQL spells otherwise, rewritten token by token
// before translateView's names and functions: LIMIT offset,count,
// CAST(x AS mysql-type) and IF(c, a, b) here; CONCAT, CONCAT_WS, SUBSTR,
// LENGTH, GREATEST and LEAST in viewconcat.go; GROUP_CONCAT in viewgroupconcat.go. The
// tokens written here have kind 'r', which translateView copies as they
// are.

// viewRewriter rewrites one MySQL view's tokens; names tells the
// functions that stringify their arguments which columns are of a type
// PostgreSQL writes otherwise (viewconcat.go).
type viewRewriter struct {
	v     *View
	names viewNames
}

// rewriteMySQLView rewrites toks; an error says what does not translate.
func rewriteMySQLView(v *View, names viewNames, toks []viewTok) ([]viewTok, error) {
	r := viewRewriter{v: v, names: names}
	toks, err := r.rewriteIntervals(toks)
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
	"locate": true, "left": true, "right": true, "date_format": true, "timestampdiff": true}

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

// rewriteCast turns the inside of CAST(x AS type) into PostgreSQL's CAST.
func (r viewRewriter) rewriteCast(inner []viewTok) ([]viewTok, error) {
	as := lastTopWord(inner, "as")
	if as < 0 {
		return nil, fmt.Errorf("CAST without AS is not translated")
	}
	var typ strings.Builder
	for _, t := range inner[as+1:] {
		if t.kind != ' ' {
			typ.WriteString(strings.ToLower(t.text))
			typ.WriteByte(' ')
		}
	}
	x := trimSpace(inner[:as])
	pg, err := castType(strings.TrimSpace(typ.String()))
	if err != nil {
		return nil, err
	}
	switch {
	case pg == "text" || strings.HasPrefix(pg, "varchar"):
		// MySQL writes x as CONCAT does.
		if err := r.checkText("CAST", x); err != nil {
			return nil, err
		}
	case pg == "bigint" && r.textColumn(x):
		// MySQL reads a string's leading integer after white space ('' and
		// 'abc' are 0, '1.9' is 1, ' 12ab' 12), wrapping one past 2^63-1
		// as an unsigned value (2^64-1 at most) and holding one below
		// -2^63 there; PostgreSQL fails on all but an integer.
		expr, err := r.rewrite(x)
		if err != nil {
			return nil, err
		}
		m := append(append([]viewTok{{'r', "coalesce(CAST(substring(CAST("}}, expr...),
			viewTok{'r', ` AS text) from E'^[ \\t\\n\\r\\v\\f]*([+-]?[0-9]+)') AS numeric), 0)`})
		out := append([]viewTok{{'r', "CAST(CASE WHEN "}}, expr...)
		out = append(append(out, viewTok{'r', " IS NULL THEN NULL WHEN "}), m...)
		out = append(append(out, viewTok{'r', " > 18446744073709551615 THEN -1 WHEN "}), m...)
		out = append(append(out, viewTok{'r', " >= 9223372036854775808 THEN "}), m...)
		out = append(append(out, viewTok{'r', " - 18446744073709551616 WHEN "}), m...)
		out = append(append(out, viewTok{'r', " < -9223372036854775808 THEN -9223372036854775808 ELSE "}), m...)
		return append(out, viewTok{'r', " END AS bigint)"}), nil
	case pg == "unsigned":
		// MySQL wraps a negative integer around 2^64 (and holds a
		// negative decimal at 0): integer columns only.
		if !r.intColumn(x) {
			return nil, fmt.Errorf("CAST to UNSIGNED of other than an integer column (MySQL wraps negative values around 2^64) is not translated")
		}
		expr, err := r.rewrite(x)
		if err != nil {
			return nil, err
		}
		out := append([]viewTok{{'r', "CAST(CASE WHEN "}}, expr...)
		out = append(append(out, viewTok{'r', " < 0 THEN CAST("}), expr...)
		out = append(append(out, viewTok{'r', " AS numeric) + 18446744073709551616 ELSE "}), expr...)
		return append(out, viewTok{'r', " END AS numeric(20,0))"}), nil
	case strings.HasPrefix(pg, "numeric("):
		// MySQL rounds half away from zero, as PostgreSQL does, and holds
		// a value out of range at the type's largest, where PostgreSQL fails.
		p, sc, _ := strings.Cut(strings.TrimSuffix(strings.TrimPrefix(pg, "numeric("), ")"), ",")
		if r.numberFits(x, atoi(p)-atoi(sc), atoi(sc)) {
			break
		}
		big := strings.Repeat("9", atoi(p)-atoi(sc))
		if big == "" {
			big = "0"
		}
		if atoi(sc) > 0 {
			big += "." + strings.Repeat("9", atoi(sc))
		}
		expr, err := r.rewrite(x)
		if err != nil {
			return nil, err
		}
		num := append(append([]viewTok{{'r', "CAST("}}, expr...), viewTok{'r', " AS numeric)"})
		rounded := append(append([]viewTok{{'r', "round("}}, num...), viewTok{'r', ", " + sc + ")"})
		out := append([]viewTok{{'r', "CAST(CASE WHEN "}}, rounded...)
		out = append(append(out, viewTok{'r', " > " + big + " THEN " + big + " WHEN "}), rounded...)
		out = append(append(out, viewTok{'r', " < -" + big + " THEN -" + big + " ELSE "}), num...)
		return append(out, viewTok{'r', " END AS " + pg + ")"}), nil
	case strings.HasPrefix(pg, "timestamp"):
		// MariaDB cuts the fraction of a second the type lacks, where
		// PostgreSQL (and MySQL 8) round it: exact when x has none more.
		fsp := strings.TrimSuffix(strings.TrimPrefix(pg, "timestamp("), ")")
		if k := r.timeKind(x); k == "date" || k == "timestamp" && r.maxFSP(x) <= atoi(fsp) {
			break
		}
		if !r.v.mariadb && fsp != "6" {
			return nil, fmt.Errorf("CAST to DATETIME(%s) of other than a DATE or DATETIME column of no more fraction digits (MySQL rounds the fraction) is not translated", fsp)
		}
		unit := map[string]string{"0": "second", "3": "milliseconds", "6": ""}[fsp]
		if r.v.mariadb && unit == "" && fsp != "6" {
			return nil, fmt.Errorf("CAST to DATETIME(%s) (MariaDB cuts the fraction of a second) is not translated", fsp)
		}
		if unit != "" {
			expr, err := r.rewrite(x)
			if err != nil {
				return nil, err
			}
			out := append([]viewTok{{'r', "CAST(date_trunc('" + unit + "', CAST("}}, expr...)
			return append(out, viewTok{'r', " AS timestamp)) AS " + pg + ")"}), nil
		}
	}
	expr, err := r.rewrite(x)
	if err != nil {
		return nil, err
	}
	out := append([]viewTok{{'r', "CAST("}}, expr...)
	return append(out, viewTok{'r', " AS " + pg + ")"}), nil
}

// textColumn: a is one column, of a text type in every table having a
// column so named.
func (r viewRewriter) textColumn(a []viewTok) bool {
	c, ok := refAt(a, 0, r.v.qualifier)
	if !ok || c.end != len(a) {
		return false
	}
	cols := r.names.cols[c.parts[len(c.parts)-1]]
	for _, col := range cols {
		base, _, _ := strings.Cut(strings.ToLower(col.TargetType), "(")
		switch strings.TrimSpace(base) {
		case "text", "varchar", "character varying", "char", "character", "bpchar", "citext":
		default:
			return false
		}
	}
	return len(cols) > 0
}

// numberFits: a is a column whose every value, rounded to scale
// digits, has at most whole digits before the point.
func (r viewRewriter) numberFits(a []viewTok, whole, scale int) bool {
	c, ok := refAt(a, 0, r.v.qualifier)
	if !ok || c.end != len(a) {
		return false
	}
	cols := r.names.cols[c.parts[len(c.parts)-1]]
	for _, col := range cols {
		base, args, _ := strings.Cut(strings.ToLower(col.TargetType), "(")
		switch digits := map[string]int{"smallint": 5, "integer": 10, "bigint": 19}[base]; {
		case digits > 0:
			if digits > whole {
				return false
			}
		case base == "numeric" && args != "":
			p, s, _ := strings.Cut(strings.TrimSuffix(args, ")"), ",")
			if w := atoi(p) - atoi(s); w > whole || w == whole && atoi(s) > scale {
				return false
			}
		default:
			return false
		}
	}
	return len(cols) > 0
}

// maxFSP is the most fraction-of-second digits of the columns of a
// (a column path), 6 when unknown.
func (r viewRewriter) maxFSP(a []viewTok) int {
	c, ok := refAt(a, 0, r.v.qualifier)
	if !ok || c.end != len(a) {
		return 6
	}
	most := 0
	for _, col := range r.names.cols[c.parts[len(c.parts)-1]] {
		_, args, _ := strings.Cut(col.TargetType, "(")
		n := 6
		if args != "" {
			n = atoi(strings.TrimSuffix(args, ")"))
		}
		most = max(most, n)
	}
	return most
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return 6
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// castType maps a MySQL CAST target, as MariaDB and MySQL store it
// ("char(5) charset utf8mb4", "decimal ( 8 , 2 )" once tokenised), to
// PostgreSQL's type; "unsigned" is left to rewriteCast.
func castType(typ string) (string, error) {
	words := strings.Fields(strings.NewReplacer(" ( ", "(", "( ", "(", " )", ")", " , ", ",").Replace(typ))
	if len(words) == 0 {
		return "", fmt.Errorf("CAST without a type")
	}
	base, args, _ := strings.Cut(words[0], "(")
	rest := strings.Join(words[1:], " ")
	if args != "" {
		args = "(" + args
	}
	switch base {
	case "signed":
		if rest == "" || rest == "int" || rest == "integer" {
			return "bigint", nil
		}
	case "unsigned":
		if rest == "" || rest == "int" || rest == "integer" {
			return "unsigned", nil
		}
	case "char", "nchar":
		if strings.HasSuffix(rest, "binary") || strings.Contains(rest, "charset binary") {
			break
		}
		if rest == "" || strings.HasPrefix(rest, "charset ") || strings.HasPrefix(rest, "character set ") {
			if args != "" {
				return "varchar" + args, nil
			}
			return "text", nil
		}
	case "date":
		if rest == "" && args == "" {
			return "date", nil
		}
	case "datetime":
		if rest == "" && args == "" {
			return "timestamp(0)", nil
		}
		if rest == "" {
			return "timestamp" + args, nil
		}
	case "decimal":
		// MySQL's DECIMAL is DECIMAL(10,0); DECIMAL(p) is DECIMAL(p,0).
		if rest == "" && args == "" {
			return "numeric(10,0)", nil
		}
		if rest == "" && !strings.Contains(args, ",") {
			return "numeric(" + strings.TrimSuffix(args[1:], ")") + ",0)", nil
		}
		if rest == "" {
			return "numeric" + args, nil
		}
	case "double":
		if rest == "" || rest == "precision" {
			return "double precision", nil
		}
	case "float":
		if rest == "" && args == "" {
			return "real", nil
		}
	}
	return "", fmt.Errorf("CAST to %s is not translated", strings.ToUpper(typ))
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
		if k == 0 && (r.numberColumn(args[0]) || len(args[0]) == 1 && args[0][0].kind == 'n') {
			// MySQL: a number is true when not 0 (NULL is not true).
			rw = append(append([]viewTok{{'r', "("}}, rw...), viewTok{'r', ") <> 0"})
		}
		out = append(append(out, rw...), viewTok{'r', word})
	}
	return out, nil
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
