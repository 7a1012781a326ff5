package dbcopy

import (
	"fmt"
	"strings"
)

// A SQLite expression or partial index is rebuilt in PostgreSQL only when
// every part of it means the same there: column comparisons with literals
// of the column's own kind, IS [NOT] NULL, IN lists, AND/OR/NOT, lower(),
// upper() and length(). Anything else is reported with its source SQL:
// an index whose key or predicate differed from the source's would
// constrain (UNIQUE) or select other rows.
//
// The translation is strict where SQLite's and PostgreSQL's rules part:
// text is compared only for (in)equality (their orderings differ: memcmp
// against the database collation), never on a column SQLite compares with
// NOCASE or RTRIM, nor on a column holding both texts and numbers; dates
// are not compared at all (SQLite compares their text).

// exprKind is the kind of value a translated expression yields.
type exprKind int

const (
	kindOther exprKind = iota // a column of another type: only IS [NOT] NULL
	kindText
	kindNum
	kindBool  // a boolean column, or a comparison
	kindBytes // bytea
	kindNull
	// kindReal is a float4 column: a decimal literal beside it is read as
	// double by SQLite and MySQL and as float4 by PostgreSQL, so
	// real <= 0.1 holds for 0.1f only in PostgreSQL.
	kindReal
)

type sqlTok struct {
	kind byte // 'i' identifier, 'q' quoted identifier, 's' string, 'n' number, 'o' operator
	text string
}

// tokenizeSQLite splits SQLite SQL into tokens; it fails on anything the
// translator does not know (comments, blobs, parameters).
func tokenizeSQLite(s string) ([]sqlTok, error) {
	var out []sqlTok
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '\'' || c == '"' || c == '`' || c == '[':
			end := map[byte]byte{'\'': '\'', '"': '"', '`': '`', '[': ']'}[c]
			var b strings.Builder
			j := i + 1
			for ; j < len(s); j++ {
				if s[j] == end {
					if end != ']' && j+1 < len(s) && s[j+1] == end {
						b.WriteByte(end)
						j++
						continue
					}
					break
				}
				b.WriteByte(s[j])
			}
			if j >= len(s) {
				return nil, fmt.Errorf("unterminated %c", c)
			}
			kind := byte('q')
			if c == '\'' {
				kind = 's'
			}
			out = append(out, sqlTok{kind, b.String()})
			i = j + 1
		case isIdentByte(c) && !(c >= '0' && c <= '9'):
			j := i
			for j < len(s) && isIdentByte(s[j]) {
				j++
			}
			out = append(out, sqlTok{'i', s[i:j]})
			i = j
		case c >= '0' && c <= '9' || c == '.' && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
			j := i
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '.') {
				j++
			}
			if j < len(s) && (s[j] == 'e' || s[j] == 'E' || s[j] == 'x' || s[j] == 'X' || isIdentByte(s[j])) {
				return nil, fmt.Errorf("number %q not translated", s[i:min(j+2, len(s))])
			}
			out = append(out, sqlTok{'n', s[i:j]})
			i = j
		default:
			op := ""
			for _, o := range []string{"==", "!=", "<>", "<=", ">=", "=", "<", ">", "(", ")", ",", "-", ";"} {
				if strings.HasPrefix(s[i:], o) {
					op = o
					break
				}
			}
			if op == "" {
				return nil, fmt.Errorf("%q not translated", s[i:min(i+10, len(s))])
			}
			out = append(out, sqlTok{'o', op})
			i += len(op)
		}
	}
	return out, nil
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// exprParser translates one SQLite expression over the columns of t.
type exprParser struct {
	t     *Table
	toks  []sqlTok
	pos   int
	exact bool // a UNIQUE key or a predicate: case folding must be SQLite's own
	// mysql: the expression is MySQL's, whose text comparisons follow the
	// column's collation (case, trailing spaces) and whose length()
	// counts bytes: only numbers, NULL tests and logic are translated.
	mysql  bool
	why    string // why a column read last cannot be compared, for the error
	folded bool   // lower()/upper() was made ASCII-only
}

func (p *exprParser) peek() sqlTok {
	if p.pos < len(p.toks) {
		return p.toks[p.pos]
	}
	return sqlTok{}
}

func (p *exprParser) keyword(words ...string) bool {
	for k, w := range words {
		if p.pos+k >= len(p.toks) || p.toks[p.pos+k].kind != 'i' || !strings.EqualFold(p.toks[p.pos+k].text, w) {
			return false
		}
	}
	p.pos += len(words)
	return true
}

