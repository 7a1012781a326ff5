package ratelimit

import (
	"net"
	"net/http"
	"net/netip"
	"strings"

	"github.com/parleyhq/parley/internal/apperr"
)

// maxForwardedHops bounds the work spent on a hostile X-Forwarded-For.
const maxForwardedHops = 32

// IPResolver finds the address of the client that made a request. It trusts
// X-Forwarded-For only when the connection comes from a configured proxy,
// and then only as far back as the chain stays within trusted proxies:
// anything to the left of the first untrusted hop could have been written by
// the client itself.
type IPResolver struct {
	trusted []netip.Prefix
}

// NewIPResolver returns a resolver that trusts the proxies in cidrs (CIDR
// prefixes or single addresses). apperr.Invalid names a bad entry.
func NewIPResolver(cidrs []string) (*IPResolver, error) {
	r := &IPResolver{}
	for _, c := range cidrs {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		p, err := netip.ParsePrefix(c)
		if err != nil {
			a, aerr := netip.ParseAddr(c)
			if aerr != nil {
				return nil, apperr.New(apperr.Invalid, "trusted proxy %q is not an address or CIDR prefix", c)
			}
			p = netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen())
		}
		r.trusted = append(r.trusted, p.Masked())
	}
	return r, nil
}

func (r *IPResolver) isTrusted(a netip.Addr) bool {
	a = a.Unmap()
	for _, p := range r.trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// ClientIP returns the client's address for req. When the peer is not a
// trusted proxy, or X-Forwarded-For is absent or malformed, it is the peer.
func (r *IPResolver) ClientIP(req *http.Request) netip.Addr {
	return r.ClientIPFrom(peerAddr(req.RemoteAddr), func() []string { return req.Header.Values("X-Forwarded-For") })
}

// ClientIPFrom is ClientIP for servers other than net/http's: peer is the
// connection's address, and forwardedFor, called only when the peer is a
// trusted proxy, returns the request's X-Forwarded-For values.
func (r *IPResolver) ClientIPFrom(peer netip.Addr, forwardedFor func() []string) netip.Addr {
	peer = peer.Unmap()
	if !peer.IsValid() || !r.isTrusted(peer) {
		return peer
	}
	hops, err := ParseForwardedFor(forwardedFor())
	if err != nil || len(hops) == 0 {
		return peer
	}
	for i := len(hops) - 1; i >= 0; i-- {
		if !r.isTrusted(hops[i]) {
			return hops[i]
		}
	}
	// Every hop is a trusted proxy: the leftmost is as close to the client
	// as the chain tells.
	return hops[0]
}

func peerAddr(remote string) netip.Addr {
	if ap, err := netip.ParseAddrPort(remote); err == nil {
		return ap.Addr().Unmap()
	}
	host, _, err := net.SplitHostPort(remote)
	if err != nil {
		host = remote
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return netip.Addr{}
	}
	return a.Unmap()
}

// ParseForwardedFor parses the values of X-Forwarded-For headers (several
// header lines are one comma-separated list, RFC 9110 §5.3) into addresses,
// leftmost first. Entries may carry a port ("1.2.3.4:80", "[::1]:80").
// Zones are refused. Any malformed entry makes the whole header untrustworthy
// and returns apperr.Malformed, as does a chain longer than 32 hops.
func ParseForwardedFor(values []string) ([]netip.Addr, error) {
	var out []netip.Addr
	for _, v := range values {
		for part := range strings.SplitSeq(v, ",") {
			part = strings.TrimSpace(part)
			if part == "" {
				continue
			}
			if len(out) == maxForwardedHops {
				return nil, apperr.New(apperr.Malformed, "X-Forwarded-For has more than %d hops", maxForwardedHops)
			}
			a, err := parseHop(part)
			if err != nil {
				return nil, err
			}
			out = append(out, a)
		}
	}
	return out, nil
}

func parseHop(s string) (netip.Addr, error) {
	if ap, err := netip.ParseAddrPort(s); err == nil {
		s = ap.Addr().String()
	} else if strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]") {
		s = s[1 : len(s)-1]
	}
	a, err := netip.ParseAddr(s)
	if err != nil || a.Zone() != "" {
		return netip.Addr{}, apperr.New(apperr.Malformed, "X-Forwarded-For entry %q is not an IP address", truncate(s, 64))
	}
	return a.Unmap(), nil
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
