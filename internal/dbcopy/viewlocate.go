package dbcopy

import (
	"fmt"
	"strings"
)

// LOCATE (INSTR and POSITION as MariaDB stores them), LEFT and RIGHT,
// their string arguments made text as CONCAT's are (textArg).
//
//   - LOCATE(sub, s) is strpos(s, sub): 1-based, in characters, 0 when
//     absent. MySQL compares by the collation (mostly case-insensitive),
//     PostgreSQL exactly: the view is noted (textCmp).
//   - LOCATE(sub, s, pos) is NULL when an argument is, else 0 when pos is
//     below 1 or past the last character (MariaDB: an empty sub too),
//     else where sub is from pos on; pos an integer or an integer column.
//   - LEFT(s, n) and RIGHT(s, n) give '' for a negative n, where
//     PostgreSQL's count from the other end.

func (r viewRewriter) rewriteLocate(inner []viewTok) ([]viewTok, error) {
	args := splitArgs(inner)
	if len(args) < 2 || len(args) > 3 {
		return nil, fmt.Errorf("LOCATE with %d arguments is not translated", len(args))
	}
	sub, err := r.textArg("LOCATE", args[0])
	if err != nil {
		return nil, err
	}
	s, err := r.textArg("LOCATE", args[1])
	if err != nil {
		return nil, err
	}
	r.v.textCmp = true
	strpos := func(s []viewTok) []viewTok {
		out := append(append([]viewTok{{'r', "strpos("}}, s...), viewTok{'r', ", "})
		return append(append(out, sub...), viewTok{'r', ")"})
	}
	if len(args) == 2 {
		return strpos(s), nil
	}
	pos := args[2]
	switch {
	case intLiteral(pos), r.intColumn(pos):
	case len(pos) == 2 && pos[0].kind == 'p' && pos[0].text == "-" && intLiteral(pos[1:]):
		pos = []viewTok{{'r', "(-"}, pos[1], {'r', ")"}}
	default:
		return nil, fmt.Errorf("LOCATE from a position other than an integer or an integer column (MySQL rounds it) is not translated")
	}
	pos, err = r.rewrite(pos)
	if err != nil {
		return nil, err
	}
	from := append(append(append(append([]viewTok{{'r', "substr("}}, s...), viewTok{'r', ", "}), pos...), viewTok{'r', ")"})
	out := []viewTok{{'r', "CASE WHEN "}}
	out = append(append(out, sub...), viewTok{'r', " IS NULL OR "})
	out = append(append(out, s...), viewTok{'r', " IS NULL OR "})
	out = append(append(out, pos...), viewTok{'r', " IS NULL THEN NULL WHEN "})
	out = append(append(out, pos...), viewTok{'r', " < 1 OR "})
	out = append(append(out, pos...), viewTok{'r', " > char_length("})
	out = append(append(out, s...), viewTok{'r', ") OR "})
	out = append(append(out, strpos(from)...), viewTok{'r', " = 0 THEN 0 ELSE "})
	out = append(append(out, strpos(from)...), viewTok{'r', " + "})
	out = append(append(out, pos...), viewTok{'r', " - 1 END"})
	return out, nil
}

// rewriteLeftRight rewrites LEFT(s, n) and RIGHT(s, n).
func (r viewRewriter) rewriteLeftRight(fn string, inner []viewTok) ([]viewTok, error) {
	args := splitArgs(inner)
	if len(args) != 2 || len(args[1]) == 0 {
		return nil, fmt.Errorf("%s with %d arguments is not translated", strings.ToUpper(fn), len(args))
	}
	s, err := r.textArg(strings.ToUpper(fn), args[0])
	if err != nil {
		return nil, err
	}
	n, err := r.rewrite(args[1])
	if err != nil {
		return nil, err
	}
	out := append(append([]viewTok{{'r', fn + "("}}, s...), viewTok{'r', ", "})
	if intLiteral(args[1]) {
		out = append(out, n...)
	} else {
		out = append(append(out, viewTok{'r', "CASE WHEN "}), n...)
		out = append(append(out, viewTok{'r', " < 0 THEN 0 ELSE "}), n...)
		out = append(out, viewTok{'r', " END"})
	}
	return append(out, viewTok{'r', ")"}), nil
}
