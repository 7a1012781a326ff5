package gateway

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
	"unsafe"

	"github.com/valyala/fasthttp"
)

// The fasthttp front end. Per request, net/http's server clones the
// response header map at WriteHeader, runs a background read goroutine,
// resets connection deadlines and arms a context AfterFunc; on the
// benchmark's 1 KB answers that was the larger part of the gateway's CPU.
// fasthttp serves the listener instead. Ordinary requests (see ordinaryFH)
// are handed to the same routing, edge checks, transport and problem
// writers as the net/http front end, with a lean http.Request built from
// fasthttp's and a writer into fasthttp's response. Everything else —
// WebSocket upgrades, chunked uploads, Expect, TE: trailers, HEAD,
// absolute-form or percent-encoded targets — goes through fasthttpadaptor
// to Gateway.ServeHTTP unchanged, which streams, hijacks and forwards
// trailers as on net/http.

// headerReceived gives a request with a body 10 minutes for it (fasthttp's
// HeaderReceived). One whose declared length is over max_request_body is
// made to expect 100-continue: expect then refuses it with 413 before
// fasthttp reads ahead into the body (which it does for up to 8 KiB of a
// streamed body before the handler runs, waiting for a client that is
// waiting for the answer).
func (g *Gateway) headerReceived(h *fasthttp.RequestHeader) fasthttp.RequestConfig {
	if cl := h.ContentLength(); cl > 0 || cl == -1 {
		if int64(cl) > g.state.Load().cfg.MaxRequestBody {
			h.Set("Expect", "100-continue")
		}
		return fasthttp.RequestConfig{ReadTimeout: 10 * time.Minute}
	}
	return fasthttp.RequestConfig{}
}

// FrontEnd values for Options.FrontEnd.
const (
	FrontEndFastHTTP = "fasthttp"
	FrontEndNetHTTP  = "net/http"
)

// NewFastServer returns the fasthttp front end's server for g; Serve uses
// it unless told otherwise, and tests serve it on listeners of their own
// (with ServeFast, so that refused requests get their answer).
func (g *Gateway) NewFastServer(logger *slog.Logger) *fasthttp.Server {
	slow := g.newSlowHandler()
	return &fasthttp.Server{
		Handler: func(fc *fasthttp.RequestCtx) { g.serveFast(fc, slow) },
		// 10 s from a request's first byte to its header's end, as
		// net/http's ReadHeaderTimeout was; a body gets 10 minutes.
		ReadTimeout:    10 * time.Second,
		HeaderReceived: g.headerReceived,
		IdleTimeout:    120 * time.Second,
		// Bodies are streamed (see body.go): the handler runs once the
		// header is in, and MaxRequestBodySize is then no limit (that is
		// max_request_body, checked by the handler) but the size up to
		// which a declared body is read ahead, at most 8 KiB of it.
		StreamRequestBody:             true,
		MaxRequestBodySize:            h1MaxBody,
		ExpectHandler:                 g.expect,
		ReadBufferSize:                16 << 10, // the largest request header block
		WriteBufferSize:               16 << 10,
		NoDefaultServerHeader:         true,
		NoDefaultContentType:          true,
		DisablePreParseMultipartForm:  true,
		DisableHeaderNamesNormalizing: false, // keys as net/http canonicalizes them
		CloseOnShutdown:               true,
		ErrorHandler:                  fastRequestError,
		Logger:                        fhLogger{logger.Handler()},
	}
}

// serveFast is the fasthttp front end's handler: an ordinary request on
// the native path, anything else to slow (Gateway.ServeHTTP through the
// adaptor).
func (g *Gateway) serveFast(fc *fasthttp.RequestCtx, slow fasthttp.RequestHandler) {
	if !fc.Request.Header.IsHTTP11() && !httpVersionOK(fc) {
		return
	}
	var in inFields
	if !in.scan(fc.Request.Header.RawHeaders()) || !ordinaryFH(fc, &in) {
		g.serveSlowFH(fc, slow)
		return
	}
	g.serveNative(fc, &in)
}

// httpVersionOK answers a request whose request line names a version the
// gateway does not speak, as nginx and net/http's server answer it, and
// reports whether fc is to be served. fasthttp takes any "HTTP/d.d" and
// reads every one but 1.1 by HTTP/1.0's rules, so that "HTTP/2.0" was
// proxied as an HTTP/1 request: a major version above 1 is 505 (RFC 9110
// §15.6.6), HTTP/0.x, which has no version in its request line, is 400.
// HTTP/1.2 to 1.9 pass (RFC 9110 §2.5: a higher minor version is read as
// the highest one the recipient implements; fasthttp reads them as 1.0).
func httpVersionOK(fc *fasthttp.RequestCtx) bool {
	p := fc.Request.Header.Protocol() // "HTTP/d.d": fasthttp refused anything else with 400
	if len(p) != len("HTTP/1.1") || p[5] == '1' {
		return true
	}
	status, detail := http.StatusHTTPVersionNotSupported, "the gateway speaks HTTP/1.0 and HTTP/1.1 on this port"
	if p[5] == '0' {
		status, detail = http.StatusBadRequest, "the request line names an HTTP version before HTTP/1.0"
	}
	writeProblemFH(fc, problem{Status: status, Detail: detail})
	fc.SetConnectionClose()
	lingerOnClose(fc.Conn()) // a body may be on its way: the client is to read the answer, not a reset
	return false
}

