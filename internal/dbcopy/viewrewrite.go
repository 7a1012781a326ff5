package dbcopy

import (
	"fmt"
	"strings"
)

// MySQL syntax PostgreSQL spells otherwise, rewritten token by token
// before translateView's names and functions: LIMIT offset,count,
// CAST(x AS mysql-type) and IF(c, a, b). The tokens written here have
// kind 'r', which translateView copies as they are.

// rewriteMySQLView rewrites toks; an error says what does not translate.
func rewriteMySQLView(toks []viewTok) ([]viewTok, error) {
	var out []viewTok
	for i := 0; i < len(toks); i++ {
		tok := toks[i]
		if tok.kind != 'w' {
			out = append(out, tok)
			continue
		}
		lower := strings.ToLower(tok.text)
		open := nextIndex(toks, i)
		switch {
		case lower == "limit":
			// LIMIT offset,count: MariaDB stores LIMIT n OFFSET m so too.
			a, comma := nextIndex(toks, i), -1
			if a > 0 {
				comma = nextIndex(toks, a)
			}
			if a > 0 && comma > 0 && toks[a].kind == 'n' && toks[comma].text == "," && toks[comma].kind == 'p' {
				if b := nextIndex(toks, comma); b > 0 && toks[b].kind == 'n' {
					out = append(out, tok, viewTok{' ', " "}, toks[b], viewTok{'r', " OFFSET "}, toks[a])
					i = b
					continue
				}
			}
			out = append(out, tok)
		case (lower == "cast" || lower == "if") && open > 0 && toks[open].text == "(" && toks[open].kind == 'p':
			end := closeParen(toks, open)
			if end < 0 {
				return nil, fmt.Errorf("unbalanced parentheses")
			}
			inner := toks[open+1 : end]
			var rw []viewTok
			var err error
			if lower == "cast" {
				rw, err = rewriteCast(inner)
			} else {
				rw, err = rewriteIf(inner)
			}
			if err != nil {
				return nil, err
			}
			out = append(out, rw...)
			i = end
		default:
			out = append(out, tok)
		}
	}
	return out, nil
}

// rewriteCast turns the inside of CAST(x AS type) into PostgreSQL's CAST.
func rewriteCast(inner []viewTok) ([]viewTok, error) {
	as := -1
	depth := 0
	for j, t := range inner {
		switch {
		case t.kind == 'p' && t.text == "(":
			depth++
		case t.kind == 'p' && t.text == ")":
			depth--
		case depth == 0 && t.kind == 'w' && strings.EqualFold(t.text, "as"):
			as = j
		}
	}
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
	pg, err := castType(strings.TrimSpace(typ.String()))
	if err != nil {
		return nil, err
	}
	expr, err := rewriteMySQLView(trimSpace(inner[:as]))
	if err != nil {
		return nil, err
	}
	out := append([]viewTok{{'r', "CAST("}}, expr...)
	return append(out, viewTok{'r', " AS " + pg + ")"}), nil
}

// castType maps a MySQL CAST target, as MariaDB and MySQL store it
// ("char(5) charset utf8mb4", "decimal ( 8 , 2 )" once tokenised), to
// PostgreSQL's type.
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
	case "signed", "unsigned":
		if rest == "" || rest == "int" || rest == "integer" {
			return "bigint", nil
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
		if rest == "" {
			return "timestamp" + args, nil
		}
	case "decimal":
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
func rewriteIf(inner []viewTok) ([]viewTok, error) {
	var args [][]viewTok
	depth, start := 0, 0
	for j, t := range inner {
		switch {
		case t.kind == 'p' && t.text == "(":
			depth++
		case t.kind == 'p' && t.text == ")":
			depth--
		case depth == 0 && t.kind == 'p' && t.text == ",":
			args = append(args, inner[start:j])
			start = j + 1
		}
	}
	args = append(args, inner[start:])
	if len(args) != 3 {
		return nil, fmt.Errorf("IF with %d arguments is not translated", len(args))
	}
	out := []viewTok{{'r', "CASE WHEN "}}
	for k, word := range []string{" THEN ", " ELSE ", " END"} {
		rw, err := rewriteMySQLView(trimSpace(args[k]))
		if err != nil {
			return nil, err
		}
		out = append(append(out, rw...), viewTok{'r', word})
	}
	return out, nil
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
