package dbcopy_test

import (
	"crypto/md5"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parleyhq/parley/internal/testenv"
)

// TestMagentoMySQL copies testdata/magento.sql (h-db5's unseen round): an
// EAV store with composite keys, decimal(20,6), unsigned ints, generated
// columns, CHECKs, ENUM ”, zero dates, emoji keys, spatial columns and a
// unique key on a prefix. Its CHECKs, once reported only, are built.
func TestMagentoMySQL(t *testing.T) {
	src, dsn, _ := freshMySQL(t)
	b, err := os.ReadFile("testdata/magento.sql")
	if err != nil {
		t.Fatal(err)
	}
	mysqlExec(t, dsn, string(b))
	dst := testenv.PostgresURL(t)
	res := copyAndVerify(t, src, dst)
	// a zero updated_at in a NOT NULL column defaulting to the time, a
	// partial zero dob; the zero dob is NULL (--zero-dates=null)
	if res.Rejected != 2 {
		t.Errorf("rejected %d rows, want 2", res.Rejected)
	}
	if len(res.Warnings) != 1 { // the price of the rejected product: its key kept NOT VALID
		t.Errorf("warnings: %q", res.Warnings)
	}
	checkReported(t, res, []string{"generated catalog_product_entity.sku_upper", "generated sales_order.grand_total",
		"index inventory_source.INVENTORY_SOURCE_LOCATION", "index url_rewrite.URL_REWRITE_REQUEST_PATH_STORE_ID"})
	checkTarget(t, dst, []unseenCheck{
		{"decimal(20,6)", `SELECT string_agg(coalesce(value::text, 'null'), ',' ORDER BY value_id) FROM catalog_product_entity_decimal`,
			"34.000000,99999999999999.999999,-0.000001,null,0.000000"},
		{"unsigned int keys", `SELECT string_agg(category_id || ':' || product_id || ':' || position, ',' ORDER BY category_id, product_id) FROM catalog_category_product`,
			"3:1:-1,3:2:0,4:1:2147483647,4294967295:4294967295:-2147483648"},
		{"store 0 and the next identity", `SELECT string_agg(store_id::text, ',' ORDER BY store_id) || ' ' || nextval(pg_get_serial_sequence('store', 'store_id')) FROM store`, "0,1,65535 65536"},
		{"keyless duplicates", `SELECT count(*) || ' ' || count(DISTINCT (entity_id, price)) FROM catalog_product_index_price_tmp`, "5 3"},
		{"generated values copied, indexed", `SELECT string_agg(sku_upper, ',' ORDER BY entity_id) || ' ' || (SELECT count(*) FROM pg_indexes WHERE indexname LIKE '%SKU_UPPER') FROM catalog_product_entity`,
			"MB01-BLUE,GIFT-CARD 1"},
		{"stored total", `SELECT string_agg(coalesce(grand_total::text, 'null'), ',' ORDER BY entity_id) FROM sales_order`, "36.8050,null,9999999999999999.9999"},
		{"ENUM '' and the '' error value", `SELECT string_agg(status::text, ',' ORDER BY entity_id) FROM sales_order`, "pending,,"},
		{"supplementary characters", `SELECT string_agg(value, ',' ORDER BY value_id) FROM catalog_product_entity_varchar`, "Joust Duffle Bag 👜,Sac 𝔘 « été »,"},
		{"emoji keys", `SELECT string_agg(tag || tag520, ',' ORDER BY tag COLLATE "C") FROM emoji_tag`, "ab,𝔘𝔘,😀😀,😁😁"},
		{"unique prefix", `SELECT regexp_replace(indexdef, '.* USING btree ', '') FROM pg_indexes WHERE indexname LIKE '%REQUEST_PATH_STORE_ID'`,
			`("left"((request_path)::text, 191), store_id)`},
		{"point bytes", `SELECT string_agg(length(location)::text, ',' ORDER BY source_code) FROM inventory_source`, "25,25"},
		{"CHECKs translated", `SELECT string_agg(conname || ' ' || pg_get_constraintdef(oid), ';' ORDER BY conname COLLATE "C") FROM pg_constraint WHERE conrelid = 'sales_order'::regclass AND contype = 'c'`,
			"sales_order_chk_tax CHECK (((tax_amount IS NULL) OR (tax_amount >= (0)::numeric)));sales_order_status_check CHECK ((status = ANY (ARRAY[''::text, 'pending'::text, 'processing'::text, 'complete'::text])));sales_order_total_qty_ordered CHECK ((total_qty_ordered >= (0)::numeric))"},
		{"ON UPDATE trigger", `SELECT count(*)::text FROM pg_trigger WHERE tgrelid = 'sales_order'::regclass AND NOT tgisinternal`, "1"},
	})
	if !rejects(t, dst, `INSERT INTO sales_order (entity_id, tax_amount) VALUES (10, -1)`) {
		t.Error("a negative tax_amount accepted: MariaDB's CHECK refuses it")
	}
}

