package dbcopy

import (
	"strings"
	"testing"
)

// TestRewriteMySQLDateFuncs: LOCATE, LEFT, RIGHT, DATE_FORMAT, INTERVAL
// arithmetic, TIMESTAMPDIFF, IF of a number, CAST and WITH ROLLUP as
// MariaDB stores them in VIEW_DEFINITION become the PostgreSQL that
// TestMySQLViewsDateTextFuncs and TestMySQLViewsDateGrid compare with
// MariaDB; what would not give MariaDB's rows is refused with the reason.
func TestRewriteMySQLDateFuncs(t *testing.T) {
	s := &Schema{Tables: []*Table{{Name: "t", Target: "t", Columns: []*Column{
		{Name: "id", Target: "id", TargetType: "integer"}, {Name: "Name", Target: "name", TargetType: "varchar(20)", Charset: "utf8mb4", Collation: "utf8mb4_general_ci"},
		{Name: "code", Target: "code", TargetType: "varchar(5)", Charset: "utf8mb4", Collation: "utf8mb4_bin"},
		{Name: "lat", Target: "lat", TargetType: "varchar(5)", Charset: "latin1", Collation: "latin1_swedish_ci"},
		{Name: "price", Target: "price", TargetType: "numeric(5,2)"}, {Name: "flag", Target: "flag", TargetType: "boolean"},
		{Name: "d", Target: "d", TargetType: "date"}, {Name: "dt", Target: "dt", TargetType: "timestamp(0)"}, {Name: "dt3", Target: "dt3", TargetType: "timestamp(3)"},
		{Name: "ts", Target: "ts", TargetType: "timestamptz(0)"}}}}}
	const n, id, d, dt, dt3 = "`shop`.`t`.`Name`", "`shop`.`t`.`id`", "`shop`.`t`.`d`", "`shop`.`t`.`dt`", "`shop`.`t`.`dt3`"
	for _, tc := range []struct {
		expr, want string // want: the PostgreSQL, or "!" and part of the reason
		mariadb    bool
		text       bool // the view is noted for comparing text
	}{
		// LOCATE: strpos; from a position, 0 before the first character.
		{"locate('a'," + n + ")", `strpos(CAST("t"."name" AS text), 'a')`, true, true},
		{"locate('a',`shop`.`t`.`code`)", `strpos(CAST("t"."code" AS text), 'a')`, true, false},
		{"locate(" + id + ",'1234')", `strpos('1234', CAST("t"."id" AS text))`, true, true},
		{"locate('a',`shop`.`t`.`code`,3)", `CASE WHEN 'a' IS NULL OR CAST("t"."code" AS text) IS NULL OR (3) IS NULL THEN NULL WHEN (3) < 1 THEN 0 ` +
			`WHEN strpos(substr(CAST("t"."code" AS text), (3)), 'a') = 0 THEN 0 ELSE strpos(substr(CAST("t"."code" AS text), (3)), 'a') + (3) - 1 END`, false, false},
		{"locate(`shop`.`t`.`code`,`shop`.`t`.`code`,-1)", `CASE WHEN CAST("t"."code" AS text) IS NULL OR CAST("t"."code" AS text) IS NULL OR (-1) IS NULL THEN NULL WHEN (-1) < 1 THEN 0 ` +
			`WHEN CAST("t"."code" AS text) = '' THEN CASE WHEN (-1) > octet_length(CAST("t"."code" AS text)) OR (-1) - 1 > char_length(CAST("t"."code" AS text)) THEN 0 ` +
			`ELSE octet_length(substr(CAST("t"."code" AS text), 1, (-1) - 1)) + 1 END ` +
			`WHEN strpos(substr(CAST("t"."code" AS text), (-1)), CAST("t"."code" AS text)) = 0 THEN 0 ELSE strpos(substr(CAST("t"."code" AS text), (-1)), CAST("t"."code" AS text)) + (-1) - 1 END`, true, false},
		{"locate(" + n + "," + n + ",2)", "!LOCATE(sub, s, pos) with a sub other than a non-empty string", false, false},
		{"locate(`shop`.`t`.`lat`,`shop`.`t`.`lat`,2)", "!LOCATE of column lat (latin1)", true, false},
		{"locate('a'," + n + ",'2')", "!LOCATE from a position other than a number", true, false},
		{"locate('a',`shop`.`t`.`flag`)", "!LOCATE of column flag (boolean)", true, false},
		// LEFT and RIGHT: '' for a negative count.
		{"left(" + n + ",2)", `left(CAST("t"."name" AS text), 2)`, true, false},
		{"right(" + n + "," + id + ")", `right(CAST("t"."name" AS text), CASE WHEN "t"."id" < 0 THEN 0 ELSE "t"."id" END)`, true, false},
		{"left(" + n + ")", "!LEFT with 1 arguments", true, false},
		// DATE_FORMAT: to_char, literal text double-quoted.
		{"date_format(" + dt + ",'%Y-%m-%d %H:%i:%s')", `to_char(CAST("t"."dt" AS timestamp), 'YYYY"-"MM"-"DD" "HH24":"MI":"SS')`, true, false},
		{"date_format(" + d + ",'%W %M %e, %Y %% \"x\\\\')", `to_char(CAST("t"."d" AS timestamp), 'FMDay" "FMMonth" "FMDD", "YYYY" % \"x\\"')`, true, false},
		{"date_format(" + dt3 + ",'%c/%y %b %a %j %p %T %r %D %k %l %h %f')", `to_char(CAST("t"."dt3" AS timestamp), 'FMMM"/"YY" "Mon" "Dy" "DDD" "AM" "HH24:MI:SS" "HH12:MI:SS AM" "FMDDth" "FMHH24" "FMHH12" "HH12" "US')`, true, false},
		{"date_format(" + d + ",'%U')", "!DATE_FORMAT specifier %U is not translated", true, false},
		{"date_format(" + d + ",'%x-W%v')", `to_char(CAST("t"."d" AS timestamp), 'IYYY"-W"IW')`, true, false},
		{"date_format(" + d + ",'%X%V')", "!DATE_FORMAT specifier %X", true, false},
		{"date_format(" + d + ",'%w')", "!DATE_FORMAT specifier %w", true, false},
		{"date_format(" + n + ",'%Y')", "!DATE_FORMAT of `t`.`Name`, not a DATE or DATETIME column", true, false},
		{"date_format(`shop`.`t`.`ts`,'%Y')", "!DATE_FORMAT of `t`.`ts`, not a DATE or DATETIME column", true, false},
		{"date_format(" + d + "," + n + ")", "!DATE_FORMAT other than of a date and a format string", true, false},
		{"date_format(cast(" + n + " as date),'%d')", "!CAST of text to DATE is not translated", true, false},
		{"date_format(cast(" + dt + " as date),'%d')", `to_char(CAST(CAST("t"."dt" AS date) AS timestamp), 'DD')`, true, false},
		{"cast(" + n + " as datetime(3))", "!CAST of text to DATETIME(3) is not translated", true, false},
		{"cast(concat(" + id + ",'-01-01') as date)", "!CAST of text to DATE", true, false},
		{"cast(concat(" + id + ",'.5') as decimal(5,1))", "!CAST to DECIMAL of a text expression other than a column", true, false},
		{"cast(" + n + " as decimal(5,1))", `CAST(CASE WHEN round(` + textNum(`"t"."name"`) + `, 1) > 9999.9 THEN 9999.9 WHEN round(` + textNum(`"t"."name"`) + `, 1) < -9999.9 THEN -9999.9 ELSE ` + textNum(`"t"."name"`) + ` END AS numeric(5,1))`, true, false},
		// INTERVAL arithmetic (DATE_ADD, DATE_SUB, ADDDATE, TIMESTAMPADD).
		{d + " + interval 1 month", ivSum(`("t"."d")`, ` + interval '1 month' * 1`, "date"), true, false},
		{dt + " - interval -3 hour", ivSum(`("t"."dt")`, ` - interval '1 hour' * -3`, "timestamp"), true, false},
		{d + " + interval 2 hour", ivSum(`("t"."d")`, ` + interval '1 hour' * 2`, "timestamp"), true, false},
		{d + " + interval " + id + " quarter", ivSum(`("t"."d")`, ` + interval '3 months' * "t"."id"`, "date"), true, false},
		{"`x`.`d` + interval 1 month + interval 1 day", ivSum("("+ivSum(`("x"."d")`, ` + interval '1 month' * 1`, "date")+")", ` + interval '1 day' * 1`, "date"), true, false},
		{"date_format(" + d + " + interval 1 week,'%d')", `to_char(CAST(` + ivSum(`("t"."d")`, ` + interval '7 days' * 1`, "date") + ` AS timestamp), 'DD')`, true, false},
		{d + " + interval `shop`.`t`.`price` day", "!INTERVAL `t`.`price` DAY, n not an integer", true, false},
		{d + " + interval " + id + " + 1 day", "!INTERVAL `t`.`id` + 1 DAY, n not an integer", true, false},
		{d + " + interval '1:30' hour_minute", "!INTERVAL ... HOUR_MINUTE is not translated", true, false},
		{"`shop`.`t`.`ts` + interval 1 day", "!INTERVAL arithmetic on `t`.`ts`, not a DATE", true, false},
		{"'2024-01-01' + interval 1 day", "!INTERVAL arithmetic on '2024-01-01', not", true, false},
		{id + " * " + d + " + interval 1 day", "!INTERVAL arithmetic on an expression other than", true, false},
		{"interval 1 day", "!INTERVAL other than date + INTERVAL n unit", true, false},
		{dt + " <> " + d + " + interval 1 day", `CAST(("t"."dt" <> ` + ivSum(`("t"."d")`, ` + interval '1 day' * 1`, "date") + `) AS integer)`, true, false},
		// TIMESTAMPDIFF.
		{"timestampdiff(DAY," + d + "," + dt + ")", `CAST(trunc(extract(epoch from (CAST("t"."dt" AS timestamp) - CAST("t"."d" AS timestamp))) / 86400) AS bigint)`, true, false},
		{"timestampdiff(YEAR," + d + "," + dt + ")", `CASE WHEN CAST("t"."d" AS timestamp) IS NULL OR CAST("t"."dt" AS timestamp) IS NULL THEN NULL ELSE ` +
			`CASE WHEN CAST("t"."dt" AS timestamp) < CAST("t"."d" AS timestamp) THEN -1 ELSE 1 END * ((` +
			`(CAST(extract(year from greatest(CAST("t"."d" AS timestamp), CAST("t"."dt" AS timestamp))) AS bigint) - CAST(extract(year from least(CAST("t"."d" AS timestamp), CAST("t"."dt" AS timestamp))) AS bigint)) * 12 + ` +
			`CAST(extract(month from greatest(CAST("t"."d" AS timestamp), CAST("t"."dt" AS timestamp))) AS bigint) - CAST(extract(month from least(CAST("t"."d" AS timestamp), CAST("t"."dt" AS timestamp))) AS bigint) - ` +
			`CASE WHEN to_char(greatest(CAST("t"."d" AS timestamp), CAST("t"."dt" AS timestamp)), 'DDHH24MISSUS') COLLATE "C" < to_char(least(CAST("t"."d" AS timestamp), CAST("t"."dt" AS timestamp)), 'DDHH24MISSUS') COLLATE "C" THEN 1 ELSE 0 END) / 12) END`, true, false},
		{"timestampdiff(MICROSECOND," + d + "," + dt + ")", "!TIMESTAMPDIFF(MICROSECOND, ...) is not translated", true, false},
		{"timestampdiff(DAY," + n + "," + dt + ")", "!TIMESTAMPDIFF of `t`.`Name`, not a DATE or DATETIME column", true, false},
		// IF: a number is true when not 0.
		{"if(" + id + ",'y','n')", `CASE WHEN ("t"."id") <> 0 THEN 'y' ELSE 'n' END`, true, false},
		{"if(`shop`.`t`.`price`,1,0)", `CASE WHEN ("t"."price") <> 0 THEN 1 ELSE 0 END`, true, false},
		{"if(`shop`.`t`.`flag`,1,0)", `CASE WHEN "t"."flag" THEN 1 ELSE 0 END`, true, false},
		{"if(NULL,1,0)", `CASE WHEN NULL THEN 1 ELSE 0 END`, true, false},
		// CAST: DECIMAL is DECIMAL(10,0); DATETIME cuts the fraction in MariaDB.
		{"cast(`shop`.`t`.`price` as decimal(10,0))", `CAST("t"."price" AS numeric(10,0))`, true, false},
		{"cast(`shop`.`t`.`price` as decimal)", `CAST("t"."price" AS numeric(10,0))`, true, false},
		{"cast(`shop`.`t`.`price` as decimal(4))", `CAST("t"."price" AS numeric(4,0))`, true, false},
		{"cast(`shop`.`t`.`price` as decimal(3,1))", `CAST(CASE WHEN round(CAST("t"."price" AS numeric), 1) > 99.9 THEN 99.9 WHEN round(CAST("t"."price" AS numeric), 1) < -99.9 THEN -99.9 ELSE CAST("t"."price" AS numeric) END AS numeric(3,1))`, true, false},
		{"cast(" + id + " as decimal(3,3))", `CAST(CASE WHEN round(CAST("t"."id" AS numeric), 3) > 0.999 THEN 0.999 WHEN round(CAST("t"."id" AS numeric), 3) < -0.999 THEN -0.999 ELSE CAST("t"."id" AS numeric) END AS numeric(3,3))`, true, false},
		{"cast(" + dt3 + " as datetime)", `CAST(date_trunc('second', CAST("t"."dt3" AS timestamp)) AS timestamp(0))`, true, false},
		{"cast(" + dt3 + " as datetime(3))", `CAST("t"."dt3" AS timestamp(3))`, true, false},
		{"cast(" + dt + " as datetime(3))", `CAST("t"."dt" AS timestamp(3))`, false, false},
		{"cast(" + d + " as datetime)", `CAST("t"."d" AS timestamp(0))`, false, false},
		{"cast(" + dt3 + " as datetime)", "!CAST to DATETIME(0) of other than a DATE or DATETIME column of no more fraction digits", false, false},
		{"cast(" + dt3 + " as datetime(2))", "!CAST to DATETIME(2) (MariaDB cuts the fraction of a second)", true, false},
		{"cast(" + id + " as unsigned)", `CAST(CASE WHEN "t"."id" < 0 THEN CAST("t"."id" AS numeric) + 18446744073709551616 ELSE "t"."id" END AS numeric(20,0))`, true, false},
		{"cast(`shop`.`t`.`price` as unsigned)", "!CAST to UNSIGNED of other than an integer column", true, false},
		{"cast(`shop`.`t`.`flag` as char charset utf8mb4)", "!CAST of column flag (boolean)", true, false},
		{"cast(" + id + " = 1 as char charset utf8mb4)", "!CAST of a boolean (=)", true, false},
	} {
		s.Views = []*View{{Name: "w", Target: "w", Source: "select " + tc.expr + " AS `x` from `shop`.`t`", Qualifier: "shop", MariaDB: tc.mariadb}}
		v := s.Views[0]
		got, err := translateView(v, true, newViewNames(s))
		if reason, refused := strings.CutPrefix(tc.want, "!"); refused {
			if err == nil || !strings.Contains(err.Error(), reason) {
				t.Errorf("%s: got %q, %v; want refused for %s", tc.expr, got, err, reason)
			}
			continue
		}
		want := `AS select ` + tc.want + ` AS "x" from "t"`
		if err != nil || got != want || v.textCmp != tc.text {
			t.Errorf("%s:\n got %q (%v), text %v\nwant %q, text %v", tc.expr, got, err, v.textCmp, want, tc.text)
		}
	}
	// GROUP BY ... WITH ROLLUP.
	for _, tc := range []struct{ src, want string }{
		{"select `shop`.`t`.`Name` AS `n`,`shop`.`t`.`code` AS `c`,count(0) AS `k` from `shop`.`t` group by `shop`.`t`.`Name`,`shop`.`t`.`code` with rollup",
			`AS select "t"."name" AS "n","t"."code" AS "c",count(0) AS "k" from "t" group by ROLLUP("t"."name","t"."code")`},
		{"select `x`.`a` AS `a`,sum(`x`.`b`) AS `s` from (select `shop`.`t`.`id` AS `a`,`shop`.`t`.`price` AS `b` from `shop`.`t` group by `shop`.`t`.`id` with rollup) `x` group by `x`.`a` with rollup",
			`AS select "x"."a" AS "a",sum("x"."b") AS "s" from (select "t"."id" AS "a","t"."price" AS "b" from "t" group by ROLLUP("t"."id")) "x" group by ROLLUP("x"."a")`},
		{"select `shop`.`t`.`Name` AS `n`,`shop`.`t`.`id` AS `i` from `shop`.`t` group by `shop`.`t`.`Name` with rollup", "!WITH ROLLUP reading columns neither grouped nor aggregated"},
		{"select `shop`.`t`.`Name` AS `n` from `shop`.`t` group by `shop`.`t`.`Name` desc with rollup", "!GROUP BY ... ASC/DESC WITH ROLLUP"},
	} {
		s.Views = []*View{{Name: "w", Target: "w", Source: tc.src, Qualifier: "shop", MariaDB: true}}
		got, err := translateView(s.Views[0], true, newViewNames(s))
		if reason, refused := strings.CutPrefix(tc.want, "!"); refused {
			if err == nil || !strings.Contains(err.Error(), reason) {
				t.Errorf("%s: got %q, %v; want refused for %s", tc.src, got, err, reason)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("%s:\n got %q (%v)\nwant %q", tc.src, got, err, tc.want)
		}
	}
}

// ivSum is x plus an interval as rewriteIntervals writes it.
func ivSum(x, plus, kind string) string {
	s := x + plus
	return "(CASE WHEN " + s + " >= '10000-01-01' OR " + s + " < '0001-01-01' THEN NULL ELSE CAST(" + s + " AS " + kind + ") END)"
}

// textNum is a text column's leading number as rewriteCast reads it for
// CAST to DECIMAL.
func textNum(x string) string {
	return "CASE WHEN " + x + " IS NULL THEN NULL ELSE coalesce(CAST(substring(CAST(" + x +
		` AS text) from E'^[ \\t\\n\\r\\v\\f]*([+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?)') AS numeric), 0) END`
}
