package gateway_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/gateway"
	"github.com/parleyhq/parley/internal/telemetry"
)

// TestFastHTTPFrontEnd runs the package's proxy tests again through the
// fasthttp front end (the one Serve uses by default), which takes ordinary
// requests itself and hands the rest to ServeHTTP through fasthttpadaptor.
func TestFastHTTPFrontEnd(t *testing.T) {
	for _, tc := range []struct {
		name string
		test func(*testing.T)
	}{
		{"RoundRobin", TestRoundRobinSpreadsEvenly},
		{"LeastRequests", TestLeastRequestsAvoidsBusyTarget},
		{"P2C", TestP2CLatencyPrefersFastTarget},
		{"JWT", TestJWTValidation},
		{"JWKSRefresh", TestJWKSRefreshOnRotatedKey},
		{"RateLimitMemory", TestRateLimitMemory},
		{"RateLimitShared", TestRateLimitSharedAcrossReplicas},
		{"ReloadUnderLoad", TestReloadUnderLoadDropsNothing},
		{"KillOneOfThree", TestKillOneOfThreeUnderLoad},
		{"BadReload", TestBadReloadKeepsRunningConfig},
		{"HeadersAndBody", TestProxyHeadersAndBody},
		{"TraceAndRequestID", TestProxyGeneratesTraceAndKeepsRequestID},
		{"Routing", TestRoutingByHostPathMethod},
		{"TrustedProxy", TestTrustedProxyChainExtended},
		{"Problems", TestUpstreamErrorsAreProblems},
		{"HealthCheck", TestActiveHealthCheckRemovesTarget},
		{"PassiveEjection", TestPassiveEjection},
		{"Retries", TestRetriesOnlyIdempotent},
		{"RetryBudget", TestRetryBudgetBoundsExtraRequests},
		{"BreakerOpens", TestBreakerOpensAndShortCircuits},
		{"BreakerHalfOpen", TestBreakerHalfOpensAndCloses},
		{"SSE", TestSSEChunksArriveBeforeNextIsSent},
		{"WebSocket", TestWebSocketEchoThroughProxy},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("PARLEY_TEST_GATEWAY_FRONTEND", gateway.FrontEndFastHTTP)
			tc.test(t)
		})
	}
}

// TestFrontEndsAgree sends the requests the fasthttp front end leaves to
// net/http (chunked upload, percent-encoded path, HEAD) and ordinary ones
// through both front ends; the upstream must see, and the client get, the
// same.
func TestFrontEndsAgree(t *testing.T) {
	b := newBackend(t, "echo", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		w.Header().Set("X-Seen-Path", r.URL.EscapedPath()+"?"+r.URL.RawQuery)
		w.Header().Set("X-Seen-Length", strconv.FormatInt(r.ContentLength, 10))
		w.Header().Set("X-Seen-Hop", r.Header.Get("X-Hop"))
		w.Header().Set("Content-Length", strconv.Itoa(len(body)+len("body:")))
		_, _ = io.WriteString(w, "body:"+string(body))
	})
	cfg := poolConfig(urls(b), "", "")
	bases := map[string]string{}
	_, bases[gateway.FrontEndNetHTTP] = startGateway(t, cfg)
	g, _ := startGateway(t, cfg)
	bases[gateway.FrontEndFastHTTP] = serveFast(t, g)
	type result struct{ status, path, length, hop, contentLength, body string }
	for _, tc := range []struct {
		name, method, path, body string
		chunked                  bool
		want                     result
	}{
		{"get", "GET", "/a/b?x=1", "", false, result{"200", "/a/b?x=1", "0", "", "5", "body:"}},
		{"post", "POST", "/p", "hello", false, result{"200", "/p?", "5", "", "10", "body:hello"}},
		{"chunked upload", "POST", "/c", "streamed", true, result{"200", "/c?", "-1", "", "13", "body:streamed"}},
		{"escaped path", "GET", "/a%2Fb", "", false, result{"200", "/a%2Fb?", "0", "", "5", "body:"}},
		{"head", "HEAD", "/h", "", false, result{"200", "/h?", "0", "", "5", ""}},
	} {
		for fe, base := range bases {
			t.Run(tc.name+"/"+fe, func(t *testing.T) {
				var body io.Reader
				if tc.body != "" {
					body = strings.NewReader(tc.body)
					if tc.chunked {
						body = io.MultiReader(body) // unknown length: sent chunked
					}
				}
				req, err := http.NewRequest(tc.method, base+tc.path, body)
				if err != nil {
					t.Fatal(err)
				}
				req.Header.Set("Connection", "X-Hop")
				req.Header.Set("X-Hop", "must not pass")
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				defer resp.Body.Close()
				got, _ := io.ReadAll(resp.Body)
				r := result{strconv.Itoa(resp.StatusCode), resp.Header.Get("X-Seen-Path"), resp.Header.Get("X-Seen-Length"),
					resp.Header.Get("X-Seen-Hop"), resp.Header.Get("Content-Length"), string(got)}
				if r != tc.want {
					t.Errorf("got %+v\nwant %+v", r, tc.want)
				}
				if resp.Header.Get("X-Request-Id") == "" {
					t.Error("no X-Request-Id on the response")
				}
			})
		}
	}
}

