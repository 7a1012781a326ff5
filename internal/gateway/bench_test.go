package gateway_test

import (
	"io"
	"net/http"
	"testing"
)

// BenchmarkProxy measures one proxied GET end to end (client, gateway and
// upstream in one process; compare runs with benchstat, profile with
// -cpuprofile to see the gateway's share).
func BenchmarkProxy(b *testing.B) {
	t := &testing.T{}
	up := newBackend(t, "a", nil)
	defer up.srv.Close()
	for _, tc := range []struct{ name, route string }{
		{"minimal", ""},
		{"ratelimit", "rate_limit: {rate: 1000000000, period: 1s}"},
	} {
		b.Run(tc.name, func(b *testing.B) {
			_, base := startGatewayB(b, poolConfig(urls(up), "", tc.route))
			client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
			b.ReportAllocs()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					resp, err := client.Get(base + "/")
					if err != nil {
						b.Error(err)
						return
					}
					_, _ = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
			})
		})
	}
}
