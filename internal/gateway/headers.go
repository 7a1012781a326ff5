package gateway

import (
	"encoding/hex"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httputil"
	"net/netip"
	"strings"
)

// trust decides whose X-Forwarded-* headers are believed.
type trust struct{ prefixes []netip.Prefix }

func newTrust(cidrs []string) trust {
	var t trust
	for _, s := range cidrs {
		if p, err := netip.ParsePrefix(s); err == nil {
			t.prefixes = append(t.prefixes, p.Masked())
		} else if a, err := netip.ParseAddr(s); err == nil {
			t.prefixes = append(t.prefixes, netip.PrefixFrom(a, a.BitLen()))
		}
	}
	return t
}

func (t trust) trusted(a netip.Addr) bool {
	a = a.Unmap()
	for _, p := range t.prefixes {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// peerAddr is the address of the connection's other end.
func peerAddr(r *http.Request) (netip.Addr, string) {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	a, _ := netip.ParseAddr(host)
	return a.Unmap(), host
}

// setForwarded writes X-Forwarded-For, -Proto and -Host on the outbound
// request. httputil.ReverseProxy has already removed them (and the
// hop-by-hop headers) from pr.Out. A trusted peer's chain is extended; from
// anyone else the headers are rewritten from the connection alone, since a
// client may write whatever it likes.
func (t trust) setForwarded(pr *httputil.ProxyRequest) {
	in, out := pr.In, pr.Out
	peer, host := peerAddr(in)
	proto := "http"
	if in.TLS != nil {
		proto = "https"
	}
	fwdHost := in.Host
	xff := host
	if t.trusted(peer) {
		if prior := in.Header.Values("X-Forwarded-For"); len(prior) > 0 {
			xff = strings.Join(prior, ", ") + ", " + host
		}
		if p := in.Header.Get("X-Forwarded-Proto"); p == "http" || p == "https" {
			proto = p
		}
		if h := in.Header.Get("X-Forwarded-Host"); h != "" {
			fwdHost = h
		}
	} else {
		out.Header.Del("Forwarded")
	}
	out.Header["X-Forwarded-For"] = []string{xff}
	out.Header["X-Forwarded-Proto"] = []string{proto}
	out.Header["X-Forwarded-Host"] = []string{fwdHost}
}

// requestID returns the inbound X-Request-ID when it is short printable
// ASCII, or a new random one.
func requestID(h http.Header) string {
	if v := h.Get("X-Request-ID"); v != "" && len(v) <= 128 && printable(v) {
		return v
	}
	return randomHex(16)
}

// traceparent returns the W3C traceparent to send upstream: the inbound
// trace continues with a new parent id (the gateway is a hop of its own),
// or, when absent or malformed, a new sampled trace starts. ok is false when
// the inbound one was unusable, and then tracestate must be dropped too.
func traceparent(h http.Header) (tp string, ok bool) {
	v := h.Get("Traceparent")
	if validTraceparent(v) {
		return v[:36] + randomHex(8) + v[52:], true
	}
	return "00-" + randomHex(16) + "-" + randomHex(8) + "-01", false
}

// validTraceparent checks version 00's shape: 00-<32 hex>-<16 hex>-<2 hex>,
// ids not all zeros (W3C Trace Context §3.2).
func validTraceparent(v string) bool {
	if len(v) != 55 || v[2] != '-' || v[35] != '-' || v[52] != '-' || v[:2] != "00" {
		return false
	}
	trace, parent, flags := v[3:35], v[36:52], v[53:55]
	return lowerHex(trace) && lowerHex(parent) && lowerHex(flags) &&
		strings.Trim(trace, "0") != "" && strings.Trim(parent, "0") != ""
}

func lowerHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

func printable(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x21 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// randomHex returns n random bytes in hex. IDs need uniqueness, not
// secrecy, so the fast per-goroutine generator is enough.
func randomHex(n int) string {
	var b [16]byte
	for i := 0; i < n; i += 8 {
		u := rand.Uint64()
		for j := 0; j < 8 && i+j < n; j++ {
			b[i+j] = byte(u >> (8 * j))
		}
	}
	return hex.EncodeToString(b[:n])
}
