package gateway_test

import (
	"bufio"
	"crypto/sha256"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// upload is what an upstream saw of one request body.
type upload struct {
	n   int64
	sum [32]byte
	err error
}

// uploadBackend is an upstream that reports the first body byte it
// receives on first (once per request) and the whole body on done.
func uploadBackend(t *testing.T) (b *backend, first chan struct{}, done chan upload) {
	first, done = make(chan struct{}, 8), make(chan upload, 8)
	b = newBackend(t, "up", func(w http.ResponseWriter, r *http.Request) {
		h := sha256.New()
		var one [1]byte
		n, err := io.ReadFull(r.Body, one[:])
		if n == 1 {
			first <- struct{}{}
			h.Write(one[:])
			var m int64
			m, err = io.Copy(h, r.Body)
			n += int(m)
		}
		u := upload{n: int64(n), err: err}
		copy(u.sum[:], h.Sum(nil))
		done <- u
		if err != nil {
			return
		}
		fmt.Fprintf(w, "%d", n)
	})
	return b, first, done
}

// within waits for ch, failing after d (a liveness bound: a gateway that
// buffers the body never delivers).
func within[T any](t *testing.T, ch <-chan T, d time.Duration, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(d):
		t.Fatalf("%s: nothing after %v", what, d)
		panic("unreachable")
	}
}

func dialGateway(t *testing.T, base string) (net.Conn, *bufio.Reader) {
	t.Helper()
	c, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	c.SetReadDeadline(time.Now().Add(20 * time.Second)) // a liveness bound: an answer that never comes fails
	return c, bufio.NewReader(c)
}

// TestFastHTTPStreamsLargeUploads: a large body, of declared length or
// chunked, reaches the upstream while the client is still sending it (the
// fasthttp front end used to read up to 64 MiB whole first).
func TestFastHTTPStreamsLargeUploads(t *testing.T) {
	const size = 4 << 20
	part := strings.Repeat("0123456789abcdef", 1<<16) // 1 MiB
	want := sha256.Sum256([]byte(strings.Repeat(part, size/len(part))))
	for _, chunked := range []bool{false, true} {
		t.Run(fmt.Sprintf("chunked=%v", chunked), func(t *testing.T) {
			b, first, done := uploadBackend(t)
			g, _ := startGateway(t, poolConfig(urls(b), "", ""))
			base := serveFast(t, g)
			c, br := dialGateway(t, base)
			if chunked {
				fmt.Fprintf(c, "PUT /up HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n%x\r\n%s\r\n", len(part), part)
			} else {
				fmt.Fprintf(c, "PUT /up HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n%s", size, part)
			}
			within(t, first, 10*time.Second, "first body bytes at the upstream")
			for range size/len(part) - 1 {
				if chunked {
					fmt.Fprintf(c, "%x\r\n%s\r\n", len(part), part)
				} else {
					io.WriteString(c, part)
				}
			}
			if chunked {
				io.WriteString(c, "0\r\n\r\n")
			}
			u := within(t, done, 10*time.Second, "the whole body at the upstream")
			if u.err != nil || u.n != size || u.sum != want {
				t.Fatalf("upstream got %d bytes (%v), sum match %v", u.n, u.err, u.sum == want)
			}
			resp, err := http.ReadResponse(br, nil)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != 200 || string(body) != fmt.Sprint(size) {
				t.Fatalf("got %d %q", resp.StatusCode, body)
			}
		})
	}
}

// TestBodyLimit: max_request_body bounds what is forwarded, on both front
// ends: a
// declared length past it is refused before the body is read, and a
// chunked body that grows past it is cut — the upstream sees a broken
// body, never a complete one — and the client gets 413.
func TestBodyLimit(t *testing.T) {
	for _, fe := range []string{"fasthttp", "net/http"} {
		t.Run(fe, func(t *testing.T) { testBodyLimit(t, fe) })
	}
}

func testBodyLimit(t *testing.T, frontEnd string) {
	b, _, done := uploadBackend(t)
	g, base := startGateway(t, "max_request_body: 1048576\n"+poolConfig(urls(b), "", ""))
	if frontEnd == "fasthttp" {
		base = serveFast(t, g)
	}
	t.Run("declared length", func(t *testing.T) {
		c, br := dialGateway(t, base)
		fmt.Fprintf(c, "POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n", 1<<20+1)
		expectProblem(t, br, http.StatusRequestEntityTooLarge)
		if b.hits.Load() != 0 {
			t.Fatalf("upstream reached %d times", b.hits.Load())
		}
	})
	t.Run("chunked", func(t *testing.T) {
		c, br := dialGateway(t, base)
		part := strings.Repeat("x", 64<<10)
		fmt.Fprintf(c, "POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
		go func() {
			for range 40 { // 2.5 MiB
				if _, err := fmt.Fprintf(c, "%x\r\n%s\r\n", len(part), part); err != nil {
					return
				}
			}
			io.WriteString(c, "0\r\n\r\n")
		}()
		expectProblem(t, br, http.StatusRequestEntityTooLarge)
		if u := within(t, done, 10*time.Second, "the upstream's end of the body"); u.err == nil || u.n > 1<<20 {
			t.Fatalf("upstream read %d bytes and %v; want a broken body of at most 1 MiB", u.n, u.err)
		}
	})
}

func expectProblem(t *testing.T, br *bufio.Reader, status int) *http.Response {
	t.Helper()
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != status || resp.Header.Get("Content-Type") != "application/problem+json" {
		t.Fatalf("got %d %q %s, want %d problem+json", resp.StatusCode, resp.Header.Get("Content-Type"), body, status)
	}
	return resp
}

// TestStreamedBodyIsNotRetried: a streamed upload the upstream refuses
// with 503 is not sent again (the gateway no longer holds its bytes), even
// for an idempotent method.
func TestStreamedBodyIsNotRetried(t *testing.T) {
	b1, b2 := newBackend(t, "a", nil), newBackend(t, "b", nil)
	b1.fails.Store(1)
	b2.fails.Store(1)
	g, _ := startGateway(t, poolConfig(urls(b1, b2), "retries: {attempts: 3}", ""))
	base := serveFast(t, g)
	req, _ := http.NewRequest(http.MethodPut, base+"/x", io.MultiReader(strings.NewReader(strings.Repeat("y", 1<<20))))
	resp, err := http.DefaultClient.Do(req) // chunked: the length is unknown
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if hits := b1.hits.Load() + b2.hits.Load(); resp.StatusCode != http.StatusServiceUnavailable || hits != 1 {
		t.Fatalf("got %d after %d attempts, want 503 after 1", resp.StatusCode, hits)
	}
}

// TestFastHTTPEarlyAnswerToStreamedUpload: an upstream that answers
// before it has read a streamed upload — a refusal, say — gets its answer
// to the client, who is still sending: the gateway closes the connection
// after it, lingering, rather than resetting it under the client's writes.
func TestFastHTTPEarlyAnswerToStreamedUpload(t *testing.T) {
	b := newBackend(t, "early", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusForbidden)
		io.WriteString(w, "no")
	})
	g, _ := startGateway(t, poolConfig(urls(b), "", ""))
	base := serveFast(t, g)
	req, _ := http.NewRequest(http.MethodPost, base+"/x", strings.NewReader(strings.Repeat("z", 8<<20)))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("the client saw %v, not the upstream's answer", err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden || string(body) != "no" {
		t.Fatalf("got %d %q, want 403 no", resp.StatusCode, body)
	}
}
