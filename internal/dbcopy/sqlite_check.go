package dbcopy

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// definitionFacts reads what SQLite keeps only in a table's CREATE TABLE
// statement (no pragma lists it): CHECK constraints, reported as MySQL's
// are, and DEFERRABLE on foreign keys, which are created so.
func (s *sqliteSource) definitionFacts(ctx context.Context, t *Table) error {
	var def sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`, t.Name).Scan(&def)
	if err != nil {
		return fmt.Errorf("definition of %s: %w", t.Name, err)
	}
	t.Checks = parseChecks(def.String)
	t.onConflict = parseOnConflict(def.String)
	// pragma_foreign_key_list numbers the keys from the last declared.
	if d := parseDeferrable(def.String); len(d) == len(t.FKs) {
		for i, fk := range t.FKs {
			fk.Deferrable = d[len(d)-1-i]
		}
	}
	return nil
}

// parseOnConflict returns the ON CONFLICT clauses of a CREATE TABLE
// statement that are not the default (ABORT), with the constraint keyword
// before them: "UNIQUE ON CONFLICT REPLACE".
func parseOnConflict(def string) []string {
	toks := sqliteTokens(def)
	var out []string
	for i := 0; i+2 < len(toks); i++ {
		if !strings.EqualFold(toks[i], "on") || !strings.EqualFold(toks[i+1], "conflict") || strings.EqualFold(toks[i+2], "abort") {
			continue
		}
		what := "constraint"
		for j := i - 1; j >= 0; j-- {
			if w := strings.ToUpper(toks[j]); w == "UNIQUE" || w == "KEY" || w == "NULL" || w == "CHECK" {
				what = map[string]string{"KEY": "PRIMARY KEY", "NULL": "NOT NULL"}[w]
				if what == "" {
					what = w
				}
				break
			}
		}
		out = append(out, what+" ON CONFLICT "+strings.ToUpper(toks[i+2]))
	}
	return out
}

// parseDeferrable returns, for each REFERENCES clause of a CREATE TABLE
// statement in order, "DEFERRABLE INITIALLY DEFERRED", "DEFERRABLE" or "".
func parseDeferrable(def string) []string {
	toks := sqliteTokens(def)
	var out []string
	for i, tok := range toks {
		if !strings.EqualFold(tok, "references") {
			continue
		}
		d, depth := "", 0
		for j := i + 1; j < len(toks); j++ {
			w := strings.ToUpper(toks[j])
			if w == "(" {
				depth++
			} else if w == ")" && depth > 0 {
				depth--
			} else if depth == 0 && (w == "," || w == ")") {
				break
			} else if depth == 0 && w == "DEFERRABLE" && !strings.EqualFold(toks[j-1], "not") {
				d = "DEFERRABLE"
			} else if depth == 0 && w == "DEFERRED" && d != "" && strings.EqualFold(toks[j-1], "initially") {
				d = "DEFERRABLE INITIALLY DEFERRED"
			}
		}
		out = append(out, d)
	}
	return out
}

// sqliteTokens splits SQL into words, quoted names or strings and single
// punctuation characters, without comments or white space.
func sqliteTokens(def string) []string {
	var out []string
	for i := 0; i < len(def); {
		ch := def[i]
		switch {
		case ch == '\'' || ch == '"' || ch == '`' || ch == '[':
			end := closingQuote(def, i)
			out = append(out, def[i:end])
			i = end
		case isCommentStart(def, i):
			i = pastComment(def, i)
		case isWordByte(ch):
			j := i
			for j < len(def) && isWordByte(def[j]) {
				j++
			}
			out = append(out, def[i:j])
			i = j
		case ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r':
			i++
		default:
			out = append(out, def[i:i+1])
			i++
		}
	}
	return out
}

// parseChecks finds each CHECK (...) of a CREATE TABLE statement outside
// quoted names, strings and comments, named by a CONSTRAINT name just
// before it or else "checkN" by position.
func parseChecks(def string) []Check {
	var out []Check
	var prev [2]string // the last two words, for CONSTRAINT name CHECK
	for i := 0; i < len(def); {
		ch := def[i]
		switch {
		case ch == '\'' || ch == '"' || ch == '`' || ch == '[':
			end := closingQuote(def, i)
			word := def[i:end]
			prev = [2]string{prev[1], word}
			i = end
		case isCommentStart(def, i):
			i = pastComment(def, i)
		case isWordByte(ch):
			j := i
			for j < len(def) && isWordByte(def[j]) {
				j++
			}
			word := def[i:j]
			i = j
			if !strings.EqualFold(word, "check") {
				prev = [2]string{prev[1], word}
				continue
			}
			for i < len(def) && (def[i] == ' ' || def[i] == '\t' || def[i] == '\n' || def[i] == '\r') {
				i++
			}
			if i >= len(def) || def[i] != '(' {
				continue
			}
			end := closingParen(def, i)
			if def[end-1] != ')' { // unclosed: no text SQLite would have kept
				i = end
				continue
			}
			name := fmt.Sprintf("check%d", len(out)+1)
			if strings.EqualFold(prev[0], "constraint") {
				name = unquoteSQLite(prev[1])
			}
			out = append(out, Check{Name: name, Clause: strings.TrimSpace(def[i+1 : end-1])})
			i = end
			prev = [2]string{}
		default:
			if ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r' {
				prev = [2]string{prev[1], string(ch)}
			}
			i++
		}
	}
	return out
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// closingQuote returns the index after the quoted token starting at i; a
// doubled quote inside stands for itself.
func closingQuote(s string, i int) int {
	q := s[i]
	if q == '[' {
		q = ']'
	}
	for j := i + 1; j < len(s); j++ {
		if s[j] == q {
			if q != ']' && j+1 < len(s) && s[j+1] == q {
				j++
				continue
			}
			return j + 1
		}
	}
	return len(s)
}

// closingParen returns the index after the parenthesis matching s[i].
func closingParen(s string, i int) int {
	depth := 0
	for j := i; j < len(s); {
		switch s[j] {
		case '\'', '"', '`', '[':
			j = closingQuote(s, j)
			continue
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return j + 1
			}
		}
		j++
	}
	return len(s)
}

func unquoteSQLite(s string) string {
	if len(s) >= 2 {
		switch s[0] {
		case '"', '`', '\'':
			q := s[:1]
			return strings.ReplaceAll(s[1:len(s)-1], q+q, q)
		case '[':
			return s[1 : len(s)-1]
		}
	}
	return s
}

// isCommentStart reports whether a -- or /* comment starts at def[i].
func isCommentStart(def string, i int) bool {
	return strings.HasPrefix(def[i:], "--") || strings.HasPrefix(def[i:], "/*")
}

// pastComment returns the index just past the comment starting at def[i]:
// a -- comment ends before its newline, an unclosed one at the end of def.
func pastComment(def string, i int) int {
	if def[i] == '-' {
		if j := strings.IndexByte(def[i:], '\n'); j >= 0 {
			return i + j
		}
		return len(def)
	}
	if j := strings.Index(def[i+2:], "*/"); j >= 0 {
		return i + j + 4
	}
	return len(def)
}
