package gateway_test

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// readStatusLine reads one status line (an interim 100 or a final answer).
func readStatusLine(t *testing.T, br *bufio.Reader) string {
	t.Helper()
	line, err := br.ReadString('\n')
	if err != nil {
		t.Fatalf("reading a status line: %v", err)
	}
	return strings.TrimSpace(line)
}

// TestExpectContinueAfterEdgeChecks: each front end tells a client
// to send its body (100 Continue) only once the route's auth and rate
// limit have passed; a refused request gets its final answer without the
// body being read, and the connection is closed. The rate limit counts
// such a request once.
func TestExpectContinueAfterEdgeChecks(t *testing.T) {
	for _, fe := range []string{"fasthttp", "net/http"} {
		t.Run(fe, func(t *testing.T) { testExpectContinue(t, fe) })
	}
}

func testExpectContinue(t *testing.T, frontEnd string) {
	serve := func(t *testing.T, cfg string) string {
		g, base := startGateway(t, cfg)
		if frontEnd == "fasthttp" {
			base = serveFast(t, g)
		}
		return base
	}
	is := newIssuer(t)
	is.addKey(t, "k1", true)
	bearer := "Bearer " + is.token(t, "k1", "", time.Now().Add(time.Hour))
	b, _, done := uploadBackend(t)
	route := fmt.Sprintf("auth: {jwks_url: %q}\nrate_limit: {rate: 2, period: 1h, key: credential}", is.srv.URL)
	base := serve(t, poolConfig(urls(b), "", route))
	send := func(authz string) (*bufio.Reader, func(string)) {
		c, br := dialGateway(t, base)
		fmt.Fprintf(c, "POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n%s\r\n", authz)
		return br, func(s string) { io.WriteString(c, s) }
	}
	t.Run("no credential", func(t *testing.T) {
		br, _ := send("")
		if line := readStatusLine(t, br); !strings.HasPrefix(line, "HTTP/1.1 401") {
			t.Fatalf("first answer %q, want 401 before any 100", line)
		}
	})
	t.Run("bad credential", func(t *testing.T) {
		br, _ := send("Authorization: Bearer nope\r\n")
		if line := readStatusLine(t, br); !strings.HasPrefix(line, "HTTP/1.1 401") {
			t.Fatalf("first answer %q, want 401 before any 100", line)
		}
	})
	t.Run("no route", func(t *testing.T) {
		c, br := dialGateway(t, serve(t, strings.Replace(poolConfig(urls(b), "", ""), "path_prefix: /", "path_prefix: /only", 1)))
		io.WriteString(c, "POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n")
		if line := readStatusLine(t, br); !strings.HasPrefix(line, "HTTP/1.1 404") {
			t.Fatalf("first answer %q, want 404 before any 100", line)
		}
		resp, err := http.ReadResponse(bufio.NewReader(io.MultiReader(strings.NewReader("HTTP/1.1 404 x\r\n"), br)), nil)
		if err != nil || resp.Header.Get("Content-Type") != "application/problem+json" || !resp.Close {
			t.Fatalf("404: %v %v close=%v", err, resp.Header, resp.Close)
		}
	})
	for i, want := range []string{"200", "200", "429"} { // rate 2 per hour per credential
		br, write := send("Authorization: " + bearer + "\r\n")
		line := readStatusLine(t, br)
		if want == "429" {
			if !strings.HasPrefix(line, "HTTP/1.1 429") {
				t.Fatalf("request %d: first answer %q, want 429 before any 100", i, line)
			}
			continue
		}
		if line != "HTTP/1.1 100 Continue" {
			t.Fatalf("request %d: first answer %q, want 100 Continue", i, line)
		}
		for readStatusLine(t, br) != "" { // net/http's 100 carries the fields set so far
		}
		write("hello")
		// More 1xx may follow (RFC 9110 §15.2: a client must take any
		// number): on net/http, the upstream's own 100 is relayed while
		// the body's first read may already have sent net/http's.
		resp, err := http.ReadResponse(br, nil)
		for err == nil && resp.StatusCode/100 == 1 {
			resp, err = http.ReadResponse(br, nil)
		}
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 || string(body) != "5" {
			t.Fatalf("request %d: got %d %q", i, resp.StatusCode, body)
		}
		if u := <-done; u.n != 5 {
			t.Fatalf("upstream got %d bytes", u.n)
		}
	}
}

// TestBareLFRequests: lines ending in a bare LF are read as nginx reads
// them (RFC 9112 §2.2 lets a recipient take LF alone as a line end), and
// answered at once; the upstream receives a normalised request with the
// same fields and body. A bare CR is refused with 400, as nginx does.
func TestBareLFRequests(t *testing.T) {
	type seen struct{ method, path, xa, body string }
	got := make(chan seen, 8)
	b := newBackend(t, "lf", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		got <- seen{r.Method, r.URL.Path, r.Header.Get("X-A"), string(body)}
		io.WriteString(w, "ok")
	})
	g, _ := startGateway(t, poolConfig(urls(b), "", ""))
	base := serveFast(t, g)
	for _, tc := range []struct {
		name, req string
		want      seen
	}{
		{"bare LF", "GET /x HTTP/1.1\nHost: x\nX-A: 1\n\n", seen{"GET", "/x", "1", ""}},
		{"mixed", "GET /x HTTP/1.1\r\nHost: x\nX-A: 2\r\n\n", seen{"GET", "/x", "2", ""}},
		{"body after bare LF", "POST /x HTTP/1.1\nHost: x\nX-A: 3\nContent-Length: 3\n\nabc", seen{"POST", "/x", "3", "abc"}},
		// The connection ends with the first answer: a request pipelined
		// after a bare-LF one is never read, let alone forwarded.
		{"pipelined after bare LF", "POST /x HTTP/1.1\nHost: x\nX-A: 4\nContent-Length: 3\n\nabcGET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n", seen{"POST", "/x", "4", "abc"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, br := dialGateway(t, base)
			c.SetReadDeadline(time.Now().Add(5 * time.Second)) // the header timeout is 10 s
			io.WriteString(c, tc.req)
			resp, err := http.ReadResponse(br, nil)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != 200 || string(body) != "ok" || !resp.Close {
				t.Fatalf("got %d %q close=%v, want 200 ok and the connection closed", resp.StatusCode, body, resp.Close)
			}
			if s := <-got; s != tc.want {
				t.Fatalf("upstream saw %+v, want %+v", s, tc.want)
			}
			if n, err := io.Copy(io.Discard, br); n != 0 || err != nil {
				t.Fatalf("after the answer: %d bytes, %v; want the end of the connection", n, err)
			}
			select {
			case s := <-got:
				t.Fatalf("upstream also saw %+v", s)
			default:
			}
		})
	}
	t.Run("bare CR", func(t *testing.T) {
		c, br := dialGateway(t, base)
		c.SetReadDeadline(time.Now().Add(5 * time.Second))
		io.WriteString(c, "GET /x HTTP/1.1\r\nHost: x\rX-A: 1\r\n\r\n")
		expectProblem(t, br, http.StatusBadRequest)
	})
}