// ordinaryFH: may fc skip net/http's semantics? An origin-form target
// without percent escapes (so that the routed path is the path as sent),
// no protocol switch, 100-continue or trailers, a body of known length the
// HTTP/1.1 fast path sends, and a method whose response has a body to
// frame (HEAD's Content-Length must pass through untouched). in are fc's
// fields (see inFields).
func ordinaryFH(fc *fasthttp.RequestCtx, in *inFields) bool {
	h := &fc.Request.Header
	uri := h.RequestURI()
	if len(uri) == 0 || uri[0] != '/' || bytes.IndexByte(uri, '%') >= 0 || bytes.IndexByte(uri, '#') >= 0 {
		return false
	}
	if cl := h.ContentLength(); h.IsHead() || h.IsConnect() || cl == -1 || cl > h1MaxBody {
		return false
	}
	return !in.special
}

// serveOrdinaryFH is ServeHTTP for an ordinary request on fasthttp.
func (g *Gateway) serveOrdinaryFH(fc *fasthttp.RequestCtx) {
	st := fhStates.Get().(*fhState)
	r := st.request(fc)
	st.w = fhWriter{fc: fc, h: st.w.h}
	clear(st.w.h)
	g.handle(&st.w, r, &st.w, nil)
	// Nothing holds r or the writer now: the transport has sent the
	// request, and a body fasthttp copies later reads only the upstream.
	st.w.fc = nil
	fhStates.Put(st)
}

// fhState is the per-request memory of the fasthttp path, pooled: the
// request, its URL and header map, and backing for header values.
type fhState struct {
	r    http.Request
	u    url.URL
	w    fhWriter
	vals [32]string
}

var fhStates = sync.Pool{New: func() any {
	return &fhState{r: http.Request{Header: make(http.Header, 16)}, w: fhWriter{h: make(http.Header, 4)}}
}}

// request fills st.r from fc. Header values, the target and the host
// are not copied but alias fasthttp's buffers, valid until the handler
// returns: the transport writes the request before that, and what
// outlives it (the token cache's key) is copied where it is kept. The
// context is Background: fasthttp does not report a client that went
// away, and a RequestCtx as context would cost a goroutine in every
// context.AfterFunc.
func (st *fhState) request(fc *fasthttp.RequestCtx) *http.Request {
	h := &fc.Request.Header
	uri := b2s(h.RequestURI())
	path, query := uri, ""
	if i := strings.IndexByte(uri, '?'); i >= 0 {
		path, query = uri[:i], uri[i+1:]
	}
	st.u = url.URL{Path: path, RawQuery: query}
	hdr := st.r.Header
	clear(hdr)
	st.r = http.Request{
		Method:     methodString(h.Method()),
		URL:        &st.u,
		Proto:      "HTTP/1.1",
		ProtoMajor: 1, ProtoMinor: 1,
		Header:     hdr,
		Host:       b2s(h.Host()),
		RemoteAddr: fc.RemoteAddr().String(),
		RequestURI: uri,
		Body:       http.NoBody,
	}
	r := &st.r
	if !h.IsHTTP11() {
		r.Proto, r.ProtoMinor = "HTTP/1.0", 0
	}
	if body := fc.Request.Body(); len(body) > 0 {
		r.Body, r.ContentLength = io.NopCloser(bytes.NewReader(body)), int64(len(body))
	}
	vals := st.vals[:0]
	for k, v := range h.AllInOrder() {
		key := headerKey(k)
		if key == "Host" {
			continue
		}
		if old, ok := hdr[key]; ok || len(vals) == cap(vals) {
			hdr[key] = append(old, b2s(v))
			continue
		}
		vals = append(vals, b2s(v))
		hdr[key] = vals[len(vals)-1 : len(vals) : len(vals)]
	}
	return r
}

