package dbcopy

import (
	"fmt"
	"strings"
)

// MySQL's date functions in a view, rewritten when their arguments are
// known to be dates or timestamps (timeKind: DATE and DATETIME columns,
// CASTs to them, INTERVAL arithmetic on them); MySQL reads other
// arguments (strings, numbers like 20240131) as dates where PostgreSQL
// fails or reads them otherwise, and TIMESTAMP columns (timestamptz)
// in the session's time zone, which PostgreSQL's session may not share:
// those are refused.
//
//   - d + INTERVAL n unit (DATE_ADD, DATE_SUB, ADDDATE and TIMESTAMPADD
//     as MariaDB stores them) for SECOND, MINUTE, HOUR, DAY, WEEK, MONTH,
//     QUARTER and YEAR, n an integer: PostgreSQL's interval arithmetic
//     clamps to the month's end as MySQL does ('2024-01-31' + 1 MONTH is
//     '2024-02-29'); a DATE plus days, months or years stays a DATE.
//   - DATE_FORMAT(d, 'format') as to_char for the specifiers listed in
//     dateFormatSpecs.
//   - TIMESTAMPDIFF(unit, a, b) for SECOND, MINUTE, HOUR, DAY and WEEK
//     (the seconds between, truncated toward zero) and MONTH, QUARTER and
//     YEAR (whole months, a month counted when the later day and time of
//     day reach the earlier's, toward zero).

// timeKind is "date" or "timestamp" when expression a is known to be
// one in MySQL and in PostgreSQL, "" otherwise.
func (r viewRewriter) timeKind(a []viewTok) string {
	a = trimSpace(a)
	if len(a) == 0 {
		return ""
	}
	if a[0].kind == 'p' && a[0].text == "(" && closeParen(a, 0) == len(a)-1 {
		inner := trimSpace(a[1 : len(a)-1])
		// An INTERVAL sum (rewriteIntervals) ends with its type.
		if n := len(inner); n > 0 && inner[n-1].kind == 'r' {
			switch {
			case strings.HasSuffix(inner[n-1].text, " AS date) END"):
				return "date"
			case strings.HasSuffix(inner[n-1].text, " AS timestamp) END"):
				return "timestamp"
			}
			return ""
		}
		return r.timeKind(inner)
	}
	if c, ok := refAt(a, 0, r.v.Qualifier); ok && c.end == len(a) {
		kind := ""
		for k, col := range r.names.cols[c.parts[len(c.parts)-1]] {
			got := ""
			switch base, _, _ := strings.Cut(strings.ToLower(col.TargetType), "("); strings.TrimSpace(base) {
			case "date":
				got = "date"
			case "timestamp", "timestamp without time zone":
				got = "timestamp"
			}
			if got == "" || k > 0 && got != kind {
				return ""
			}
			kind = got
		}
		return kind
	}
	if a[0].kind == 'w' && strings.EqualFold(a[0].text, "cast") && len(a) > 2 && a[1].text == "(" && closeParen(a, 1) == len(a)-1 {
		inner := a[2 : len(a)-1]
		if as := lastTopWord(inner, "as"); as >= 0 {
			if n := nextIndex(inner, as); n > 0 && inner[n].kind == 'w' {
				switch strings.ToLower(inner[n].text) {
				case "date":
					return "date"
				case "datetime":
					return "timestamp"
				}
			}
		}
	}
	return ""
}

// timeArg is argument a of fn rewritten as a PostgreSQL timestamp, or
// why it is not translated.
func (r viewRewriter) timeArg(fn string, a []viewTok) ([]viewTok, error) {
	if r.timeKind(a) == "" {
		return nil, fmt.Errorf("%s of %s, not a DATE or DATETIME column (MySQL reads strings and numbers as dates, TIMESTAMP columns in the session's time zone), is not translated",
			fn, r.tokText(a))
	}
	rw, err := r.rewrite(a)
	if err != nil {
		return nil, err
	}
	return append(append([]viewTok{{'r', "CAST("}}, rw...), viewTok{'r', " AS timestamp)"}), nil
}

// tokText is toks as MySQL wrote them, near enough for a message, the
// database name left out.
func (r viewRewriter) tokText(toks []viewTok) string {
	var b strings.Builder
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind == 'q' && t.text == r.v.Qualifier && i+1 < len(toks) && toks[i+1].text == "." {
			i++
			continue
		}
		switch t.kind {
		case 'q':
			b.WriteString("`" + t.text + "`")
		case 's':
			b.WriteString("'" + strings.ReplaceAll(t.text, "'", "''") + "'")
		default:
			b.WriteString(t.text)
		}
	}
	s := b.String()
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return s
}

