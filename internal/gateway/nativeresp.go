package gateway

import (
	"bufio"
	"bytes"
	"errors"
	"net/http"
	"strings"
	"time"
	"unsafe"

	"github.com/valyala/fasthttp"
)

// nativeExchange is one attempt's answer on the native path: its
// connection and target, and its header — still in the connection's
// buffer when simple, else parsed by net/http — until respond copies it
// into fasthttp's response or discard drops it for a retry.
type nativeExchange struct {
	h1     *h1Transport
	c      *h1Conn
	t      *target
	status int
	simple bool
	hlen   int   // simple: the header block's length, final CRLF CRLF included
	length int64 // simple: the body's length
	resp   *http.Response
	at     time.Time // when the header arrived
	// simple: the fields respond copies (the dropped ones left out), as
	// offsets into the header block, found while it was checked so that
	// it is not split twice; nf is -1 when there were more than fit.
	fields [16]fieldSpan
	nf     int
	stream bool // simple: Content-Type is text/event-stream
}

// fieldSpan is one field of a simple answer: name and value as offsets
// into its header block (at most the connection's 16 KB read buffer).
type fieldSpan struct{ ks, ke, vs, ve uint16 }

// readRequest stands in for the request when net/http's parser reads an
// answer: it looks at the method only (HEAD and CONNECT, which never take
// the native path, read differently), and never writes to it.
var readRequest = &http.Request{Method: http.MethodGet}

// readHead reads the answer's header from c.
func (ex *nativeExchange) readHead(c *h1Conn) error {
	ex.c, ex.resp, ex.simple = c, nil, false
	if code, hlen, length, ok := ex.parseHeadFH(c.br); ok {
		ex.status, ex.hlen, ex.length, ex.simple = code, hlen, length, true
		return nil
	}
	resp, err := readFinal(c.br, readRequest, readParsed)
	if err != nil {
		return err
	}
	if resp.StatusCode == http.StatusSwitchingProtocols {
		return errors.New("upstream switched protocols on a request that did not ask to")
	}
	ex.status, ex.resp = resp.StatusCode, resp
	return nil
}

// parseHeadFH reports whether the buffered answer is simple (parseSimple's
// kind: HTTP/1.1, a final status with a body of its own length, one valid
// Content-Length, no Connection, Transfer-Encoding or Trailer, the whole
// header block buffered), with its status, header length and body length.
// Nothing is consumed or allocated. The fields to copy are noted in ex.
func (ex *nativeExchange) parseHeadFH(br *bufio.Reader) (code, hlen int, length int64, ok bool) {
	buf, _ := br.Peek(br.Buffered())
	end := bytes.Index(buf, []byte("\r\n\r\n"))
	if end < 0 || !bytes.HasPrefix(buf, []byte(simpleProto)) {
		return 0, 0, 0, false
	}
	s := b2s(buf[:end+2])
	eol := indexCRLF(s)
	if code, ok = statusCode(s[:eol]); !ok {
		return 0, 0, 0, false
	}
	length = -1
	ex.nf, ex.stream = 0, false
	for rest := s[eol+2:]; rest != ""; {
		eol = indexCRLF(rest)
		k, v, ok := splitHeaderLine(rest[:eol])
		ks := len(s) - len(rest) // k starts the line
		rest = rest[eol+2:]
		if !ok {
			return 0, 0, 0, false
		}
		ex.note(s, ks, k, v)
		switch {
		case len(k) < len("Trailer") || len(k) > len("Transfer-Encoding"):
			// none of the fields below (a cheap test first: every field of
			// every answer comes here)
		case strings.EqualFold(k, "Connection"), strings.EqualFold(k, "Transfer-Encoding"), strings.EqualFold(k, "Trailer"):
			return 0, 0, 0, false
		case strings.EqualFold(k, "Content-Length"):
			if length >= 0 {
				return 0, 0, 0, false // duplicates: let net/http judge them
			}
			if length = parseLength(v); length < 0 {
				return 0, 0, 0, false
			}
		}
	}
	if length < 0 {
		return 0, 0, 0, false
	}
	return code, end + 4, length, true
}

// note records the field k: v (k at offset ks of the header block s) for
// respond, unless it is dropped.
func (ex *nativeExchange) note(s string, ks int, k, v string) {
	if dropped(k) || ex.nf < 0 {
		return
	}
	if len(k) == len("Content-Type") && strings.EqualFold(k, "Content-Type") && isEventStream([]string{v}) {
		ex.stream = true
	}
	if ex.nf == len(ex.fields) {
		ex.nf = -1 // respond splits the block again
		return
	}
	vs := ks
	if v != "" {
		vs = int(uintptr(unsafe.Pointer(unsafe.StringData(v))) - uintptr(unsafe.Pointer(unsafe.StringData(s))))
	}
	ex.fields[ex.nf] = fieldSpan{ks: uint16(ks), ke: uint16(ks + len(k)), vs: uint16(vs), ve: uint16(vs + len(v))}
	ex.nf++
}

// dropped reports whether an answer's field k (of a simple answer: no
// Connection, Transfer-Encoding or Trailer) stays behind: the remaining
// hop-by-hop fields, the framing (fasthttp's own) and the request id (the
// gateway's).
func dropped(k string) bool {
	// By length first: most fields (Content-Type, Date) compare with
	// nothing, and this runs for every field of every answer.
	var d string
	switch len(k) {
	case len("Te"):
		d = "Te"
	case len("Upgrade"):
		d = "Upgrade"
	case len("Keep-Alive"):
		d = "Keep-Alive"
	case len("X-Request-Id"):
		d = "X-Request-Id"
	case len("Content-Length"):
		d = "Content-Length"
	case len("Proxy-Connection"):
		d = "Proxy-Connection"
	case len("Proxy-Authenticate"):
		d = "Proxy-Authenticate"
	case len("Proxy-Authorization"):
		d = "Proxy-Authorization"
	default:
		return false
	}
	return strings.EqualFold(k, d)
}

