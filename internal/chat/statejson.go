package chat

import (
	"bytes"
	"encoding/json"
	"strconv"
	"unicode/utf8"

	"github.com/parleyhq/parley/internal/converse"
)

// Every turn stores its next state and its reply's citations as JSON.
// encoding/json's reflection walk for these two small values was ~7k
// instructions a turn; they are appended here instead, byte for byte what
// json.Marshal gives (TestStateJSONIsMarshal, which also fails when State,
// Window or Citation gains a field). Their strings are engine names
// ("education", a technology); one that JSON would escape sends the whole
// value through json.Marshal, so no escaping is written here.

// marshalState is json.Marshal(st).
func marshalState(st converse.State) ([]byte, error) {
	var buf [256]byte // on the stack: the one allocation is the result, at its size
	if b, ok := appendState(buf[:0], st); ok {
		return bytes.Clone(b), nil
	}
	return json.Marshal(st)
}

// marshalCitations is json.Marshal(cs).
func marshalCitations(cs []converse.Citation) ([]byte, error) {
	if cs == nil {
		return []byte("null"), nil
	}
	var buf [256]byte
	if b, ok := appendCitations(buf[:0], cs); ok {
		return bytes.Clone(b), nil
	}
	return json.Marshal(cs)
}

func appendState(b []byte, st converse.State) ([]byte, bool) {
	ok := true
	b = append(b, '{')
	if st.Turn != 0 {
		b = strconv.AppendInt(appendMember(b, "turn"), int64(st.Turn), 10)
	}
	if st.Intent != "" {
		b, ok = appendPlainString(appendMember(b, "intent"), st.Intent, ok)
	}
	if st.Section != "" {
		b, ok = appendPlainString(appendMember(b, "section"), st.Section, ok)
	}
	if len(st.Focus) > 0 {
		b = appendInts(appendMember(b, "focus"), st.Focus)
	}
	if st.Tech != "" {
		b, ok = appendPlainString(appendMember(b, "tech"), st.Tech, ok)
	}
	if st.Mode != 0 {
		b = strconv.AppendUint(appendMember(b, "mode"), uint64(st.Mode), 10)
	}
	if st.Window != nil {
		b = appendWindow(appendMember(b, "window"), *st.Window)
	}
	if len(st.List) > 0 {
		b = appendInts(appendMember(b, "list"), st.List)
	}
	if st.ListSection != "" {
		b, ok = appendPlainString(appendMember(b, "list_section"), st.ListSection, ok)
	}
	if st.Said != 0 {
		b = strconv.AppendUint(appendMember(b, "said"), uint64(st.Said), 10)
	}
	return append(b, '}'), ok
}

// appendMember appends an object member's name, after a comma unless it
// is the first (the object's '{' is the last byte: no value ends in one).
func appendMember(b []byte, name string) []byte {
	if b[len(b)-1] != '{' {
		b = append(b, ',')
	}
	b = append(b, '"')
	b = append(b, name...)
	return append(b, '"', ':')
}

func appendWindow(b []byte, w converse.Window) []byte {
	b = append(b, '{')
	sep := ""
	if w.From != 0 {
		b = append(b, `"from":`...)
		b = strconv.AppendInt(b, int64(w.From), 10)
		sep = ","
	}
	if w.To != 0 {
		b = append(b, sep+`"to":`...)
		b = strconv.AppendInt(b, int64(w.To), 10)
		sep = ","
	}
	if w.Current {
		b = append(b, sep+`"current":true`...)
	}
	return append(b, '}')
}

func appendInts(b []byte, v []int) []byte {
	b = append(b, '[')
	for i, n := range v {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(n), 10)
	}
	return append(b, ']')
}

func appendCitations(b []byte, cs []converse.Citation) ([]byte, bool) {
	ok := true
	b = append(b, '[')
	for i, c := range cs {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"section":`...)
		b, ok = appendPlainString(b, c.Section, ok)
		b = append(b, `,"index":`...)
		b = strconv.AppendInt(b, int64(c.Index), 10)
		if c.Field != "" {
			b = append(b, `,"field":`...)
			b, ok = appendPlainString(b, c.Field, ok)
		}
		b = append(b, '}')
	}
	return append(b, ']'), ok
}

// appendPlainString appends s quoted, and ok unless s holds a byte that
// JSON escapes (or that encoding/json replaces or escapes: control
// characters, ", \, <, >, &, anything past ASCII).
func appendPlainString(b []byte, s string, ok bool) ([]byte, bool) {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= utf8.RuneSelf || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			ok = false
			break
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"'), ok
}
