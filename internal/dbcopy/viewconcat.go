package dbcopy

import (
	"fmt"
	"strings"
)

// MySQL's string functions whose PostgreSQL namesakes differ:
//
//   - CONCAT(a, b, ...) is NULL when any argument is, where PostgreSQL's
//     concat() skips NULLs: it becomes (CAST(a AS text) || CAST(b AS text)).
//   - CONCAT_WS(sep, a, ...) skips NULLs as PostgreSQL's does; its
//     arguments are cast to text as CONCAT's are.
//   - SUBSTR(s, p[, n]) counts a negative p from the end and gives '' for
//     a negative n, where PostgreSQL's substr() fails: p must be a
//     positive integer, n is held at 0 or more.
//   - GREATEST and LEAST are NULL when an argument is, where
//     PostgreSQL's skip NULLs (rewriteGreatest).
//   - LENGTH counts bytes: octet_length, as MariaDB stores it, of UTF-8
//     text in PostgreSQL, which is MySQL's count for utf8mb4 (and utf8mb3,
//     ascii and binary) columns.
//
// An argument made text must read as MySQL writes it: checkText refuses
// columns of a type PostgreSQL writes otherwise (boolean 't' for 1,
// bytea in hex, timestamptz with its offset, intervals, arrays, floats),
// booleans (comparisons, TRUE) and numbers in E notation.

func (r viewRewriter) rewriteConcat(inner []viewTok) ([]viewTok, error) {
	args := splitArgs(inner)
	out := []viewTok{{'r', "("}}
	for k, a := range args {
		if k > 0 {
			out = append(out, viewTok{'r', " || "})
		}
		t, err := r.textArg("CONCAT", a)
		if err != nil {
			return nil, err
		}
		out = append(out, t...)
	}
	return append(out, viewTok{'r', ")"}), nil
}

func (r viewRewriter) rewriteConcatWS(inner []viewTok) ([]viewTok, error) {
	args := splitArgs(inner)
	if len(args) < 2 {
		return nil, fmt.Errorf("CONCAT_WS with %d argument is not translated", len(args))
	}
	out := []viewTok{{'r', "concat_ws("}}
	for k, a := range args {
		if k > 0 {
			out = append(out, viewTok{'r', ", "})
		}
		t, err := r.textArg("CONCAT_WS", a)
		if err != nil {
			return nil, err
		}
		out = append(out, t...)
	}
	return append(out, viewTok{'r', ")"}), nil
}

// rewriteCoalesce: MySQL's IFNULL and COALESCE of a number or date and a
// string (IFNULL(room_no, '?'), IFNULL(paid_on, an empty string)) give a string;
// PostgreSQL reads the string as the other argument's type and fails.
// With a string literal among the arguments, each is made text as
// CONCAT's are (textArg); otherwise they stay as they are.
func (r viewRewriter) rewriteCoalesce(fn string, inner []viewTok) ([]viewTok, error) {
	args := splitArgs(inner)
	literal, other := false, false
	for _, a := range args {
		literal = literal || len(a) == 1 && a[0].kind == 's'
		other = other || r.nonTextColumn(a)
	}
	out := []viewTok{{'r', "coalesce("}}
	if !literal || !other {
		rw, err := r.rewrite(inner)
		out = append(append(out, rw...), viewTok{'r', ")"})
		if typ, ok := r.decimalResult(args); ok && err == nil {
			out = append(append([]viewTok{{'r', "CAST("}}, out...), viewTok{'r', " AS " + typ + ")"})
		}
		return out, err
	}
	for k, a := range args {
		if k > 0 {
			out = append(out, viewTok{'r', ", "})
		}
		t, err := r.textArg(strings.ToUpper(fn), a)
		if r.textColumn(a) {
			t, err = r.rewrite(a)
		}
		if err != nil {
			return nil, err
		}
		out = append(out, t...)
	}
	return append(out, viewTok{'r', ")"}), nil
}

// nonTextColumn: a is one column, and every column of its name has a
// type other than text.
func (r viewRewriter) nonTextColumn(a []viewTok) bool {
	c, ok := refAt(a, 0, r.v.Qualifier)
	if !ok || c.end != len(a) {
		return false
	}
	cols := r.names.cols[c.parts[len(c.parts)-1]]
	for _, col := range cols {
		if col.TargetType == "" || textTypes[baseType(col.TargetType)] {
			return false
		}
	}
	return len(cols) > 0
}

