package dbcopy

import (
	"bytes"
	"encoding/json"
	"math/big"
	"strconv"
	"strings"
)

// convJSONB checks a JSON text for a jsonb column. jsonb cannot hold the
// escaped NUL character (\u0000), so such values are rejected, not changed.
func convJSONB(c *Column, v any) (any, *Reject, string) {
	out, rej, note := convJSON(c, v)
	if rej != nil {
		return nil, rej, note
	}
	if s := out.(string); strings.Contains(s, `\u0000`) {
		return nil, rejectf("nul_byte", "jsonb cannot hold \\u0000: %s", short([]byte(s))), ""
	}
	return out, nil, note
}

// normJSON renders a JSON text canonically, so a source text and what
// jsonb gives back (keys reordered, whitespace and number forms changed)
// compare equal when they mean the same: object keys sorted (the last of
// duplicate keys wins, as in jsonb), no insignificant whitespace, numbers
// by exact value.
func normJSON(v any) string {
	s, _ := v.(string)
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var x any
	if err := dec.Decode(&x); err != nil {
		return "invalid:" + s
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(canonJSON(x)); err != nil {
		return "invalid:" + s
	}
	return strings.TrimSuffix(buf.String(), "\n")
}

// canonJSON rewrites numbers as exact rationals; encoding/json sorts keys.
func canonJSON(x any) any {
	switch t := x.(type) {
	case map[string]any:
		for k, v := range t {
			t[k] = canonJSON(v)
		}
	case []any:
		for i, v := range t {
			t[i] = canonJSON(v)
		}
	case json.Number:
		return json.Number(canonNumber(string(t)))
	}
	return x
}

// canonNumber renders a JSON number literal as [-]DIGITSeEXP with no
// trailing zeros in DIGITS: 100, 1e2 and 100.0 all become 1e2.
func canonNumber(s string) string {
	mant, exp := s, int64(0)
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		e, ok := new(big.Int).SetString(strings.TrimPrefix(s[i+1:], "+"), 10)
		if !ok || !e.IsInt64() {
			return s
		}
		mant, exp = s[:i], e.Int64()
	}
	if i := strings.IndexByte(mant, '.'); i >= 0 {
		exp -= int64(len(mant) - i - 1)
		mant = mant[:i] + mant[i+1:]
	}
	n, ok := new(big.Int).SetString(mant, 10)
	if !ok {
		return s
	}
	if n.Sign() == 0 {
		return "0"
	}
	digits := n.String()
	for strings.HasSuffix(digits, "0") {
		digits = digits[:len(digits)-1]
		exp++
	}
	return digits + "e" + strconv.FormatInt(exp, 10)
}
