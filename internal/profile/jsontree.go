package profile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/parleyhq/parley/internal/apperr"
)

// parseTree decodes data into the generic JSON tree (map[string]any, []any,
// string, json.Number, bool, nil), reporting syntax errors and invalid UTF-8
// as apperr.Malformed with a line and column. Duplicate object keys are not
// syntax errors in JSON, so they are collected into probs instead: the
// standard decoder would silently keep the last one, and a résumé whose two
// "name" keys disagree has no meaning we could pick. Two that agree are
// noted in ns and read once (unless strict).
func parseTree(data []byte, probs *problems, ns *notes, strict bool) (any, error) {
	if i := invalidUTF8(data); i >= 0 {
		line, col := lineCol(data, i)
		return nil, apperr.New(apperr.Malformed,
			"invalid UTF-8 at line %d, column %d: the document must be UTF-8 text", line, col)
	}
	// The scanner behind Unmarshal checks the whole input (trailing data
	// included) and says where it stopped; Decoder.Token alone would not.
	if err := json.Unmarshal(data, new(json.RawMessage)); err != nil {
		return nil, syntaxError(data, err)
	}
	if i := UnpairedSurrogate(data); i >= 0 {
		line, col := lineCol(data, i)
		return nil, apperr.New(apperr.Malformed,
			"unpaired UTF-16 surrogate escape at line %d, column %d: it names no character", line, col)
	}
	p := treeParser{dec: json.NewDecoder(bytes.NewReader(data)), probs: probs, notes: ns, strict: strict}
	p.dec.UseNumber()
	v, err := p.value()
	if err != nil {
		// Unreachable after the validity check above; kept so that a decoder
		// change shows up as an error, never as a panic.
		return nil, apperr.Wrap(apperr.Malformed, err, "invalid JSON: %v", err)
	}
	return v, nil
}

// invalidUTF8 returns the byte offset of the first invalid UTF-8 sequence, or -1.
func invalidUTF8(data []byte) int {
	if utf8.Valid(data) {
		return -1
	}
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

func syntaxError(data []byte, err error) error {
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return apperr.Wrap(apperr.Malformed, err, "invalid JSON: %v", err)
	}
	// Offset counts the bytes read when the error was seen, so the culprit
	// is the byte before it (or the end of the input).
	at := int(se.Offset) - 1
	if at < 0 {
		at = 0
	}
	line, col := lineCol(data, at)
	return apperr.Wrap(apperr.Malformed, err, "invalid JSON at line %d, column %d: %s", line, col, se.Error())
}

// lineCol turns a byte offset into a 1-based line and a 1-based column
// counted in characters, as editors show them.
func lineCol(data []byte, off int) (line, col int) {
	off = min(off, len(data))
	before := data[:off]
	line = 1 + bytes.Count(before, []byte{'\n'})
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}

// treeParser builds the tree token by token so that it sees every key.
type treeParser struct {
	dec    *json.Decoder
	probs  *problems
	notes  *notes    // a repeated key with the same value is a note, not a problem
	strict bool      // ... except in strict mode
	path   []segment // where the parser is, rendered only for a problem
}

func (p *treeParser) value() (any, error) {
	tok, err := p.dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		if t == '{' {
			return p.object()
		}
		return p.array()
	case string:
		if strings.IndexByte(t, 0) >= 0 {
			// Valid JSON, but PostgreSQL cannot store U+0000 in text or
			// jsonb: refused here, as invalid content, on every store.
			p.probs.add(renderPath(p.path), "contains a NUL character (\\u0000)")
		}
		return t, nil
	default:
		return t, nil
	}
}

func (p *treeParser) object() (any, error) {
	obj := make(map[string]any)
	for p.dec.More() {
		tok, err := p.dec.Token()
		if err != nil {
			return nil, err
		}
		key, ok := tok.(string)
		if !ok {
			return nil, fmt.Errorf("object key is %T", tok)
		}
		if strings.IndexByte(key, 0) >= 0 {
			p.probs.add(renderPath(p.path), "key %q contains a NUL character (\\u0000)", key)
		}
		p.path = append(p.path, segment{key: key})
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		if first, dup := obj[key]; dup {
			switch {
			case !sameDuplicate(first, v):
				p.probs.add(renderPath(p.path), "duplicate key %q", key)
			case p.strict:
				p.probs.add(renderPath(p.path), "duplicate key %q with the same value, but strict mode accepts only JSON Resume v1.0.0 as written", key)
			default:
				p.notes.add(renderPath(p.path), "duplicate key %q with the same value; read once", key)
			}
		}
		p.path = p.path[:len(p.path)-1]
		obj[key] = v
	}
	_, err := p.dec.Token() // '}'
	return obj, err
}

func (p *treeParser) array() (any, error) {
	arr := make([]any, 0, 4)
	for p.dec.More() {
		p.path = append(p.path, segment{index: len(arr), isIndex: true})
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		p.path = p.path[:len(p.path)-1]
		arr = append(arr, v)
	}
	_, err := p.dec.Token() // ']'
	return arr, err
}

// segment is one step of a JSON path: an object key or an array index.
type segment struct {
	key     string
	index   int
	isIndex bool
}

// renderPath writes a path the way JavaScript would address the value
// (work[2].startDate), quoting keys that are not identifiers (["a b"]).
func renderPath(path []segment) string {
	var b []byte
	for _, s := range path {
		switch {
		case s.isIndex:
			b = append(b, '[')
			b = strconv.AppendInt(b, int64(s.index), 10)
			b = append(b, ']')
		case isIdentifier(s.key):
			if len(b) > 0 {
				b = append(b, '.')
			}
			b = append(b, s.key...)
		default:
			b = append(b, '[')
			b = strconv.AppendQuote(b, s.key)
			b = append(b, ']')
		}
	}
	return string(b)
}

func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		letter := r == '_' || r == '$' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
		if !letter && (i == 0 || r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// jsonType names the JSON type of a tree value for messages.
func jsonType(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case nil:
		return "null"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	default:
		return fmt.Sprintf("%T", v)
	}
}

// encodeCanonical writes v as compact JSON with object keys sorted (the
// encoder sorts map keys) and numbers kept as written, without HTML
// escaping so that the stored text stays readable and no larger than needed.
func encodeCanonical(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte{'\n'}), nil
}
