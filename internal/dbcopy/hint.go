package dbcopy

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// A rejected value names the --mapping rule that copies it: one line of a
// mapping file, for the column alone, that the user can paste as it is.
// Where two rules serve (a zero date kept as text, or stored as NULL), the
// exact one comes first.

// columnRule renders a column rule as a line of a mapping file:
// columns: {"table.column": {target: "text", convert: "text"}}.
func columnRule(key, target, convert string, opts ...string) string {
	return "columns: {" + columnEntry(key, target, convert, opts...) + "}"
}

// columnEntry is one entry of a columns map, "table.column": {...}: rules
// for several columns go in one map, as a mapping file holds one
// columns key.
func columnEntry(key, target, convert string, opts ...string) string {
	var b strings.Builder
	b.WriteString(strconv.Quote(key))
	b.WriteString(": {target: ")
	b.WriteString(strconv.Quote(target))
	b.WriteString(", convert: ")
	b.WriteString(convert)
	for i := 0; i+1 < len(opts); i += 2 {
		b.WriteString(", " + opts[i] + ": " + strconv.Quote(opts[i+1]))
	}
	b.WriteString("}")
	return b.String()
}

// ruleHint says which --mapping rule gets a value of column c past rej, or
// that none does (a value past PostgreSQL's limits).
func ruleHint(c *Column, rej *Reject, v any) string {
	key := c.ruleKey
	if key == "" {
		key = c.Name
	}
	text := columnRule(key, "text", "text")
	bytea := columnRule(key, "bytea", "bytes")
	one := func(r string) string { return "; to copy it, pass --mapping FILE with the line " + r }
	if c.fromSQLite {
		// A SQLite column holds values of any kind: text takes them all
		// (numbers in their digits, times and booleans as spelled),
		// blobs of UTF-8 too; other blobs need bytea.
		switch rej.Kind {
		case "too_large", "null_in_key", "invalid_utf8", "nul_byte", "type_mismatch":
		case "time_in_date":
			return one(text) + ", or " + columnRule(key, "timestamptz", "timestamp")
		default:
			return one(text)
		}
	}
	switch rej.Kind {
	case "too_large":
		return "; no --mapping rule keeps it: PostgreSQL holds at most 1 GB in one value"
	case "null_in_key":
		return "; no --mapping rule keeps it: PostgreSQL's primary key columns are NOT NULL (give the row a key in the source)"
	case "zero_date":
		if c.ZeroDate != "null" && (c.Convert == "date" || c.Convert == "timestamp") {
			return one(text) + " (keeps the text), or " + columnRule(key, c.TargetType, c.Convert, "zero_date", "null") + " (stores NULL)"
		}
		return one(text)
	case "unsigned_overflow":
		return one(columnRule(key, "numeric(20,0)", "numeric"))
	case "out_of_range":
		if strings.EqualFold(c.TargetType, "bigint") {
			return one(columnRule(key, "numeric", "numeric"))
		}
		return one(columnRule(key, "bigint", "int"))
	case "boolean_cast":
		return one(columnRule(key, "bigint", "int")) + " (keeps the column a number), or " + text
	case "time_in_date":
		return one(columnRule(key, "timestamptz", "timestamp")) + ", or " + text
	case "invalid_utf8":
		return one(bytea)
	case "nul_byte":
		if c.Convert == "jsonb" {
			return one(columnRule(key, "json", "json"))
		}
		return one(bytea) + " (keeps the bytes), or " + columnRule(key, c.TargetType, c.Convert, "nul_bytes", "strip") + " (drops the NULs)"
	case "type_mismatch":
		if b, ok := v.([]byte); ok && !utf8.Valid(b) {
			return one(bytea)
		}
		if c.Convert == "bit" {
			return one(bytea)
		}
	}
	return one(text)
}