func b2s(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// methodString returns the common methods without an allocation.
func methodString(m []byte) string {
	switch string(m) { // no allocation: compared, not converted
	case http.MethodGet:
		return http.MethodGet
	case http.MethodPost:
		return http.MethodPost
	case http.MethodPut:
		return http.MethodPut
	case http.MethodDelete:
		return http.MethodDelete
	case http.MethodPatch:
		return http.MethodPatch
	case http.MethodOptions:
		return http.MethodOptions
	}
	return string(m)
}

// commonKeys interns the usual header names (fasthttp has canonicalized
// them as net/http does), saving an allocation per header.
var commonKeys = func() map[string]string {
	m := map[string]string{}
	for _, k := range []string{"Accept", "Accept-Encoding", "Accept-Language", "Authorization", "Cache-Control",
		"Connection", "Content-Length", "Content-Type", "Cookie", "Forwarded", "Host", "If-Modified-Since",
		"If-None-Match", "Origin", "Pragma", "Referer", "Traceparent", "Tracestate", "User-Agent",
		"X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Real-Ip", "X-Request-Id", "Keep-Alive",
		"Proxy-Connection", "Proxy-Authorization", "Sec-Fetch-Mode", "Sec-Fetch-Site", "Sec-Fetch-Dest"} {
		m[k] = k
	}
	return m
}()

func headerKey(k []byte) string {
	if s, ok := commonKeys[string(k)]; ok {
		return s
	}
	return http.CanonicalHeaderKey(string(k))
}

// fhWriter is an http.ResponseWriter into fasthttp's response, for the
// gateway's own answers (problems) and the headers the edge checks add.
// The status and header go out when the handler returns, or when a
// streamed body starts.
type fhWriter struct {
	fc    *fasthttp.RequestCtx
	h     http.Header
	wrote bool
}

func (w *fhWriter) Header() http.Header { return w.h }

func (w *fhWriter) WriteHeader(code int) {
	if w.wrote || code < 200 {
		return // 1xx are not forwarded on this front end
	}
	w.wrote = true
	w.fc.SetStatusCode(code)
	rh := &w.fc.Response.Header
	for k, vs := range w.h {
		for _, v := range vs {
			rh.Add(k, v)
		}
	}
}

func (w *fhWriter) Write(b []byte) (int, error) {
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
	w.fc.Response.AppendBody(b)
	return len(b), nil
}

// serveFH is serveFast for the fasthttp front end: the same request edits
// and transport, the response's header copied straight into fasthttp's,
// and the body handed to fasthttp to copy after the handler returns —
// through its write buffer when the length is known, chunk by chunk with
// a flush each when it is not or the response is an event stream. The
// upstream connection goes back to the pool (or is closed) when fasthttp
// closes the body; a body that breaks mid-way cuts the client connection.
// Upstream trailers are dropped here: a client that wants them says TE:
// trailers and takes the net/http path.
func (rt *route) serveFH(sw *statusWriter, fw *fhWriter, r *http.Request) {
	h := r.Header
	f := rt.trust.forwarded(r)
	removeHopByHop(h)
	delete(h, "Forwarded")
	f.set(h)
	if _, ok := h["User-Agent"]; !ok {
		h["User-Agent"] = emptyUA
	}
	resp, err := rt.transport.RoundTrip(r)
	if err != nil {
		rt.fail(sw, r, err)
		return
	}
	if resp.StatusCode == http.StatusSwitchingProtocols {
		resp.Body.Close()
		rt.fail(sw, r, errors.New("upstream switched protocols on a request that did not ask to"))
		return
	}
	removeHopByHop(resp.Header)
	copyAnswerHeader(&fw.fc.Response.Header, resp.Header)
	fw.Header()["X-Request-Id"] = h["X-Request-Id"]
	sw.WriteHeader(resp.StatusCode)
	switch {
	case resp.ContentLength == 0 || resp.Body == http.NoBody:
		resp.Body.Close()
	case resp.ContentLength == -1 || isEventStream(resp.Header["Content-Type"]):
		fw.fc.Response.SetBodyStream(resp.Body, -1)
		fw.fc.Response.ImmediateHeaderFlush = true // headers before the first event, however late
	default:
		fw.fc.Response.SetBodyStream(resp.Body, int(resp.ContentLength))
	}
}

// fastRequestError answers a request fasthttp could not read as the
// net/http front end's edge does: problem+json with the status that says
// why (413 for a body over max_request_body, 431 for an oversized header
// block, 408 for a client too slow to send, 400 otherwise).
func fastRequestError(fc *fasthttp.RequestCtx, err error) {
	status, detail := http.StatusBadRequest, "the request could not be parsed"
	var small *fasthttp.ErrSmallBuffer
	var netErr interface{ Timeout() bool }
	switch {
	case errors.Is(err, fasthttp.ErrBodyTooLarge):
		status, detail = http.StatusRequestEntityTooLarge, "the request body is larger than the gateway accepts"
	case errors.As(err, &small):
		status, detail = http.StatusRequestHeaderFieldsTooLarge, "the request header block is too large"
	case errors.As(err, &netErr) && netErr.Timeout():
		status, detail = http.StatusRequestTimeout, "the request was not received in time"
	case openedWithH2Preface(fc.Conn()):
		status, detail = http.StatusHTTPVersionNotSupported, "the gateway speaks HTTP/1.0 and HTTP/1.1 on this port (the connection opened with HTTP/2's preface)"
	}
	b, _ := json.Marshal(problem{Type: "about:blank", Title: http.StatusText(status), Status: status, Detail: detail})
	fc.Response.Reset()
	fc.SetStatusCode(status)
	fc.Response.Header.Set("Content-Type", "application/problem+json")
	fc.Response.Header.Set("Cache-Control", "no-store")
	fc.SetBody(b)
	lingerOnClose(fc.Conn()) // fasthttp closes the connection after this answer
}
