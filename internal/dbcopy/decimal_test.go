package dbcopy

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/parleyhq/parley/internal/testenv"
)

func TestParseDecimal(t *testing.T) {
	for _, tc := range []struct {
		in string
		ok bool
	}{
		{"0", true}, {"12", true}, {"-12.50", true}, {"0.001", true}, {"-0.5", true},
		{"", false}, {"-", false}, {".5", false}, {"5.", false}, {"007", false}, {"-0.00", false},
		{"-0", false}, {"1e5", false}, {"+1", false}, {"1.2.3", false}, {" 1", false}, {"NaN", false},
	} {
		if _, ok := parseDecimal([]byte(tc.in)); ok != tc.ok {
			t.Errorf("parseDecimal(%q) ok = %v, want %v", tc.in, ok, tc.ok)
		}
	}
}

// TestDecimalMatchesPostgres sends decimals in the binary form decimalCodec
// writes and checks that PostgreSQL stores the value and prints what
// appendCanon renders, in constrained and unconstrained columns.
func TestDecimalMatchesPostgres(t *testing.T) {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, testenv.PostgresURL(t))
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer conn.Close(ctx)
	registerDecimal(conn.TypeMap())
	values := []string{"0", "0.00", "1", "-1", "12.5", "-12.50", "1234", "12345", "123456789", "10000",
		"100000000", "0.0001", "0.00001", "-0.000123", "9999.9999", "99999999999999999999.123456789",
		"1000.0001", "0.10", "20.000", "123456789012345678901234567890"}
	for _, typ := range []string{"numeric", "numeric(40,10)", "numeric(40,2)", "numeric(40,0)"} {
		scale, fixed := typmodScale(typ)
		for _, v := range values {
			d, ok := parseDecimal([]byte(v))
			if !ok {
				t.Fatalf("parseDecimal(%q) refused", v)
			}
			want, ok := d.appendCanon(nil, scale, fixed)
			var got string
			if err := conn.QueryRow(ctx, "SELECT $1::"+typ+"::text", d).Scan(&got); err != nil {
				t.Fatalf("%s %s: %v", typ, v, err)
			}
			var exact bool
			if err := conn.QueryRow(ctx, "SELECT $1::"+typ+" = $2::numeric", d, v).Scan(&exact); err != nil {
				t.Fatalf("%s %s: %v", typ, v, err)
			}
			switch {
			case !ok && exact:
				t.Errorf("%s %s: appendCanon refused a value stored exactly (%s)", typ, v, got)
			case ok && (string(want) != got || !exact):
				t.Errorf("%s %s: PostgreSQL prints %s (exact %v), appendCanon %s", typ, v, got, exact, want)
			}
		}
	}
}

// TestPGHashMatchesPostgres checks pgHashBytes against hashtextextended.
func TestPGHashMatchesPostgres(t *testing.T) {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, testenv.PostgresURL(t))
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer conn.Close(ctx)
	if k, err := probeHash(ctx, conn); err != nil || k != hashPG {
		t.Fatalf("probeHash = %v, %v; want hashPG on this (little-endian) server", k, err)
	}
	texts := append([]string{"(1,\"a b\",\\\\x00,)", "é", "\u2603\u2603\u2603"}, hashProbes...)
	for n := range 40 {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte('a' + (i*7+n)%26)
		}
		texts = append(texts, string(b))
	}
	for _, s := range texts {
		var h int64
		if err := conn.QueryRow(ctx, `SELECT hashtextextended($1::text COLLATE "C", 0)`, s).Scan(&h); err != nil {
			t.Fatal(err)
		}
		if got := pgHashBytes([]byte(s)); got != uint64(h) {
			t.Errorf("%q: PostgreSQL %x, pgHashBytes %x", s, uint64(h), got)
		}
	}
}