// textArg is argument a of fn as PostgreSQL text: a string literal or a
// call giving text as it is, anything else cast.
func (r viewRewriter) textArg(fn string, a []viewTok) ([]viewTok, error) {
	if len(a) == 0 {
		return nil, fmt.Errorf("%s with an empty argument is not translated", fn)
	}
	if err := r.checkText(fn, a); err != nil {
		return nil, err
	}
	rw, err := r.rewrite(a)
	if err != nil {
		return nil, err
	}
	if len(a) == 1 && a[0].kind == 's' || textCall(a) {
		return rw, nil
	}
	return append(append([]viewTok{{'r', "CAST("}}, rw...), viewTok{'r', " AS text)"}), nil
}

// textCall: a is one call of a function rewritten as text.
func textCall(a []viewTok) bool {
	if len(a) < 3 || a[0].kind != 'w' || a[1].kind != 'p' || a[1].text != "(" || closeParen(a, 1) != len(a)-1 {
		return false
	}
	switch strings.ToLower(a[0].text) {
	case "concat", "concat_ws", "group_concat":
		return true
	}
	return false
}

// textFrame is one level of parentheses in checkText: cond says a
// boolean there is a condition (of CASE WHEN, IF or a subquery's WHERE),
// not a value made text; base is cond at the "(".
type textFrame struct {
	cond, base, ifArg bool
}

var (
	// Words giving a boolean, or a value MySQL writes otherwise.
	mysqlBoolWords = map[string]bool{"is": true, "like": true, "in": true, "between": true, "not": true, "and": true, "or": true,
		"xor": true, "true": true, "false": true, "exists": true, "regexp": true, "rlike": true}
	mysqlBoolOps   = map[string]bool{"=": true, "<>": true, "!=": true, "<": true, ">": true, "<=": true, ">=": true, "<=>": true}
	mysqlTextWords = map[string]bool{"avg": true, "current_timestamp": true, "current_time": true, "localtime": true, "localtimestamp": true}
)

// checkText says why argument a of fn, made text, would not read as
// MySQL's string of it.
func (r viewRewriter) checkText(fn string, a []viewTok) error {
	stack := []textFrame{{}}
	for i, t := range a {
		top := &stack[len(stack)-1]
		lower := strings.ToLower(t.text)
		switch {
		case t.kind == 'p' && t.text == "(":
			next, prev := nextTok(a, i), lastTok(a, i)
			sub := next.kind == 'w' && strings.EqualFold(next.text, "select")
			isIf := prev.kind == 'w' && strings.EqualFold(prev.text, "if")
			c := top.cond || sub || isIf
			stack = append(stack, textFrame{cond: c, base: top.cond || sub, ifArg: isIf})
		case t.kind == 'p' && t.text == ")":
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		case t.kind == 'p' && t.text == "," && top.ifArg:
			top.cond, top.ifArg = top.base, false
		case t.kind == 'w' && lower == "when":
			top.cond = true
		case t.kind == 'w' && lower == "then":
			top.cond = top.base
		case !top.cond && (t.kind == 'w' && mysqlBoolWords[lower] || t.kind == 'p' && mysqlBoolOps[t.text]):
			return fmt.Errorf("%s of a boolean (%s), which MySQL writes 1 or 0, is not translated", fn, t.text)
		case t.kind == 'w' && mysqlTextWords[lower]:
			return fmt.Errorf("%s of %s, which MySQL writes otherwise, is not translated", fn, strings.ToUpper(t.text))
		case t.kind == 'n' && strings.ContainsAny(t.text, "eE"):
			return fmt.Errorf("%s of %s, which MySQL writes otherwise, is not translated", fn, t.text)
		case t.kind == 'q' && nextTok(a, i).text != ".":
			for _, c := range r.names.cols[lower] {
				if !textSameType(c) {
					return fmt.Errorf("%s of column %s (%s), which PostgreSQL writes otherwise, is not translated", fn, t.text, c.TargetType)
				}
			}
		}
	}
	return nil
}

// textSameType: PostgreSQL writes c's values as MySQL wrote them.
func textSameType(c *Column) bool {
	base, args, _ := strings.Cut(strings.ToLower(c.TargetType), "(")
	switch strings.TrimSpace(base) {
	case "text", "varchar", "character varying", "char", "character", "bpchar", "citext",
		"smallint", "integer", "bigint", "numeric", "decimal", "date":
		return true
	case "timestamp", "timestamp without time zone": // no fraction: MySQL writes every digit of it
		return args == "" || args == "0)"
	}
	return false
}

