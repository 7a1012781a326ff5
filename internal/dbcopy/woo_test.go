package dbcopy_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/testenv"
)

// TestWooCommerceMySQL copies testdata/woo.sql. PHP serializes protected
// properties between NUL bytes, which PostgreSQL text cannot hold: the row
// is rejected, the reject names the column rule that keeps it, and with
// that rule the value arrives byte for byte.
func TestWooCommerceMySQL(t *testing.T) {
	src, dsn, _ := freshMySQL(t)
	b, err := os.ReadFile("testdata/woo.sql")
	if err != nil {
		t.Fatal(err)
	}
	mysqlExec(t, dsn, string(b))
	rejects := filepath.Join(t.TempDir(), "rejects.jsonl")
	res := runRejects(t, src, testenv.PostgresURL(t), rejects)
	if res.Rejected != 1 {
		t.Errorf("rejected %d rows, want 1", res.Rejected)
	}
	rj := readRejects(t, rejects)
	if len(rj) != 1 || !strings.HasPrefix(rj[0].Reason, "nul_byte") || !strings.Contains(rj[0].Reason, `--mapping FILE with the line columns: {"wp_options.option_value": {target: "bytea", convert: bytes}}`) {
		t.Errorf("rejects %+v: want one nul_byte that names the bytea rule", rj)
	}
	mapping := filepath.Join(t.TempDir(), "map.yaml")
	if err := os.WriteFile(mapping, []byte("columns:\n  wp_options.option_value: {target: bytea, convert: bytes}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	dst := testenv.PostgresURL(t)
	res = runWith(t, src, dst, "--mapping", mapping)
	if res.Rejected != 0 {
		t.Errorf("with the bytea rule: rejected %d rows, want 0", res.Rejected)
	}
	checkTarget(t, dst, []unseenCheck{
		{"serialized object byte for byte", `SELECT encode(option_value, 'escape') FROM wp_options WHERE option_id = 2`, `O:8:"stdClass":1:{s:6:"\000*\000foo";i:1;}`},
		{"serialized array with ü", `SELECT meta_value FROM wp_postmeta WHERE meta_id = 1`, `a:1:{s:5:"color";s:11:"red | blüe";}`},
		{"long emoji text", `SELECT md5(meta_value) FROM wp_postmeta WHERE meta_id = 3`, md5Repeat("wörd 😀 ", 20000)},
		{"decimal(26,8) extremes", `SELECT string_agg(total_amount::text, ',' ORDER BY id) FROM wp_wc_orders`, "-99999999999999999.99999999,0.00000001"},
		{"CR LF and emoji kept", `SELECT encode(convert_to(customer_note, 'UTF8'), 'hex') FROM wp_wc_orders WHERE id = 10`, "426974746520f09f9aaa206b6c696e67656c6e0d0a"},
		{"unique over a nullable column", `SELECT count(*)::text FROM wp_wc_order_addresses WHERE address_type IS NULL`, "2"},
	})
}
