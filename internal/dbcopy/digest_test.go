package dbcopy

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/parleyhq/parley/internal/testenv"
)

// TestDigestKindsAgree copies a few rows and checks that Go's digest of
// them equals PostgreSQL's with either row hash (hashPG, and the md5 a
// big-endian server falls back to), and that one changed value breaks both.
func TestDigestKindsAgree(t *testing.T) {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, testenv.PostgresURL(t))
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer conn.Close(ctx)
	registerDecimal(conn.TypeMap())
	for k, v := range digestSession {
		if _, err := conn.Exec(ctx, "SET "+k+" = '"+v+"'"); err != nil {
			t.Fatal(err)
		}
	}
	tbl := &Table{Name: "digest_kinds", Target: "digest_kinds", ChunkKey: "id", Columns: []*Column{
		{Name: "id", Target: "id", TargetType: "bigint", conv: converters["int"]},
		{Name: "amount", Target: "amount", TargetType: "numeric(12,2)", conv: converters["numeric"]},
		{Name: "title", Target: "title", TargetType: "varchar(40)", conv: converters["text"]},
		{Name: "data", Target: "data", TargetType: "bytea", conv: converters["bytes"]},
		{Name: "at", Target: "at", TargetType: "timestamp(6)", conv: converters["timestamp"]},
	}}
	if _, err := conn.Exec(ctx, `DROP TABLE IF EXISTS digest_kinds; CREATE TABLE digest_kinds
		(id bigint, amount numeric(12,2), title varchar(40), data bytea, at timestamp(6))`); err != nil {
		t.Fatal(err)
	}
	src := [][]any{
		{int64(1), []byte("12.50"), []byte(`quote " and \ back, (paren)`), []byte{0, 1, 2}, []byte("2024-02-29 12:00:00.123456")},
		{int64(2), []byte("-0.07"), []byte(""), []byte{}, []byte("1999-12-31 23:59:59")},
		{int64(3), []byte("1000000.00"), nil, nil, nil},
	}
	var rows [][]any
	for _, r := range src {
		out := make([]any, len(r))
		for i, v := range r {
			if v == nil {
				continue
			}
			c := tbl.Columns[i]
			x, rej, _ := c.conv.conv(c, v)
			if rej != nil {
				t.Fatalf("row %v column %s rejected: %v", r, c.Name, rej)
			}
			out[i] = x
		}
		rows = append(rows, out)
	}
	if _, err := conn.CopyFrom(ctx, pgx.Identifier{"digest_kinds"}, []string{"id", "amount", "title", "data", "at"}, pgx.CopyFromRows(rows)); err != nil {
		t.Fatal(err)
	}
	all := Chunk{Table: tbl.Name}
	for _, hk := range []hashKind{hashPG, hashMD5} {
		d := &rowDigest{hash: hk}
		for _, r := range rows {
			if !d.addRow(tbl, r) {
				t.Fatalf("hash %d: row %v not digested", hk, r)
			}
		}
		n, sum, xor, err := targetDigest(ctx, conn, "public", tbl, all, hk)
		if err != nil {
			t.Fatal(err)
		}
		if !d.matches(n, sum, xor) {
			t.Errorf("hash %d: Go digest (%d rows) differs from PostgreSQL's (%d rows)", hk, d.rows, n)
		}
	}
	if _, err := conn.Exec(ctx, `UPDATE digest_kinds SET at = at + interval '1 microsecond' WHERE id = 1`); err != nil {
		t.Fatal(err)
	}
	for _, hk := range []hashKind{hashPG, hashMD5} {
		d := &rowDigest{hash: hk}
		for _, r := range rows {
			d.addRow(tbl, r)
		}
		n, sum, xor, err := targetDigest(ctx, conn, "public", tbl, all, hk)
		if err != nil {
			t.Fatal(err)
		}
		if d.matches(n, sum, xor) {
			t.Errorf("hash %d: a changed timestamp left the digests equal", hk)
		}
	}
	_, _ = conn.Exec(ctx, "DROP TABLE digest_kinds")
}
