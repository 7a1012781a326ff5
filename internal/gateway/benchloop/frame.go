package main

import (
	"bytes"
	"errors"
	"strconv"
)

// Body framing modes (RFC 9112 §6.3).
const (
	bodyNone    = iota // no body: GET without length, HEAD answers, 1xx/204/304
	bodyLength         // Content-Length
	bodyChunked        // Transfer-Encoding: chunked
	bodyClose          // an answer without either: ends when the upstream closes
)

// Where a chunked body's reader is in the chunk framing.
const (
	csSize      = iota // hex digits of a chunk size
	csExt              // a chunk extension, up to LF
	csSizeLF           // LF after the size line's CR
	csData             // chunk data (left bytes)
	csDataCR           // CR after the data
	csDataLF           // LF after the data
	csTrailer          // start of a trailer line (or of the final empty line)
	csTrailerLn        // inside a trailer line, up to LF
	csEndLF            // LF of the final empty line
)

var errFrame = errors.New("bad message framing")

// body tracks where a message's body ends while its bytes are passed on
// unchanged: the proxy never copies or rewrites a body, it only has to know
// when the message is over so that both connections can be reused.
type body struct {
	mode  int
	left  int64 // bytes left of the whole body (length) or of the chunk's data
	state int
	size  int64
	digit bool
}

// feed takes the body's bytes from the front of p and says how many belong
// to it and whether the body ended with them.
func (b *body) feed(p []byte) (n int, done bool, err error) {
	switch b.mode {
	case bodyNone:
		return 0, true, nil
	case bodyClose:
		return len(p), false, nil
	case bodyLength:
		if int64(len(p)) < b.left {
			b.left -= int64(len(p))
			return len(p), false, nil
		}
		n = int(b.left)
		b.left = 0
		return n, true, nil
	}
	for n < len(p) {
		c := p[n]
		switch b.state {
		case csSize:
			switch {
			case c >= '0' && c <= '9', c >= 'a' && c <= 'f', c >= 'A' && c <= 'F':
				if b.size > 1<<40 {
					return n, false, errFrame
				}
				b.size = b.size<<4 | int64(unhex(c))
				b.digit = true
			case c == ';' || c == ' ' || c == '\t':
				b.state = csExt
			case c == '\r':
				b.state = csSizeLF
			case c == '\n':
				b.endSize()
			default:
				return n, false, errFrame
			}
			n++
		case csExt:
			if i := bytes.IndexByte(p[n:], '\n'); i >= 0 {
				n += i + 1
				b.endSize()
			} else {
				n = len(p)
			}
		case csSizeLF:
			if c != '\n' {
				return n, false, errFrame
			}
			n++
			b.endSize()
		case csData:
			k := int64(len(p) - n)
			if k > b.left {
				k = b.left
			}
			n += int(k)
			if b.left -= k; b.left == 0 {
				b.state = csDataCR
			}
		case csDataCR:
			switch c {
			case '\r':
				b.state = csDataLF
			case '\n':
				b.state = csSize
			default:
				return n, false, errFrame
			}
			n++
		case csDataLF:
			if c != '\n' {
				return n, false, errFrame
			}
			n++
			b.state = csSize
		case csTrailer:
			n++
			switch c {
			case '\r':
				b.state = csEndLF
			case '\n':
				return n, true, nil
			default:
				b.state = csTrailerLn
			}
		case csTrailerLn:
			if i := bytes.IndexByte(p[n:], '\n'); i >= 0 {
				n += i + 1
				b.state = csTrailer
			} else {
				n = len(p)
			}
		case csEndLF:
			if c != '\n' {
				return n, false, errFrame
			}
			return n + 1, true, nil
		}
	}
	return n, false, nil
}

// endSize is the end of a chunk-size line: data follows, or the last chunk.
func (b *body) endSize() {
	if !b.digit {
		b.state = -1 // no digits: feed fails on the next byte
		return
	}
	if b.size == 0 {
		b.state = csTrailer
	} else {
		b.state, b.left = csData, b.size
	}
	b.size, b.digit = 0, false
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

// head is what the proxy needs from a message's header block.
type head struct {
	status  int  // answers only
	isHead  bool // requests only: a HEAD request (its answer has no body)
	close   bool // the connection ends after this message
	chunked bool
	length  int64 // -1 when absent
}

// parseHead reads the start line and the fields that frame the message from
// a complete header block (ending in CRLF CRLF). Other fields pass through.
func parseHead(h []byte, answer bool) (head, error) {
	m := head{length: -1}
	eol := bytes.IndexByte(h, '\n')
	if eol < 0 {
		return m, errFrame
	}
	line := bytes.TrimRight(h[:eol], "\r")
	if answer {
		// HTTP/1.x NNN reason
		if len(line) < 12 || !bytes.HasPrefix(line, []byte("HTTP/1.")) {
			return m, errFrame
		}
		code, err := strconv.Atoi(string(line[9:12]))
		if err != nil {
			return m, errFrame
		}
		m.status = code
		m.close = line[7] == '0'
	} else {
		sp := bytes.IndexByte(line, ' ')
		if sp <= 0 || !bytes.HasSuffix(line, []byte(" HTTP/1.1")) && !bytes.HasSuffix(line, []byte(" HTTP/1.0")) {
			return m, errFrame
		}
		m.isHead = string(line[:sp]) == "HEAD"
		m.close = line[len(line)-1] == '0'
	}
	for rest := h[eol+1:]; len(rest) > 0; {
		eol = bytes.IndexByte(rest, '\n')
		if eol < 0 {
			break
		}
		line, rest = bytes.TrimRight(rest[:eol], "\r"), rest[eol+1:]
		colon := bytes.IndexByte(line, ':')
		if colon <= 0 {
			continue
		}
		name, val := line[:colon], bytes.TrimSpace(line[colon+1:])
		switch {
		case bytes.EqualFold(name, []byte("Content-Length")):
			v, err := strconv.ParseInt(string(val), 10, 64)
			if err != nil || v < 0 || m.length >= 0 && m.length != v {
				return m, errFrame
			}
			m.length = v
		case bytes.EqualFold(name, []byte("Transfer-Encoding")):
			// Only a final "chunked" frames the body; anything else is refused
			// by a real gateway and by this peer alike.
			if !hasSuffixFold(val, "chunked") {
				return m, errFrame
			}
			m.chunked = true
		case bytes.EqualFold(name, []byte("Connection")):
			if containsFold(val, "close") {
				m.close = true
			} else if containsFold(val, "keep-alive") {
				m.close = false
			}
		}
	}
	if m.chunked && m.length >= 0 {
		return m, errFrame // request smuggling shape: refuse
	}
	return m, nil
}

// frame says how the body after head h ends. req is the request an answer
// belongs to.
func frame(h head, answer bool, req head) body {
	switch {
	case answer && (req.isHead || h.status/100 == 1 || h.status == 204 || h.status == 304):
		return body{mode: bodyNone}
	case h.chunked:
		return body{mode: bodyChunked}
	case h.length > 0:
		return body{mode: bodyLength, left: h.length}
	case h.length == 0 || !answer:
		return body{mode: bodyNone}
	}
	return body{mode: bodyClose}
}

func hasSuffixFold(s []byte, suf string) bool {
	return len(s) >= len(suf) && bytes.EqualFold(s[len(s)-len(suf):], []byte(suf))
}

func containsFold(s []byte, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if bytes.EqualFold(s[i:i+len(sub)], []byte(sub)) {
			return true
		}
	}
	return false
}
