package dbcopy

import (
	"strings"
	"testing"
)

// TestRewriteJoins: the joins MariaDB stores with no condition ("FROM a,
// b", CROSS JOIN) become CROSS JOIN; joins with ON or USING, outer and
// natural joins stay; STRAIGHT_JOIN is a JOIN. The inputs are definitions
// as MariaDB 10.11 stores them in information_schema.views.
func TestRewriteJoins(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"select `a`.`id` AS `id` from `d`.`a` join `d`.`b`", "select `a`.`id` AS `id` from `d`.`a` cross join `d`.`b`"},
		{"select 1 from (`d`.`a` join `d`.`b`)", "select 1 from (`d`.`a` cross join `d`.`b`)"},
		{"select 1 from ((`d`.`a` join `d`.`b`) join `d`.`c` on(`d`.`c`.`y` = `d`.`a`.`id`))", "select 1 from ((`d`.`a` cross join `d`.`b`) join `d`.`c` on(`d`.`c`.`y` = `d`.`a`.`id`))"},
		{"select 1 from `d`.`a` join (`d`.`b` left join `d`.`c` on(`d`.`c`.`y` = `d`.`b`.`x`))", "select 1 from `d`.`a` cross join (`d`.`b` left join `d`.`c` on(`d`.`c`.`y` = `d`.`b`.`x`))"},
		{"select 1 from (`d`.`a` straight_join `d`.`b` on(`d`.`a`.`id` = `d`.`b`.`x`))", "select 1 from (`d`.`a` join `d`.`b` on(`d`.`a`.`id` = `d`.`b`.`x`))"},
		{"select 1 from `d`.`a` `x` join `d`.`b` `y` where `x`.`id` = `y`.`x`", "select 1 from `d`.`a` `x` cross join `d`.`b` `y` where `x`.`id` = `y`.`x`"},
		{"select 1 from `a` join `b` AS `y` on `y`.`x` = 1", "select 1 from `a` join `b` AS `y` on `y`.`x` = 1"},
		{"select 1 from `a` join `b` using (`id`)", "select 1 from `a` join `b` using (`id`)"},
		{"select 1 from `a` natural join `b`", "select 1 from `a` natural join `b`"},
		{"select 1 from `a` join (select `b`.`x` AS `x` from `b`) `s` on `s`.`x` = 1", "select 1 from `a` join (select `b`.`x` AS `x` from `b`) `s` on `s`.`x` = 1"},
		{"select 1 from `a` join (select `b`.`x` AS `x` from `b`) `s`", "select 1 from `a` cross join (select `b`.`x` AS `x` from `b`) `s`"},
	} {
		toks, err := lexSQL(tc.in, true)
		if err != nil {
			t.Fatal(err)
		}
		if got := untokens(rewriteJoins(toks)); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
}

// untokens writes toks back as MySQL text, for comparing.
func untokens(toks []viewTok) string {
	var b strings.Builder
	for _, t := range toks {
		switch t.kind {
		case 'q':
			b.WriteString("`" + t.text + "`")
		case 's':
			b.WriteString("'" + t.text + "'")
		case ' ':
			b.WriteString(" ")
		default:
			b.WriteString(t.text)
		}
	}
	return b.String()
}
