package dbcopy

import (
	"bytes"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5/pgtype"
)

// Reject says why a value cannot be copied exactly.
type Reject struct {
	Kind   string // stable code: zero_date, unsigned_overflow, nul_byte...
	Detail string
}

// converter turns a source driver value into the value pgx copies, and
// normalises both that value and what PostgreSQL gives back, so that
// verify can compare them.
type converter struct {
	// conv returns the value to copy, or a reject, plus an optional note
	// (a hazard worth reporting that does not stop the value).
	conv func(c *Column, v any) (out any, rej *Reject, note string)
	norm func(v any) string
	dest func() any // a fresh **T scan destination for the target side
	// canon returns the function appending PostgreSQL's text output for a
	// converted value in column c (see digest.go); nil, or a nil result,
	// when Go does not reproduce it. canonPlain: that text never holds a
	// character record_out quotes (digits, signs, dots, colons, letters).
	canon      func(c *Column) canonFunc
	canonPlain bool
}

// maxFieldBytes is PostgreSQL's limit for one bytea or text value (1 GB - 1).
const maxFieldBytes = 1<<30 - 1

var converters = map[string]*converter{
	"int":       {conv: convInt, norm: normAny, dest: func() any { return new(*int64) }, canon: canonInt, canonPlain: true},
	"bool01":    {conv: convBool01, norm: normAny, dest: func() any { return new(*bool) }, canon: canonBool, canonPlain: true},
	"numeric":   {conv: convNumeric, norm: normNumeric, dest: func() any { return new(*pgtype.Numeric) }, canon: canonNumeric, canonPlain: true},
	"float4":    {conv: convFloat4, norm: normAny, dest: func() any { return new(*float32) }, canon: canonFloat, canonPlain: true},
	"float8":    {conv: convFloat8, norm: normAny, dest: func() any { return new(*float64) }, canon: canonFloat, canonPlain: true},
	"text":      {conv: convText, norm: normAny, dest: func() any { return new(*string) }, canon: canonText},
	"enum":      {conv: convEnum, norm: normAny, dest: func() any { return new(*string) }, canon: canonText},
	"json":      {conv: convJSON, norm: normAny, dest: func() any { return new(*string) }, canon: canonText},
	"jsonb":     {conv: convJSONB, norm: normJSON, dest: func() any { return new(*string) }},
	"bytes":     {conv: convBytes, norm: normBytes, dest: func() any { return new(*[]byte) }, canon: canonBytes},
	"date":      {conv: convDate, norm: normDate, dest: func() any { return new(*time.Time) }, canon: canonDate, canonPlain: true},
	"timestamp": {conv: convTimestamp, norm: normTime, dest: func() any { return new(*time.Time) }, canon: canonTimestamp},
	"interval":  {conv: convInterval, norm: normInterval, dest: func() any { return new(*pgtype.Interval) }, canon: canonInterval, canonPlain: true},
	"set":       {conv: convSet, norm: normSet, dest: func() any { return new(*[]string) }, canon: canonSet},
	"bit":       {conv: convBit, norm: normBits, dest: func() any { return new(*pgtype.Bits) }, canon: canonBits, canonPlain: true},
}

