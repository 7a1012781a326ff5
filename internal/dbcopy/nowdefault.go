package dbcopy

import "strings"

// nowFormats are SQLite's spellings of "now" (UTC), with the to_char
// pattern of the text they produce.
var nowFormats = map[string]string{
	"current_timestamp": "YYYY-MM-DD HH24:MI:SS",
	"datetime('now')":   "YYYY-MM-DD HH24:MI:SS",
	"current_date":      "YYYY-MM-DD",
	"date('now')":       "YYYY-MM-DD",
	"current_time":      "HH24:MI:SS",
	"time('now')":       "HH24:MI:SS",
}

// nowDefault translates a default that stamps the current time into a
// column that stores it as text (SQLite apps: created_at TEXT DEFAULT
// CURRENT_TIMESTAMP), as a timestamp or date, or as Unix seconds (DEFAULT
// (strftime('%s','now'))), in the form the source writes: PostgreSQL's
// CURRENT_TIMESTAMP cast to text would add fractions and a zone.
func nowDefault(c *Column, expr string) (string, bool) {
	l := strings.ToLower(strings.Join(strings.Fields(expr), ""))
	f, isNow := nowFormats[l]
	switch {
	case isNow && isBaseType(c.TargetType, "text", "varchar", "character varying"):
		return "to_char(CURRENT_TIMESTAMP AT TIME ZONE 'UTC', '" + f + "')", true
	case l == "datetime('now')" && isBaseType(c.TargetType, "timestamp", "timestamptz", "timestamp with time zone", "timestamp without time zone"):
		return "CURRENT_TIMESTAMP", true
	case (l == "date('now')" || l == "current_date" || l == "curdate()" || l == "current_date()") && isBaseType(c.TargetType, "date"):
		return "CURRENT_DATE", true // MariaDB spells DEFAULT (CURRENT_DATE) curdate()
	case l == "strftime('%s','now')" && isIntegerType(c.TargetType):
		return "floor(extract(epoch FROM CURRENT_TIMESTAMP))::bigint", true // SQLite truncates
	}
	return "", false
}