// rewriteSubstr rewrites SUBSTR(s, p[, n]) (SUBSTRING and MID alike).
func (r viewRewriter) rewriteSubstr(fn string, inner []viewTok) ([]viewTok, error) {
	args := splitArgs(inner)
	if len(args) < 2 || len(args) > 3 || len(args[0]) == 0 {
		return nil, fmt.Errorf("%s with %d arguments is not translated", strings.ToUpper(fn), len(args))
	}
	if p := args[1]; len(p) != 1 || p[0].kind != 'n' || strings.Trim(p[0].text, "0123456789") != "" || strings.Trim(p[0].text, "0") == "" {
		return nil, fmt.Errorf("%s from a position other than a positive integer is not translated (MySQL counts a negative one from the end)", strings.ToUpper(fn))
	}
	s, err := r.rewrite(args[0])
	if err != nil {
		return nil, err
	}
	out := append(append([]viewTok{{'r', "substr("}}, s...), viewTok{'r', ", "}, args[1][0])
	if len(args) == 3 {
		n, err := r.rewrite(args[2])
		if err != nil {
			return nil, err
		}
		if len(n) == 1 && n[0].kind == 'n' && strings.Trim(n[0].text, "0123456789") == "" {
			out = append(append(out, viewTok{'r', ", "}), n...)
		} else { // MySQL: '' for a negative length; PostgreSQL fails
			out = append(append(out, viewTok{'r', ", CASE WHEN "}), n...)
			out = append(append(out, viewTok{'r', " < 0 THEN 0 ELSE "}), n...)
			out = append(out, viewTok{'r', " END"})
		}
	}
	return append(out, viewTok{'r', ")"}), nil
}

// rewriteLength rewrites LENGTH(s) (MariaDB's OCTET_LENGTH) as
// octet_length, when no column of s has a charset of other bytes.
func (r viewRewriter) rewriteLength(fn string, inner []viewTok) ([]viewTok, error) {
	for i, t := range inner {
		if t.kind != 'q' || nextTok(inner, i).text == "." {
			continue
		}
		for _, c := range r.names.cols[strings.ToLower(t.text)] {
			switch strings.ToLower(c.Charset) {
			case "", "utf8mb4", "utf8mb3", "utf8", "ascii", "binary":
			default:
				return nil, fmt.Errorf("%s of column %s (%s), whose bytes MySQL counts in %s and PostgreSQL in UTF-8, is not translated",
					strings.ToUpper(fn), t.text, c.Charset, c.Charset)
			}
		}
	}
	s, err := r.rewrite(inner)
	if err != nil {
		return nil, err
	}
	return append(append([]viewTok{{'r', "octet_length("}}, s...), viewTok{'r', ")"}), nil
}

// rewriteGreatest rewrites GREATEST and LEAST, NULL when an argument is
// (PostgreSQL's skip NULLs): CASE WHEN a IS NULL OR ... THEN NULL ELSE
// greatest(a, ...) END. MySQL compares strings by collation: noted.
func (r viewRewriter) rewriteGreatest(fn string, inner []viewTok) ([]viewTok, error) {
	args := splitArgs(inner)
	if len(args) < 2 {
		return nil, fmt.Errorf("%s with %d argument is not translated", strings.ToUpper(fn), len(args))
	}
	rw := make([][]viewTok, len(args))
	for k, a := range args {
		if len(a) == 0 {
			return nil, fmt.Errorf("%s with an empty argument is not translated", strings.ToUpper(fn))
		}
		if r.mayBeText(a) {
			r.v.textCmp = true
		}
		var err error
		if rw[k], err = r.rewrite(a); err != nil {
			return nil, err
		}
	}
	out := []viewTok{{'r', "CASE WHEN "}}
	for k, a := range rw {
		if k > 0 {
			out = append(out, viewTok{'r', " OR "})
		}
		out = append(append(append(out, viewTok{'r', "("}), a...), viewTok{'r', ") IS NULL"})
	}
	out = append(out, viewTok{'r', " THEN NULL ELSE " + fn + "("})
	for k, a := range rw {
		if k > 0 {
			out = append(out, viewTok{'r', ", "})
		}
		out = append(out, a...)
	}
	return append(out, viewTok{'r', ") END"}), nil
}