// intervalUnits are the INTERVAL units translated, as PostgreSQL's
// interval of one.
var intervalUnits = map[string]string{"second": "1 second", "minute": "1 minute", "hour": "1 hour", "day": "1 day",
	"week": "7 days", "month": "1 month", "quarter": "3 months", "year": "1 year"}

// rewriteIntervals rewrites each "x + INTERVAL n unit" and "x - INTERVAL
// n unit" of toks, x a date or timestamp, as a parenthesised PostgreSQL
// sum CAST to x's type after it (a DATE plus days, months or years is a
// DATE in MySQL, a timestamp in PostgreSQL), NULL past 9999-12-31 or
// before 0001-01-01 (MySQL: NULL outside 0000-01-01 to 9999-12-31; the
// year 0, which PostgreSQL lacks, is NULL here). x and n stay tokens to
// rewrite; the sum may be x of the next INTERVAL.
func (r viewRewriter) rewriteIntervals(toks []viewTok) ([]viewTok, error) {
	for {
		at := -1
		for i, t := range toks {
			if t.kind == 'w' && strings.EqualFold(t.text, "interval") {
				at = i
				break
			}
		}
		if at < 0 {
			return toks, nil
		}
		op := lastIndex(toks, at)
		if op < 0 || toks[op].kind != 'p' || toks[op].text != "+" && toks[op].text != "-" {
			return nil, fmt.Errorf("MySQL's INTERVAL other than date + INTERVAL n unit is not translated")
		}
		start, err := operandStart(toks, op)
		if err != nil {
			return nil, err
		}
		x := trimSpace(toks[start:op])
		// n runs to the unit, a top-level word.
		unit, depth := -1, 0
		for j := at + 1; j < len(toks) && unit < 0; j++ {
			switch t := toks[j]; {
			case t.kind == 'p' && t.text == "(":
				depth++
			case t.kind == 'p' && t.text == ")":
				depth--
			case t.kind == 'w' && depth == 0 && j > nextIndex(toks, at):
				unit = j
			}
		}
		if unit < 0 {
			return nil, fmt.Errorf("INTERVAL without a unit")
		}
		one, ok := intervalUnits[strings.ToLower(toks[unit].text)]
		if !ok {
			return nil, fmt.Errorf("INTERVAL ... %s is not translated", strings.ToUpper(toks[unit].text))
		}
		n := trimSpace(toks[at+1 : unit])
		kind := r.timeKind(x)
		if kind == "" {
			return nil, fmt.Errorf("INTERVAL arithmetic on %s, not a DATE or DATETIME column (MySQL reads strings and numbers as dates, TIMESTAMP columns in the session's time zone), is not translated",
				r.tokText(x))
		}
		if kind == "date" && (one == "1 second" || one == "1 minute" || one == "1 hour") {
			kind = "timestamp"
		}
		var plus []viewTok // after x
		switch {
		case intLiteral(n):
			plus = []viewTok{{'r', ") " + toks[op].text + " interval '" + one + "' * "}, n[0]}
		case len(n) == 2 && n[0].kind == 'p' && n[0].text == "-" && intLiteral(n[1:]):
			plus = []viewTok{{'r', ") " + toks[op].text + " interval '" + one + "' * -"}, n[1]}
		case r.intColumn(n):
			plus = append([]viewTok{{'r', ") " + toks[op].text + " interval '" + one + "' * "}}, n...)
		default:
			return nil, fmt.Errorf("INTERVAL %s %s, n not an integer or an integer column (MySQL rounds it), is not translated", r.tokText(n), strings.ToUpper(toks[unit].text))
		}
		// MySQL's dates end with 9999: a sum past them is NULL.
		sum := append([]viewTok{{'p', "("}, {'r', "CASE WHEN ("}}, x...)
		sum = append(append(sum, plus...), viewTok{'r', " >= '10000-01-01' OR ("})
		sum = append(append(sum, x...), plus...)
		sum = append(append(sum, viewTok{'r', " < '0001-01-01' THEN NULL ELSE CAST(("}), x...)
		sum = append(append(sum, plus...), viewTok{'r', " AS " + kind + ") END"}, viewTok{'p', ")"})
		toks = append(append(append([]viewTok{}, toks[:start]...), sum...), toks[unit+1:]...)
	}
}

