package dbcopy

import (
	"strings"
	"testing"
)

// TestIntBoolItems: an item of a MySQL view's SELECT list that gives a
// boolean (MySQL: the integer 1 or 0) becomes CAST((item) AS integer);
// conditions inside CASE, IF, functions and subqueries, and items that
// give other values, are left as they are.
func TestIntBoolItems(t *testing.T) {
	s := &Schema{Tables: []*Table{{Name: "t", Target: "t", Columns: []*Column{
		{Name: "id", Target: "id", TargetType: "integer"}, {Name: "n", Target: "n", TargetType: "integer"},
		{Name: "p", Target: "p", TargetType: "integer"}}}}}
	const id, n = "`shop`.`t`.`id`", "`shop`.`t`.`n`"
	for _, tc := range []struct{ src, want string }{
		{"select " + id + " = 1 AS `a`," + n + " is null AS `b`," + id + " AS `c` from `shop`.`t`",
			`AS select CAST(("t"."id" = 1) AS integer) AS "a",CAST(("t"."n" is null) AS integer) AS "b","t"."id" AS "c" from "t"`},
		{"select distinct (" + id + " > " + n + ") AS `a` from `shop`.`t` where " + id + " = 2",
			`AS select distinct CAST((("t"."id" > "t"."n")) AS integer) AS "a" from "t" where "t"."id" = 2`},
		{"select " + id + " in (1,2) AS `a`,not " + id + " between 1 and 3 AS `b`,true AS `c` from `shop`.`t`",
			`AS select CAST(("t"."id" in (1,2)) AS integer) AS "a",CAST((not "t"."id" between 1 and 3) AS integer) AS "b",CAST((true) AS integer) AS "c" from "t"`},
		{"select exists(select 1 from `shop`.`t` where " + id + " = 1) AS `a`",
			`AS select CAST((exists(select 1 from "t" where "t"."id" = 1)) AS integer) AS "a"`},
		{"select case when " + id + " = 1 then 2 else 3 end AS `a`,coalesce(" + n + ",0) AS `b`,(select max(" + id + ") from `shop`.`t` where " + n + " = 1) AS `c` from `shop`.`t`",
			`AS select case when "t"."id" = 1 then 2 else 3 end AS "a",coalesce("t"."n",0) AS "b",(select max("t"."id") from "t" where "t"."n" = 1) AS "c" from "t"`},
		{"select " + id + " = 1 AS `a` from `shop`.`t` union select " + n + " < 0 AS `n < 0` from `shop`.`t`",
			`AS select CAST(("t"."id" = 1) AS integer) AS "a" from "t" union select CAST(("t"."n" < 0) AS integer) AS "n < 0" from "t"`},
		{"select `d`.`a` AS `a` from (select " + id + " <> 0 AS `a` from `shop`.`t`) `d`",
			`AS select "d"."a" AS "a" from (select CAST(("t"."id" <> 0) AS integer) AS "a" from "t") "d"`},
		{"select sum(" + id + " = 1) AS `a`,max(" + n + " is null) AS `b`,sum(distinct " + n + ") AS `c`,sum(if(" + id + " > 1,1,0)) AS `e` from `shop`.`t`",
			`AS select sum(CAST(("t"."id" = 1) AS integer)) AS "a",max(CAST(("t"."n" is null) AS integer)) AS "b",sum(distinct "t"."n") AS "c",sum(CASE WHEN "t"."id" > 1 THEN 1 ELSE 0 END) AS "e" from "t"`},
		{"select if(" + id + " = 1," + n + ",0) AS `a` from `shop`.`t`",
			`AS select CASE WHEN "t"."id" = 1 THEN "t"."n" ELSE 0 END AS "a" from "t"`},
	} {
		s.Views = []*View{{Name: "w", Target: "w", Source: tc.src, Qualifier: "shop", MariaDB: true}}
		got, err := translateView(s.Views[0], true, newViewNames(s))
		if err != nil || got != tc.want {
			t.Errorf("%s:\n got %q (%v)\nwant %q", tc.src, got, err, tc.want)
		}
	}
}

// TestIntBoolItemsSQLite: SQLite's comparisons give 1 and 0 too; an item
// without AS is named by its text as written, as SQLite names it.
func TestIntBoolItemsSQLite(t *testing.T) {
	s := &Schema{Tables: []*Table{{Name: "t", Target: "t", Columns: []*Column{
		{Name: "id", Target: "id", TargetType: "bigint"}, {Name: "n", Target: "n", TargetType: "bigint"}}}}}
	s.Views = []*View{{Name: "w", Target: "w", Source: `CREATE VIEW w AS SELECT id == 1 AS a, n IS NULL, sum(n = 2) AS s, id FROM t GROUP BY id`}}
	got, err := translateView(s.Views[0], false, newViewNames(s))
	want := `AS SELECT CAST(("id" = 1) AS integer) AS a, CAST(("n" IS NULL) AS integer) AS "n IS NULL", sum(CAST(("n" = 2) AS integer)) AS s, "id" FROM "t" GROUP BY "id"`
	if err != nil || got != want {
		t.Errorf("got %q (%v)\nwant %q", got, err, want)
	}
}

