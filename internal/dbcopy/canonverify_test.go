package dbcopy_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/testenv"
)

// canonMapping maps MySQL text columns to PostgreSQL types whose output
// spells a value otherwise than the source did.
const canonMapping = `columns:
  ids.c36: {target: uuid, convert: text}
  ids.b16: {target: uuid, convert: bytes}
  ids.jb: {target: jsonb, convert: json}
  ids.jt: {target: jsonb, convert: text}
  ids.addr: {target: inet, convert: text}
  ids.net: {target: cidr, convert: text}
  ids.mac: {target: macaddr, convert: text}
  ids.flag: {target: boolean, convert: text}
  ids.amt: {target: "numeric(10,2)", convert: text}
  ids.code: {target: "char(5)", convert: text}
  ids.n: {target: integer, convert: text}
`

// TestVerifyComparesInTargetType: text a column's target type reads and
// writes back in its own spelling (an uppercase UUID, jsonb's key order,
// an IPv6 address, a MAC address, 'yes' for a boolean, 3.5 for
// numeric(10,2), char(n) padding) verifies; a value that really differs
// on the target is still reported.
func TestVerifyComparesInTargetType(t *testing.T) {
	src, dsn, _ := freshMySQL(t)
	mysqlExec(t, dsn, "CREATE TABLE ids (id int PRIMARY KEY, c36 char(36), b16 binary(16), jb json, jt text, addr varchar(45), net varchar(45), mac varchar(17), flag varchar(5), amt varchar(20), code varchar(5), n varchar(10));\n"+
		"INSERT INTO ids VALUES (1, 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', UNHEX('A0EEBC999C0B4EF8BB6D6BB9BD380A11'), '{\"b\": 1, \"a\": [1, 2.50]}', '{\"z\":true,  \"a\":null}', '2001:DB8:0:0::1', '10.1.0.0/16', '08:00:2B:01:02:0A', 'yes', '3.5', 'ab', '+007'),\n"+
		"(2, 'a0eebc999c0b4ef8bb6d6bb9bd380a12', NULL, '[]', '1e2', '10.0.0.1/32', '2001:db8::/32', '08-00-2b-01-02-0b', 'OFF', '-0.10', 'abcde', '42'),\n"+
		"(3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),\n"+
		"(4, '{A0EEBC999C0B4EF8-BB6D6BB9BD380A14}', NULL, NULL, NULL, '::FFFF:10.0.0.1', NULL, '0800.2b01.020d', 'Y', '1e3', NULL, ' 5'),\n"+
		"(5, 'not-a-uuid', NULL, NULL, NULL, NULL, NULL, NULL, 'maybe', 'x', NULL, '9999999999');\n")
	mapping := filepath.Join(t.TempDir(), "m.yaml")
	if err := os.WriteFile(mapping, []byte(canonMapping), 0o600); err != nil {
		t.Fatal(err)
	}
	dst := testenv.PostgresURL(t)
	ctx := context.Background()
	rejects := filepath.Join(t.TempDir(), "r.jsonl")
	out, err := runCLI(t, ctx, "run", "--from", src, "--to", dst, "--mapping", mapping, "--verify", "--reject-file", rejects)
	if err != nil {
		t.Fatalf("run --verify: %v\n%s", err, out)
	}
	// Text the target type does not read is rejected; the rest copies.
	b, err := os.ReadFile(rejects)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"column":"c36"`, "not a value of uuid", `"column":"flag"`, `"column":"amt"`, `"column":"n"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("reject file does not say %s:\n%s", want, b)
		}
	}
	res, err := verifyJSON(t, ctx, src, dst, "--mapping", mapping)
	if err != nil || len(res.Differences) != 0 || res.SourceRows != 4 || res.Rejected != 1 {
		t.Fatalf("verify of a clean copy: %v, %d rows, %d rejected, differences %q; want 4 rows, 1 rejected", err, res.SourceRows, res.Rejected, res.Differences)
	}
	pg := pgConn(t, dst)
	for _, tc := range []struct{ col, value string }{
		{"c36", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a19"},
		{"b16", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a19"},
		{"jb", `{"a": [1, 2.51], "b": 1}`},
		{"jt", `{"a": null, "z": false}`},
		{"addr", "2001:db8::2"},
		{"net", "10.2.0.0/16"},
		{"mac", "08:00:2b:01:02:0c"},
		{"flag", "false"},
		{"amt", "3.51"},
		{"code", "abc"},
		{"n", "8"},
	} {
		t.Run(tc.col, func(t *testing.T) {
			var old string
			if err := pg.QueryRow(ctx, "SELECT "+tc.col+"::text FROM ids WHERE id = 1").Scan(&old); err != nil {
				t.Fatal(err)
			}
			if _, err := pg.Exec(ctx, "UPDATE ids SET "+tc.col+" = $1 WHERE id = 1", tc.value); err != nil {
				t.Fatal(err)
			}
			res, err := verifyJSON(t, ctx, src, dst, "--mapping", mapping)
			all := strings.Join(res.Differences, "\n")
			if err == nil || !strings.Contains(all, "id=1") || !strings.Contains(all, "("+tc.col+")") && !strings.Contains(all, "column "+tc.col+":") {
				t.Errorf("changed %s: verify %v, differences %q; want id=1 and the column named", tc.col, err, res.Differences)
			}
			if _, err := pg.Exec(ctx, "UPDATE ids SET "+tc.col+" = $1 WHERE id = 1", old); err != nil {
				t.Fatal(err)
			}
		})
	}
}
