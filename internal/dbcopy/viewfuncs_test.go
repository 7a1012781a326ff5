package dbcopy

import (
	"strings"
	"testing"
)

// TestRewriteMySQLFuncs: CONCAT, CONCAT_WS, GROUP_CONCAT, SUBSTR,
// GREATEST, LEAST and LENGTH as MariaDB stores them in VIEW_DEFINITION become PostgreSQL
// that gives what MySQL gives, NULL arguments included; what would not
// is refused with the reason.
func TestRewriteMySQLFuncs(t *testing.T) {
	s := &Schema{Tables: []*Table{{Name: "t", Target: "t", Columns: []*Column{
		{Name: "id", Target: "id", TargetType: "integer"}, {Name: "Name", Target: "name", TargetType: "varchar(20)", Charset: "utf8mb4"},
		{Name: "price", Target: "price", TargetType: "numeric(5,2)"}, {Name: "flag", Target: "flag", TargetType: "boolean"},
		{Name: "lat", Target: "lat", TargetType: "varchar(5)", Charset: "latin1"}, {Name: "at3", Target: "at3", TargetType: "timestamp(3)"},
		{Name: "ts", Target: "ts", TargetType: "timestamptz(0)"}, {Name: "pic", Target: "pic", TargetType: "bytea"},
		{Name: "score", Target: "score", TargetType: "double precision"}, {Name: "tags", Target: "tags", TargetType: "text[]"}}}}}
	const n, id, p = "`t`.`Name`", "`t`.`id`", "`t`.`price`"
	for _, tc := range []struct {
		expr, want string // want: the PostgreSQL, or "!" and part of the reason
		text, gc   bool   // the view is noted for comparing text, for GROUP_CONCAT
	}{
		// CONCAT: NULL when an argument is (||), numbers and NULL cast.
		{"concat(" + n + ",' ',NULL," + id + "," + p + ")", `(CAST("t"."name" AS text) || ' ' || CAST(NULL AS text) || CAST("t"."id" AS text) || CAST("t"."price" AS text))`, false, false},
		{"concat(" + n + ")", `(CAST("t"."name" AS text))`, false, false},
		{"concat(concat(ucase(substr(" + n + ",1,1)),lcase(substr(" + n + ",2,octet_length(" + n + ")))),'!')",
			`((CAST(upper(substr("t"."name", 1, 1)) AS text) || CAST(lower(substr("t"."name", 2, CASE WHEN octet_length("t"."name") < 0 THEN 0 ELSE octet_length("t"."name") END)) AS text)) || '!')`, false, false},
		{"concat(if(" + id + " > 1,'a',NULL),case when " + id + " = 2 then 'b' end)", `(CAST(CASE WHEN "t"."id" > 1 THEN 'a' ELSE NULL END AS text) || CAST(case when "t"."id" = 2 then 'b' end AS text))`, false, false},
		{"concat('x',(select max(`u`.`id`) from `t` `u` where `u`.`id` < " + id + "))", `('x' || CAST((select max("u"."id") from "t" "u" where "u"."id" < "t"."id") AS text))`, false, false},
		{"concat(" + n + ",`t`.`flag`)", "!CONCAT of column flag (boolean)", false, false},
		{"concat(" + n + ",`t`.`at3`)", "!CONCAT of column at3 (timestamp(3))", false, false},
		{"concat(`t`.`ts`)", "!CONCAT of column ts (timestamptz(0))", false, false},
		{"concat(`t`.`pic`,`t`.`score`)", "!CONCAT of column pic (bytea)", false, false},
		{"concat(`t`.`tags`)", "!CONCAT of column tags (text[])", false, false},
		{"concat(" + id + " = 1)", "!CONCAT of a boolean (=)", false, false},
		{"concat(" + n + " is null,'x')", "!CONCAT of a boolean (is)", false, false},
		{"concat(true)", "!CONCAT of a boolean (true)", false, false},
		{"concat(1e3)", "!CONCAT of 1e3", false, false},
		{"concat(avg(" + id + "))", "!CONCAT of AVG", false, false},
		{"concat(current_timestamp)", "!CONCAT of CURRENT_TIMESTAMP", false, false},
		// CONCAT_WS skips NULLs, as PostgreSQL's does; a NULL separator gives NULL in both.
		{"concat_ws('-'," + n + ",NULL," + id + ")", `concat_ws('-', CAST("t"."name" AS text), CAST(NULL AS text), CAST("t"."id" AS text))`, false, false},
		{"concat_ws(NULL," + n + ")", `concat_ws(CAST(NULL AS text), CAST("t"."name" AS text))`, false, false},
		{"concat_ws(','," + n + ",`t`.`flag`)", "!CONCAT_WS of column flag (boolean)", false, false},
		{"concat_ws(',')", "!CONCAT_WS with 1 argument", false, false},
		// GROUP_CONCAT.
		{"group_concat(" + n + ")", `string_agg(CAST("t"."name" AS text), ',')`, false, true},
		{"group_concat(" + id + " separator 'it''s \\\\ ;')", `string_agg(CAST("t"."id" AS text), 'it''s \ ;')`, false, true},
		{"group_concat(" + n + ",':'," + id + " separator '')", `string_agg((CAST("t"."name" AS text) || ':' || CAST("t"."id" AS text)), '')`, false, true},
		{"group_concat('x')", `string_agg(CAST('x' AS text), ',')`, false, true},
		{"group_concat(distinct " + n + ")", `string_agg(DISTINCT CAST("t"."name" AS text), ',')`, true, true},
		{"group_concat(" + n + " order by " + id + " DESC," + p + " separator '; ')",
			`string_agg(CAST("t"."name" AS text), '; ' ORDER BY "t"."id" DESC NULLS LAST, "t"."price" ASC NULLS FIRST)`, false, true},
		{"group_concat(" + id + " order by " + n + " ASC)", `string_agg(CAST("t"."id" AS text), ',' ORDER BY "t"."name" ASC NULLS FIRST)`, true, true},
		{"group_concat(distinct concat(" + n + ",'!') order by " + id + " separator ';')",
			`(SELECT string_agg(gc_u.x, ';' ORDER BY gc_u.o) FROM (SELECT gc_t.x, min(gc_t.o) AS o FROM unnest(array_agg(((CAST("t"."name" AS text) || '!')) ORDER BY "t"."id" ASC NULLS FIRST)) WITH ORDINALITY AS gc_t(x, o) GROUP BY gc_t.x) AS gc_u)`, true, true},
		{"group_concat(" + n + " order by 1)", "!ORDER BY a position", false, false},
		{"group_concat(" + n + " limit 2)", "!GROUP_CONCAT with LIMIT", false, false},
		{"group_concat(" + n + " separator " + n + ")", "!SEPARATOR other than a string", false, false},
		{"group_concat(`t`.`flag`)", "!GROUP_CONCAT of column flag (boolean)", false, false},
		// SUBSTR: a positive integer position; a length held at 0 or more.
		{"substr(" + n + ",2)", `substr("t"."name", 2)`, false, false},
		{"substring(" + n + ",2,3)", `substr("t"."name", 2, 3)`, false, false},
		{"substr(" + n + ",1,NULL)", `substr("t"."name", 1, CASE WHEN NULL < 0 THEN 0 ELSE NULL END)`, false, false},
		{"substr(" + n + ",-2)", "!SUBSTR from a position other than a positive integer", false, false},
		{"substr(" + n + ",0,1)", "!SUBSTR from a position other than a positive integer", false, false},
		{"substr(" + n + "," + id + ")", "!SUBSTR from a position other than a positive integer", false, false},
		// GREATEST and LEAST: NULL when an argument is.
		{"greatest(" + id + ",2,NULL)", `CASE WHEN ("t"."id") IS NULL OR (2) IS NULL OR (NULL) IS NULL THEN NULL ELSE greatest("t"."id", 2, NULL) END`, false, false},
		{"least(" + p + "," + id + " + 1)", `CASE WHEN ("t"."price") IS NULL OR ("t"."id" + 1) IS NULL THEN NULL ELSE least("t"."price", "t"."id" + 1) END`, false, false},
		{"greatest(" + n + ",'b')", `CASE WHEN ("t"."name") IS NULL OR ('b') IS NULL THEN NULL ELSE greatest("t"."name", 'b') END`, true, false},
		{"least(" + id + ")", "!LEAST with 1 argument", false, false},
		// LENGTH counts bytes: UTF-8 ones in PostgreSQL.
		{"length(" + n + ")", `octet_length("t"."name")`, false, false},
		{"octet_length(" + n + ")", `octet_length("t"."name")`, false, false},
		{"length(`t`.`lat`)", "!LENGTH of column lat (latin1)", false, false},
	} {
		v := &View{Name: "w", Target: "w", Source: "select " + tc.expr + " AS `x` from `t`"}
		got, err := translateView(v, true, newViewNames(s))
		if reason, refused := strings.CutPrefix(tc.want, "!"); refused {
			if err == nil || !strings.Contains(err.Error(), reason) {
				t.Errorf("%s: got %q, %v; want refused for %s", tc.expr, got, err, reason)
			}
			continue
		}
		want := `AS select ` + tc.want + ` AS "x" from "t"`
		if err != nil || got != want || v.textCmp != tc.text || v.groupConcat != tc.gc {
			t.Errorf("%s:\n got %q (%v), text %v, group_concat %v\nwant %q, text %v, group_concat %v", tc.expr, got, err, v.textCmp, v.groupConcat, want, tc.text, tc.gc)
		}
	}
}
