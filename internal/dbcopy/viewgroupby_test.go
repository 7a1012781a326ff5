package dbcopy

import "testing"

// TestViewAnyValue: a grouped MySQL SELECT's columns neither grouped,
// aggregated nor of a table whose primary key is grouped are read as
// (array_agg(col))[1], in the SELECT list, HAVING and ORDER BY;
// SELECTs it does not read are left to PostgreSQL as they are.
func TestViewAnyValue(t *testing.T) {
	s := &Schema{Tables: []*Table{
		{Name: "store", Target: "store", PK: []string{"id"}, Columns: []*Column{{Name: "id", Target: "id", TargetType: "integer"}, {Name: "city", Target: "city", TargetType: "text"}}},
		{Name: "pay", Target: "pay", Columns: []*Column{{Name: "store_id", Target: "store_id", TargetType: "integer"}, {Name: "amount", Target: "amount", TargetType: "numeric(5,2)"},
			{Name: "tags", Target: "tags", TargetType: "text[]"}}},
	}}
	const from = " from (`shop`.`pay` `p` join `shop`.`store` `s` on(`p`.`store_id` = `s`.`id`))"
	for _, tc := range []struct{ src, want string }{
		{"select concat(`s`.`city`,'!') AS `c`,`p`.`store_id` AS `id`,sum(`p`.`amount`) AS `t`" + from + " group by `p`.`store_id` having max(`p`.`amount`) > 1 and `s`.`city` <> 'x' order by `s`.`city`,`p`.`amount`",
			`AS select (CAST((array_agg("s"."city"))[1] AS text) || '!') AS "c","p"."store_id" AS "id",sum("p"."amount") AS "t" from ("pay" "p" join "store" "s" on("p"."store_id" = "s"."id")) ` +
				`group by "p"."store_id" having max("p"."amount") > 1 and (array_agg("s"."city"))[1] <> 'x' order by (array_agg("s"."city"))[1],(array_agg("p"."amount"))[1]`},
		// store's key is grouped: PostgreSQL reads its columns.
		{"select `s`.`city` AS `c`,count(0) AS `n`" + from + " group by `s`.`id`",
			`AS select "s"."city" AS "c",count(0) AS "n" from ("pay" "p" join "store" "s" on("p"."store_id" = "s"."id")) group by "s"."id"`},
		{"select `shop`.`store`.`city` AS `c`,count(0) AS `n` from `shop`.`store` group by `shop`.`store`.`id`",
			`AS select "store"."city" AS "c",count(0) AS "n" from "store" group by "store"."id"`},
		// Not read: a subquery in the SELECT list, an array column, no GROUP BY.
		{"select `s`.`city` AS `c`,(select 1) AS `one`" + from + " group by `p`.`store_id`",
			`AS select "s"."city" AS "c",(select 1) AS "one" from ("pay" "p" join "store" "s" on("p"."store_id" = "s"."id")) group by "p"."store_id"`},
		{"select `p`.`tags` AS `t`,`s`.`city` AS `c`" + from + " group by `p`.`store_id`",
			`AS select "p"."tags" AS "t","s"."city" AS "c" from ("pay" "p" join "store" "s" on("p"."store_id" = "s"."id")) group by "p"."store_id"`},
		{"select `s`.`city` AS `c`" + from, `AS select "s"."city" AS "c" from ("pay" "p" join "store" "s" on("p"."store_id" = "s"."id"))`},
	} {
		v := &View{Name: "w", Target: "w", Source: tc.src, Qualifier: "shop"}
		got, err := translateView(v, true, newViewNames(s))
		if err != nil || got != tc.want {
			t.Errorf("%s:\n got %q (%v)\nwant %q", tc.src, got, err, tc.want)
		}
	}
}
