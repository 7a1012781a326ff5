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
//     PostgreSQL exactly: the view is noted (textCmp) unless its columns
//     are all of binary collations.
//   - LOCATE(sub, s, pos) is NULL when an argument is, else 0 when pos is
//     below 1, else where sub is from pos on (0 when absent). MariaDB
//     gives for an empty sub the byte offset of pos plus one, 0 past the
//     string's bytes or characters: so too here, for UTF-8 columns; a
//     MySQL view's sub must be a string that is not empty.
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
	if !r.binaryCollated(args[0], args[1]) {
		r.v.textCmp = true
	}
	strpos := func(s []viewTok) []viewTok {
		out := append(append([]viewTok{{'r', "strpos("}}, s...), viewTok{'r', ", "})
		return append(append(out, sub...), viewTok{'r', ")"})
	}
	if len(args) == 2 {
		return strpos(s), nil
	}
	pos := args[2]
	if len(pos) == 0 || len(pos) == 1 && pos[0].kind == 's' {
		return nil, fmt.Errorf("LOCATE from a position other than a number is not translated")
	}
	// MariaDB gives, for an empty sub, the byte (not character) offset of
	// pos plus one, and 0 past the string's bytes; MySQL's is not checked.
	mayBeEmpty := len(args[0]) != 1 || args[0][0].kind != 's' || args[0][0].text == ""
	if mayBeEmpty && !r.v.MariaDB {
		return nil, fmt.Errorf("LOCATE(sub, s, pos) with a sub other than a non-empty string is not translated")
	}
	if mayBeEmpty {
		if err := r.utf8Columns("LOCATE", args[1]); err != nil {
			return nil, err
		}
	}
	pos, err = r.rewrite(pos)
	if err != nil {
		return nil, err
	}
	pos = append(append([]viewTok{{'r', "("}}, pos...), viewTok{'r', ")"})
	from := append(append(append(append([]viewTok{{'r', "substr("}}, s...), viewTok{'r', ", "}), pos...), viewTok{'r', ")"})
	out := []viewTok{{'r', "CASE WHEN "}}
	out = append(append(out, sub...), viewTok{'r', " IS NULL OR "})
	out = append(append(out, s...), viewTok{'r', " IS NULL OR "})
	out = append(append(out, pos...), viewTok{'r', " IS NULL THEN NULL WHEN "})
	out = append(append(out, pos...), viewTok{'r', " < 1 THEN 0 WHEN "})
	if mayBeEmpty {
		out = append(append(out, sub...), viewTok{'r', " = '' THEN CASE WHEN "})
		out = append(append(out, pos...), viewTok{'r', " > octet_length("})
		out = append(append(out, s...), viewTok{'r', ") OR "})
		out = append(append(out, pos...), viewTok{'r', " - 1 > char_length("})
		out = append(append(out, s...), viewTok{'r', ") THEN 0 ELSE octet_length(substr("})
		out = append(append(out, s...), viewTok{'r', ", 1, "})
		out = append(append(out, pos...), viewTok{'r', " - 1)) + 1 END WHEN "})
	}
	out = append(append(out, strpos(from)...), viewTok{'r', " = 0 THEN 0 ELSE "})
	out = append(append(out, strpos(from)...), viewTok{'r', " + "})
	out = append(append(out, pos...), viewTok{'r', " - 1 END"})
	return out, nil
}

// binaryCollated: the args name columns, every one of a binary
// collation (MySQL then compares them, and literals beside them, by byte).
func (r viewRewriter) binaryCollated(args ...[]viewTok) bool {
	seen := false
	for _, a := range args {
		for i, t := range a {
			if t.kind != 'q' || nextTok(a, i).text == "." {
				continue
			}
			cols := r.names.cols[strings.ToLower(t.text)]
			for _, c := range cols {
				if !strings.HasSuffix(strings.ToLower(c.Collation), "_bin") {
					return false
				}
			}
			seen = seen || len(cols) > 0
		}
	}
	return seen
}

// utf8Columns says why fn of a, which counts a's bytes, is not
// translated: a column of a charset whose bytes are not UTF-8's.
func (r viewRewriter) utf8Columns(fn string, a []viewTok) error {
	for i, t := range a {
		if t.kind != 'q' || nextTok(a, i).text == "." {
			continue
		}
		for _, c := range r.names.cols[strings.ToLower(t.text)] {
			switch strings.ToLower(c.Charset) {
			case "", "utf8mb4", "utf8mb3", "utf8", "ascii", "binary":
			default:
				return fmt.Errorf("%s of column %s (%s), whose bytes MySQL counts in %s and PostgreSQL in UTF-8, is not translated",
					fn, t.text, c.Charset, c.Charset)
			}
		}
	}
	return nil
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
