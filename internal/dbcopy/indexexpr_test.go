package dbcopy

import (
	"strings"
	"testing"
)

func exprTable() *Table {
	col := func(name, target string) *Column { return &Column{Name: name, Target: name, TargetType: target} }
	t := &Table{Name: "users", Target: "users", Columns: []*Column{
		col("id", "bigint"), col("email", "text"), col("deleted_at", "timestamptz"), col("active", "boolean"),
		col("score", "double precision"), col("status", "text"), col("nick", "text"), col("mixed", "text"),
		col("avatar", "bytea"), col("Group", "text"), col("order", "bigint"), col("weight", "real"),
	}}
	t.column("nick").foldedCompare = true
	t.column("mixed").textAndNumbers = true
	return t
}

// TestSQLiteIndexTranslation: what SQLite and PostgreSQL agree on is
// translated, everything else is refused (and reported by the caller).
func TestSQLiteIndexTranslation(t *testing.T) {
	tests := []struct {
		name, def         string
		unique            bool
		keys, where, fail string
		folded            bool
	}{
		{"soft delete unique", `CREATE UNIQUE INDEX u ON users (email) WHERE deleted_at IS NULL`, true, `"email"`, `"deleted_at" IS NULL`, "", false},
		{"NOTNULL and ISNULL", `CREATE INDEX u ON users(email) WHERE deleted_at NOTNULL AND "status" ISNULL`, false, `"email"`, `("deleted_at" IS NOT NULL) AND ("status" IS NULL)`, "", false},
		{"NOT NULL postfix", `CREATE INDEX u ON users(email) WHERE deleted_at NOT NULL`, false, `"email"`, `"deleted_at" IS NOT NULL`, "", false},
		{"text equality and IN", `CREATE INDEX "u" ON "users" ("status", id DESC) WHERE status = 'open' OR status IN ('a', 'it''s')`, false,
			`"status", "id" DESC`, `"status" = 'open' OR "status" IN ('a', 'it''s')`, "", false},
		{"numbers compare in order", `CREATE INDEX u ON users(id) WHERE score >= -1.5 AND [order] <> 0`, false, `"id"`, `("score" >= -1.5) AND ("order" <> 0)`, "", false},
		{"boolean column as 0/1", `CREATE INDEX u ON users(id) WHERE active = 1`, false, `"id"`, `"active" = true`, "", false},
		{"bare boolean and NOT", `CREATE INDEX u ON users(id) WHERE active AND NOT (status = 'x')`, false, `"id"`, `("active") AND (NOT (("status" = 'x')))`, "", false},
		{"bare number is SQLite truth", `CREATE INDEX u ON users(id) WHERE "order"`, false, `"id"`, `"order" <> 0`, "", false},
		{"TRUE keyword", `CREATE INDEX u ON users(id) WHERE active == TRUE;`, false, `"id"`, `"active" = true`, "", false},
		{"lower() key, not unique", `CREATE INDEX u ON users (lower(email))`, false, `(lower("email"))`, "", "", false},
		{"lower() key, unique: SQLite's ASCII fold", `CREATE UNIQUE INDEX u ON users (lower(email))`, true,
			`(translate("email", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'))`, "", "", true},
		{"upper() in a predicate is exact", `CREATE INDEX u ON users (id) WHERE upper(status) = 'OPEN'`, false,
			`"id"`, `translate("status", 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') = 'OPEN'`, "", true},
		{"length() of text and blob", `CREATE INDEX u ON users (length(email), "Group") WHERE length(avatar) > 0`, false,
			`(length("email")), "Group"`, `length("avatar") > 0`, "", false},
		{"text ordering differs", `CREATE INDEX u ON users(id) WHERE status > 'm'`, false, "", "", "comparison >", false},
		{"NOCASE column", `CREATE INDEX u ON users(id) WHERE nick = 'x'`, false, "", "", "comparison =", false},
		{"texts and numbers", `CREATE INDEX u ON users(id) WHERE mixed = '1'`, false, "", "", "comparison =", false},
		{"text against number", `CREATE INDEX u ON users(id) WHERE status = 1`, false, "", "", "comparison =", false},
		{"dates compared as text in SQLite", `CREATE INDEX u ON users(id) WHERE deleted_at > '2024-01-01'`, false, "", "", "comparison >", false},
		{"unknown function", `CREATE INDEX u ON users (substr(email, 1, 3))`, false, "", "", "substr", false},
		{"arithmetic", `CREATE INDEX u ON users (id + 1)`, false, "", "", `"+ 1)"`, false},
		{"COLLATE NOCASE key", `CREATE INDEX u ON users (email COLLATE NOCASE)`, false, "", "", "COLLATE NOCASE", false},
		{"not a column", `CREATE INDEX u ON users (id) WHERE "nosuch" = 'x'`, false, "", "", "no column", false},
		{"LIKE", `CREATE INDEX u ON users (id) WHERE email LIKE '%@x'`, false, "", "", "LIKE", false},
		{"hex number", `CREATE INDEX u ON users (id) WHERE id = 0x10`, false, "", "", "0x", false},
		{"comment", `CREATE INDEX u ON users (id) -- x`, false, "", "", "not translated", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			keys, where, note, err := sqliteIndex(exprTable(), &Index{Name: "u", Unique: tc.unique, Def: tc.def, Kind: "PARTIAL"})
			if tc.fail != "" {
				if err == nil || !strings.Contains(err.Error(), tc.fail) {
					t.Fatalf("got keys %q where %q err %v, want an error containing %q", keys, where, err, tc.fail)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if keys != tc.keys || where != tc.where {
				t.Errorf("got keys %q where %q\nwant keys %q where %q", keys, where, tc.keys, tc.where)
			}
			if (note != "") != tc.folded {
				t.Errorf("note %q, want one: %v", note, tc.folded)
			}
		})
	}
}

// TestMySQLPrefixIndexKeys: a unique prefix stays a unique prefix (on
// whole columns it would accept rows MySQL refused); a plain one on
// VARCHAR is built on whole columns, on TEXT/BLOB on the prefix.
func TestMySQLPrefixIndexKeys(t *testing.T) {
	tbl := &Table{Name: "t", Target: "t", Columns: []*Column{
		{Name: "name", Target: "name", DataType: "varchar", TargetType: "varchar(255)"},
		{Name: "body", Target: "body", DataType: "longtext", TargetType: "text"},
		{Name: "hash", Target: "hash", DataType: "varbinary", TargetType: "bytea"},
		{Name: "bits", Target: "bits", DataType: "blob", TargetType: "text"},
		{Name: "n", Target: "n", DataType: "int", TargetType: "integer"},
	}}
	tests := []struct {
		name   string
		ix     Index
		keys   string
		fail   string
		prefix bool
	}{
		{"unique varchar prefix", Index{Unique: true, Columns: []string{"n", "name"}, Sub: []int64{0, 10}, Prefix: true}, `"n", (left("name", 10))`, "", true},
		{"plain varchar prefix", Index{Columns: []string{"name"}, Sub: []int64{10}, Prefix: true}, `"name"`, "", false},
		{"plain text prefix", Index{Columns: []string{"body"}, Sub: []int64{191}, Prefix: true, Desc: []bool{true}}, `(left("body", 191)) DESC`, "", true},
		{"unique binary prefix counts bytes", Index{Unique: true, Columns: []string{"hash"}, Sub: []int64{8}, Prefix: true}, `(substring("hash" from 1 for 8))`, "", true},
		{"blob mapped to text: bytes against characters", Index{Unique: true, Columns: []string{"bits"}, Sub: []int64{8}, Prefix: true}, "", "not translated", false},
		{"no prefix", Index{Unique: true, Columns: []string{"name", "n"}}, `"name", "n"`, "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			keys, where, _, err := indexKeys(tbl, &tc.ix)
			if tc.fail != "" {
				if err == nil || !strings.Contains(err.Error(), tc.fail) {
					t.Fatalf("got %q, %v; want an error containing %q", keys, err, tc.fail)
				}
				return
			}
			if err != nil || where != "" || keys != tc.keys {
				t.Fatalf("got %q where %q err %v, want %q", keys, where, err, tc.keys)
			}
		})
	}
}

