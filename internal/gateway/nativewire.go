package gateway

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/netip"
	"os"
	"strconv"
	"time"

	"github.com/valyala/fasthttp"
)

// outbound is the request the native path sends upstream: the inbound
// fasthttp header as it arrived (never edited, so that fasthttp's own
// keep-alive decisions about the client connection stay as they were),
// and what the gateway adds to it.
type outbound struct {
	h          *fasthttp.RequestHeader
	body       []byte
	ids        reqIDs // by value: see write
	idempotent bool

	// X-Forwarded-*, as trust.forwarded computes them.
	peer   netip.Addr
	prior  []string // a trusted peer's X-Forwarded-For values
	proto  string
	fwHost []byte
	// conn are the field names listed in the inbound Connection header
	// (hop-by-hop too); nil when there is none.
	conn [][]byte
	// trusted: the peer is in trusted_proxies (see untrustedField).
	trusted bool
}

// forwarded fills the X-Forwarded-* values and the Connection list from
// the inbound header (in, its fields): from a trusted peer its chain is
// extended and its proto and host kept; from anyone else only the
// connection counts.
func (o *outbound) forwarded(fc *fasthttp.RequestCtx, t trust, in *inFields) {
	h := o.h
	o.peer, o.proto, o.fwHost = remoteAddr(fc), "http", h.Host()
	if fc.IsTLS() {
		o.proto = "https"
	}
	if h.ConnectionClose() || in.conn {
		for k, v := range h.AllInOrder() {
			if string(k) == "Connection" {
				for f := range bytes.SplitSeq(v, []byte(",")) {
					if f = bytes.TrimSpace(f); len(f) > 0 && nominable(b2s(f)) {
						o.conn = append(o.conn, f)
					}
				}
			}
		}
	}
	if o.trusted = t.trusted(o.peer); !o.trusted {
		return
	}
	o.prior = headerValues(h, "X-Forwarded-For")
	switch string(in.xfProto) {
	case "http":
		o.proto = "http"
	case "https":
		o.proto = "https"
	}
	if fh := in.xfHost; len(fh) > 0 {
		o.fwHost = fh
	}
}

// skip reports whether the inbound field k is not sent upstream as it
// came: hop-by-hop fields (RFC 9110 §7.6.1, and those named in
// Connection), Forwarded from whoever sent it, and the fields the gateway
// writes itself. k is in fasthttp's canonical form.
func (o *outbound) skip(k []byte) bool {
	switch string(k) {
	case "Host", "Content-Length", "Transfer-Encoding", "Trailer", "Connection", "Proxy-Connection", "Keep-Alive",
		"Proxy-Authenticate", "Proxy-Authorization", "Te", "Upgrade", "Forwarded",
		"X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "X-Request-Id", "Traceparent":
		return true
	case "Tracestate":
		return o.ids.freshTrace
	}
	if !o.trusted && len(k) >= len("X-Real-Ip") && (k[0] == 'X' || k[0] == 'x') && untrustedField(b2s(k)) {
		return true
	}
	for _, f := range o.conn {
		if bytes.EqualFold(k, f) {
			return true
		}
	}
	return false
}

// write writes the request in HTTP/1.1 wire form with Host: host, and
// flushes. Field values are checked as writeRequest checks them.
func (o *outbound) write(w *bufio.Writer, host string) error {
	if !validValue(host) {
		return fmt.Errorf("%w: Host", errBadHeader)
	}
	h := o.h
	w.Write(h.Method())
	w.WriteByte(' ')
	w.Write(h.RequestURI())
	w.WriteString(" HTTP/1.1\r\nHost: ")
	w.WriteString(host)
	w.WriteString("\r\n")
	for k, v := range h.AllInOrder() {
		if o.skip(k) || (len(v) == 0 && string(k) == "User-Agent") { // no User-Agent: send none
			continue
		}
		if !validName(b2s(k)) {
			return fmt.Errorf("%w: %q", errBadHeader, k)
		}
		if !validValue(b2s(v)) {
			return fmt.Errorf("%w: %s", errBadHeader, k)
		}
		w.Write(k)
		w.WriteString(": ")
		w.Write(v)
		w.WriteString("\r\n")
	}
	w.WriteString("X-Forwarded-For: ")
	for _, p := range o.prior {
		w.WriteString(p)
		w.WriteString(", ")
	}
	w.Write(o.peer.AppendTo(w.AvailableBuffer()))
	w.WriteString("\r\nX-Forwarded-Proto: ")
	w.WriteString(o.proto)
	w.WriteString("\r\nX-Forwarded-Host: ")
	w.Write(o.fwHost)
	w.WriteString("\r\nX-Request-Id: ")
	// Copied into w's buffer, not handed to w.Write: bytes given to a
	// bufio.Writer may reach its io.Writer, which would move the outbound
	// (on the handler's stack, ids and all) to the heap on every request.
	w.Write(append(w.AvailableBuffer(), o.ids.id()...))
	w.WriteString("\r\nTraceparent: ")
	w.Write(append(w.AvailableBuffer(), o.ids.tp()...))
	w.WriteString("\r\n")
	if len(o.body) > 0 || methodWantsLength(b2s(h.Method())) {
		w.WriteString("Content-Length: ")
		w.Write(strconv.AppendInt(w.AvailableBuffer(), int64(len(o.body)), 10))
		w.WriteString("\r\n")
	}
	w.WriteString("\r\n")
	w.Write(o.body)
	return w.Flush()
}

// sendNative writes out on a pooled connection to addr and waits for the
// first byte of the answer. A reused connection the upstream had closed
// is replaced by a fresh one under the rules of roundTrip: a request
// without a body may go again when the write failed, an idempotent one
// also when the first read did.
func (t *h1Transport) sendNative(out *outbound, addr, host string, now time.Time, timeout time.Duration) (*h1Conn, error) {
	for {
		c, err := t.get(context.Background(), addr, now)
		if err != nil {
			return nil, err
		}
		err = sendOn(c, out, host, now, timeout)
		if err == nil {
			return c, nil
		}
		c.nc.Close()
		var re retryableError
		if c.reused && errors.As(err, &re) {
			continue
		}
		return nil, timeoutErr(err)
	}
}

func sendOn(c *h1Conn, out *outbound, host string, now time.Time, timeout time.Duration) error {
	c.arm(now, timeout)
	bodyless := len(out.body) == 0
	if err := out.write(c.bw, host); err != nil {
		if bodyless && !errors.Is(err, errBadHeader) && !errors.Is(err, os.ErrDeadlineExceeded) {
			return retryableError{err}
		}
		return err
	}
	if _, err := c.br.Peek(1); err != nil {
		// The request is sent with this first read (upConn): a failure
		// before it was all out is a failed write.
		if bodyless && (out.idempotent || c.up.failedUnsent()) && !errors.Is(err, os.ErrDeadlineExceeded) {
			return retryableError{err}
		}
		return err
	}
	return nil
}

// timeoutErr maps a passed connection deadline to errRouteTimeout.
func timeoutErr(err error) error {
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return errRouteTimeout
	}
	return err
}
