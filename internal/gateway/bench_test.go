package gateway_test

import (
	"fmt"
	"io"
	"net/http"
	"testing"
	"time"
)

// BenchmarkProxy measures one proxied GET end to end (client, gateway and
// upstream in one process; compare runs with benchstat, profile with
// -cpuprofile to see the gateway's share).
func BenchmarkProxy(b *testing.B) {
	t := &testing.T{}
	up := newBackend(t, "a", nil)
	defer up.srv.Close()
	is := newIssuer(b)
	is.addKey(b, "k1", true)
	bearer := "Bearer " + is.token(b, "k1", "", time.Now().Add(time.Hour))
	for _, tc := range []struct{ name, route, authz string }{
		{"minimal", "", ""},
		{"ratelimit", "rate_limit: {rate: 1000000000, period: 1s}", ""},
		// jwt: every request after the first hits the verified-token cache.
		{"jwt", fmt.Sprintf("auth: {jwks_url: %q}", is.srv.URL), bearer},
	} {
		b.Run(tc.name, func(b *testing.B) {
			_, base := startGatewayB(b, poolConfig(urls(up), "", tc.route))
			client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
			b.ReportAllocs()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					req, _ := http.NewRequest(http.MethodGet, base+"/", nil)
					if tc.authz != "" {
						req.Header.Set("Authorization", tc.authz)
					}
					resp, err := client.Do(req)
					if err != nil {
						b.Error(err)
						return
					}
					_, _ = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != http.StatusOK {
						b.Errorf("status %d", resp.StatusCode)
						return
					}
				}
			})
		})
	}
}

// BenchmarkSSEFirstChunk measures time to the first server-sent event,
// direct and through the gateway (ns/op is that time; compare the two
// sub-benchmarks of one run).
func BenchmarkSSEFirstChunk(b *testing.B) {
	t := &testing.T{}
	up := newBackend(t, "sse", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		_, _ = io.WriteString(w, "data: first\n\n")
		http.NewResponseController(w).Flush()
		<-r.Context().Done() // the stream stays open; the client leaves
	})
	defer up.srv.Close()
	_, gw := startGatewayB(b, poolConfig(urls(up), "", ""))
	for _, tc := range []struct{ name, url string }{{"direct", up.srv.URL}, {"gateway", gw}} {
		b.Run(tc.name, func(b *testing.B) {
			client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4}}
			buf := make([]byte, 64)
			for b.Loop() {
				resp, err := client.Get(tc.url + "/events")
				if err != nil {
					b.Fatal(err)
				}
				if _, err := io.ReadAtLeast(resp.Body, buf, len("data: first\n\n")); err != nil {
					b.Fatal(err)
				}
				resp.Body.Close()
			}
		})
	}
}