// TestMoodleMySQL copies testdata/moodle.sql (h-db5's unseen round): an LMS
// with reserved words as table and column names, many nullable columns,
// long texts, keyless tables, generated columns and dates under three
// sql_modes, TIMESTAMPs written at +05:30.
func TestMoodleMySQL(t *testing.T) {
	src, dsn, _ := freshMySQL(t)
	b, err := os.ReadFile("testdata/moodle.sql")
	if err != nil {
		t.Fatal(err)
	}
	mysqlExec(t, dsn, string(b))
	dst := testenv.PostgresURL(t)
	res := copyAndVerify(t, src, dst)
	// 2024-02-31 and 2023-02-29, a partial zero session, a NUL byte; the
	// zero session's dates are NULL (--zero-dates=null; their columns'
	// zero-date defaults drop NOT NULL)
	if res.Rejected != 4 {
		t.Errorf("rejected %d rows, want 4", res.Rejected)
	}
	if len(res.Warnings) != 1 { // order rows whose user was rejected: fk_order_user NOT VALID
		t.Errorf("warnings: %q", res.Warnings)
	}
	checkReported(t, res, []string{"generated mdl_grade_grades.pct", "generated mdl_grade_grades.passed"})
	summary := "<p>Line 1\r\nLine\t2 \\ back</p>" + strings.Repeat("ü😀 ", 20000)
	checkTarget(t, dst, []unseenCheck{
		{"long text", `SELECT length(summary) || ' ' || md5(summary) FROM mdl_course WHERE id = 1`,
			fmt.Sprintf("%d %x", utf8.RuneCountInString(summary), md5.Sum([]byte(summary)))},
		{"trailing spaces kept", `SELECT string_agg(shortname || '|', ',' ORDER BY id) FROM mdl_course`, "site|,C2|,C3 |"},
		{"reserved words", `SELECT string_agg(concat_ws(':', "user", "group", "order", "desc", "limit", "offset", "window", "default", "key", "value", "select", "from", "check"), ',' ORDER BY id) FROM "user"`,
			"admin"},
		{"tables named order and group", `SELECT string_agg("user" || '/' || "group" || '/' || "order", ',' ORDER BY "user") || ' ' || (SELECT string_agg(name, ',' ORDER BY id) FROM "group") FROM "order"`,
			"1/1/3,2/2/1,3/1/0 Group A,Group 𝔘"},
		{"generated values", `SELECT string_agg(coalesce(pct::text, 'null') || '/' || coalesce(passed::text, 'null'), ',' ORDER BY id) FROM mdl_grade_grades`,
			"87.50000/true,null/null,12345.67891/true"},
		{"CHECKs translated", `SELECT string_agg(conname || ' ' || pg_get_constraintdef(oid), ';' ORDER BY conname COLLATE "C") FROM pg_constraint WHERE conrelid = 'mdl_grade_grades'::regclass AND contype = 'c'`, "mdl_grade_grades_grade_range CHECK ((rawgrademax >= rawgrademin))"},
		{"CHECK on a column named check", `SELECT string_agg(conname || ' ' || pg_get_constraintdef(oid), ';' ORDER BY conname COLLATE "C") FROM pg_constraint WHERE conrelid = '"user"'::regclass AND contype = 'c'`, "user_check CHECK ((\"check\" > 0))"},
		{"keyless duplicate rows", `SELECT count(*)::text FROM mdl_logstore_standard_log`, "3"},
		{"TIMESTAMP written at +05:30", `SELECT string_agg(lastseen::text, ',' ORDER BY sid) FROM mdl_legacy_session`, "2023-12-31 18:30:00+00"},
	})
}