// TestIntConditions: a number standing alone as a condition becomes
// (x) <> 0 (WHERE, HAVING, ON, a searched CASE's WHEN, AND, OR, NOT), but
// not BETWEEN's AND, a simple CASE's WHEN, or a boolean column; a boolean
// column beside a number's operator becomes an integer; an alias in
// HAVING becomes its expression.
func TestIntConditions(t *testing.T) {
	s := &Schema{Engine: "mysql", Tables: []*Table{{Name: "t", Target: "t", Columns: []*Column{
		{Name: "id", Target: "id", TargetType: "integer"}, {Name: "n", Target: "n", TargetType: "numeric(8,2)"},
		{Name: "b", Target: "b", TargetType: "boolean"}, {Name: "s", Target: "s", TargetType: "text"}}}}}
	const id, n, b = "`shop`.`t`.`id`", "`shop`.`t`.`n`", "`shop`.`t`.`b`"
	for _, tc := range []struct{ src, want string }{
		{"select `d`.`f` AS `f` from (select " + id + " > 1 AS `f` from `shop`.`t`) `d` where `d`.`f` and " + n,
			`AS select "d"."f" AS "f" from (select CAST(("t"."id" > 1) AS integer) AS "f" from "t") "d" where ("d"."f") <> 0 and ("t"."n") <> 0`},
		{"select case when `d`.`f` then 1 else 0 end AS `x`,case `d`.`f` when 1 then 2 end AS `y` from (select " + id + " = 1 AS `f` from `shop`.`t`) `d`",
			`AS select case when ("d"."f") <> 0 then 1 else 0 end AS "x",case "d"."f" when 1 then 2 end AS "y" from (select CAST(("t"."id" = 1) AS integer) AS "f" from "t") "d"`},
		{"select " + id + " AS `id` from `shop`.`t` where " + id + " between " + n + " and " + id + " or not " + n + " and " + b,
			`AS select "t"."id" AS "id" from "t" where "t"."id" between "t"."n" and "t"."id" or not ("t"."n") <> 0 and "t"."b"`},
		{"select " + id + " AS `id` from `shop`.`t` where " + b + " <> 0 or 1 = " + b + " or " + b + " = true",
			`AS select "t"."id" AS "id" from "t" where CAST("t"."b" AS integer) <> 0 or 1 = CAST("t"."b" AS integer) or "t"."b" = true`},
		{"select sum(" + b + ") AS `k`," + id + " is null AS `f` from `shop`.`t` group by " + id + " is null having `f` <> 0 and `k` > 1",
			`AS select sum(CAST("t"."b" AS integer)) AS "k",CAST(("t"."id" is null) AS integer) AS "f" from "t" group by "t"."id" is null having CAST(("t"."id" is null) AS integer) <> 0 and (sum(CAST("t"."b" AS integer))) > 1`},
		{"select if(`d`.`f`,'y','n') AS `x` from (select " + id + " = 1 AS `f` from `shop`.`t`) `d`",
			`AS select CASE WHEN ("d"."f") <> 0 THEN 'y' ELSE 'n' END AS "x" from (select CAST(("t"."id" = 1) AS integer) AS "f" from "t") "d"`},
	} {
		s.Views = []*View{{Name: "w", Target: "w", Source: tc.src, Qualifier: "shop", MariaDB: true}}
		got, err := translateView(s.Views[0], true, newViewNames(s))
		if err != nil || got != tc.want {
			t.Errorf("%s:\n got %q (%v)\nwant %q", tc.src, got, err, tc.want)
		}
	}
}

// TestSQLiteMinMax: min() and max() of one argument are the aggregates,
// of a text column compared by bytes as SQLite does; of several (SQLite's
// scalar functions, NULL when any argument is) they are refused.
func TestSQLiteMinMax(t *testing.T) {
	s := &Schema{Engine: "sqlite", Tables: []*Table{{Name: "t", Target: "t", Columns: []*Column{
		{Name: "id", Target: "id", TargetType: "bigint"}, {Name: "at", Target: "at", TargetType: "text"}}}}}
	for _, tc := range []struct{ src, want string }{
		{`CREATE VIEW w AS SELECT max(t.at) AS last, min(id) AS first, max(id + 1) AS n FROM t`,
			`AS SELECT max(("t"."at") COLLATE "C") AS last, min("id") AS first, max("id" + 1) AS n FROM "t"`},
		{`CREATE VIEW w AS SELECT max(id, 3) AS m FROM t`, `error: SQLite's max() of several values`},
	} {
		s.Views = []*View{{Name: "w", Target: "w", Source: tc.src}}
		got, err := translateView(s.Views[0], false, newViewNames(s))
		if err != nil {
			got = "error: " + err.Error()
		}
		if !strings.HasPrefix(got, tc.want) {
			t.Errorf("%s:\n got %q\nwant %q", tc.src, got, tc.want)
		}
	}
}
