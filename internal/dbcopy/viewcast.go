package dbcopy

import (
	"fmt"
	"slices"
	"strings"
)

// CAST(x AS type) in a MySQL view, as PostgreSQL's CAST giving what MySQL
// gives: a text column's leading integer for SIGNED, integers wrapped
// around 2^64 for UNSIGNED, DECIMAL held at its largest when out of
// range, DATETIME's fraction cut as MariaDB cuts it, CHAR of values
// PostgreSQL writes as MySQL does (checkText).

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
	case (pg == "date" || strings.HasPrefix(pg, "timestamp")) && r.mentionsText(x):
		return nil, fmt.Errorf("CAST of text to %s is not translated: MySQL reads '20240131' and '24-1-5' as dates and gives NULL for '', 'abc' and '2024-02-30', "+
			"where PostgreSQL reads otherwise or fails the query", strings.ToUpper(strings.ReplaceAll(typ.String(), " ", "")))
	case strings.HasPrefix(pg, "numeric("):
		if out, err := r.castDecimal(x, pg); out != nil || err != nil {
			return out, err
		}
	case strings.HasPrefix(pg, "timestamp"):
		// MariaDB cuts the fraction of a second the type lacks, where
		// PostgreSQL (and MySQL 8) round it: exact when x has none more.
		fsp := strings.TrimSuffix(strings.TrimPrefix(pg, "timestamp("), ")")
		if k := r.timeKind(x); k == "date" || k == "timestamp" && r.maxFSP(x) <= atoi(fsp) {
			break
		}
		if !r.v.MariaDB && fsp != "6" {
			return nil, fmt.Errorf("CAST to DATETIME(%s) of other than a DATE or DATETIME column of no more fraction digits (MySQL rounds the fraction) is not translated", fsp)
		}
		unit := map[string]string{"0": "second", "3": "milliseconds", "6": ""}[fsp]
		if r.v.MariaDB && unit == "" && fsp != "6" {
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

// castDecimal is CAST(x AS DECIMAL(p,s)) (pg is numeric(p,s)); nil and no
// error when PostgreSQL's own CAST gives MySQL's value.
func (r viewRewriter) castDecimal(x []viewTok, pg string) ([]viewTok, error) {
	// MySQL rounds half away from zero, as PostgreSQL does, and holds
	// a value out of range at the type's largest, where PostgreSQL fails.
	p, sc, _ := strings.Cut(strings.TrimSuffix(strings.TrimPrefix(pg, "numeric("), ")"), ",")
	textCol := r.textColumn(x)
	if !textCol && r.mentionsText(x) {
		return nil, fmt.Errorf("CAST to DECIMAL of a text expression other than a column is not translated: " +
			"MySQL reads a string's leading number ('' and 'abc' are 0), where PostgreSQL fails the query")
	}
	if !textCol && r.numberFits(x, atoi(p)-atoi(sc), atoi(sc)) {
		return nil, nil // PostgreSQL's CAST gives MySQL's value
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
	if textCol {
		// MySQL reads a string's leading number after white space,
		// exponent and all ('' and 'abc' are 0, ' 12.5x' 12.5, '1.5e2'
		// 150); PostgreSQL fails on all but a number.
		num = append(append([]viewTok{{'r', "CASE WHEN "}}, expr...), viewTok{'r', " IS NULL THEN NULL ELSE coalesce(CAST(substring(CAST("})
		num = append(append(num, expr...), viewTok{'r', ` AS text) from E'^[ \\t\\n\\r\\v\\f]*([+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?)') AS numeric), 0) END`})
	}
	rounded := append(append([]viewTok{{'r', "round("}}, num...), viewTok{'r', ", " + sc + ")"})
	out := append([]viewTok{{'r', "CAST(CASE WHEN "}}, rounded...)
	out = append(append(out, viewTok{'r', " > " + big + " THEN " + big + " WHEN "}), rounded...)
	out = append(append(out, viewTok{'r', " < -" + big + " THEN -" + big + " ELSE "}), num...)
	return append(out, viewTok{'r', " END AS " + pg + ")"}), nil
}

// mentionsText: a holds a string literal or a column of a text type in
// some table.
func (r viewRewriter) mentionsText(a []viewTok) bool {
	for i, t := range a {
		if t.kind == 's' {
			return true
		}
		if t.kind == 'q' && nextTok(a, i).text != "." {
			for _, c := range r.names.cols[strings.ToLower(t.text)] {
				base, _, _ := strings.Cut(strings.ToLower(c.TargetType), "(")
				if slices.Contains([]string{"text", "varchar", "character varying", "char", "character", "bpchar", "citext"}, strings.TrimSpace(base)) {
					return true
				}
			}
		}
	}
	return false
}

// textColumn: a is one column, of a text type in every table having a
// column so named.
func (r viewRewriter) textColumn(a []viewTok) bool {
	return r.columnOf(a, "text", "varchar", "character varying", "char", "character", "bpchar", "citext")
}

// columnOf: a is one column whose PostgreSQL type (without its
// parenthesised size) is one of types in every table having a column so
// named.
func (r viewRewriter) columnOf(a []viewTok, types ...string) bool {
	c, ok := refAt(a, 0, r.v.Qualifier)
	if !ok || c.end != len(a) {
		return false
	}
	cols, resolved := r.scope.colsOf(c.parts)
	if !resolved {
		cols = r.names.cols[c.parts[len(c.parts)-1]]
	}
	for _, col := range cols {
		base, _, _ := strings.Cut(strings.ToLower(col.TargetType), "(")
		if !slices.Contains(types, strings.TrimSpace(base)) {
			return false
		}
	}
	return len(cols) > 0
}

// numberFits: a is a column whose every value, rounded to scale
// digits, has at most whole digits before the point.
func (r viewRewriter) numberFits(a []viewTok, whole, scale int) bool {
	c, ok := refAt(a, 0, r.v.Qualifier)
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
	c, ok := refAt(a, 0, r.v.Qualifier)
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
