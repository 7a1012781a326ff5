package dbcopy

import (
	"fmt"
	"strings"
)

// collationNote says how a unique key's collation makes values equal that
// PostgreSQL's key (which compares bytes: deterministic collations) keeps
// apart, or "" when the collation compares exactly. The copied rows are
// all distinct either way; what changes is what the key refuses afterwards
// and what = finds.
func collationNote(coll string, sqlite bool) string {
	lc := strings.ToLower(coll)
	after := func(one, other string) string {
		return fmt.Sprintf("; the copied rows are all distinct, but afterwards PostgreSQL accepts %s beside %s, and = no longer finds one by the other", one, other)
	}
	switch {
	case coll == "" || lc == "binary":
		return ""
	case sqlite && lc == "nocase":
		return "SQLite's NOCASE makes 'Alice' and 'alice' one key (ASCII letters only: 'É' and 'é' stay two), PostgreSQL two" +
			after("'alice'", "'Alice'") +
			"; to keep one per spelling: CREATE UNIQUE INDEX ... (lower(col)), which folds non-ASCII letters too, so values SQLite holds as two (such as 'É' and 'é') collide there" +
			", or citext, or a nondeterministic ICU collation"
	case sqlite && lc == "rtrim":
		return "SQLite's RTRIM makes 'a' and 'a ' one key, PostgreSQL two" + after("'a '", "'a'") +
			"; to keep one: CREATE UNIQUE INDEX ... (rtrim(col))"
	case sqlite:
		return "the application's own collation (read here with a case-insensitive stand-in) may make 'Alice' and 'alice' one key, PostgreSQL makes them two" +
			after("'alice'", "'Alice'") + "; to keep one per spelling: CREATE UNIQUE INDEX ... (lower(col)), citext, or a nondeterministic ICU collation"
	}
	// MySQL and MariaDB: NO PAD collations (MySQL 8's *_0900_*, MariaDB's
	// *_nopad_*) compare trailing spaces; PAD SPACE ones, the rest
	// (utf8mb4_bin and utf8mb4_general_ci among them), ignore them.
	pad := !strings.Contains(lc, "nopad") && !strings.Contains(lc, "_0900_")
	folds := !strings.HasSuffix(lc, "_bin") && !strings.HasSuffix(lc, "_cs")
	switch {
	case folds && pad:
		return "MySQL makes 'a', 'A' and 'A ' (and, where accents are ignored, 'é' and 'e') one key, PostgreSQL three" + after("'A '", "'a'")
	case folds:
		return "MySQL makes 'a' and 'A' (and, where accents are ignored, 'é' and 'e') one key, PostgreSQL two" + after("'A'", "'a'")
	case pad:
		return "MySQL makes 'a' and 'a ' one key (PAD SPACE: comparisons ignore trailing spaces, a _bin collation's too), PostgreSQL two" +
			after("'a '", "'a'") + "; to keep one: CREATE UNIQUE INDEX ... (rtrim(col))"
	}
	return ""
}