func (p *exprParser) op(o string) bool {
	if t := p.peek(); t.kind == 'o' && t.text == o {
		p.pos++
		return true
	}
	return false
}

func (p *exprParser) or() (string, exprKind, error) {
	l, k, err := p.and()
	for err == nil && p.keyword("OR") {
		var r string
		var rk exprKind
		if r, rk, err = p.and(); err == nil && (k != kindBool || rk != kindBool) {
			err = fmt.Errorf("OR of non-conditions")
		}
		l = l + " OR " + r
	}
	return l, k, err
}

func (p *exprParser) and() (string, exprKind, error) {
	l, k, err := p.not()
	for err == nil && p.keyword("AND") {
		var r string
		var rk exprKind
		if r, rk, err = p.not(); err == nil && (k != kindBool || rk != kindBool) {
			err = fmt.Errorf("AND of non-conditions")
		}
		l = "(" + l + ") AND (" + r + ")"
	}
	return l, k, err
}

func (p *exprParser) not() (string, exprKind, error) {
	if p.keyword("NOT") {
		s, k, err := p.not()
		if err == nil && k != kindBool {
			err = fmt.Errorf("NOT of a non-condition")
		}
		return "NOT (" + s + ")", kindBool, err
	}
	return p.predicate()
}

var sqliteCmp = map[string]string{"=": "=", "==": "=", "!=": "<>", "<>": "<>", "<": "<", "<=": "<=", ">": ">", ">=": ">="}

func (p *exprParser) predicate() (string, exprKind, error) {
	p.why = ""
	l, k, err := p.operand()
	if err != nil {
		return "", 0, err
	}
	switch {
	case p.keyword("IS", "NOT", "NULL"), p.keyword("NOTNULL"), p.keyword("NOT", "NULL"):
		return l + " IS NOT NULL", kindBool, nil
	case p.keyword("IS", "NULL"), p.keyword("ISNULL"):
		return l + " IS NULL", kindBool, nil
	case p.keyword("NOT", "IN"), p.keyword("IN"):
		neg := strings.EqualFold(p.toks[p.pos-2].text, "NOT")
		if !p.op("(") {
			return "", 0, fmt.Errorf("IN without a list")
		}
		var items []string
		for {
			r, rk, err := p.operand()
			if err != nil {
				return "", 0, err
			}
			if err := p.comparable(k, rk, "="); err != nil {
				return "", 0, err
			}
			if k == kindBool && rk != kindBool {
				if r, err = boolLiteral(r); err != nil {
					return "", 0, err
				}
			}
			items = append(items, r)
			if !p.op(",") {
				break
			}
		}
		if !p.op(")") {
			return "", 0, fmt.Errorf("unclosed IN list")
		}
		in := " IN ("
		if neg {
			in = " NOT IN ("
		}
		return l + in + strings.Join(items, ", ") + ")", kindBool, nil
	}
	if t := p.peek(); t.kind == 'o' && sqliteCmp[t.text] != "" {
		p.pos++
		r, rk, err := p.operand()
		if err != nil {
			return "", 0, err
		}
		if err := p.comparable(k, rk, t.text); err != nil {
			return "", 0, err
		}
		if k == kindBool && rk != kindBool {
			if r, err = boolLiteral(r); err != nil {
				return "", 0, err
			}
		}
		if rk == kindBool && k != kindBool {
			if l, err = boolLiteral(l); err != nil {
				return "", 0, err
			}
		}
		return l + " " + sqliteCmp[t.text] + " " + r, kindBool, nil
	}
	return l, k, nil
}

func (p *exprParser) comparable(a, b exprKind, op string) error {
	err := comparable(a, b, op)
	if err != nil && p.why != "" {
		err = fmt.Errorf("%w (%s)", err, p.why)
	}
	return err
}

// comparable says whether SQLite and PostgreSQL agree on a op b.
func comparable(a, b exprKind, op string) error {
	if a == kindReal || b == kindReal {
		return fmt.Errorf("comparison %s of a real (float4) not translated", op)
	}
	eq := op == "=" || op == "==" || op == "!=" || op == "<>"
	switch {
	case a == kindNum && b == kindNum:
		return nil
	case a == kindText && b == kindText && eq:
		return nil
	case (a == kindBool && b == kindNum || a == kindNum && b == kindBool || a == kindBool && b == kindBool) && eq:
		return nil
	}
	return fmt.Errorf("comparison %s not translated for these operand types", op)
}

