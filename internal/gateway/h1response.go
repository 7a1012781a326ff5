package gateway

import (
	"bufio"
	"bytes"
	"io"
	"net/http"
	"net/textproto"
)

// readResponse reads a response header from br. The common answer — an
// HTTP/1.1 final status with a body of known length, no Connection,
// Transfer-Encoding or Trailer field, every header line already buffered —
// is parsed here from the buffered bytes, with one string for the whole
// header block and one slice array for its values (http.ReadResponse
// spends a dozen allocations and a textproto reader on it). Anything else
// is left unread for http.ReadResponse, which knows every other case.
func readResponse(br *bufio.Reader, req *http.Request) (*http.Response, error) {
	if resp := parseSimple(br, req); resp != nil {
		return resp, nil
	}
	return readParsed(br, req)
}

// readParsed is http.ReadResponse with the answer's field names checked
// (see checkAnswerHeader).
func readParsed(br *bufio.Reader, req *http.Request) (*http.Response, error) {
	resp, err := http.ReadResponse(br, req)
	if err == nil {
		if err = checkAnswerHeader(resp.Header); err != nil {
			resp.Body.Close()
			return nil, err
		}
	}
	return resp, err
}

// readFinal reads answers until a final one (or a 101), at most max1xx
// informational ones before it, which are dropped (103 Early Hints).
func readFinal(br *bufio.Reader, req *http.Request, read func(*bufio.Reader, *http.Request) (*http.Response, error)) (*http.Response, error) {
	for n := 0; ; n++ {
		resp, err := read(br, req)
		if err != nil || resp.StatusCode >= 200 || resp.StatusCode == http.StatusSwitchingProtocols {
			return resp, err
		}
		if n == max1xx {
			return nil, errTooMany1xx
		}
		read = readParsed // a 1xx is never simple
	}
}

const simpleProto = "HTTP/1.1 "

// parseSimple returns the response when it is the simple kind, consuming
// its header from br; otherwise nil, with br untouched.
func parseSimple(br *bufio.Reader, req *http.Request) *http.Response {
	if req.Method == http.MethodHead {
		return nil // a Content-Length without a body
	}
	buf, _ := br.Peek(br.Buffered())
	end := bytes.Index(buf, []byte("\r\n\r\n"))
	if end < 0 || !bytes.HasPrefix(buf, []byte(simpleProto)) {
		return nil
	}
	lines := bytes.Count(buf[:end], []byte("\r\n")) // header lines after the status line
	s := string(buf[:end+2])
	eol := indexCRLF(s)
	code, ok := statusCode(s[:eol])
	if !ok {
		return nil
	}
	h := make(http.Header, lines)
	vals := make([]string, lines)
	length := int64(-1)
	for i, rest := 0, s[eol+2:]; rest != ""; i++ {
		eol = indexCRLF(rest)
		k, v, ok := headerLine(rest[:eol])
		rest = rest[eol+2:]
		if !ok {
			return nil
		}
		switch k {
		case "Connection", "Transfer-Encoding", "Trailer":
			return nil
		case "Content-Length":
			if length >= 0 {
				return nil // duplicates: let net/http judge them
			}
			if length = parseLength(v); length < 0 {
				return nil
			}
		}
		vals[i] = v
		if old, dup := h[k]; dup {
			h[k] = append(old, v)
		} else {
			h[k] = vals[i : i+1 : i+1]
		}
	}
	if length < 0 {
		return nil
	}
	_, _ = br.Discard(end + 4)
	resp := &http.Response{
		Status: s[len(simpleProto):indexCRLF(s)], StatusCode: code,
		Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: h, ContentLength: length, Request: req, Body: http.NoBody,
	}
	if length > 0 {
		resp.Body = &fixedBody{r: br, n: length}
	}
	return resp
}

func indexCRLF(s string) int {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '\r' && s[i+1] == '\n' {
			return i
		}
	}
	return len(s)
}

// statusCode parses "HTTP/1.1 200 OK" (a reason phrase, possibly empty,
// after the space is required). Codes without a body of their own length
// (1xx, 204, 304) are not simple.
func statusCode(line string) (int, bool) {
	if len(line) < len(simpleProto)+4 || line[len(simpleProto)+3] != ' ' {
		return 0, false
	}
	code := 0
	for _, c := range []byte(line[len(simpleProto) : len(simpleProto)+3]) {
		if c < '0' || c > '9' {
			return 0, false
		}
		code = code*10 + int(c-'0')
	}
	if code < 200 || code > 599 || code == http.StatusNoContent || code == http.StatusNotModified {
		return 0, false
	}
	return code, validValue(line)
}

// headerLine splits "Name: value" into the canonical name and the value
// without surrounding blanks. Folded lines, names that are not tokens and
// values with control characters are not simple.
func headerLine(line string) (string, string, bool) {
	k, v, ok := splitHeaderLine(line)
	if !ok {
		return "", "", false
	}
	return textproto.CanonicalMIMEHeaderKey(k), v, true
}

// splitHeaderLine is headerLine without canonicalizing the name.
func splitHeaderLine(line string) (string, string, bool) {
	colon := -1
	for i := 0; i < len(line); i++ {
		if line[i] == ':' {
			colon = i
			break
		}
		if !isTokenChar(line[i]) {
			return "", "", false
		}
	}
	if colon <= 0 {
		return "", "", false
	}
	v := line[colon+1:]
	for v != "" && (v[0] == ' ' || v[0] == '\t') {
		v = v[1:]
	}
	for v != "" && (v[len(v)-1] == ' ' || v[len(v)-1] == '\t') {
		v = v[:len(v)-1]
	}
	if !validValue(v) {
		return "", "", false
	}
	return line[:colon], v, true
}

func isTokenChar(c byte) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		return true
	}
	switch c {
	case '!', '#', '$', '%', '&', '\'', '*', '+', '-', '.', '^', '_', '`', '|', '~':
		return true
	}
	return false
}

// parseLength parses a Content-Length value (digits only); -1 when invalid.
func parseLength(v string) int64 {
	if v == "" || len(v) > 18 {
		return -1
	}
	var n int64
	for i := 0; i < len(v); i++ {
		if v[i] < '0' || v[i] > '9' {
			return -1
		}
		n = n*10 + int64(v[i]-'0')
	}
	return n
}

// fixedBody is a body of known length read from the connection's buffer.
// It reports io.EOF with the last bytes, which saves the caller a read,
// and io.ErrUnexpectedEOF when the upstream closes early.
type fixedBody struct {
	r *bufio.Reader
	n int64
}

func (b *fixedBody) Read(p []byte) (int, error) {
	if b.n <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > b.n {
		p = p[:b.n]
	}
	n, err := b.r.Read(p)
	b.n -= int64(n)
	if b.n <= 0 {
		return n, io.EOF
	}
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	return n, err
}

// Close does nothing: h1Body decides the connection's fate.
func (b *fixedBody) Close() error { return nil }
