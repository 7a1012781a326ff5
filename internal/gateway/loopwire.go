package gateway

import (
	"bytes"
	"strconv"
	"time"

	"github.com/go-jose/go-jose/v4/jwt"
)

// prepare fills ex.out from the request's raw fields (the loop's
// outbound.forwarded) and checks every field as outbound.write would: a
// block with a field it would refuse is the default engine's to judge
// (false).
func (ex *loopExchange) prepare(r *loopReq) bool {
	ex.r = *r
	o := &ex.out
	o.body = r.body
	o.idempotent = isIdempotentMethod(b2s(r.method)) && len(r.body) == 0
	o.peer, o.proto, o.fwHost = ex.cl.peer, "http", r.host
	if !validValue(b2s(r.host)) {
		return false
	}
	for rest := r.fields; len(rest) > 0; {
		nl := bytes.IndexByte(rest, '\n')
		line := rest[:nl-1]
		rest = rest[nl+1:]
		colon := bytes.IndexByte(line, ':')
		if colon <= 0 || !validName(b2s(line[:colon])) || !validValue(b2s(line[colon+1:])) {
			return false
		}
		if r.in.conn && isField(line, "connection") {
			for f := range bytes.SplitSeq(line[colon+1:], []byte(",")) {
				if f = bytes.TrimSpace(f); len(f) > 0 && nominable(b2s(f)) {
					o.conn = append(o.conn, f)
				}
			}
		}
	}
	if o.trusted = ex.rt.trust.trusted(o.peer); o.trusted {
		o.prior = fieldValues(r.fields, "x-forwarded-for")
		switch string(r.in.xfProto) {
		case "http", "https":
			o.proto = string(r.in.xfProto)
		}
		if fh := r.in.xfHost; len(fh) > 0 {
			o.fwHost = fh
		}
	}
	return true
}

// appendRequest appends the outbound request in HTTP/1.1 wire form with
// Host: host, as outbound.write writes it from fasthttp's header: the
// fields in their order with keys in canonical form, the hop-by-hop and
// the gateway's own left out (outbound.skip), X-Forwarded-*, the request
// id and traceparent added, then the body.
func (ex *loopExchange) appendRequest(b []byte, host string) []byte {
	r, o := &ex.r, &ex.out
	b = append(b, r.method...)
	b = append(b, ' ')
	b = append(b, r.uri...)
	b = append(b, " HTTP/1.1\r\nHost: "...)
	b = append(b, host...)
	b = append(b, "\r\n"...)
	var kb [64]byte
	for rest := r.fields; len(rest) > 0; {
		nl := bytes.IndexByte(rest, '\n')
		line := rest[:nl-1]
		rest = rest[nl+1:]
		colon := bytes.IndexByte(line, ':')
		k, v := line[:colon], trimOWS(line[colon+1:])
		ck := canonicalKey(kb[:0], k)
		if o.skip(ck) || len(v) == 0 && string(ck) == "User-Agent" {
			continue
		}
		b = append(b, ck...)
		b = append(b, ": "...)
		b = append(b, v...)
		b = append(b, "\r\n"...)
	}
	b = append(b, "X-Forwarded-For: "...)
	for _, p := range o.prior {
		b = append(b, p...)
		b = append(b, ", "...)
	}
	b = o.peer.AppendTo(b)
	b = append(b, "\r\nX-Forwarded-Proto: "...)
	b = append(b, o.proto...)
	b = append(b, "\r\nX-Forwarded-Host: "...)
	b = append(b, o.fwHost...)
	b = append(b, "\r\nX-Request-Id: "...)
	b = append(b, o.ids.id()...)
	b = append(b, "\r\nTraceparent: "...)
	b = append(b, o.ids.tp()...)
	b = append(b, "\r\n"...)
	if len(o.body) > 0 || methodWantsLength(b2s(r.method)) {
		b = append(b, "Content-Length: "...)
		b = strconv.AppendInt(b, int64(len(o.body)), 10)
		b = append(b, "\r\n"...)
	}
	b = append(b, "\r\n"...)
	return append(b, o.body...)
}

// canonicalKey appends k in fasthttp's (and net/http's) canonical form:
// upper case after the start and every '-', lower case elsewhere.
func canonicalKey(b, k []byte) []byte {
	up := true
	for _, c := range k {
		switch {
		case up && c >= 'a' && c <= 'z':
			c -= 'a' - 'A'
		case !up && c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		b = append(b, c)
		up = c == '-'
	}
	return b
}

// fieldValues returns every value of the field name (lowercase) in the
// raw field lines, in order (copies; only the rare trusted-proxy and
// client-address paths ask).
func fieldValues(fields []byte, name string) []string {
	var vs []string
	for rest := fields; len(rest) > 0; {
		nl := bytes.IndexByte(rest, '\n')
		if nl < 0 {
			nl = len(rest)
		}
		line := bytes.TrimRight(rest[:nl], "\r")
		if nl < len(rest) {
			rest = rest[nl+1:]
		} else {
			rest = nil
		}
		if isField(line, name) {
			vs = append(vs, string(trimOWS(line[len(name)+1:])))
		}
	}
	return vs
}

// loopReady reports whether the bearer check of authorization can run on
// the loop without waiting: no JWT, a verified token still cached, or one
// whose signing key is in the key set already. A token whose key would be
// fetched is the default engine's (the fetch blocks).
func (a *authenticator) loopReady(authorization string, now time.Time) bool {
	raw, ok := bearerValue(authorization)
	if !ok || bytes.Count(s2b(raw), []byte(".")) != 2 {
		return true
	}
	a.mu.Lock()
	v, hit := a.valid[raw]
	a.mu.Unlock()
	if hit && now.Before(v.exp) && v.removals == a.keys.removals.Load() {
		return true
	}
	tok, err := jwt.ParseSigned(raw, jwtAlgs)
	if err != nil || len(tok.Headers) != 1 {
		return true // refused without a key
	}
	_, ok = a.keys.lookup(tok.Headers[0].KeyID)
	return ok
}