// boolLiteral turns 0/1 into false/true for a boolean column; a boolean
// column holds no other number (the copy rejects them).
func boolLiteral(s string) (string, error) {
	switch s {
	case "0":
		return "false", nil
	case "1":
		return "true", nil
	}
	return "", fmt.Errorf("boolean compared with %s not translated", s)
}

func (p *exprParser) operand() (string, exprKind, error) {
	t := p.peek()
	switch {
	case t.kind == 'o' && t.text == "(":
		p.pos++
		s, k, err := p.or()
		if err == nil && !p.op(")") {
			err = fmt.Errorf("unclosed parenthesis")
		}
		return "(" + s + ")", k, err
	case t.kind == 'o' && t.text == "-":
		p.pos++
		if n := p.peek(); n.kind == 'n' {
			p.pos++
			return "-" + n.text, kindNum, nil
		}
		return "", 0, fmt.Errorf("unary minus not translated")
	case t.kind == 'n':
		p.pos++
		return t.text, kindNum, nil
	case t.kind == 's':
		p.pos++
		return quoteLiteral(t.text), kindText, nil
	case t.kind == 'i' && (strings.EqualFold(t.text, "TRUE") || strings.EqualFold(t.text, "FALSE")):
		p.pos++
		if strings.EqualFold(t.text, "TRUE") {
			return "1", kindNum, nil
		}
		return "0", kindNum, nil
	case t.kind == 'i' && strings.EqualFold(t.text, "NULL"):
		p.pos++
		return "NULL", kindNull, nil
	case t.kind == 'i' && p.pos+1 < len(p.toks) && p.toks[p.pos+1].text == "(" && p.toks[p.pos+1].kind == 'o':
		return p.call()
	case t.kind == 'i' || t.kind == 'q':
		p.pos++
		return p.column(t.text)
	}
	return "", 0, fmt.Errorf("%q not translated", t.text)
}

// column resolves a column name; it is an error for any other name (a
// double-quoted word that names no column is a string in SQLite).
func (p *exprParser) column(name string) (string, exprKind, error) {
	c := p.t.column(name)
	if c == nil {
		for _, x := range p.t.Columns {
			if strings.EqualFold(x.Name, name) {
				c = x
			}
		}
	}
	if c == nil {
		return "", 0, fmt.Errorf("%q is no column", name)
	}
	q := quoteIdent(c.Target)
	if c.textAndNumbers {
		p.why = name + " holds both texts and numbers"
		return q, kindOther, nil
	}
	switch typeFamily(c.TargetType) {
	case "text":
		switch {
		case c.foldedCompare:
			p.why = name + " is compared with NOCASE, RTRIM or the application's collation"
			return q, kindOther, nil
		case p.mysql:
			p.why = "MySQL compares " + name + " by its collation, trailing spaces aside"
			return q, kindOther, nil
		}
		return q, kindText, nil
	case "integer", "numeric", "float":
		if strings.EqualFold(c.TargetType, "real") {
			return q, kindReal, nil
		}
		return q, kindNum, nil
	case "boolean":
		return q, kindBool, nil
	case "bytea":
		return q, kindBytes, nil
	}
	return q, kindOther, nil
}

// asciiUpper and asciiLower are SQLite's lower() and upper() (ASCII only,
// unless the application loads ICU); PostgreSQL's fold all of Unicode.
const (
	asciiUpper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	asciiLower = "abcdefghijklmnopqrstuvwxyz"
)

func (p *exprParser) call() (string, exprKind, error) {
	name := strings.ToLower(p.peek().text)
	p.pos += 2
	arg, k, err := p.or()
	if err != nil {
		return "", 0, err
	}
	if !p.op(")") {
		if strings.EqualFold(p.peek().text, "as") { // CAST(x AS type)
			return "", 0, fmt.Errorf("%s(... AS ...) not translated", name)
		}
		return "", 0, fmt.Errorf("%s() with more than one argument not translated", name)
	}
	if p.mysql {
		return "", 0, fmt.Errorf("%s() not translated", name)
	}
	switch {
	case (name == "lower" || name == "upper") && k == kindText:
		if !p.exact {
			return name + "(" + arg + ")", kindText, nil
		}
		// A unique key must collide exactly where SQLite's does:
		// PostgreSQL's lower() would also fold 'Ä' and 'ä' together.
		p.folded = true
		from, to := asciiUpper, asciiLower
		if name == "upper" {
			from, to = to, from
		}
		return "translate(" + arg + ", '" + from + "', '" + to + "')", kindText, nil
	case name == "length" && (k == kindText || k == kindBytes):
		return "length(" + arg + ")", kindNum, nil
	}
	return "", 0, fmt.Errorf("%s() not translated", name)
}
