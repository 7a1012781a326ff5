package dbcopy

import (
	"strings"
	"testing"
)

// TestTranslateView: view definitions as MySQL (information_schema's
// VIEW_DEFINITION) and SQLite (sqlite_master.sql) keep them become
// PostgreSQL SELECTs naming the copied tables; what PostgreSQL would read
// otherwise is refused with the reason.
func TestTranslateView(t *testing.T) {
	s := &Schema{Tables: []*Table{
		{Name: "t", Target: "t", Columns: []*Column{{Name: "id", Target: "id", TargetType: "integer"}, {Name: "Name", Target: "Name", TargetType: "varchar(20)", Charset: "utf8mb4"},
			{Name: "xmin", Target: "xmin_", TargetType: "integer"}, {Name: "order", Target: "order", TargetType: "text"}, {Name: "flag", Target: "flag", TargetType: "boolean"},
			{Name: "lat", Target: "lat", TargetType: "varchar(5)", Charset: "latin1"}, {Name: "at", Target: "at", TargetType: "timestamp(0)"}, {Name: "at3", Target: "at3", TargetType: "timestamp(3)"}}},
		{Name: "Orders", Target: "Orders", Columns: []*Column{{Name: "id", Target: "id", TargetType: "integer"}}},
	}}
	for _, tc := range []struct {
		mysql      bool
		src, want  string // want: the SQL, or "!" and part of the reason
		deps, text bool
	}{
		{true, "select `shop`.`t`.`id` AS `id`,ucase(`shop`.`t`.`Name`) AS `n` from `shop`.`t` where `shop`.`t`.`xmin` in (1,2)",
			`AS select "t"."id" AS "id",upper("t"."Name") AS "n" from "t" where "t"."xmin_" in (1,2)`, false, false},
		{true, "select `v`.`id` AS `id`,count(0) AS `c` from (`shop`.`v` join `shop`.`t` on(`shop`.`t`.`id` = `v`.`id`)) group by `v`.`id`",
			`AS select "v"."id" AS "id",count(0) AS "c" from ("v" join "t" on("t"."id" = "v"."id")) group by "v"."id"`, true, false},
		{true, "select ifnull(`shop`.`t`.`Name`,'it''s \\\\ \\n') AS `n` from `shop`.`t`", "AS select coalesce(\"t\".\"Name\",'it''s \\ \n') AS \"n\" from \"t\"", false, false},
		{true, "select _utf8mb4'x' AS `c` from `shop`.`t`", `AS select 'x' AS "c" from "t"`, false, false},
		{true, "select `shop`.`t`.`id` / 2 AS `h` from `shop`.`t`", "!division", false, false},
		{true, "select concat(`shop`.`t`.`Name`,'x',`shop`.`t`.`at`) AS `c` from `shop`.`t`",
			`AS select (CAST("t"."Name" AS text) || 'x' || CAST("t"."at" AS text)) AS "c" from "t"`, false, false},
		{true, "select locate('a',`shop`.`t`.`Name`) AS `g` from `shop`.`t`", `AS select strpos(CAST("t"."Name" AS text), 'a') AS "g" from "t"`, false, true},
		{true, "select soundex(`shop`.`t`.`Name`) AS `g` from `shop`.`t`", "!function soundex() is not translated", false, false},
		{true, "select `shop`.`t`.`id` AS `id` from `shop`.`t` where `shop`.`t`.`id` = 1 || `shop`.`t`.`id` = 2", "!OR", false, false},
		{true, "select `shop`.`t`.`id` DIV 2 AS `h` from `shop`.`t`", "!DIV", false, false},
		{true, "select `shop`.`t`.`id` AS `id` from `shop`.`t` order by `shop`.`t`.`id` limit 2,3",
			`AS select "t"."id" AS "id" from "t" order by "t"."id" limit 3 OFFSET 2`, false, false},
		{true, "select `shop`.`t`.`id` AS `id` from `shop`.`t` limit 3", `AS select "t"."id" AS "id" from "t" limit 3`, false, false},
		{true, "select cast(`shop`.`t`.`Name` as signed) AS `s`,cast(`shop`.`t`.`id` as unsigned) AS `u`,cast(`shop`.`t`.`id` as char charset utf8mb4) AS `c`," +
			"cast(`shop`.`t`.`Name` as char(5) charset utf8mb3) AS `c5`,cast(`shop`.`t`.`at` as datetime(3)) AS `dt`,cast(`shop`.`t`.`id` as decimal(8,2)) AS `d`," +
			"cast(`shop`.`t`.`id` as double) AS `f` from `shop`.`t`",
			`AS select CAST(CASE WHEN "t"."Name" IS NULL THEN NULL WHEN ` + signedOf(`"t"."Name"`) + ` > 18446744073709551615 THEN -1 WHEN ` + signedOf(`"t"."Name"`) + ` >= 9223372036854775808 THEN ` +
				signedOf(`"t"."Name"`) + ` - 18446744073709551616 WHEN ` + signedOf(`"t"."Name"`) + ` < -9223372036854775808 THEN -9223372036854775808 ELSE ` + signedOf(`"t"."Name"`) + ` END AS bigint) AS "s",CAST(CASE WHEN "t"."id" < 0 THEN CAST("t"."id" AS numeric) + 18446744073709551616 ELSE "t"."id" END AS numeric(20,0)) AS "u",CAST("t"."id" AS text) AS "c",` +
				`CAST("t"."Name" AS varchar(5)) AS "c5",CAST("t"."at" AS timestamp(3)) AS "dt",CAST(CASE WHEN round(CAST("t"."id" AS numeric), 2) > 999999.99 THEN 999999.99 WHEN round(CAST("t"."id" AS numeric), 2) < -999999.99 THEN -999999.99 ELSE CAST("t"."id" AS numeric) END AS numeric(8,2)) AS "d",` +
				`CAST("t"."id" AS double precision) AS "f" from "t"`, false, false},
		{true, "select cast(`shop`.`t`.`Name` as date) AS `da` from `shop`.`t`", "!CAST of text to DATE is not translated", false, false},
		{true, "select if(`shop`.`t`.`Name` is null,if(`shop`.`t`.`id` = 1,'one',cast(`shop`.`t`.`id` as char charset utf8mb4)),ifnull(`shop`.`t`.`Name`,'-')) AS `x` from `shop`.`t`",
			`AS select CASE WHEN "t"."Name" is null THEN CASE WHEN "t"."id" = 1 THEN 'one' ELSE CAST("t"."id" AS text) END ELSE coalesce("t"."Name",'-') END AS "x" from "t"`, false, false},
		{true, "select `shop`.`t`.`id` + 1 AS `my col` from `shop`.`t`", `AS select "t"."id" + 1 AS "my col" from "t"`, false, false},
		{true, "select cast(`shop`.`t`.`Name` as char charset binary) AS `b` from `shop`.`t`", "!CAST to CHAR CHARSET BINARY", false, false},
		{true, "select cast(`shop`.`t`.`Name` as time) AS `b` from `shop`.`t`", "!CAST to TIME", false, false},
		{true, "select if(`shop`.`t`.`id`,1) AS `b` from `shop`.`t`", "!IF with 2 arguments", false, false},
		{false, `CREATE VIEW "recent" AS SELECT id, name || '!' FROM orders -- comment
			WHERE id == 3`, `AS SELECT "id", "Name" || '!' FROM "Orders" WHERE "id" = 3`, false, false},
		{false, `CREATE VIEW IF NOT EXISTS main.w(a) AS SELECT [id] FROM "t"`, `(a) AS SELECT "id" FROM "t"`, false, false},
		{false, `CREATE VIEW x AS SELECT "order" FROM t ORDER BY id`, `AS SELECT "order" FROM "t" ORDER BY "id"`, false, false},
		{false, `CREATE VIEW x AS SELECT datetime(id, 'unixepoch') FROM t`, "!datetime", false, false},
	} {
		s.Views = []*View{{Name: "v", Target: "v"}, {Name: "w", Target: "w", Source: tc.src, Qualifier: map[bool]string{true: "shop"}[tc.mysql]}}
		v := s.Views[1]
		got, err := translateView(v, tc.mysql, newViewNames(s))
		if reason, refused := strings.CutPrefix(tc.want, "!"); refused {
			if err == nil || !strings.Contains(err.Error(), reason) {
				t.Errorf("%s: got %q, %v; want refused for %s", tc.src, got, err, reason)
			}
			continue
		}
		if err != nil || got != tc.want || (len(v.deps) > 0) != tc.deps || v.textCmp != tc.text {
			t.Errorf("%s:\n got %q (%v), deps %v, text %v\nwant %q, deps %v, text %v", tc.src, got, err, v.deps, v.textCmp, tc.want, tc.deps, tc.text)
		}
	}
}

// signedOf is the leading integer of text column c, as MySQL reads it.
func signedOf(c string) string {
	return `coalesce(CAST(substring(CAST(` + c + ` AS text) from E'^[ \\t\\n\\r\\v\\f]*([+-]?[0-9]+)') AS numeric), 0)`
}