// operandStart is where the operand before toks[op] starts: a column, a
// call, a parenthesised expression or a literal, read as the operand of
// op alone (not after an operator binding it first).
func operandStart(toks []viewTok, op int) (int, error) {
	j := lastIndex(toks, op)
	bad := fmt.Errorf("INTERVAL arithmetic on an expression other than a column, a call or one in parentheses is not translated")
	if j < 0 {
		return 0, bad
	}
	start := j
	switch t := toks[j]; {
	case t.kind == 'p' && t.text == ")":
		depth := 0
		for k := j; k >= 0; k-- {
			if toks[k].kind != 'p' {
				continue
			}
			if toks[k].text == ")" {
				depth++
			} else if toks[k].text == "(" {
				if depth--; depth == 0 {
					start = k
					break
				}
			}
		}
		if depth != 0 {
			return 0, bad
		}
		if p := lastIndex(toks, start); p >= 0 && toks[p].kind == 'w' && !viewParenWords[strings.ToLower(toks[p].text)] {
			start = p
		}
	case t.kind == 'q':
		for start >= 2 && toks[start-1].kind == 'p' && toks[start-1].text == "." && toks[start-2].kind == 'q' {
			start -= 2
		}
	case t.kind == 's' || t.kind == 'n' || t.kind == 'w':
	default:
		return 0, bad
	}
	if p := lastIndex(toks, start); p >= 0 {
		pt := toks[p]
		if pt.kind == 'p' && tighterOps[pt.text] ||
			pt.kind == 'w' && (strings.EqualFold(pt.text, "div") || strings.EqualFold(pt.text, "mod") || strings.EqualFold(pt.text, "interval") || strings.EqualFold(pt.text, "binary")) {
			return 0, bad
		}
	}
	return start, nil
}

// tighterOps are the operators binding the operand before "+ INTERVAL"
// first (or as tightly, from the left).
var tighterOps = map[string]bool{"+": true, "-": true, "*": true, "/": true, "%": true, "^": true, "|": true, "&": true, "~": true, "<<": true, ">>": true}

// lastIndex is the index of the last token before i that is not white
// space, -1 if none.
func lastIndex(toks []viewTok, i int) int {
	for j := i - 1; j >= 0; j-- {
		if toks[j].kind != ' ' {
			return j
		}
	}
	return -1
}

// intLiteral: n is one unsigned integer literal.
func intLiteral(n []viewTok) bool {
	return len(n) == 1 && n[0].kind == 'n' && n[0].text != "" && strings.Trim(n[0].text, "0123456789") == ""
}

// intColumn: n is one column, of an integer type in every table having
// a column so named.
func (r viewRewriter) intColumn(n []viewTok) bool {
	c, ok := refAt(n, 0, r.v.Qualifier)
	if !ok || c.end != len(n) {
		return false
	}
	cols := r.names.cols[c.parts[len(c.parts)-1]]
	for _, col := range cols {
		switch strings.ToLower(col.TargetType) {
		case "smallint", "integer", "bigint":
		default:
			return false
		}
	}
	return len(cols) > 0
}

// dateFormatSpecs are the DATE_FORMAT specifiers translated, as to_char
// patterns that write what MySQL writes (in English, MySQL's default
// lc_time_names; FM drops the padding MySQL does not write).
var dateFormatSpecs = map[byte]string{
	'Y': "YYYY", 'y': "YY", 'm': "MM", 'c': "FMMM", 'd': "DD", 'e': "FMDD", 'H': "HH24", 'k': "FMHH24",
	'h': "HH12", 'I': "HH12", 'l': "FMHH12", 'i': "MI", 's': "SS", 'S': "SS", 'f': "US", 'M': "FMMonth",
	'b': "Mon", 'W': "FMDay", 'a': "Dy", 'j': "DDD", 'p': "AM", 'T': "HH24:MI:SS", 'r': "HH12:MI:SS AM",
	'D': "FMDDth", 'v': "IW", 'x': "IYYY", // ISO 8601 week and its year
}

