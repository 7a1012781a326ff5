package dbcopy

import (
	"fmt"
	"strconv"
	"strings"
)

// MySQL's IFNULL and COALESCE over DECIMALs give a DECIMAL whose scale is
// the largest of their arguments' (IFNULL(bal, 0) is 0.00 for a NULL
// DECIMAL(10,2), COALESCE(bal, fee) 12.340 beside a DECIMAL(8,3));
// PostgreSQL's coalesce keeps each value's own scale (0, 12.34).
// decimalResult finds that type, and rewriteCoalesce casts to it.

// numDigits is a number's digits before the point and after it.
type numDigits struct{ whole, scale int }

// decimalResult is the numeric(p,s) MySQL gives COALESCE of args, ok
// when every argument is a number of known digits (an integer or DECIMAL
// column, SUM, MIN or MAX of a DECIMAL column, a number literal, NULL)
// and one has a scale.
func (r viewRewriter) decimalResult(args [][]viewTok) (string, bool) {
	var res numDigits
	scaled := false
	for _, a := range args {
		d, ok := r.argDigits(a)
		if !ok {
			return "", false
		}
		res.whole, res.scale = max(res.whole, d.whole), max(res.scale, d.scale)
		scaled = scaled || d.scale > 0
	}
	if !scaled {
		return "", false
	}
	return fmt.Sprintf("numeric(%d,%d)", min(res.whole+res.scale, 1000), res.scale), true
}

// argDigits: the digits of one argument of COALESCE.
func (r viewRewriter) argDigits(a []viewTok) (numDigits, bool) {
	if len(a) == 1 && a[0].kind == 'n' {
		return literalDigits(a[0].text)
	}
	if len(a) == 2 && a[0].kind == 'p' && a[0].text == "-" && a[1].kind == 'n' {
		return literalDigits(a[1].text)
	}
	if len(a) == 1 && a[0].kind == 'w' && strings.EqualFold(a[0].text, "null") {
		return numDigits{}, true
	}
	if len(a) > 0 && a[0].kind == 'w' {
		fn := strings.ToLower(a[0].text)
		open := nextIndex(a, 0)
		if (fn == "sum" || fn == "min" || fn == "max") && open > 0 && a[open].kind == 'p' && a[open].text == "(" && closeParen(a, open) == len(a)-1 {
			d, ok := r.columnDigits(trimSpace(a[open+1 : len(a)-1]))
			if !ok || d.scale == 0 {
				return numDigits{}, false // SUM of an integer is a DECIMAL of scale 0: no cast needed, none made
			}
			if fn == "sum" {
				d.whole += 22 // MySQL: SUM(DECIMAL(M,D)) is DECIMAL(M+22,D)
			}
			return d, true
		}
	}
	return r.columnDigits(a)
}

// columnDigits: a is one column of an integer or numeric(p,s) type.
func (r viewRewriter) columnDigits(a []viewTok) (numDigits, bool) {
	c, ok := refAt(a, 0, r.v.Qualifier)
	if !ok || c.end != len(a) {
		return numDigits{}, false
	}
	cols, resolved := r.scope.colsOf(c.parts)
	if !resolved {
		cols = r.names.cols[c.parts[len(c.parts)-1]]
	}
	var res numDigits
	for _, col := range cols {
		d, ok := typeDigits(col.TargetType)
		if !ok {
			return numDigits{}, false
		}
		res.whole, res.scale = max(res.whole, d.whole), max(res.scale, d.scale)
	}
	return res, len(cols) > 0
}

// typeDigits: the digits of an integer or numeric(p[,s]) target type.
func typeDigits(target string) (numDigits, bool) {
	switch baseType(target) {
	case "smallint", "int2":
		return numDigits{5, 0}, true
	case "integer", "int", "int4":
		return numDigits{10, 0}, true
	case "bigint", "int8":
		return numDigits{19, 0}, true
	case "numeric", "decimal":
	default:
		return numDigits{}, false
	}
	_, mod, ok := strings.Cut(target, "(")
	if !ok {
		return numDigits{}, false
	}
	ps := strings.Split(strings.TrimSuffix(strings.TrimSpace(mod), ")"), ",")
	p, err := strconv.Atoi(strings.TrimSpace(ps[0]))
	if err != nil {
		return numDigits{}, false
	}
	s := 0
	if len(ps) > 1 {
		if s, err = strconv.Atoi(strings.TrimSpace(ps[1])); err != nil {
			return numDigits{}, false
		}
	}
	return numDigits{p - s, s}, true
}

// literalDigits: the digits of a number literal without an exponent.
func literalDigits(n string) (numDigits, bool) {
	if strings.ContainsAny(n, "eE") {
		return numDigits{}, false
	}
	whole, frac, _ := strings.Cut(n, ".")
	return numDigits{max(len(whole), 1), len(frac)}, true
}
