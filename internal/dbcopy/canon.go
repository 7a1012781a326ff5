package dbcopy

// The text of converted values as PostgreSQL's output functions write it,
// column type by column type, for the chunk digests (digest.go).

import (
	"encoding/hex"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgtype"
)

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
