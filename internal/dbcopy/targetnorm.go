package dbcopy

import (
	"encoding/hex"
	"net"
	"net/netip"
	"regexp"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5/pgtype"
)

// Text a converter passes through (text, enum, json) into a column of
// another type is read by PostgreSQL, which keeps the value and not the
// spelling: an uppercase UUID comes back lowercase, jsonb reorders keys,
// numeric(10,2) writes 3.5 as 3.50, char(n) pads. verify reads such a
// column back as text (targetSelect) and compares both sides in the
// target type's canonical form, rendered here from the value, so that
// equal values agree and different values still differ. A source text the
// type does not read stays as it is, and differs.

// textNorm returns the canonical form of a text for c's target type;
// nil when the text is compared as it is.
func textNorm(c *Column) func(string) (string, bool) {
	if c.Convert != "text" && c.Convert != "enum" && c.Convert != "json" {
		return nil
	}
	t := c.TargetType
	if c.baseType != "" { // a domain over uuid reads as uuid
		t = c.baseType
	}
	switch {
	case isBaseType(t, "uuid"):
		return normUUIDText
	case isBaseType(t, "inet"):
		return func(s string) (string, bool) { return normInetText(s, false) }
	case isBaseType(t, "cidr"):
		return func(s string) (string, bool) { return normInetText(s, true) }
	case isBaseType(t, "macaddr"):
		return normMACText
	case isBaseType(t, "boolean", "bool"):
		return normBoolText
	case isBaseType(t, "smallint", "int2", "integer", "int", "int4", "bigint", "int8"):
		lo, hi := intRange(strings.ToLower(t))
		return func(s string) (string, bool) {
			n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
			return strconv.FormatInt(n, 10), err == nil && n >= lo && n <= hi
		}
	case isBaseType(t, "numeric", "decimal"):
		return normNumericText
	case isBaseType(t, "real", "float4", "double precision", "float8"):
		size := 64
		if isBaseType(t, "real", "float4") {
			size = 32
		}
		return func(s string) (string, bool) {
			f, err := strconv.ParseFloat(strings.TrimSpace(s), size)
			return strconv.FormatFloat(f, 'g', -1, size), err == nil
		}
	case isBaseType(t, "jsonb"):
		return func(s string) (string, bool) {
			n := normJSON(s)
			return n, !strings.HasPrefix(n, "invalid:")
		}
	case isBaseType(t, "character", "char", "bpchar"):
		// char(n) pads with spaces, which it does not count: "ab" and
		// "ab " are one value.
		return func(s string) (string, bool) { return strings.TrimRight(s, " "), true }
	}
	return nil
}

// bindNorms sets, for every column of s whose target type respells the
// text it is sent, how verify compares its values and the text the copy
// sends: the canonical one, which pgx's binary COPY reads (it takes fewer
// spellings than PostgreSQL: no braced UUID, no 1e3 numeric). A text the
// type does not read is rejected, not left to fail its chunk.
func bindNorms(s *Schema) {
	for _, t := range s.Tables {
		for _, c := range t.Columns {
			c.cmp, c.text = nil, nil
			if c.conv == nil {
				continue
			}
			f := textNorm(c)
			if f == nil {
				continue
			}
			c.cmp = func(v any) string {
				if s, ok := v.(string); ok {
					if n, ok := f(s); ok {
						return n
					}
					return "unread:" + s // not a value of the type: never equal to one
				}
				return c.conv.norm(v)
			}
			if isBaseType(c.TargetType, "jsonb", "character", "char", "bpchar") || isBaseType(c.baseType, "jsonb", "bpchar") {
				continue // the text itself is sent
			}
			typ := c.TargetType
			c.text = func(s string) (string, *Reject) {
				if n, ok := f(s); ok {
					return n, nil
				}
				return "", rejectf("type_mismatch", "not a value of %s: %s", typ, short([]byte(s)))
			}
		}
	}
}

// normOf renders v (nil for NULL) as verify compares it: length-prefixed,
// so that concatenated values cannot collide.
func (c *Column) normOf(v any) string {
	if c.cmp == nil || v == nil {
		return normValue(c.conv, v)
	}
	s := c.cmp(v)
	return "V" + strconv.Itoa(len(s)) + ":" + s
}

// normUUIDText reads a UUID as uuid_in does: hex digits in any case, a
// hyphen after any group of four, braces around the whole.
func normUUIDText(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") {
		s = s[1 : len(s)-1]
	}
	var digits []byte
	for i := 0; i < len(s); i++ {
		if s[i] == '-' && len(digits) > 0 && len(digits)%4 == 0 && i+1 < len(s) && s[i+1] != '-' {
			continue
		}
		digits = append(digits, s[i])
	}
	raw, err := hex.DecodeString(string(digits))
	if err != nil || len(raw) != 16 {
		return s, false
	}
	var u pgtype.UUID
	copy(u.Bytes[:], raw)
	u.Valid = true
	v, err := u.Value()
	if err != nil {
		return s, false
	}
	return v.(string), true
}

// normInetText renders an address as abbrev(inet) does (no /32 or /128 on
// a host), or as cidr's output does (always the prefix length).
func normInetText(s string, cidr bool) (string, bool) {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "/") {
		a, err := netip.ParseAddr(s)
		if err != nil || a.Zone() != "" {
			return s, false
		}
		if cidr {
			return netip.PrefixFrom(a, a.BitLen()).String(), true
		}
		return a.String(), true
	}
	p, err := netip.ParsePrefix(s)
	if err != nil {
		return s, false
	}
	if !cidr && p.Bits() == p.Addr().BitLen() {
		return p.Addr().String(), true
	}
	return p.String(), true
}

func normMACText(s string) (string, bool) {
	hw, err := net.ParseMAC(strings.TrimSpace(s))
	if err != nil || len(hw) != 6 {
		return s, false
	}
	return hw.String(), true
}

// normBoolText reads a boolean as boolin does: a unique prefix of true,
// false, yes, no, on or off, or 1 or 0, any case, blanks around.
func normBoolText(s string) (string, bool) {
	w := strings.ToLower(strings.TrimSpace(s))
	if w == "" {
		return s, false
	}
	switch {
	case strings.HasPrefix("true", w), strings.HasPrefix("yes", w), w == "on", w == "1":
		return "true", true
	case strings.HasPrefix("false", w), strings.HasPrefix("no", w), len(w) >= 2 && strings.HasPrefix("off", w), w == "0":
		return "false", true
	}
	return s, false
}

var numericText = regexp.MustCompile(`^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$`)

// normNumericText reads a number as numeric_in does (blanks around, an
// exponent) and writes it plainly without trailing fractional zeros:
// 3.5, 3.50 and 35e-1 are one value, 3.5.
func normNumericText(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if strings.EqualFold(s, "nan") {
		return "NaN", true
	}
	if !numericText.MatchString(s) {
		return s, false
	}
	neg := strings.HasPrefix(s, "-")
	c := canonNumber(strings.TrimLeft(s, "+-")) // DIGITSeEXP, or 0
	if c == "0" {
		return "0", true
	}
	digits, e, _ := strings.Cut(c, "e")
	exp, err := strconv.Atoi(e)
	if err != nil || exp > 1000 || exp < -1000 {
		return s, false
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	switch {
	case exp >= 0:
		b.WriteString(digits + strings.Repeat("0", exp))
	case -exp < len(digits):
		b.WriteString(digits[:len(digits)+exp] + "." + digits[len(digits)+exp:])
	default:
		b.WriteString("0." + strings.Repeat("0", -exp-len(digits)) + digits)
	}
	return b.String(), true
}