// dateFormat turns a DATE_FORMAT format into to_char's, literal text
// double-quoted; ok is false for a specifier not translated.
func dateFormat(f string) (string, error) {
	var b strings.Builder
	lit := false
	for i := 0; i < len(f); i++ {
		c := f[i]
		if c == '%' && i+1 < len(f) && f[i+1] != '%' {
			p, ok := dateFormatSpecs[f[i+1]]
			if !ok {
				return "", fmt.Errorf("DATE_FORMAT specifier %%%c is not translated", f[i+1])
			}
			if lit {
				b.WriteByte('"')
				lit = false
			}
			b.WriteString(p)
			i++
			continue
		}
		if c == '%' && i+1 < len(f) { // %%
			i++
		} else if c == '%' {
			return "", fmt.Errorf("DATE_FORMAT format ending in %% is not translated")
		}
		if !lit {
			b.WriteByte('"')
			lit = true
		}
		if c == '"' || c == '\\' {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	if lit {
		b.WriteByte('"')
	}
	return b.String(), nil
}

// rewriteDateFormat rewrites DATE_FORMAT(d, 'format') as to_char.
func (r viewRewriter) rewriteDateFormat(inner []viewTok) ([]viewTok, error) {
	args := splitArgs(inner)
	if len(args) != 2 || len(args[1]) != 1 || args[1][0].kind != 's' {
		return nil, fmt.Errorf("DATE_FORMAT other than of a date and a format string is not translated")
	}
	f, err := dateFormat(args[1][0].text)
	if err != nil {
		return nil, err
	}
	d, err := r.timeArg("DATE_FORMAT", args[0])
	if err != nil {
		return nil, err
	}
	out := append([]viewTok{{'r', "to_char("}}, d...)
	return append(out, viewTok{'r', ", " + quoteLiteral(f) + ")"}), nil
}

// rewriteTimestampDiff rewrites TIMESTAMPDIFF(unit, a, b).
func (r viewRewriter) rewriteTimestampDiff(inner []viewTok) ([]viewTok, error) {
	args := splitArgs(inner)
	if len(args) != 3 || len(args[0]) != 1 || args[0][0].kind != 'w' {
		return nil, fmt.Errorf("TIMESTAMPDIFF other than of a unit and two dates is not translated")
	}
	unit := strings.ToLower(args[0][0].text)
	a, err := r.timeArg("TIMESTAMPDIFF", args[1])
	if err != nil {
		return nil, err
	}
	b, err := r.timeArg("TIMESTAMPDIFF", args[2])
	if err != nil {
		return nil, err
	}
	seconds := map[string]string{"second": "1", "minute": "60", "hour": "3600", "day": "86400", "week": "604800"}
	if s, ok := seconds[unit]; ok {
		// The seconds between (microseconds included), truncated toward zero.
		out := append([]viewTok{{'r', "CAST(trunc(extract(epoch from ("}}, b...)
		out = append(append(out, viewTok{'r', " - "}), a...)
		return append(out, viewTok{'r', ")) / " + s + ") AS bigint)"}), nil
	}
	per := map[string]string{"month": "", "quarter": " / 3", "year": " / 12"}
	div, ok := per[unit]
	if !ok {
		return nil, fmt.Errorf("TIMESTAMPDIFF(%s, ...) is not translated", strings.ToUpper(unit))
	}
	// Whole months from the earlier (lo) to the later (hi): the months
	// between their months, less one when hi's day and time of day come
	// before lo's; negative when b is before a.
	lo := append(append(append(append([]viewTok{{'r', "least("}}, a...), viewTok{'r', ", "}), b...), viewTok{'r', ")"})
	hi := append(append(append(append([]viewTok{{'r', "greatest("}}, a...), viewTok{'r', ", "}), b...), viewTok{'r', ")"})
	part := func(f string, t []viewTok) []viewTok {
		return append(append([]viewTok{{'r', "CAST(extract(" + f + " from "}}, t...), viewTok{'r', ") AS bigint)"})
	}
	dayTime := func(t []viewTok) []viewTok {
		return append(append([]viewTok{{'r', "to_char("}}, t...), viewTok{'r', `, 'DDHH24MISSUS') COLLATE "C"`})
	}
	out := []viewTok{{'r', "CASE WHEN "}}
	out = append(append(out, a...), viewTok{'r', " IS NULL OR "})
	out = append(append(out, b...), viewTok{'r', " IS NULL THEN NULL ELSE CASE WHEN "})
	out = append(append(out, b...), viewTok{'r', " < "})
	out = append(append(out, a...), viewTok{'r', " THEN -1 ELSE 1 END * ((("})
	out = append(append(out, part("year", hi)...), viewTok{'r', " - "})
	out = append(append(out, part("year", lo)...), viewTok{'r', ") * 12 + "})
	out = append(append(out, part("month", hi)...), viewTok{'r', " - "})
	out = append(append(out, part("month", lo)...), viewTok{'r', " - CASE WHEN "})
	out = append(append(out, dayTime(hi)...), viewTok{'r', " < "})
	out = append(append(out, dayTime(lo)...), viewTok{'r', " THEN 1 ELSE 0 END)" + div + ") END"})
	return out, nil
}

// numberColumn: a is one column, of an integer or numeric type in every
// table having a column so named.
func (r viewRewriter) numberColumn(a []viewTok) bool {
	return r.columnOf(a, "smallint", "integer", "bigint", "numeric")
}
