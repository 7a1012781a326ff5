// Command benchlatency is the fixed-rate latency client of
// scripts/bench-gateway.sh. hey reports milliseconds to one decimal, too
// coarse for the gateway's "added p50 ≤ 100 µs" goal; this client reports
// microseconds.
//
// It is open-loop: each of -c keep-alive connections sends on its own fixed
// schedule (rate/c per second, the connections' schedules staggered), and
// a request's latency is measured from the moment it was due, not from when
// it was sent, so a stall is charged to every request it delayed
// (coordinated omission). That includes the client's own timer lateness
// (time.Sleep wakes late by tens to hundreds of µs on a VM), the same for
// every target; svc_p50 is the time from the write to the whole response,
// which leaves it out, for comparing targets' added latency. Responses are read with net/http's parser over
// a plain connection: one request in flight per connection, no client-side
// pool or goroutine hand-offs to add noise to the figures.
//
// With -paths and -bodies it posts instead: connection i sends to line i
// (mod the line count) of -paths and cycles through the JSON bodies of
// -bodies, one per request — e.g. each connection a visitor asking the
// turns of scripts/turns.lua in its own session, for turn latency at a
// fixed rate (scripts/bench-turns-lat.sh).
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"time"
)

type headers []string

func (h *headers) String() string     { return strings.Join(*h, ", ") }
func (h *headers) Set(v string) error { *h = append(*h, v); return nil }

func main() {
	var hdrs headers
	target := flag.String("url", "", "URL to request (http only)")
	rate := flag.Int("rate", 1000, "requests per second, all connections together")
	conns := flag.Int("c", 10, "keep-alive connections")
	dur := flag.Duration("d", 8*time.Second, "measured duration")
	warm := flag.Duration("warmup", time.Second, "unmeasured run before the measurement")
	flag.Var(&hdrs, "H", `request header "Name: value" (repeatable)`)
	pathsFile := flag.String("paths", "", "file of request paths, one per line: connection i uses line i (mod the count); with -bodies")
	bodiesFile := flag.String("bodies", "", "file of JSON bodies, one per line: POST them in turn on every connection")
	flag.Parse()
	u, err := url.Parse(*target)
	if err != nil || u.Scheme != "http" || *rate <= 0 || *conns <= 0 {
		fmt.Fprintln(os.Stderr, "usage: benchlatency -url http://host:port/path [-rate N] [-c N] [-d 8s] [-H 'K: V']")
		os.Exit(2)
	}
	paths, bodies := readLines(*pathsFile), readLines(*bodiesFile)
	if (len(paths) == 0) != (len(bodies) == 0) {
		fmt.Fprintln(os.Stderr, "-paths and -bodies go together, and neither file may be empty")
		os.Exit(2)
	}
	reqsOf := func(i int) [][]byte {
		if len(paths) == 0 {
			return [][]byte{requestBytes("GET", u.Host, u.RequestURI(), hdrs, "")}
		}
		var rs [][]byte
		for _, b := range bodies {
			rs = append(rs, requestBytes("POST", u.Host, paths[i%len(paths)], hdrs, b))
		}
		return rs
	}
	interval := time.Duration(float64(time.Second) * float64(*conns) / float64(*rate))
	start := time.Now().Add(50 * time.Millisecond)
	measureFrom := start.Add(*warm)
	end := measureFrom.Add(*dur)

	var mu sync.Mutex
	var lat, svc []time.Duration
	codes := map[int]int{}
	errs := 0
	var wg sync.WaitGroup
	for i := range *conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			own, ownSvc, c, e := run(u.Host, reqsOf(i), start.Add(interval*time.Duration(i)/time.Duration(*conns)), interval, measureFrom, end)
			mu.Lock()
			lat = append(lat, own...)
			svc = append(svc, ownSvc...)
			for k, v := range c {
				codes[k] += v
			}
			errs += e
			mu.Unlock()
		}()
	}
	wg.Wait()
	if len(lat) == 0 {
		fmt.Fprintln(os.Stderr, "no successful requests")
		os.Exit(1)
	}
	slices.Sort(lat)
	slices.Sort(svc)
	q := func(xs []time.Duration, p float64) float64 {
		return float64(xs[min(len(xs)-1, int(p*float64(len(xs))))].Nanoseconds()) / 1e3
	}
	// One line, key=value, for the script to read; microseconds.
	fmt.Printf("n=%d errors=%d p50_us=%.0f p90_us=%.0f p99_us=%.0f p999_us=%.0f max_us=%.0f svc_p50_us=%.0f svc_p99_us=%.0f codes=%v\n",
		len(lat), errs, q(lat, 0.50), q(lat, 0.90), q(lat, 0.99), q(lat, 0.999), float64(lat[len(lat)-1].Nanoseconds())/1e3,
		q(svc, 0.50), q(svc, 0.99), codes)
}

// run drives one connection from first until end; latencies of requests
// due at or after measureFrom are returned.
func run(host string, reqs [][]byte, first time.Time, interval time.Duration, measureFrom, end time.Time) ([]time.Duration, []time.Duration, map[int]int, int) {
	var lat, svc []time.Duration
	codes := map[int]int{}
	errs := 0
	var conn net.Conn
	var br *bufio.Reader
	for n, due := 0, first; due.Before(end); n, due = n+1, due.Add(interval) {
		req := reqs[n%len(reqs)]
		if d := time.Until(due); d > 0 {
			time.Sleep(d)
		}
		if conn == nil {
			c, err := net.Dial("tcp", host)
			if err != nil {
				errs++
				continue
			}
			conn, br = c, bufio.NewReaderSize(c, 32<<10)
		}
		sent := time.Now()
		code, err := roundTrip(conn, br, req)
		took, service := time.Since(due), time.Since(sent)
		if err != nil {
			errs++
			conn.Close()
			conn = nil
			continue
		}
		if !due.Before(measureFrom) {
			lat = append(lat, took)
			svc = append(svc, service)
			codes[code]++
		}
	}
	if conn != nil {
		conn.Close()
	}
	return lat, svc, codes, errs
}

func roundTrip(conn net.Conn, br *bufio.Reader, req []byte) (int, error) {
	if _, err := conn.Write(req); err != nil {
		return 0, err
	}
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		return 0, err
	}
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.Close {
		return resp.StatusCode, io.ErrUnexpectedEOF // the next request needs a new connection
	}
	return resp.StatusCode, err
}

func requestBytes(method, host, uri string, hdrs []string, body string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: benchlatency\r\n", method, uri, host)
	for _, h := range hdrs {
		b.WriteString(h)
		b.WriteString("\r\n")
	}
	if method == "POST" {
		fmt.Fprintf(&b, "Content-Type: application/json\r\nContent-Length: %d\r\n", len(body))
	}
	b.WriteString("\r\n")
	b.WriteString(body)
	return []byte(b.String())
}

// readLines returns the non-empty lines of the file at path ("" → none).
func readLines(path string) []string {
	if path == "" {
		return nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var out []string
	for l := range strings.Lines(string(b)) {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
