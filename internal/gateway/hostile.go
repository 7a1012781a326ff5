package gateway

import (
	"errors"
	"fmt"
	"net/http"
	"path"
	"strings"
)

// What a hostile client or upstream could use to make the gateway and the
// upstream disagree: about which route a path belongs to, about which
// protocol a connection speaks, about which headers were vouched for.

// routePath returns the path that routes are matched against, and false
// when p (as decoded) is not plain: it has a dot segment ("." or "..",
// also as "..;x"), an empty segment ("//") or a backslash. An upstream
// that resolves dot segments, merges slashes or takes "\" for "/" reads
// such a path as cleanPath does, so "/public/../admin/x" or "//admin/x"
// would be served as "/admin/x" after the gateway matched it to a route
// without admin's auth; the caller refuses such a path when its clean
// reading belongs to another route (and proxies it as sent when both
// readings route alike, as a single catch-all route always does).
// Segment parameters (";jsessionid=…", which servlet containers strip) are
// left out of the returned path, so that "/admin;x/y" matches "/admin/"
// routes; a path without ';' is returned as is, without a copy.
func routePath(p string) (string, bool) {
	if p == "" || p[0] != '/' {
		return p, true // "*" and the like: no route matches them
	}
	params, plain := false, true
	for rest := p[1:]; ; {
		seg, next, more := strings.Cut(rest, "/")
		if i := strings.IndexByte(seg, ';'); i >= 0 {
			seg, params = seg[:i], true
		}
		if seg == "." || seg == ".." || strings.IndexByte(seg, '\\') >= 0 || (seg == "" && more) {
			plain = false
		}
		if !more {
			break
		}
		rest = next
	}
	if !params {
		return p, plain
	}
	return stripParams(p), plain
}

// cleanPath is p as an upstream that normalises paths reads it: segment
// parameters dropped, backslashes taken for slashes, empty and dot
// segments resolved (path.Clean), a final slash kept.
func cleanPath(p string) string {
	if p == "" || p[0] != '/' {
		return p
	}
	q := path.Clean(strings.ReplaceAll(stripParams(p), "\\", "/"))
	if q != "/" && (strings.HasSuffix(p, "/") || strings.HasSuffix(p, "/.") || strings.HasSuffix(p, "/..")) {
		q += "/"
	}
	return q
}

// stripParams drops every segment's parameters (";x") from p.
func stripParams(p string) string {
	if strings.IndexByte(p, ';') < 0 {
		return p
	}
	var b strings.Builder
	for seg := range strings.SplitSeq(p[1:], "/") {
		if i := strings.IndexByte(seg, ';'); i >= 0 {
			seg = seg[:i]
		}
		b.WriteByte('/')
		b.WriteString(seg)
	}
	return b.String()
}

// webSocketUpgrade: is the Upgrade header a request for WebSocket, the one
// protocol the gateway tunnels? Any other (h2c above all: an upstream that
// accepts it would then take every further request on the connection as
// HTTP/2 streams the gateway never routes, authenticates or limits) is
// removed and the request proxied as an ordinary one.
func webSocketUpgrade(vs []string) bool {
	return len(vs) == 1 && strings.EqualFold(strings.TrimSpace(vs[0]), "websocket")
}

// nominable reports whether a client may make the request field k
// hop-by-hop by naming it in Connection: not Authorization, which the
// gateway checked and the upstream is to see as checked.
func nominable(k string) bool { return !strings.EqualFold(k, "Authorization") }

// dropUntrusted removes from h (a request from a peer outside
// trusted_proxies) the client-address and -scheme fields the gateway does
// not write itself — X-Real-Ip and X-Forwarded-* other than -For, -Proto
// and -Host (-Port, -Prefix, -Ssl, …) — which upstreams read as a proxy's
// word.
func dropUntrusted(h http.Header) {
	for k := range h {
		if untrustedField(k) {
			delete(h, k)
		}
	}
}

// untrustedField: is k (canonical) such a field? The three the gateway
// writes are its own business.
func untrustedField(k string) bool {
	if k == "X-Real-Ip" {
		return true
	}
	return len(k) > len("X-Forwarded-") && k[:len("X-Forwarded-")] == "X-Forwarded-" &&
		k != "X-Forwarded-For" && k != "X-Forwarded-Proto" && k != "X-Forwarded-Host"
}

// max1xx bounds the informational answers read before the final one, as
// net/http's Transport does: an upstream sending 1xx without end would
// otherwise hold the request until the route timeout.
const max1xx = 8

var errTooMany1xx = errors.New("upstream sent too many 1xx answers")

// checkAnswerHeader refuses an upstream answer whose field names are not
// tokens (net/http's parser takes "Content-Length : 5" as a field named
// "Content-Length "): passed on, a client or cache that reads it as
// Content-Length would frame the body differently from the gateway.
func checkAnswerHeader(h http.Header) error {
	for k := range h {
		if !tokenName(k) {
			return fmt.Errorf("upstream answer has an invalid field name %q", k)
		}
	}
	return nil
}

func tokenName(k string) bool {
	if k == "" {
		return false
	}
	for i := 0; i < len(k); i++ {
		if !isTokenChar(k[i]) {
			return false
		}
	}
	return true
}
