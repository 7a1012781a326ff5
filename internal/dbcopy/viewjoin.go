package dbcopy

import "strings"

// MariaDB and MySQL store "FROM a, b" and "a CROSS JOIN b" as "a join b",
// with no ON: a join PostgreSQL only takes with a condition, so such a view
// was refused when created. A join whose right side is followed by no ON or
// USING is written CROSS JOIN; STRAIGHT_JOIN (MySQL's join in the order
// written, which PostgreSQL has no hint for) is a plain JOIN, or a CROSS
// JOIN without a condition. The rows are the same.

// rewriteJoins rewrites the joins of toks.
func rewriteJoins(toks []viewTok) []viewTok {
	var out []viewTok
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		lower := strings.ToLower(t.text)
		if t.kind != 'w' || lower != "join" && lower != "straight_join" {
			out = append(out, t)
			continue
		}
		switch {
		case joinHasCondition(toks, i) && lower == "straight_join":
			out = append(out, viewTok{'r', "join"})
		case joinHasCondition(toks, i):
			out = append(out, t)
		case precededByJoinKind(out):
			out = append(out, t) // "left join" with no condition: PostgreSQL says so
		default:
			out = append(out, viewTok{'r', "cross join"})
		}
	}
	return out
}

// joinHasCondition reports whether the right side of the join at toks[i]
// (a name, possibly qualified and aliased, or a parenthesised group) is
// followed by ON or USING.
func joinHasCondition(toks []viewTok, i int) bool {
	j := nextIndex(toks, i)
	if j < 0 {
		return false
	}
	if toks[j].kind == 'p' && toks[j].text == "(" {
		if j = closeParen(toks, j); j < 0 {
			return false
		}
	} else {
		// `db`.`t`: names and dots
		for {
			k := nextIndex(toks, j)
			if k < 0 || toks[k].kind != 'p' || toks[k].text != "." {
				break
			}
			if j = nextIndex(toks, k); j < 0 {
				return false
			}
		}
	}
	k := nextIndex(toks, j)
	if k >= 0 && toks[k].kind == 'w' && strings.EqualFold(toks[k].text, "as") {
		k = nextIndex(toks, k)
		if k < 0 {
			return false
		}
		k = nextIndex(toks, k) // past the alias
	} else if k >= 0 && toks[k].kind == 'q' {
		k = nextIndex(toks, k) // an alias without AS
	}
	if k < 0 || toks[k].kind != 'w' {
		return false
	}
	w := strings.ToLower(toks[k].text)
	return w == "on" || w == "using"
}

// precededByJoinKind reports a join written LEFT, RIGHT, FULL or NATURAL
// (its last word out is one of them, space aside).
func precededByJoinKind(out []viewTok) bool {
	for k := len(out) - 1; k >= 0; k-- {
		if out[k].kind == ' ' {
			continue
		}
		switch strings.ToLower(out[k].text) {
		case "left", "right", "full", "outer", "natural":
			return true
		}
		return false
	}
	return false
}
