package dbcopy_test

import (
	"os"
	"strconv"
	"testing"

	"github.com/parleyhq/parley/internal/testenv"
)

// TestForumMySQL copies testdata/forum.sql, a phpBB-like forum with its
// add-ons: CHAR(0) flags, a zero date in a composite key, year 0, a
// non-key AUTO_INCREMENT, a 64-member SET, installer defaults with
// backslash escapes, compressed columns, index names reused per table and
// non-ASCII names past 63 bytes.
func TestForumMySQL(t *testing.T) {
	src, dsn, _ := freshMySQL(t)
	b, err := os.ReadFile("testdata/forum.sql")
	if err != nil {
		t.Fatal(err)
	}
	mysqlExec(t, dsn, string(b))
	dst := testenv.PostgresURL(t)
	res := copyAndVerify(t, src, dst)
	if res.Rejected != 2 { // stats_daily's zero date, ancient's '0000-00-01'
		t.Errorf("rejected %d rows, want 2", res.Rejected)
	}
	checkTarget(t, dst, []unseenCheck{
		sameRows("phpbb_v_topics", `SELECT topic_id, coalesce(topic_title, '') FROM phpbb_topics`),
		sameRows("phpbb_v_top", `SELECT t FROM phpbb_v_topics LIMIT 10`),
	})
	for _, m := range res.Manual {
		if m.Kind == "default" {
			t.Errorf("default %s not translated: %s", m.Name, m.Detail)
		}
	}
	def := func(table string, n int) string {
		return `SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = '` + table + `'::regclass AND adnum = ` + strconv.Itoa(n)
	}
	checkTarget(t, dst, []unseenCheck{
		{"default with \\n is two lines", `INSERT INTO phpbb_config (config_name) VALUES ('new') RETURNING encode(convert_to(sig, 'UTF8'), 'hex')`,
			"6c696e65310a6c696e6532"},
		{"default with backslashes and quotes", `SELECT config_value || '|' || q FROM phpbb_config WHERE config_name = 'new'`, `C:\path\to|"quoted" it's`},
		{"curdate() default", def("phpbb_config", 6), "CURRENT_DATE"},
		{"year 0 is 1 BC", `SELECT d || ' ' || dt FROM phpbb_ancient WHERE id = 1`, "0001-01-01 BC 0001-12-31 23:59:59.999999 BC"},
		{"CHAR(0) flags: '' and NULL", `SELECT string_agg(id || ':' || coalesce(quote_literal(is_mod), 'null'), ',' ORDER BY id) FROM phpbb_flags`, "1:'',2:null"},
		{"non-key AUTO_INCREMENT", `SELECT nextval(pg_get_serial_sequence('phpbb_attach', 'seq'))::text`, "3"},
		{"empty blob default", def("phpbb_attach", 4), `'\x'::bytea`},
		{"64-member SET", `SELECT string_agg(user_id || ':' || coalesce(array_length(perms, 1), 0), ',' ORDER BY user_id) FROM phpbb_acl`, "1:64,2:1,3:0"},
		{"long ENUM label", `SELECT reason FROM phpbb_reports WHERE id = 1`, "a very long reason label that a moderator typed in the admin panel once"},
		{"json \\u0000 kept", `SELECT cfg::text FROM phpbb_ext_settings WHERE ext = 'a'`, `{"k": "v\u0000w"}`},
		{"compressed text", `SELECT md5(post_text) || ' ' || octet_length(raw) FROM phpbb_posts_text`, md5Repeat("Ünïcödé 😀 ", 1000) + " 200"},
		{"index names reused per table", `SELECT count(DISTINCT indexname)::text FROM pg_indexes WHERE tablename IN ('phpbb_topics', 'phpbb_posts') AND indexname NOT LIKE '%pkey'`, "4"},
		{"non-ASCII names cut on a character", `SELECT count(*)::text FROM pg_class WHERE relname LIKE 'forum_é%' AND octet_length(relname) <= 63 AND convert_to(relname, 'UTF8') IS NOT NULL`, "2"},
		{"unsigned MEDIUMINT in a composite key", `SELECT string_agg(day || '/' || forum_id, ',' ORDER BY forum_id) FROM phpbb_stats_daily`, "2024-02-29/1,2024-02-29/16777215"},
	})
}
