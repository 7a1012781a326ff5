package gateway

import (
	"errors"
	"io"
	"net/http"
	"strings"
)

// fastInbound reports whether r can skip httputil.ReverseProxy: an
// HTTP/1 request that asks for no protocol switch or 100-continue, with a
// body of known, small length and a query that ReverseProxy would not
// rewrite (it drops parameters with semicolons). Everything else — above
// all WebSocket upgrades — keeps the ReverseProxy path.
func fastInbound(r *http.Request) bool {
	h := r.Header
	return r.ProtoMajor == 1 && r.Method != http.MethodConnect &&
		r.ContentLength >= 0 && r.ContentLength <= h1MaxBody &&
		h["Upgrade"] == nil && h["Expect"] == nil &&
		strings.IndexByte(r.URL.RawQuery, ';') < 0
}

// serveFast is httputil.ReverseProxy's ServeHTTP for the ordinary request,
// without its per-request copies: the inbound header map is edited in
// place and sent as is (the gateway owns the inbound request), and the
// response's header slices are handed to w instead of being copied value by
// value. Semantics kept: hop-by-hop headers removed both ways, "Te:
// trailers" kept, X-Forwarded-* from trust, no default User-Agent,
// trailers passed on, text/event-stream and bodies of unknown length
// flushed chunk by chunk, a body that breaks mid-way aborts the client
// connection.
func (rt *route) serveFast(w http.ResponseWriter, r *http.Request) {
	h := r.Header
	f := rt.trust.forwarded(r) // from the headers as they arrived
	teTrailers := hasToken(h["Te"], "trailers")
	removeHopByHop(h)
	delete(h, "Forwarded")
	f.set(h)
	if teTrailers {
		h["Te"] = []string{"trailers"}
	}
	if _, ok := h["User-Agent"]; !ok {
		h["User-Agent"] = emptyUA // not net/http's default
	}
	resp, err := rt.transport.RoundTrip(r)
	if err != nil {
		rt.fail(w, r, err)
		return
	}
	if resp.StatusCode == http.StatusSwitchingProtocols {
		resp.Body.Close()
		rt.fail(w, r, errors.New("upstream switched protocols on a request that did not ask to"))
		return
	}
	removeHopByHop(resp.Header)
	dst := w.Header()
	for k, vs := range resp.Header {
		if old, ok := dst[k]; ok {
			dst[k] = append(old, vs...)
		} else {
			dst[k] = vs // resp is ours alone: no need to copy
		}
	}
	dst["X-Request-Id"] = h["X-Request-Id"]
	announced := len(resp.Trailer)
	if announced > 0 {
		keys := make([]string, 0, announced)
		for k := range resp.Trailer {
			keys = append(keys, k)
		}
		dst.Add("Trailer", strings.Join(keys, ", "))
	}
	w.WriteHeader(resp.StatusCode)
	// A controller only for streams (and trailers): ordinary responses
	// never flush before the handler returns.
	var rc *http.ResponseController
	if resp.ContentLength == -1 || isEventStream(resp.Header["Content-Type"]) {
		rc = http.NewResponseController(w)
		_ = rc.Flush() // headers go out before the first event, however late it is
	}
	if err := copyBody(w, resp.Body, rc); err != nil {
		resp.Body.Close()
		// The status line is out: all that is left is to cut the client
		// connection so that it does not take a truncated body for whole.
		panic(http.ErrAbortHandler)
	}
	resp.Body.Close() // now, to fill resp.Trailer
	if len(resp.Trailer) > 0 {
		_ = http.NewResponseController(w).Flush() // forces chunking, so that the trailers can follow
	}
	if len(resp.Trailer) == announced {
		for k, vs := range resp.Trailer {
			dst[k] = append(dst[k], vs...)
		}
		return
	}
	for k, vs := range resp.Trailer {
		k = http.TrailerPrefix + k
		dst[k] = append(dst[k], vs...)
	}
}

var emptyUA = []string{""}

// copyBody copies the response body with a pooled buffer, flushing after
// every chunk when the response is a stream (rc not nil).
func copyBody(w io.Writer, body io.Reader, rc *http.ResponseController) error {
	bp := buffers.Get().(*[]byte)
	defer buffers.Put(bp)
	buf := *bp
	for {
		n, rerr := body.Read(buf)
		if n > 0 {
			if _, werr := w.Write(buf[:n]); werr != nil {
				return werr
			}
			if rc != nil {
				if err := rc.Flush(); err != nil {
					return err
				}
			}
		}
		if rerr == io.EOF {
			return nil
		}
		if rerr != nil {
			return rerr
		}
	}
}

// isEventStream: is the media type text/event-stream (parameters aside)?
func isEventStream(ct []string) bool {
	if len(ct) == 0 {
		return false
	}
	v := strings.TrimSpace(ct[0])
	const es = "text/event-stream"
	if len(v) < len(es) || !strings.EqualFold(v[:len(es)], es) {
		return false
	}
	rest := strings.TrimSpace(v[len(es):])
	return rest == "" || rest[0] == ';'
}

// hopHeaders are removed in every hop (RFC 9110 §7.6.1, and the older
// ones net/http/httputil removes too).
var hopHeaders = []string{"Connection", "Proxy-Connection", "Keep-Alive", "Proxy-Authenticate",
	"Proxy-Authorization", "Te", "Trailer", "Transfer-Encoding", "Upgrade"}

func removeHopByHop(h http.Header) {
	for _, v := range h["Connection"] {
		for f := range strings.SplitSeq(v, ",") {
			if f = strings.TrimSpace(f); f != "" && nominable(f) {
				h.Del(f)
			}
		}
	}
	for _, k := range hopHeaders {
		delete(h, k)
	}
}

func hasToken(vs []string, token string) bool {
	for _, v := range vs {
		for f := range strings.SplitSeq(v, ",") {
			if strings.EqualFold(strings.TrimSpace(f), token) {
				return true
			}
		}
	}
	return false
}
