package gateway

import "bytes"

// inFields are the inbound fields the native path reads — the credential,
// the ids, what makes a request not ordinary, the hop-by-hop list and a
// trusted proxy's X-Forwarded-* — found in one pass over the header block
// as it arrived (fasthttp's RawHeaders). fasthttp's Peek copies and
// normalises its key and walks the parsed fields on every call; the path
// asked it eight times per request. Values alias the request's buffer,
// valid until the handler returns. As with Peek, the first of repeated
// fields counts, except traceparent, which is empty when repeated; nil
// means absent.
type inFields struct {
	authz, requestID, traceparent []byte
	xfProto, xfHost               []byte
	conn                          bool // a Connection field: its list names more hop-by-hop fields
	special                       bool // Upgrade, Expect, Te or Transfer-Encoding: not ordinary
}

// scan fills f from raw, a header block as fasthttp received and checked
// it (one field per line, keys of token characters, CRLF or LF line ends).
// It returns false for a block with folded lines (obs-fold), which only
// the slow path reads as fasthttp does.
func (f *inFields) scan(raw []byte) bool {
	for len(raw) > 0 {
		line := raw
		if nl := bytes.IndexByte(raw, '\n'); nl >= 0 {
			line, raw = raw[:nl], raw[nl+1:]
			if len(raw) > 0 && (raw[0] == ' ' || raw[0] == '\t') {
				return false
			}
		} else {
			raw = nil
		}
		f.note(line)
	}
	return true
}

// note records the field on line if the native path reads it. The first
// letter picks the names to try, and a name is tried by the colon after
// it before its letters: most lines cost a comparison or two.
func (f *inFields) note(line []byte) {
	if len(line) < len("te:") {
		return
	}
	switch line[0] | 0x20 {
	case 'a':
		f.authz = firstValue(f.authz, line, "authorization")
	case 'c':
		f.conn = f.conn || isField(line, "connection")
	case 'e':
		f.special = f.special || isField(line, "expect")
	case 'u':
		f.special = f.special || isField(line, "upgrade")
	case 't':
		f.special = f.special || isField(line, "te") || isField(line, "transfer-encoding")
		if isField(line, "traceparent") {
			f.traceparent = onlyValue(f.traceparent, line, "traceparent")
		}
	case 'x':
		f.requestID = firstValue(f.requestID, line, "x-request-id")
		f.xfProto = firstValue(f.xfProto, line, "x-forwarded-proto")
		f.xfHost = firstValue(f.xfHost, line, "x-forwarded-host")
	}
}

// isField reports whether line is a field named name (lowercase).
func isField(line []byte, name string) bool {
	return len(line) > len(name) && line[len(name)] == ':' && foldEq(line[:len(name)], name)
}

// firstValue is line's value, trimmed, if line is a field named name and
// cur (the value found so far) is not set yet; else cur. A value is never
// nil (a slice of the block), so a present empty field counts as seen.
func firstValue(cur, line []byte, name string) []byte {
	if cur == nil && isField(line, name) {
		return trimOWS(line[len(name)+1:])
	}
	return cur
}

// onlyValue is firstValue for a field of which only one may be sent
// (traceparent): the second makes the value empty, which no check takes
// for a valid one (see onlyTraceparent), and it stays so for any later one.
func onlyValue(cur, line []byte, name string) []byte {
	if cur == nil {
		return trimOWS(line[len(name)+1:])
	}
	return line[:0]
}

// foldEq reports whether k equals lower, a lowercase name of letters and
// '-', ignoring case. Setting bit 0x20 lowercases ASCII letters; no other
// token character (RFC 9110 §5.6.2, which fasthttp checked keys against)
// becomes a letter or '-' by it.
func foldEq(k []byte, lower string) bool {
	if len(k) != len(lower) {
		return false
	}
	for i := range len(k) {
		if k[i]|0x20 != lower[i] {
			return false
		}
	}
	return true
}

// trimOWS strips a line's CR and the optional whitespace around a value,
// as fasthttp does for the values it parses.
func trimOWS(v []byte) []byte {
	if n := len(v); n > 0 && v[n-1] == '\r' {
		v = v[:n-1]
	}
	for len(v) > 0 && (v[0] == ' ' || v[0] == '\t') {
		v = v[1:]
	}
	for n := len(v); n > 0 && (v[n-1] == ' ' || v[n-1] == '\t'); n-- {
		v = v[:n-1]
	}
	return v
}