// TestPrefixUniqueIsNoForeignKeyTarget: PostgreSQL cannot reference a
// unique index on left(col, n).
func TestPrefixUniqueIsNoForeignKeyTarget(t *testing.T) {
	tbl := &Table{Name: "t", Columns: []*Column{{Name: "name", DataType: "varchar", TargetType: "varchar(50)"}},
		Indexes: []*Index{{Name: "u", Unique: true, Columns: []string{"name"}, Sub: []int64{3}, Prefix: true}}}
	if uniqueKey(tbl, []string{"name"}) {
		t.Error("a unique prefix index counted as a key on the whole column")
	}
	tbl.Indexes[0].Prefix, tbl.Indexes[0].Sub = false, nil
	if !uniqueKey(tbl, []string{"name"}) {
		t.Error("a unique index on the whole column not counted")
	}
}

// TestCheckTranslation: CHECKs PostgreSQL reads as the source does are
// translated; MySQL's text comparisons (collation, trailing spaces) and
// functions are not.
func TestCheckTranslation(t *testing.T) {
	tests := []struct {
		name, clause string
		mysql        bool
		want, fail   string
	}{
		{"Django PositiveIntegerField", `"order" >= 0`, false, `"order" >= 0`, ""},
		{"MariaDB spelling", "`score` is null or `score` >= 0 and `id` < 10", true, `"score" IS NULL OR ("score" >= 0) AND ("id" < 10)`, ""},
		{"MySQL boolean in 0/1", "`active` in (0,1)", true, `"active" IN (false, true)`, ""},
		{"boolean against 2", "`active` = 2", true, "", "boolean compared with 2"},
		{"MySQL text compares by collation", "`status` = 'open'", true, "", "comparison ="},
		{"MySQL text IS NULL still fine", "`status` is not null", true, `"status" IS NOT NULL`, ""},
		{"MySQL length() counts bytes", "length(`email`) > 3", true, "", "length() not translated"},
		{"SQLite length() counts characters", "length(email) > 3", false, `length("email") > 3`, ""},
		{"SQLite json_valid", `JSON_VALID("email") OR "email" IS NULL`, false, "", "json_valid() not translated"},
		{"number as truth", `"order"`, false, `"order" <> 0`, ""},
		{"text is no condition", `"email"`, false, "", "not a condition"},
		{"float4 against a decimal", "`weight` <= 0.1", true, "", "real (float4)"},
		{"double against a decimal", "`score` <= 0.1", true, `"score" <= 0.1`, ""},
		{"CAST is one argument, said so", "`score` >= cast(`id` as date)", true, "", "cast(... AS ...) not translated"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := checkSQL(exprTable(), Check{Name: "c", Clause: tc.clause}, tc.mysql)
			if tc.fail != "" {
				if err == nil || !strings.Contains(err.Error(), tc.fail) {
					t.Fatalf("got %q, %v; want an error containing %q", got, err, tc.fail)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("got %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}
