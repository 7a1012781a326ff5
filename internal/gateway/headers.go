package gateway

import (
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
	// ReverseProxy has removed what Connection names; Authorization stays
	// (see nominable).
	if v, ok := pr.In.Header["Authorization"]; ok {
		pr.Out.Header["Authorization"] = v
	}
}

// fwd is the X-Forwarded-* triple for one request, and whether the peer
// was trusted (when not, set drops the fields dropUntrusted names).
type fwd struct {
	xff, proto, host string
	trusted          bool
}

// forwarded computes the X-Forwarded-* values from in's headers as they
// arrived: a trusted peer's chain is extended; from anyone else the values
// come from the connection alone, since a client may write whatever it likes.
func (t trust) forwarded(in *http.Request) fwd {
	peer, host := peerAddr(in)
	f := fwd{xff: host, proto: "http", host: in.Host}
	if in.TLS != nil {
		f.proto = "https"
	}
	if f.trusted = t.trusted(peer); f.trusted {
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
	if !f.trusted {
		dropUntrusted(h)
	}
	v := &[3]string{f.xff, f.proto, f.host} // one allocation for the three values
	h["X-Forwarded-For"] = v[0:1:1]
	h["X-Forwarded-Proto"] = v[1:2:2]
	h["X-Forwarded-Host"] = v[2:3:3]
}

// stamp sets the X-Request-Id and Traceparent to send upstream on h (the
// inbound header map, which the proxy owns) and returns the request id.
// The id is the inbound one when it is short printable ASCII, or a new
// random one. The inbound trace continues with a new parent id (the
// gateway is a hop of its own); when it is absent, malformed or repeated a new
// sampled trace starts and Tracestate is dropped with it. This runs on
// every request, so both values are built in one buffer, converted to
// one string, and set with canonical keys (no Get or Set, which
// canonicalize "X-Request-ID" into a new string each time).
func stamp(h http.Header) string {
	var buf [32 + 55]byte
	b := buf[:0]
	id := first(h["X-Request-Id"])
	fresh := id == "" || len(id) > 128 || !printable(id)
	if fresh {
		b = appendRandomHex(b, 16)
	}
	n := len(b)
	b, freshTrace := appendTraceparent(b, onlyTraceparent(h["Traceparent"]))
	if freshTrace {
		delete(h, "Tracestate")
	}
	s := string(b)
	if fresh {
		id = s[:n]
	}
	v := &[2]string{id, s[n:]}
	h["X-Request-Id"] = v[0:1:1]
	h["Traceparent"] = v[1:2:2]
	return id
}

// onlyTraceparent is the inbound traceparent, or "" (none, a new trace)
// when there is not exactly one field: two are no trace context, whether
// they agree or not (W3C Trace Context's test suite,
// test_traceparent_duplicated, wants a new trace id), and continuing the
// first would let a client pick which one the gateway vouches for.
func onlyTraceparent(vs []string) string {
	if len(vs) != 1 {
		return ""
	}
	return vs[0]
}

func first(vs []string) string {
	if len(vs) == 0 {
		return ""
	}
	return vs[0]
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

// appendRandomHex appends n random bytes in hex. IDs need uniqueness, not
// secrecy, so the fast per-goroutine generator is enough. Every request
// takes 40 bytes of it (request id, trace id, parent id): hex is written
// nibble by nibble from each 64-bit draw rather than through a byte array
// and hex.AppendEncode, a few times cheaper.
func appendRandomHex(b []byte, n int) []byte {
	const digits = "0123456789abcdef"
	for i := 0; i < n; i += 8 {
		u := rand.Uint64()
		for j := 0; j < 8 && i+j < n; j++ {
			c := byte(u >> (8 * j))
			b = append(b, digits[c>>4], digits[c&15])
		}
	}
	return b
}

// appendTraceparent appends the traceparent to send upstream: in's trace
// continued with a new parent id (the gateway is a hop of its own), or a
// new sampled trace when in is absent or malformed (fresh is then true and
// the caller drops Tracestate with it).
func appendTraceparent(b []byte, in string) (out []byte, fresh bool) {
	if validTraceparent(in) {
		b = append(b, in[:36]...)
		b = appendRandomHex(b, 8)
		return append(b, in[52:]...), false
	}
	b = append(b, "00-"...)
	b = appendRandomHex(b, 16)
	b = append(b, '-')
	b = appendRandomHex(b, 8)
	return append(b, "-01"...), true
}