func converterNames() string {
	names := make([]string, 0, len(converters))
	for n := range converters {
		names = append(names, n)
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}

// deref turns a filled **T scan destination into T or nil.
func deref(d any) any {
	v := reflect.ValueOf(d).Elem()
	if v.IsNil() {
		return nil
	}
	return v.Elem().Interface()
}

// normValue renders v (nil for NULL) in the converter's canonical form,
// length-prefixed so that concatenated values cannot collide.
func normValue(cv *converter, v any) string {
	if v == nil {
		return "N;"
	}
	s := cv.norm(v)
	return "V" + strconv.Itoa(len(s)) + ":" + s
}

func rejectf(kind, format string, args ...any) *Reject {
	return &Reject{Kind: kind, Detail: fmt.Sprintf(format, args...)}
}

// short quotes a value for a reject reason without flooding the file.
func short(b []byte) string {
	if len(b) > 40 {
		return strconv.Quote(string(b[:40])) + "..."
	}
	return strconv.Quote(string(b))
}

func asBytes(v any) ([]byte, bool) {
	switch x := v.(type) {
	case []byte:
		return x, true
	case string:
		return []byte(x), true
	}
	return nil, false
}

// mismatch rejects a value of a kind the column's converter does not take
// (SQLite stores any kind in any column) and says how to keep it.
func mismatch(v any) *Reject {
	kind := fmt.Sprintf("%T", v)
	switch v.(type) {
	case int64:
		kind = "integer"
	case float64, float32:
		kind = "real"
	case []byte:
		kind = "blob"
	case string:
		kind = "text"
	}
	return rejectf("type_mismatch", "%s value %s does not fit the column's target type",
		kind, short([]byte(fmt.Sprint(v))))
}

func normAny(v any) string {
	switch x := v.(type) {
	case float32:
		return strconv.FormatFloat(float64(x), 'g', -1, 32)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	return fmt.Sprint(v)
}

func convInt(c *Column, v any) (any, *Reject, string) {
	var n int64
	switch x := v.(type) {
	case int64:
		n = x
	case uint64:
		if x > math.MaxInt64 {
			return nil, rejectf("unsigned_overflow", "unsigned value %d exceeds bigint", x), ""
		}
		n = int64(x)
	case []byte, string:
		b, _ := asBytes(x)
		p, err := strconv.ParseInt(string(b), 10, 64)
		if err != nil {
			if _, uerr := strconv.ParseUint(string(b), 10, 64); uerr == nil {
				return nil, rejectf("unsigned_overflow", "unsigned value %s exceeds bigint", b), ""
			}
			return nil, rejectf("type_mismatch", "not an integer: %s", short(b)), ""
		}
		n = p
	default:
		return nil, mismatch(v), ""
	}
	lo, hi := intRange(c.TargetType)
	if n < lo || n > hi {
		return nil, rejectf("out_of_range", "value %d does not fit %s", n, c.TargetType), ""
	}
	return n, nil, ""
}

func intRange(target string) (int64, int64) {
	switch strings.ToLower(target) {
	case "smallint", "int2":
		return math.MinInt16, math.MaxInt16
	case "integer", "int", "int4":
		return math.MinInt32, math.MaxInt32
	}
	return math.MinInt64, math.MaxInt64
}

func convBool01(c *Column, v any) (any, *Reject, string) {
	// Rails before 5.2 wrote SQLite booleans as 't' and 'f' (PostgreSQL's
	// own spelling), Python's str() and JavaScript's String() as 'True' or
	// 'true', PHP and form handlers 'yes'/'no', 'on'/'off' or 'Y'/'N': all
	// words PostgreSQL's boolean reads the same way. A MySQL integer never
	// arrives as any of them.
	// White space around a word is ignored, as PostgreSQL's boolean does.
	if b, ok := asBytes(v); ok {
		w := strings.ToLower(strings.TrimSpace(string(b)))
		if x, known := boolWords[w]; known {
			return x, nil, ""
		}
		if _, err := strconv.ParseInt(w, 10, 64); err != nil {
			return nil, rejectf("boolean_cast", "not a boolean: %s (0, 1, true/false, t/f, yes/no, y/n and on/off are)", short(b)), ""
		}
	}
	n, rej, _ := convInt(c, v)
	if rej != nil {
		return nil, rej, ""
	}
	switch n.(int64) {
	case 0:
		return false, nil, ""
	case 1:
		return true, nil, ""
	}
	return nil, rejectf("boolean_cast", "value %d is neither 0 nor 1", n), ""
}

func convNumeric(_ *Column, v any) (any, *Reject, string) {
	var s string
	switch x := v.(type) {
	case []byte:
		if d, ok := parseDecimal(x); ok {
			return d, nil, ""
		}
		s = string(x)
	case string:
		if d, ok := parseDecimal([]byte(x)); ok {
			return d, nil, ""
		}
		s = x
	case int64:
		s = strconv.FormatInt(x, 10)
	case uint64: // the MySQL driver's BIGINT UNSIGNED, mapped to numeric(20,0) to keep values past int64
		s = strconv.FormatUint(x, 10)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, rejectf("type_mismatch", "non-finite number %v", x), ""
		}
		// Shortest digits that read back as x, as 'g' would, but without
		// an exponent: numeric's input takes none (SQLite stores a
		// DECIMAL column's 12345678901234567890 as the real 1.2345678901234567e+19).
		s = strconv.FormatFloat(x, 'f', -1, 64)
	default:
		return nil, mismatch(v), ""
	}
	var n pgtype.Numeric
	if err := n.Scan(s); err != nil {
		return nil, rejectf("type_mismatch", "not a number: %s", short([]byte(s))), ""
	}
	return n, nil, ""
}

// normNumeric renders a numeric by value (3.10 and 3.1 agree): digits with
// trailing zeros moved into the exponent.
func normNumeric(v any) string {
	if d, isDec := v.(decimal); isDec {
		if n, err := d.NumericValue(); err == nil {
			v = n
		}
	}
	n, ok := v.(pgtype.Numeric)
	if !ok || !n.Valid || n.Int == nil {
		return fmt.Sprintf("%v", v)
	}
	s := n.Int.String()
	exp := int(n.Exp)
	if s == "0" {
		return "0"
	}
	for strings.HasSuffix(s, "0") {
		s = s[:len(s)-1]
		exp++
	}
	return s + "e" + strconv.Itoa(exp)
}

func convFloat4(_ *Column, v any) (any, *Reject, string) {
	switch x := v.(type) {
	case float32:
		return x, nil, ""
	case float64:
		return float32(x), nil, ""
	case []byte, string:
		b, _ := asBytes(x)
		f, err := strconv.ParseFloat(string(b), 32)
		if err != nil {
			return nil, rejectf("type_mismatch", "not a float: %s", short(b)), ""
		}
		return float32(f), nil, ""
	}
	return nil, mismatch(v), ""
}

func convFloat8(_ *Column, v any) (any, *Reject, string) {
	switch x := v.(type) {
	case float64:
		return x, nil, ""
	case float32:
		return float64(x), nil, ""
	case int64:
		if f := float64(x); int64(f) == x {
			return f, nil, ""
		}
		return nil, rejectf("type_mismatch", "integer %d in a float column loses precision", x), ""
	case []byte, string:
		b, _ := asBytes(x)
		f, err := strconv.ParseFloat(string(b), 64)
		if err != nil {
			return nil, rejectf("type_mismatch", "not a float: %s", short(b)), ""
		}
		return f, nil, ""
	}
	return nil, mismatch(v), ""
}

func convText(c *Column, v any) (any, *Reject, string) {
	b, ok := asBytes(v)
	if !ok {
		// A SQLite column typed text by its data also holds numbers.
		switch x := v.(type) {
		case int64:
			b = strconv.AppendInt(nil, x, 10)
		case float64:
			b = strconv.AppendFloat(nil, x, 'g', -1, 64)
		default:
			return nil, mismatch(v), ""
		}
	}
	if len(b) > maxFieldBytes {
		return nil, rejectf("too_large", "%d bytes exceed PostgreSQL's 1 GB value limit", len(b)), ""
	}
	if !utf8.Valid(b) {
		return nil, rejectf("invalid_utf8", "invalid UTF-8: %s", short(b)), ""
	}
	if bytes.IndexByte(b, 0) >= 0 {
		if c.NulBytes != "strip" {
			// PHP's serialize() writes NULs around protected and private
			// property names (WordPress options, WooCommerce sessions).
			return nil, rejectf("nul_byte", "NUL byte in text, which PostgreSQL's text cannot hold: %s", short(b)), ""
		}
		b = bytes.ReplaceAll(b, []byte{0}, nil)
	}
	return string(b), nil, latin1Note(c, b)
}

func convEnum(c *Column, v any) (any, *Reject, string) {
	out, rej, note := convText(c, v)
	if rej == nil && out == "" && !slices.Contains(c.Values, "") {
		note = "enum_empty"
	}
	return out, rej, note
}

func convJSON(c *Column, v any) (any, *Reject, string) {
	out, rej, note := convText(c, v)
	if rej != nil {
		return nil, rej, note
	}
	if !jsonValid(out.(string)) {
		return nil, rejectf("invalid_json", "not valid JSON: %s", short([]byte(out.(string)))), ""
	}
	return out, nil, note
}

func convBytes(_ *Column, v any) (any, *Reject, string) {
	b, ok := asBytes(v)
	if !ok {
		return nil, mismatch(v), ""
	}
	if len(b) > maxFieldBytes {
		return nil, rejectf("too_large", "%d bytes exceed PostgreSQL's 1 GB value limit", len(b)), ""
	}
	// Never nil: the SQLite driver reads a zero-length blob as a nil
	// slice, which COPY would write as NULL.
	return append(make([]byte, 0, len(b)), b...), nil, ""
}

func normBytes(v any) string { return string(v.([]byte)) }

func convSet(c *Column, v any) (any, *Reject, string) {
	if b, ok := asBytes(v); ok && len(b) > 0 && b[0] == ',' && slices.Contains(c.Values, "") {
		return setMembers(c, b[1:])
	}
	s, rej, _ := convText(c, v)
	if rej != nil {
		return nil, rej, ""
	}
	if s == "" {
		return []string{}, nil, ""
	}
	return strings.Split(s.(string), ","), nil, "set_value"
}

// setMembers lists the members of a SET value read as its number
// (mysqlSelect), in declaration order as MySQL writes them.
func setMembers(c *Column, num []byte) (any, *Reject, string) {
	n, err := strconv.ParseUint(string(num), 10, 64)
	if err != nil || n>>uint(len(c.Values)) != 0 {
		return nil, rejectf("type_mismatch", "SET value number %q", num), ""
	}
	out := []string{}
	for i, m := range c.Values {
		if n&(1<<uint(i)) != 0 {
			out = append(out, m)
		}
	}
	if len(out) == 0 {
		return out, nil, ""
	}
	return out, nil, "set_value"
}

func normSet(v any) string {
	xs := v.([]string)
	return strconv.Itoa(len(xs)) + "\x1f" + strings.Join(xs, "\x1f")
}

func convBit(c *Column, v any) (any, *Reject, string) {
	b, ok := asBytes(v)
	if !ok {
		return nil, mismatch(v), ""
	}
	n := c.Width
	if n <= 0 || n > 64 || len(b) > 8 {
		return nil, rejectf("type_mismatch", "BIT(%d) value of %d bytes", n, len(b)), ""
	}
	var x uint64
	for _, by := range b {
		x = x<<8 | uint64(by)
	}
	x <<= 64 - uint(n) // PostgreSQL bit strings are left-aligned
	out := make([]byte, (n+7)/8)
	for i := range out {
		out[i] = byte(x >> (56 - 8*uint(i)))
	}
	return pgtype.Bits{Bytes: out, Len: int32(n), Valid: true}, nil, ""
}

func normBits(v any) string {
	b := v.(pgtype.Bits)
	var sb strings.Builder
	for i := int32(0); i < b.Len; i++ {
		if b.Bytes[i/8]&(0x80>>(i%8)) != 0 {
			sb.WriteByte('1')
		} else {
			sb.WriteByte('0')
		}
	}
	return sb.String()
}
