package dbcopy

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"modernc.org/sqlite"
)

// Applications register collations of their own on their SQLite
// connections (Anki's "unicase" on every deck, note type and tag name).
// Without one, SQLite refuses any statement that touches such a table or
// index, even a plain count. A stand-in that orders by lower-cased text lets
// the rows be read; the order only decides how SQLite walks its indexes,
// never the values, and PostgreSQL's keys then compare exactly (reported).
var (
	collateName = regexp.MustCompile("(?i)\\bCOLLATE\\s+(\"[^\"]+\"|`[^`]+`|\\[[^\\]]+\\]|'[^']+'|[A-Za-z_][A-Za-z0-9_$]*)")
	standInMu   sync.Mutex
	standIns    = map[string]bool{}
)

// foreignCollations lists the collation names the schema's SQL uses that
// SQLite does not define itself.
func foreignCollations(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, `SELECT sql FROM sqlite_master WHERE sql LIKE '%collate%'`)
	if err != nil {
		return nil, fmt.Errorf("read schema: %w", err)
	}
	defer rows.Close()
	seen := map[string]bool{}
	var out []string
	for rows.Next() {
		var text string
		if err := rows.Scan(&text); err != nil {
			return nil, fmt.Errorf("read schema: %w", err)
		}
		for _, m := range collateName.FindAllStringSubmatch(text, -1) {
			name := m[1]
			if strings.ContainsAny(name[:1], "\"`['") {
				name = name[1 : len(name)-1]
			}
			switch strings.ToUpper(name) {
			case "BINARY", "NOCASE", "RTRIM":
				continue
			}
			if k := strings.ToLower(name); !seen[k] { // SQLite ignores their case
				seen[k] = true
				out = append(out, name)
			}
		}
	}
	return out, rows.Err()
}

// registerStandIns makes each collation known to connections opened from
// now on. The driver's registry is process-wide and refuses a second
// registration of a name, hence the set.
func registerStandIns(names []string) error {
	standInMu.Lock()
	defer standInMu.Unlock()
	for _, n := range names {
		if standIns[strings.ToLower(n)] {
			continue
		}
		if err := sqlite.RegisterCollationUtf8(n, foldCompare); err != nil {
			return fmt.Errorf("stand-in collation %s: %w", n, err)
		}
		standIns[strings.ToLower(n)] = true
	}
	return nil
}

func foldCompare(a, b string) int {
	return strings.Compare(strings.ToLower(a), strings.ToLower(b))
}

// collationManual reports the stand-ins a read used.
func collationManual(names []string) []Manual {
	var out []Manual
	for _, n := range names {
		out = append(out, Manual{Kind: "collation", Name: n, Detail: "the application's own SQLite collation, read with a stand-in " +
			"(case-insensitive order); columns are copied as text that compares exactly in PostgreSQL (a nondeterministic ICU collation or citext comes closest)"})
	}
	return out
}
