package dbcopy

import (
	"context"
	"crypto/md5"
	"encoding/binary"
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"strings"

	"github.com/jackc/pgx/v5"
)

// The chunk digest lets PostgreSQL check its own copy: for every row it
// hashes the text of ROW(col1, col2, ...) (record_out over each column's
// output function) and aggregates the hashes; Go computes the same text
// from the converted source values. Only three numbers per chunk cross the
// wire, instead of every target row being decoded and normalised in Go.
// The row hash is 64 bits of hashtextextended (pghash.go) or, on a server
// where Go does not reproduce that, of md5: a random change goes unseen
// with a probability of about 2^-64 per chunk, which a checksum accepts.
//
// Go must reproduce PostgreSQL's output functions exactly. Where it cannot
// (a type or a value it does not render, e.g. jsonb, which reorders keys),
// the chunk falls back to the row-by-row comparison, and a digest mismatch
// is always confirmed by that comparison before a difference is reported:
// a rendering slip costs time, never a false verdict in either direction
// (equal digests need equal row texts, and each type's text is injective).

// digestSession are the settings under which the output functions render
// the text the Go side reproduces.
var digestSession = map[string]string{
	"timezone":           "UTC",
	"datestyle":          "ISO, MDY",
	"intervalstyle":      "postgres",
	"bytea_output":       "hex",
	"extra_float_digits": "1",
}

// hashKind is the per-row hash of the chunk digest.
type hashKind int

const (
	hashMD5 hashKind = iota // first 64 bits of md5(row text): any server
	hashPG                  // hashtextextended(row text, 0): see pghash.go
)

// hashProbes are texts whose hashes must agree before run and verify
// trust pgHashBytes: every tail length of lookup3 and multi-byte UTF-8.
var hashProbes = []string{"", "a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh",
	"abcdefghi", "abcdefghij", "abcdefghijk", "abcdefghijkl", "abcdefghijklm",
	`(1,"héllo, wörld",\x00ff,"{""a"":1}")`, strings.Repeat("0123456789", 10)}

// probeHash picks hashPG when the server's hashtextextended is the one
// pgHashBytes reproduces (a little-endian server), else hashMD5.
func probeHash(ctx context.Context, q interface {
	Query(context.Context, string, ...any) (pgx.Rows, error)
}) (hashKind, error) {
	rows, err := q.Query(ctx, `SELECT hashtextextended(p COLLATE "C", 0) FROM unnest($1::text[]) WITH ORDINALITY AS u(p, i) ORDER BY i`, hashProbes)
	if err != nil {
		return hashMD5, fmt.Errorf("probe digest hash: %w", err)
	}
	got, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return hashMD5, fmt.Errorf("probe digest hash: %w", err)
	}
	for i, p := range hashProbes {
		if i >= len(got) || uint64(got[i]) != pgHashBytes([]byte(p)) {
			return hashMD5, nil
		}
	}
	return hashPG, nil
}

// rowDigest is an order-independent digest of a set of rows: PostgreSQL
// and the source need not agree on row order.
type rowDigest struct {
	hash   hashKind
	rows   int64
	hi, lo uint64 // 128-bit two's complement sum of the signed row hashes
	xor    uint64
	buf    []byte
	cols   []canonCol // per column of the table, built by the first row
	bad    bool       // a value Go cannot render as PostgreSQL would
}

type canonCol struct {
	fn    canonFunc
	plain bool // its text never holds what record_out quotes
}

// addRow hashes one converted row (nil for NULL); false means the row
// holds a value Go does not render, and the digest is unusable.
func (d *rowDigest) addRow(t *Table, vals []any) bool {
	if d.cols == nil {
		d.cols = make([]canonCol, len(t.Columns))
		for i, c := range t.Columns {
			if c.conv == nil || c.conv.canon == nil {
				d.bad = true
				return false
			}
			d.cols[i] = canonCol{fn: c.conv.canon(c), plain: c.conv.canonPlain}
			if d.cols[i].fn == nil {
				d.bad = true
				return false
			}
		}
	}
	b := append(d.buf[:0], '(')
	for i, v := range vals {
		if i > 0 {
			b = append(b, ',')
		}
		if v == nil {
			continue
		}
		start := len(b)
		var ok bool
		if b, ok = d.cols[i].fn(v, b); !ok {
			d.bad = true
			return false
		}
		switch {
		case !d.cols[i].plain:
			b = recordQuote(b, start)
		case len(b) == start:
			b = append(b, '"', '"')
		}
	}
	b = append(b, ')')
	d.buf = b
	if d.hash == hashPG {
		d.add(pgHashBytes(b))
		return true
	}
	sum := md5.Sum(b)
	d.add(binary.BigEndian.Uint64(sum[:8]))
	return true
}

