package gateway

import (
	"bufio"
	"strings"
	"testing"

	"github.com/valyala/fasthttp"
)

// TestInFieldsMatchPeek: one pass over the header block finds what
// fasthttp's Peek finds for each field the native path reads (the first
// of repeated fields, values trimmed, names in any case), and refuses a
// block with folded lines.
func TestInFieldsMatchPeek(t *testing.T) {
	for _, tc := range []struct {
		name   string
		fields string // header lines after the request line, CRLF-ended
		folded bool
	}{
		{name: "plain", fields: "Host: a\r\nAuthorization: Bearer t\r\n"},
		{name: "none", fields: "Host: a\r\nAccept: */*\r\nUser-Agent: x\r\n"},
		{name: "case and spaces", fields: "host: a\r\nauthorization:   Bearer t \t\r\nx-request-id:abc\r\nTRACEPARENT: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\r\n"},
		{name: "repeated", fields: "Host: a\r\nX-Request-Id: one\r\nX-Request-Id: two\r\nAuthorization: A\r\nAuthorization: B\r\n"},
		{name: "repeated traceparent", fields: "Host: a\r\ntraceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\r\nTracestate: a=1\r\nTraceparent: x\r\nTraceparent: y\r\n"},
		{name: "empty value first", fields: "Host: a\r\nX-Request-Id:\r\nX-Request-Id: two\r\n"},
		{name: "connection list", fields: "Host: a\r\nConnection: keep-alive, X-Hop\r\nX-Hop: 1\r\n"},
		{name: "connection close", fields: "Host: a\r\nConnection: close\r\n"},
		{name: "upgrade", fields: "Host: a\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"},
		{name: "te", fields: "Host: a\r\nTE: trailers\r\n"},
		{name: "expect", fields: "Host: a\r\nExpect: 100-continue\r\nContent-Length: 0\r\n"},
		{name: "transfer-encoding", fields: "Host: a\r\nTransfer-Encoding: chunked\r\n"},
		{name: "forwarded", fields: "Host: a\r\nX-Forwarded-For: 10.0.0.1\r\nX-Forwarded-Proto: https\r\nx-forwarded-host: example.com\r\nX-Forwarded-Proto: http\r\n"},
		{name: "near misses", fields: "Host: a\r\nTex: 1\r\nAuthorizatio: x\r\nX-Request-Ie: y\r\nX-Forwarded-Hosts: z\r\nTraceparents: w\r\nExpects: v\r\n"},
		{name: "bare LF", fields: "Host: a\nAuthorization: Bearer t\nX-Request-Id: r\r\n"}, // the block still ends in CRLFCRLF,
		{name: "colon in value", fields: "Host: a\r\nAuthorization: Basic a:b:c\r\n"},
		{name: "folded", fields: "Host: a\r\nX-Long: one\r\n two\r\nAuthorization: Bearer t\r\n", folded: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wire := "GET / HTTP/1.1\r\n" + tc.fields + "\r\n"
			parsed, scanned := checkInFields(t, wire)
			if !parsed {
				t.Fatalf("fasthttp refused %q", wire)
			}
			if scanned == tc.folded {
				t.Fatalf("scan = %v, want %v", scanned, !tc.folded)
			}
		})
	}
}

// FuzzInFields: for any header block fasthttp accepts, the one-pass scan
// either declines it (folded lines: the slow path reads it) or finds
// exactly what Peek finds. A field one of them sees and the other does
// not would let a credential, an id or a protocol switch differ between
// what the gateway checks and what it forwards.
func FuzzInFields(f *testing.F) {
	for _, s := range []string{
		"Host: a\r\nAuthorization: Bearer t\r\n",
		"host: a\r\nauthorization:   Bearer t \t\r\nx-request-id:abc\r\n",
		"Host: a\r\nX-Request-Id: one\r\nX-Request-Id: two\r\n",
		"Host: a\r\nConnection: keep-alive, X-Hop\r\nX-Hop: 1\r\nUpgrade: h2c\r\n",
		"Host: a\r\nTE: trailers\r\nExpect: 100-continue\r\nTransfer-Encoding: chunked\r\n",
		"Host: a\nAuthorization: Bearer t\nX-Request-Id: r\r\n",
		"Host: a\r\nX-Long: one\r\n two\r\nAuthorization: Bearer t\r\n",
		"Host: a\r\nX-Forwarded-Proto: https\r\nx-forwarded-host: example.com\r\n",
		"Host: a\r\nAuthorization : Bearer t\r\nUpgrade\t: x\r\n",
		"Host: a\r\nNoColon\r\nTe:\r\nAuthorization:\x00t\r\n",
		"Host: a\r\n\tAuthorization: Bearer t\r\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, fields string) {
		checkInFields(t, "GET / HTTP/1.1\r\n"+fields+"\r\n")
	})
}

// checkInFields parses wire with fasthttp and, when it is accepted and
// the scan takes it, reports every field where the scan and Peek differ.
func checkInFields(t *testing.T, wire string) (parsed, scanned bool) {
	t.Helper()
	var h fasthttp.RequestHeader
	if err := h.Read(bufio.NewReader(strings.NewReader(wire))); err != nil {
		return false, false
	}
	var in inFields
	if !in.scan(h.RawHeaders()) {
		return true, false
	}
	for _, c := range []struct {
		key string
		got []byte
	}{
		{"Authorization", in.authz}, {"X-Request-Id", in.requestID}, {"Traceparent", in.traceparent},
		{"X-Forwarded-Proto", in.xfProto}, {"X-Forwarded-Host", in.xfHost},
	} {
		want := h.Peek(c.key)
		if c.key == "Traceparent" && len(h.PeekAll(c.key)) > 1 {
			want = nil // repeated: present, but no trace context
			if c.got == nil {
				t.Errorf("repeated Traceparent read as absent (block %q)", wire)
			}
		}
		if string(c.got) != string(want) {
			t.Errorf("%s = %q, Peek has %q (block %q)", c.key, c.got, want, wire)
		}
	}
	// A list to read: Connection present, or fasthttp's close flag.
	if got, want := h.ConnectionClose() || in.conn, h.ConnectionClose() || h.Peek("Connection") != nil; got != want {
		t.Errorf("connection list = %v, Peek has %v (block %q)", got, want, wire)
	}
	special := h.Peek("Upgrade") != nil || h.Peek("Expect") != nil || h.Peek("Te") != nil || h.Peek("Transfer-Encoding") != nil
	if in.special != special {
		t.Errorf("special = %v, Peek has %v (block %q)", in.special, special, wire)
	}
	return true, true
}
