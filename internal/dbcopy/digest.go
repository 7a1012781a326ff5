package dbcopy

import (
	"context"
	"crypto/md5"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
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

// canonFunc appends the text PostgreSQL's output function gives for a
// converted value; false when unsure.
type canonFunc func(v any, b []byte) ([]byte, bool)

// The canon constructors return the canonFunc of a column, nil when Go
// does not render its target type. They check the target type once per
// column, not once per value.

func canonInt(c *Column) canonFunc {
	if !isBaseType(c.TargetType, "smallint", "int2", "integer", "int", "int4", "bigint", "int8") {
		return nil
	}
	return func(v any, b []byte) ([]byte, bool) {
		n, ok := v.(int64)
		if !ok {
			return b, false
		}
		return strconv.AppendInt(b, n, 10), true
	}
}

func canonBool(c *Column) canonFunc {
	if !isBaseType(c.TargetType, "boolean", "bool") {
		return nil
	}
	return func(v any, b []byte) ([]byte, bool) {
		x, ok := v.(bool)
		if !ok {
			return b, false
		}
		if x {
			return append(b, 't'), true
		}
		return append(b, 'f'), true
	}
}

func canonText(c *Column) canonFunc {
	if !isBaseType(c.TargetType, "text", "varchar", "character varying", "json") {
		return nil
	}
	return func(v any, b []byte) ([]byte, bool) {
		s, ok := v.(string)
		if !ok {
			return b, false
		}
		return append(b, s...), true
	}
}

func canonBytes(c *Column) canonFunc {
	if !isBaseType(c.TargetType, "bytea") {
		return nil
	}
	return func(v any, b []byte) ([]byte, bool) {
		x, ok := v.([]byte)
		if !ok {
			return b, false
		}
		b = append(b, '\\', 'x')
		return hex.AppendEncode(b, x), true
	}
}

func canonNumeric(c *Column) canonFunc {
	if !isBaseType(c.TargetType, "numeric", "decimal") {
		return nil
	}
	scale, fixed := typmodScale(c.TargetType)
	return func(v any, b []byte) ([]byte, bool) {
		if d, ok := v.(decimal); ok {
			return d.appendCanon(b, scale, fixed)
		}
		n, ok := v.(pgtype.Numeric)
		if !ok {
			return b, false
		}
		return appendNumeric(b, n, scale, fixed)
	}
}

// appendNumeric renders n as numeric_out does in a column of the given
// scale (fixed false: an unconstrained numeric keeps the input's scale).
func appendNumeric(b []byte, n pgtype.Numeric, scale int, fixed bool) ([]byte, bool) {
	if !n.Valid || n.NaN || n.InfinityModifier != pgtype.Finite || n.Int == nil {
		return b, false
	}
	digits := n.Int.String()
	if digits[0] == '-' {
		b = append(b, '-')
		digits = digits[1:]
	}
	frac := 0
	if n.Exp > 0 {
		digits += strings.Repeat("0", int(n.Exp))
	} else {
		frac = int(-n.Exp)
	}
	if len(digits) <= frac {
		digits = strings.Repeat("0", frac-len(digits)+1) + digits
	}
	if fixed && frac > scale {
		// PostgreSQL rounds to the column's scale: only trailing zeros
		// can go without changing the value.
		cut := digits[len(digits)-(frac-scale):]
		if strings.Trim(cut, "0") != "" {
			return b, false
		}
		digits, frac = digits[:len(digits)-len(cut)], scale
	}
	b = append(b, digits[:len(digits)-frac]...)
	if frac > 0 || (fixed && scale > 0) {
		b = append(b, '.')
		b = append(b, digits[len(digits)-frac:]...)
		if fixed {
			for i := frac; i < scale; i++ {
				b = append(b, '0')
			}
		}
	}
	return b, true
}

// typmodScale reads the scale of numeric(p,s) or numeric(p); fixed is
// false for an unconstrained numeric, which keeps the scale of its input.
func typmodScale(target string) (scale int, fixed bool) {
	i := strings.IndexByte(target, '(')
	if i < 0 {
		return 0, false
	}
	inner := strings.TrimSuffix(target[i+1:], ")")
	if j := strings.IndexByte(inner, ','); j >= 0 {
		s, err := strconv.Atoi(strings.TrimSpace(inner[j+1:]))
		return s, err == nil
	}
	return 0, true
}

func canonFloat(c *Column) canonFunc {
	f8 := isBaseType(c.TargetType, "double precision", "float8")
	if !f8 && !isBaseType(c.TargetType, "real", "float4") {
		return nil
	}
	return func(v any, b []byte) ([]byte, bool) {
		var f float64
		size, maxExp := 64, 15 // float8out: fixed notation for exponents -4..14
		switch x := v.(type) {
		case float64:
			if !f8 {
				return b, false
			}
			f = x
		case float32:
			if f8 {
				return b, false
			}
			f, size, maxExp = float64(x), 32, 6 // float4out: -4..5
		default:
			return b, false
		}
		switch {
		case math.IsNaN(f):
			return append(b, "NaN"...), true
		case math.IsInf(f, 1):
			return append(b, "Infinity"...), true
		case math.IsInf(f, -1):
			return append(b, "-Infinity"...), true
		case f == 0:
			if math.Signbit(f) {
				return append(b, "-0"...), true
			}
			return append(b, '0'), true
		}
		exp := int(math.Floor(math.Log10(math.Abs(f))))
		// Log10 can be off by one near powers of ten: read the exponent back.
		e := strconv.FormatFloat(f, 'e', -1, size)
		if k := strings.LastIndexByte(e, 'e'); k >= 0 {
			if x, err := strconv.Atoi(e[k+1:]); err == nil {
				exp = x
			}
		}
		if exp < -4 || exp >= maxExp {
			return append(b, e...), true
		}
		return strconv.AppendFloat(b, f, 'f', -1, size), true
	}
}

func canonDate(c *Column) canonFunc {
	if !isBaseType(c.TargetType, "date") {
		return nil
	}
	return func(v any, b []byte) ([]byte, bool) {
		t, ok := v.(time.Time)
		if !ok || t.Year() < 1 || t.Year() > 9999 {
			return b, false
		}
		return t.UTC().AppendFormat(b, "2006-01-02"), true
	}
}

func canonTimestamp(c *Column) canonFunc {
	tz := isBaseType(c.TargetType, "timestamptz", "timestamp with time zone")
	if !tz && !isBaseType(c.TargetType, "timestamp", "timestamp without time zone") {
		return nil
	}
	return func(v any, b []byte) ([]byte, bool) {
		t, ok := v.(time.Time)
		if !ok {
			return b, false
		}
		t = t.UTC()
		if t.Year() < 1 || t.Year() > 9999 || t.Nanosecond()%1000 != 0 {
			return b, false
		}
		b = t.AppendFormat(b, "2006-01-02 15:04:05.999999")
		if tz {
			b = append(b, "+00"...)
		}
		return b, true
	}
}

func canonInterval(c *Column) canonFunc {
	if !isBaseType(c.TargetType, "interval") {
		return nil
	}
	return func(v any, b []byte) ([]byte, bool) {
		iv, ok := v.(pgtype.Interval)
		if !ok || !iv.Valid || iv.Months != 0 || iv.Days != 0 {
			return b, false
		}
		us := iv.Microseconds
		if us < 0 {
			b = append(b, '-')
			us = -us
		}
		h, m, s, frac := us/3600e6, us/60e6%60, us/1e6%60, us%1e6
		if h < 10 {
			b = append(b, '0')
		}
		b = strconv.AppendInt(b, h, 10)
		b = append(b, ':', byte('0'+m/10), byte('0'+m%10), ':', byte('0'+s/10), byte('0'+s%10))
		if frac > 0 {
			f := strconv.FormatInt(frac+1e6, 10)[1:]
			b = append(b, '.')
			b = append(b, strings.TrimRight(f, "0")...)
		}
		return b, true
	}
}

// canonSet renders a text[] as array_out does.
func canonSet(c *Column) canonFunc {
	if !isBaseType(c.TargetType, "text[]") {
		return nil
	}
	return func(v any, b []byte) ([]byte, bool) {
		xs, ok := v.([]string)
		if !ok {
			return b, false
		}
		b = append(b, '{')
		for i, x := range xs {
			if i > 0 {
				b = append(b, ',')
			}
			need := x == "" || strings.EqualFold(x, "NULL")
			for j := 0; j < len(x) && !need; j++ {
				switch x[j] {
				case '"', '\\', '{', '}', ',', ' ', '\t', '\n', '\r', '\v', '\f':
					need = true
				}
			}
			if !need {
				b = append(b, x...)
				continue
			}
			b = append(b, '"')
			for j := 0; j < len(x); j++ {
				if x[j] == '"' || x[j] == '\\' {
					b = append(b, '\\')
				}
				b = append(b, x[j])
			}
			b = append(b, '"')
		}
		return append(b, '}'), true
	}
}

func canonBits(c *Column) canonFunc {
	if !isBaseType(c.TargetType, "bit varying", "varbit", "bit") {
		return nil
	}
	return func(v any, b []byte) ([]byte, bool) {
		x, ok := v.(pgtype.Bits)
		if !ok || !x.Valid {
			return b, false
		}
		for i := int32(0); i < x.Len; i++ {
			if x.Bytes[i/8]&(0x80>>(i%8)) != 0 {
				b = append(b, '1')
			} else {
				b = append(b, '0')
			}
		}
		return b, true
	}
}

// isBaseType reports whether the target type, without its modifier, is
// one of names.
func isBaseType(target string, names ...string) bool {
	base := strings.ToLower(strings.TrimSpace(target))
	if i := strings.IndexByte(base, '('); i >= 0 {
		rest := base[i:]
		base = strings.TrimSpace(base[:i])
		// timestamp(3) with time zone
		if j := strings.IndexByte(rest, ')'); j >= 0 && strings.TrimSpace(rest[j+1:]) != "" {
			base += " " + strings.TrimSpace(rest[j+1:])
		}
	}
	for _, n := range names {
		if base == n {
			return true
		}
	}
	return false
}