// respond copies the final answer into fc's response: the header now, the
// body now when it is buffered already, else as a body stream fasthttp
// copies after the handler returns (chunk by chunk, flushed, for event
// streams and bodies of unknown length). The connection goes back to the
// pool once the body has been read to its end.
func (ex *nativeExchange) respond(fc *fasthttp.RequestCtx, id []byte) {
	if !ex.simple {
		ex.respondParsed(fc, id)
		return
	}
	c := ex.c
	buf, _ := c.br.Peek(ex.hlen)
	rh := &fc.Response.Header
	stream := ex.stream
	if ex.nf >= 0 {
		for _, f := range ex.fields[:ex.nf] {
			rh.AddBytesKV(buf[f.ks:f.ke], buf[f.vs:f.ve]) // copies
		}
	} else {
		s := b2s(buf[:ex.hlen-2])
		for rest := s[indexCRLF(s)+2:]; rest != ""; {
			eol := indexCRLF(rest)
			k, v, _ := splitHeaderLine(rest[:eol])
			rest = rest[eol+2:]
			if !dropped(k) {
				rh.AddBytesKV(s2b(k), s2b(v)) // copies
			}
		}
	}
	rh.SetCanonical(keyRequestID, id)
	fc.SetStatusCode(ex.status)
	_, _ = c.br.Discard(ex.hlen)
	n := ex.length
	switch {
	case n == 0:
		ex.finish(true)
	case !stream && n <= int64(c.br.Buffered()):
		p, _ := c.br.Peek(int(n))
		fc.Response.SetBody(p)
		_, _ = c.br.Discard(int(n))
		ex.finish(true)
	default:
		c.disarm() // the body may take as long as it takes
		body := &trackedBody{ReadCloser: &h1Body{rc: &fixedBody{r: c.br, n: n}, t: ex.h1, c: c, stop: noStop, keep: true}, t: ex.t}
		size := int(n)
		if stream {
			size = -1
			fc.Response.ImmediateHeaderFlush = true // headers before the first event, however late
		}
		fc.Response.SetBodyStream(body, size)
	}
}

// respondParsed is respond for an answer net/http's parser read.
func (ex *nativeExchange) respondParsed(fc *fasthttp.RequestCtx, id []byte) {
	resp, c := ex.resp, ex.c
	keep := !resp.Close // the upstream's call alone, as on the HTTP/1.1 path
	if resp.Body != http.NoBody && (resp.ContentLength < 0 || int64(c.br.Buffered()) < resp.ContentLength) {
		c.disarm()
	}
	if resp.Body == http.NoBody {
		ex.finish(keep)
	} else {
		resp.Body = &trackedBody{ReadCloser: &h1Body{rc: resp.Body, t: ex.h1, c: c, stop: noStop, keep: keep}, t: ex.t}
	}
	removeHopByHop(resp.Header)
	rh := &fc.Response.Header
	copyAnswerHeader(rh, resp.Header)
	rh.SetCanonical(keyRequestID, id)
	fc.SetStatusCode(resp.StatusCode)
	setBodyFH(fc, resp)
}

// setBodyFH hands resp's body to fasthttp: through its write buffer when
// the length is known, chunk by chunk with a flush each when it is not or
// the answer is an event stream.
func setBodyFH(fc *fasthttp.RequestCtx, resp *http.Response) {
	switch {
	case resp.ContentLength == 0 || resp.Body == http.NoBody:
		resp.Body.Close()
	case resp.ContentLength == -1 || isEventStream(resp.Header["Content-Type"]):
		fc.Response.SetBodyStream(resp.Body, -1)
		fc.Response.ImmediateHeaderFlush = true // headers before the first event, however late
	default:
		fc.Response.SetBodyStream(resp.Body, int(resp.ContentLength))
	}
}

// discard drops an answer that is to be retried: a simple one whose body
// is buffered leaves its connection reusable; otherwise the connection is
// closed (draining an unknown rest is not worth it).
func (ex *nativeExchange) discard() {
	c := ex.c
	if ex.simple && int64(ex.hlen)+ex.length <= int64(c.br.Buffered()) {
		_, _ = c.br.Discard(ex.hlen + int(ex.length))
		ex.finish(true)
		return
	}
	c.nc.Close() // first, so that closing a net/http body cannot block on draining it
	if ex.resp != nil {
		_ = ex.resp.Body.Close()
	}
	ex.t.outstanding.Add(-1)
}

// finish ends an exchange whose body is consumed: the connection back to
// the pool (or closed, see done), the target's outstanding count down.
func (ex *nativeExchange) finish(keep bool) {
	ex.h1.doneAt(ex.c, noStop, keep, ex.at) // the body came with the header, or at most a read later
	ex.t.outstanding.Add(-1)
}

// noStop is h1Body's stop for the native path, which arms no cancellation
// hook (fasthttp gives no context to cancel).
func noStop() bool { return true }

func s2b(s string) []byte {
	if s == "" {
		return nil
	}
	return unsafe.Slice(unsafe.StringData(s), len(s))
}

// copyAnswerHeader copies an upstream answer's header (hop-by-hop fields
// already removed) into fasthttp's response, leaving out the framing,
// which is fasthttp's, and the request id, which is the gateway's.
func copyAnswerHeader(rh *fasthttp.ResponseHeader, h http.Header) {
	for k, vs := range h {
		switch k {
		case "Content-Length", "X-Request-Id":
			continue
		}
		for _, v := range vs {
			rh.Add(k, v)
		}
	}
}
