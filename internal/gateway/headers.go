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
// request. httputil.ReverseProxy has already removed them, Forwarded and
// the hop-by-hop headers from pr.Out.
func (t trust) setForwarded(pr *httputil.ProxyRequest) {
	t.forwarded(pr.In).set(pr.Out.Header)
}

// fwd is the X-Forwarded-* triple for one request.
type fwd struct{ xff, proto, host string }

// forwarded computes the X-Forwarded-* values from in's headers as they
// arrived: a trusted peer's chain is extended; from anyone else the values
// come from the connection alone, since a client may write whatever it likes.
func (t trust) forwarded(in *http.Request) fwd {
	peer, host := peerAddr(in)
	f := fwd{xff: host, proto: "http", host: in.Host}
	if in.TLS != nil {
		f.proto = "https"
	}
	if t.trusted(peer) {
		if prior := in.Header.Values("X-Forwarded-For"); len(prior) > 0 {
			f.xff = strings.Join(prior, ", ") + ", " + host
		}
		if p := in.Header.Get("X-Forwarded-Proto"); p == "http" || p == "https" {
			f.proto = p
		}
		if h := in.Header.Get("X-Forwarded-Host"); h != "" {
			f.host = h
		}
	}
	return f
}

func (f fwd) set(h http.Header) {
	v := &[3]string{f.xff, f.proto, f.host} // one allocation for the three values
	h["X-Forwarded-For"] = v[0:1:1]
	h["X-Forwarded-Proto"] = v[1:2:2]
	h["X-Forwarded-Host"] = v[2:3:3]
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
