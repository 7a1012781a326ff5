// Package h1frame tracks where HTTP/1.1 messages end while their bytes are
// passed on unchanged: the framing fields of a header block (with the
// smuggling shapes refused) and a body tracker for Content-Length and
// chunked bodies. The gateway's event-loop engine and the benchloop peer
// use it.
package h1frame

import (
	"bytes"
	"errors"
	"strconv"
)

// Body framing modes (Body.Mode) (RFC 9112 §6.3).
const (
	BodyNone    = iota // no body: GET without length, HEAD answers, 1xx/204/304
	BodyLength         // Content-Length
	BodyChunked        // Transfer-Encoding: chunked
	BodyClose          // an answer without either: ends when the upstream closes
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

// ErrFrame is a message whose framing is refused.
var ErrFrame = errors.New("bad message framing")

// Body tracks where a message's body ends while its bytes are passed on
// unchanged: the proxy never copies or rewrites a body, it only has to know
// when the message is over so that both connections can be reused.
type Body struct {
	Mode  int
	left  int64 // bytes left of the whole body (length) or of the chunk's data
	state int
	size  int64
	digit bool
}

// Feed takes the body's bytes from the front of p and says how many belong
// to it and whether the body ended with them.
func (b *Body) Feed(p []byte) (n int, done bool, err error) {
	switch b.Mode {
	case BodyNone:
		return 0, true, nil
	case BodyClose:
		return len(p), false, nil
	case BodyLength:
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
					return n, false, ErrFrame
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
				return n, false, ErrFrame
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
				return n, false, ErrFrame
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
				return n, false, ErrFrame
			}
			n++
		case csDataLF:
			if c != '\n' {
				return n, false, ErrFrame
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
				return n, false, ErrFrame
			}
			return n + 1, true, nil
		}
	}
	return n, false, nil
}

// endSize is the end of a chunk-size line: data follows, or the last chunk.
func (b *Body) endSize() {
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

// Head is what the proxy needs from a message's header block.
type Head struct {
	Status  int  // answers only
	IsHead  bool // requests only: a HEAD request (its answer has no body)
	Close   bool // the connection ends after this message
	Chunked bool
	Length  int64 // -1 when absent
	// Host is a request's Host field (nil when absent; a second one is
	// refused).
	Host []byte
}

// ParseHead reads the start line and the fields that frame the message from
// a complete header block (ending in CRLF CRLF). Other fields pass through.
func ParseHead(h []byte, answer bool) (Head, error) {
	m := Head{Length: -1}
	eol := bytes.IndexByte(h, '\n')
	if eol < 0 {
		return m, ErrFrame
	}
	line := bytes.TrimRight(h[:eol], "\r")
	if answer {
		// HTTP/1.x NNN reason
		if len(line) < 12 || !bytes.HasPrefix(line, []byte("HTTP/1.")) {
			return m, ErrFrame
		}
		code, err := strconv.Atoi(string(line[9:12]))
		if err != nil {
			return m, ErrFrame
		}
		m.Status = code
		m.Close = line[7] == '0'
	} else {
		sp := bytes.IndexByte(line, ' ')
		if sp <= 0 || !bytes.HasSuffix(line, []byte(" HTTP/1.1")) && !bytes.HasSuffix(line, []byte(" HTTP/1.0")) {
			return m, ErrFrame
		}
		m.IsHead = string(line[:sp]) == "HEAD"
		m.Close = line[len(line)-1] == '0'
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
			if err != nil || v < 0 || m.Length >= 0 && m.Length != v {
				return m, ErrFrame
			}
			m.Length = v
		case bytes.EqualFold(name, []byte("Transfer-Encoding")):
			// Only a final "chunked" frames the body; anything else is refused
			// by a real gateway and by this peer alike.
			if !hasSuffixFold(val, "chunked") {
				return m, ErrFrame
			}
			m.Chunked = true
		case !answer && bytes.EqualFold(name, []byte("Host")):
			if m.Host != nil {
				return m, ErrFrame
			}
			m.Host = val
		case bytes.EqualFold(name, []byte("Connection")):
			if containsFold(val, "close") {
				m.Close = true
			} else if containsFold(val, "keep-alive") {
				m.Close = false
			}
		}
	}
	if m.Chunked && m.Length >= 0 {
		return m, ErrFrame // request smuggling shape: refuse
	}
	return m, nil
}

// Frame says how the body after head h ends. req is the request an answer
// belongs to.
func Frame(h Head, answer bool, req Head) Body {
	switch {
	case answer && (req.IsHead || h.Status/100 == 1 || h.Status == 204 || h.Status == 304):
		return Body{Mode: BodyNone}
	case h.Chunked:
		return Body{Mode: BodyChunked}
	case h.Length > 0:
		return Body{Mode: BodyLength, left: h.Length}
	case h.Length == 0 || !answer:
		return Body{Mode: BodyNone}
	}
	return Body{Mode: BodyClose}
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
