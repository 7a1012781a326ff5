package dbcopy

import (
	"github.com/jackc/pgx/v5/pgtype"
)

// decimal is an exact decimal as the source wrote it ("-1234.50"), the
// converted value of a numeric column when the text is plain. It takes
// the place of pgtype.Numeric on the copy path: pgx builds a numeric's
// binary form with math/big (divisions and powers of ten per value), and
// the digest rendered it back through big.Int.String; from the digits
// both are a few byte operations (decimalCodec, appendCanon).
type decimal struct {
	text string // [-]DIGITS[.DIGITS], no leading zeros, not negative zero
	dot  int    // index of '.' in text, len(text) when there is none
}

// maxDecimalDigits bounds the fast path; longer numbers go through
// pgtype.Numeric, which reports PostgreSQL's limits as before.
const maxDecimalDigits = 1000

// parseDecimal accepts [-]DIGITS[.DIGITS] with no superfluous leading zero
// and not a negative zero; anything else is left to pgtype.Numeric.
func parseDecimal(b []byte) (decimal, bool) {
	if len(b) == 0 || len(b) > maxDecimalDigits {
		return decimal{}, false
	}
	i := 0
	if b[0] == '-' {
		i = 1
	}
	start, dot, nonzero := i, len(b), false
	for ; i < len(b); i++ {
		switch ch := b[i]; {
		case ch >= '0' && ch <= '9':
			nonzero = nonzero || ch != '0'
		case ch == '.' && dot == len(b):
			dot = i
		default:
			return decimal{}, false
		}
	}
	switch {
	case dot == start || dot == len(b)-1: // ".5", "5."
		return decimal{}, false
	case b[start] == '0' && dot-start > 1: // "007"
		return decimal{}, false
	case start == 1 && !nonzero: // "-0.00"
		return decimal{}, false
	}
	return decimal{text: string(b), dot: dot}, true
}

func (d decimal) neg() bool { return d.text[0] == '-' }

// parts returns the integer digits ("" for a zero integer part) and the
// fraction digits.
func (d decimal) parts() (intDigits, frac string) {
	intDigits = d.text[:d.dot]
	if d.neg() {
		intDigits = intDigits[1:]
	}
	if intDigits == "0" {
		intDigits = ""
	}
	if d.dot < len(d.text) {
		frac = d.text[d.dot+1:]
	}
	return intDigits, frac
}

// NumericValue lets pgx and the row-by-row comparison treat a decimal as
// a pgtype.Numeric where speed does not matter.
func (d decimal) NumericValue() (pgtype.Numeric, error) {
	var n pgtype.Numeric
	err := n.Scan(d.text)
	return n, err
}

// appendCanon renders d as numeric_out does in a column of the given scale
// (fixed false: unconstrained, the input's scale is kept); false when
// PostgreSQL would round it.
func (d decimal) appendCanon(b []byte, scale int, fixed bool) ([]byte, bool) {
	intDigits, frac := d.parts()
	if fixed && len(frac) > scale {
		for i := scale; i < len(frac); i++ {
			if frac[i] != '0' {
				return b, false
			}
		}
		frac = frac[:scale]
	}
	if d.neg() {
		// The cut fraction may have held the only non-zero digits no
		// more: "-0.00" is printed "0.00".
		zero := true
		for i := 0; i < len(intDigits) && zero; i++ {
			zero = intDigits[i] == '0'
		}
		for i := 0; i < len(frac) && zero; i++ {
			zero = frac[i] == '0'
		}
		if !zero {
			b = append(b, '-')
		}
	}
	if intDigits == "" {
		b = append(b, '0')
	} else {
		b = append(b, intDigits...)
	}
	n := len(frac)
	if fixed {
		n = scale
	}
	if n > 0 {
		b = append(b, '.')
		b = append(b, frac...)
		for i := len(frac); i < n; i++ {
			b = append(b, '0')
		}
	}
	return b, true
}

// appendBinary appends numeric_recv's input: ndigits, weight, sign,
// dscale, then base-10000 digits, the decimal point between two digits.
func (d decimal) appendBinary(buf []byte) []byte {
	intDigits, frac := d.parts()
	var stack [64]uint16
	groups := stack[:0]
	// The first integer group holds what is left over of four digits.
	lead := len(intDigits) % 4
	if lead == 0 {
		lead = 4
	}
	for i := 0; i < len(intDigits); {
		end := i + lead
		groups = append(groups, digitsValue(intDigits[i:end], 0))
		i, lead = end, 4
	}
	weight := len(groups) - 1
	for i := 0; i < len(frac); i += 4 {
		end := min(i+4, len(frac))
		groups = append(groups, digitsValue(frac[i:end], 4-(end-i)))
	}
	first, last := 0, len(groups)
	for first < last && groups[first] == 0 {
		first++
		weight--
	}
	for last > first && groups[last-1] == 0 {
		last--
	}
	var sign uint16
	if first == last {
		weight = 0
	} else if d.neg() {
		sign = 0x4000
	}
	buf = append16(buf, uint16(last-first))
	buf = append16(buf, uint16(int16(weight)))
	buf = append16(buf, sign)
	buf = append16(buf, uint16(len(frac)))
	for _, g := range groups[first:last] {
		buf = append16(buf, g)
	}
	return buf
}

// digitsValue reads up to four decimal digits followed by pad zeros.
func digitsValue(s string, pad int) uint16 {
	var v uint16
	for i := 0; i < len(s); i++ {
		v = v*10 + uint16(s[i]-'0')
	}
	for range pad {
		v *= 10
	}
	return v
}

func append16(b []byte, v uint16) []byte { return append(b, byte(v>>8), byte(v)) }

// decimalCodec is PostgreSQL's numeric codec that also encodes a decimal
// in the binary format directly; every other value and format goes to
// pgtype.NumericCodec.
type decimalCodec struct{ pgtype.NumericCodec }

func (c decimalCodec) PlanEncode(m *pgtype.Map, oid uint32, format int16, value any) pgtype.EncodePlan {
	if _, ok := value.(decimal); ok && format == pgtype.BinaryFormatCode {
		return decimalBinaryPlan{}
	}
	return c.NumericCodec.PlanEncode(m, oid, format, value)
}

type decimalBinaryPlan struct{}

func (decimalBinaryPlan) Encode(value any, buf []byte) ([]byte, error) {
	return value.(decimal).appendBinary(buf), nil
}

// registerDecimal makes a connection's type map encode decimals.
func registerDecimal(m *pgtype.Map) {
	m.RegisterType(&pgtype.Type{Name: "numeric", OID: pgtype.NumericOID, Codec: decimalCodec{}})
}