func (d *rowDigest) add(h uint64) {
	d.rows++
	d.xor ^= h
	var carry uint64
	d.lo, carry = bits.Add64(d.lo, h, 0)
	ext := uint64(0) // sign extension of the signed hash
	if int64(h) < 0 {
		ext = math.MaxUint64
	}
	d.hi, _ = bits.Add64(d.hi, ext, carry)
}

// sumText renders the 128-bit sum in decimal, as PostgreSQL's sum(bigint).
func (d *rowDigest) sumText() string {
	n := new(big.Int).SetUint64(d.hi)
	n.Lsh(n, 64).Or(n, new(big.Int).SetUint64(d.lo))
	if d.hi>>63 == 1 {
		n.Sub(n, new(big.Int).Lsh(big.NewInt(1), 128))
	}
	return n.String()
}

// recordQuote quotes b[start:] in place as record_out does.
func recordQuote(b []byte, start int) []byte {
	v := b[start:]
	need := len(v) == 0
	extra := 0
	for _, ch := range v {
		switch ch {
		case '"', '\\':
			need = true
			extra++
		case '(', ')', ',', ' ', '\t', '\n', '\r', '\v', '\f':
			need = true
		}
	}
	if !need {
		return b
	}
	n := len(v)
	for range extra + 2 {
		b = append(b, 0)
	}
	// Shift right, from the end, doubling quotes and backslashes.
	w := len(b) - 1
	b[w] = '"'
	w--
	for r := start + n - 1; r >= start; r-- {
		ch := b[r]
		b[w] = ch
		w--
		if ch == '"' || ch == '\\' {
			b[w] = ch
			w--
		}
	}
	b[w] = '"'
	return b
}

// targetDigest asks PostgreSQL for the digest of chunk c of t.
func targetDigest(ctx context.Context, q interface {
	QueryRow(context.Context, string, ...any) pgx.Row
}, schema string, t *Table, c Chunk, hk hashKind) (rows int64, sum string, xor uint64, err error) {
	cols := make([]string, len(t.Columns))
	for i, col := range t.Columns {
		cols[i] = quoteIdent(col.Target)
	}
	row := "ROW(" + strings.Join(cols, ", ") + ")::text"
	h := "('x' || left(md5(" + row + "), 16))::bit(64)::bigint"
	if hk == hashPG {
		h = "hashtextextended(" + row + ` COLLATE "C", 0)`
	}
	q1 := "SELECT " + h + " AS h FROM " + qualified(schema, t.Target)
	var args []any
	if t.ChunkKey != "" {
		var w string
		w, args = chunkWhere(c, quoteIdent(t.column(t.ChunkKey).Target), func(i int) string { return fmt.Sprintf("$%d", i) })
		q1 += w
	}
	// OFFSET 0 keeps the subquery from being flattened: flattened, h would
	// be computed once for sum and again for bit_xor (twice the CPU).
	var x int64
	err = q.QueryRow(ctx, "SELECT count(*), COALESCE(sum(h), 0)::text, COALESCE(bit_xor(h), 0) FROM ("+q1+" OFFSET 0) d", args...).Scan(&rows, &sum, &x)
	if err != nil {
		return 0, "", 0, fmt.Errorf("digest %s chunk %d: %w", t.Target, c.No, err)
	}
	return rows, sum, uint64(x), nil
}

// matches reports whether the target's digest equals d.
func (d *rowDigest) matches(rows int64, sum string, xor uint64) bool {
	return !d.bad && d.rows == rows && d.xor == xor && d.sumText() == sum
}

// digestable reports whether Go renders every column of t as PostgreSQL does.
func digestable(t *Table) bool {
	for _, c := range t.Columns {
		if c.conv == nil || c.conv.canon == nil || c.conv.canon(c) == nil {
			return false
		}
	}
	return true
}
