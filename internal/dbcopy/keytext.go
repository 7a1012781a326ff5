package dbcopy

import (
	"strconv"
	"strings"
	"unicode"
)

// displayKey renders a row key as normRow builds it ("id=V2:42 "; values
// length-prefixed so that they cannot collide) the way a user types it:
// id=42, name="a b", x=NULL. A key it cannot parse is returned as is.
func displayKey(t *Table, key string) string {
	rest := key
	var parts []string
	for _, i := range t.pkIndexes() {
		name := t.Columns[i].Name
		if !strings.HasPrefix(rest, name+"=") {
			return key
		}
		rest = rest[len(name)+1:]
		var val string
		switch {
		case strings.HasPrefix(rest, "N;"):
			val, rest = "NULL", rest[2:]
		case strings.HasPrefix(rest, "V"):
			colon := strings.IndexByte(rest, ':')
			n, err := strconv.Atoi(rest[1:max(colon, 1)])
			if colon < 0 || err != nil || colon+1+n > len(rest) {
				return key
			}
			val, rest = plainOrQuoted(rest[colon+1:colon+1+n]), rest[colon+1+n:]
		default:
			return key
		}
		parts = append(parts, name+"="+val)
		rest = strings.TrimPrefix(rest, " ")
	}
	if rest != "" {
		return key
	}
	return strings.Join(parts, " ")
}

// plainOrQuoted quotes a value that would otherwise read as something else.
func plainOrQuoted(s string) string {
	if s == "" || s == "NULL" || strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '=' || r == '"' || !unicode.IsPrint(r) }) {
		return strconv.Quote(s)
	}
	return s
}
