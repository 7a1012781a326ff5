package ratelimit_test

import (
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/ratelimit"
)

func TestClientIP(t *testing.T) {
	r, err := ratelimit.NewIPResolver([]string{"10.0.0.0/8", "192.0.2.7", " fd00::/8 "})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		remote string
		xff    []string
		want   string
	}{
		{"no proxy, header ignored (spoofing from the internet)", "203.0.113.9:5000", []string{"1.1.1.1"}, "203.0.113.9"},
		{"trusted proxy, one hop", "10.1.2.3:443", []string{"198.51.100.4"}, "198.51.100.4"},
		{"client-written left part ignored", "10.1.2.3:443", []string{"6.6.6.6, 198.51.100.4"}, "198.51.100.4"},
		{"chain of trusted proxies skipped", "10.1.2.3:443", []string{"198.51.100.4, 10.9.9.9", "192.0.2.7"}, "198.51.100.4"},
		{"all hops trusted gives leftmost", "10.1.2.3:443", []string{"10.0.0.1, 10.0.0.2"}, "10.0.0.1"},
		{"malformed header falls back to the peer", "10.1.2.3:443", []string{"198.51.100.4, not-an-ip"}, "10.1.2.3"},
		{"empty header", "10.1.2.3:443", nil, "10.1.2.3"},
		{"ports and brackets", "[fd00::1]:443", []string{"[2001:db8::5]:1234"}, "2001:db8::5"},
		{"IPv4-mapped peer is unmapped", "[::ffff:10.1.2.3]:443", []string{"198.51.100.4:80"}, "198.51.100.4"},
		{"bad remote addr", "garbage", []string{"198.51.100.4"}, "invalid IP"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest("GET", "/", nil)
			req.RemoteAddr = tt.remote
			for _, v := range tt.xff {
				req.Header.Add("X-Forwarded-For", v)
			}
			if got := r.ClientIP(req).String(); got != tt.want {
				t.Errorf("ClientIP = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestNewIPResolverRejectsGarbage(t *testing.T) {
	for _, c := range []string{"10.0.0.0/33", "example.com", "1.2.3"} {
		if _, err := ratelimit.NewIPResolver([]string{c}); !apperr.Is(err, apperr.Invalid) {
			t.Errorf("%q: %v, want Invalid", c, err)
		}
	}
}

func TestParseForwardedForLimits(t *testing.T) {
	long := strings.Repeat("1.2.3.4,", 33)
	if _, err := ratelimit.ParseForwardedFor([]string{long}); !apperr.Is(err, apperr.Malformed) {
		t.Errorf("33 hops: %v, want Malformed", err)
	}
	if _, err := ratelimit.ParseForwardedFor([]string{"fe80::1%eth0"}); !apperr.Is(err, apperr.Malformed) {
		t.Errorf("zone: %v, want Malformed", err)
	}
	got, err := ratelimit.ParseForwardedFor([]string{" , 1.2.3.4 ,,"})
	if err != nil || len(got) != 1 || got[0] != netip.MustParseAddr("1.2.3.4") {
		t.Errorf("empty elements: %v, %v", got, err)
	}
}

func FuzzParseForwardedFor(f *testing.F) {
	for _, s := range []string{"1.2.3.4", "1.2.3.4, 5.6.7.8", "[::1]:80", "::ffff:1.2.3.4", "a,b", "", ",,,", "fe80::1%eth0", "1.2.3.4:99999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		addrs, err := ratelimit.ParseForwardedFor([]string{s})
		if err != nil {
			if !apperr.Is(err, apperr.Malformed) {
				t.Fatalf("error without Malformed code: %v", err)
			}
			return
		}
		if len(addrs) > 32 {
			t.Fatalf("%d hops accepted", len(addrs))
		}
		for _, a := range addrs {
			if !a.IsValid() || a.Is4In6() || a.Zone() != "" {
				t.Fatalf("bad address %v from %q", a, s)
			}
		}
	})
}