func TestServeFrontEndChoice(t *testing.T) {
	b := newBackend(t, "a", nil)
	path := filepath.Join(t.TempDir(), "gw.yaml")
	if err := os.WriteFile(path, []byte("reload_interval: -1s\n"+poolConfig(urls(b), "", "")), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		frontEnd string
		wantErr  bool
	}{
		{"", false}, {gateway.FrontEndFastHTTP, false}, {gateway.FrontEndNetHTTP, false}, {"nginx", true},
	} {
		t.Run(fmt.Sprintf("%q", tc.frontEnd), func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			addr := make(chan string, 1)
			errc := make(chan error, 1)
			go func() {
				errc <- gateway.Serve(ctx, gateway.Options{ConfigPath: path, Logger: telemetry.Discard(), FrontEnd: tc.frontEnd,
					Ready: func(p, _ string) { addr <- p }})
			}()
			select {
			case err := <-errc:
				if !tc.wantErr {
					t.Fatalf("Serve: %v", err)
				}
				return
			case a := <-addr:
				if tc.wantErr {
					t.Fatal("Serve accepted an unknown front end")
				}
				if resp, body := get(t, http.DefaultClient, "http://"+a+"/"); resp.StatusCode != 200 || body != "a" {
					t.Errorf("got %d %q", resp.StatusCode, body)
				}
			}
			cancel()
			if err := <-errc; err != nil {
				t.Errorf("Serve: %v", err)
			}
		})
	}
}

// TestFastHTTPRequestErrorsAreProblems: what fasthttp refuses before the
// handler runs still gets problem+json with the status that says why.
func TestFastHTTPRequestErrorsAreProblems(t *testing.T) {
	b := newBackend(t, "ok", func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, "ok") })
	g, _ := startGateway(t, poolConfig(urls(b), "", ""))
	base := serveFast(t, g)
	for _, tc := range []struct {
		name   string
		req    func() *http.Request
		status int
	}{
		{"header block over the buffer", func() *http.Request {
			r, _ := http.NewRequest(http.MethodGet, base+"/x", nil)
			r.Header.Set("X-Big", strings.Repeat("a", 20<<10))
			return r
		}, http.StatusRequestHeaderFieldsTooLarge},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := http.DefaultClient.Do(tc.req())
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tc.status || resp.Header.Get("Content-Type") != "application/problem+json" {
				t.Fatalf("got %d %q %s, want %d problem+json", resp.StatusCode, resp.Header.Get("Content-Type"), body, tc.status)
			}
		})
	}
	// A client still sending when the 431 is written gets the answer and a
	// clean end, not a reset: the gateway lingers as net/http does.
	t.Run("client still sending after the answer", func(t *testing.T) {
		c, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		fmt.Fprintf(c, "GET /x HTTP/1.1\r\nHost: x\r\nX-Big: %s", strings.Repeat("a", 17<<10))
		br := bufio.NewReader(c)
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
			t.Fatalf("got %d, want 431", resp.StatusCode)
		}
		if _, err := fmt.Fprintf(c, "%s\r\n\r\n", strings.Repeat("b", 8<<10)); err != nil {
			t.Fatalf("write after the answer: %v", err)
		}
		if err := c.(*net.TCPConn).CloseWrite(); err != nil {
			t.Fatal(err)
		}
		if n, err := io.Copy(io.Discard, br); err != nil || n != 0 {
			t.Fatalf("after the answer: %d bytes, %v; want a clean end", n, err)
		}
	})
	// A declared length over the limit is refused before the body is sent
	// (a client still sending would see its connection reset, not the
	// answer, so this one sends the header only).
	t.Run("body over the limit", func(t *testing.T) {
		c, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		fmt.Fprintf(c, "POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n", 64<<20+1)
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusRequestEntityTooLarge || resp.Header.Get("Content-Type") != "application/problem+json" {
			t.Fatalf("got %d %q, want 413 problem+json", resp.StatusCode, resp.Header.Get("Content-Type"))
		}
	})
}
