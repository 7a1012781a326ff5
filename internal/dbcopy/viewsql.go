package dbcopy

import (
	"fmt"
	"strings"
)

// viewTok is one token of a view's SQL. kind: 'q' quoted identifier, 'w'
// bare word, 's' string, 'n' number, 'p' operator or punctuation, ' '
// white space (comments included).
type viewTok struct {
	kind byte
	text string // identifiers and strings unquoted and unescaped
}

// lexSQL splits a MySQL or SQLite view definition into tokens as that
// engine reads them: MySQL quotes identifiers with backquotes and strings
// with either quote, backslash escapes included; SQLite quotes
// identifiers with double quotes, backquotes or brackets.
func lexSQL(src string, mysql bool) ([]viewTok, error) {
	toks, _, err := lexSQLSpans(src, mysql)
	return toks, err
}

// lexSQLSpans is lexSQL with the offset in src where each token starts
// (SQLite names a SELECT item without AS by its text as written).
func lexSQLSpans(src string, mysql bool) ([]viewTok, []int, error) {
	var out []viewTok
	var starts []int
	for i := 0; i < len(src); {
		c, at, n0 := src[i], i, len(out)
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
			i++
			out = appendSpace(out)
		case strings.HasPrefix(src[i:], "--") || mysql && c == '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			out = appendSpace(out)
		case strings.HasPrefix(src[i:], "/*"):
			end := strings.Index(src[i+2:], "*/")
			if end < 0 || mysql && strings.HasPrefix(src[i:], "/*!") {
				return nil, nil, fmt.Errorf("MySQL version comment or unterminated comment")
			}
			i += end + 4
			out = appendSpace(out)
		case c == '`' || c == '"' && !mysql || c == '[' && !mysql:
			closing := c
			if c == '[' {
				closing = ']'
			}
			s, n, err := quoted(src[i:], closing, false)
			if err != nil {
				return nil, nil, err
			}
			out, i = append(out, viewTok{'q', s}), i+n
		case c == '\'' || c == '"':
			s, n, err := quoted(src[i:], c, mysql)
			if err != nil {
				return nil, nil, err
			}
			out, i = append(out, viewTok{'s', s}), i+n
		case c >= '0' && c <= '9' || c == '.' && i+1 < len(src) && src[i+1] >= '0' && src[i+1] <= '9':
			j := i
			for j < len(src) && (src[j] >= '0' && src[j] <= '9' || src[j] == '.' ||
				(src[j] == 'e' || src[j] == 'E') && j+1 < len(src) && (src[j+1] >= '0' && src[j+1] <= '9' || src[j+1] == '-' || src[j+1] == '+') ||
				(src[j] == '-' || src[j] == '+') && (src[j-1] == 'e' || src[j-1] == 'E')) {
				j++
			}
			out, i = append(out, viewTok{'n', src[i:j]}), j
		case viewWordByte(c):
			j := i
			for j < len(src) && viewWordByte(src[j]) {
				j++
			}
			out, i = append(out, viewTok{'w', src[i:j]}), j
		default:
			n := 1
			for _, op := range []string{"<=>", "<=", ">=", "<>", "!=", "==", "||", "&&", ":=", "<<", ">>"} {
				if strings.HasPrefix(src[i:], op) {
					n = len(op)
					break
				}
			}
			out, i = append(out, viewTok{'p', src[i : i+n]}), i+n
		}
		if len(out) > n0 {
			starts = append(starts, at)
		}
	}
	return out, starts, nil
}

func appendSpace(out []viewTok) []viewTok {
	if len(out) > 0 && out[len(out)-1].kind == ' ' {
		return out
	}
	return append(out, viewTok{' ', " "})
}

func viewWordByte(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// quoted reads a quoted token at the start of s, its quote doubled inside;
// with backslash, MySQL's escapes too. It returns the text and the bytes read.
func quoted(s string, closing byte, backslash bool) (string, int, error) {
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case c == closing && i+1 < len(s) && s[i+1] == closing:
			b.WriteByte(c)
			i++
		case c == closing:
			return b.String(), i + 1, nil
		case backslash && c == '\\' && i+1 < len(s):
			i++
			switch e := s[i]; e {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'r':
				b.WriteByte('\r')
			case 'b':
				b.WriteByte('\b')
			case 'Z':
				b.WriteByte(0x1a)
			case '0':
				return "", 0, fmt.Errorf("NUL byte in a string, which PostgreSQL's text cannot hold")
			case '%', '_': // MySQL keeps the backslash of a LIKE wildcard
				b.WriteByte('\\')
				b.WriteByte(e)
			default:
				b.WriteByte(e)
			}
		default:
			b.WriteByte(c)
		}
	}
	return "", 0, fmt.Errorf("unterminated quoted text")
}
