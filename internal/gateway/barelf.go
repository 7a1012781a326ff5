package gateway

import "io"

// bareLF makes the fasthttp front end read a request whose lines end in a
// bare LF as nginx (and net/http) do — RFC 9112 §2.2 lets a recipient take
// LF alone as a line terminator — instead of leaving it unanswered until
// the header timeout: fasthttp ends a header block only where the stream
// holds a CRLFCRLF, so that it cannot frame a stream differently from a
// peer that accepts only that terminator.
//
// Only the first header block of a connection is read here, where a
// request certainly starts (byte 0): finding later ones would take the
// body framing that only fasthttp knows. When that block has a bare LF,
// each bare LF becomes CRLF and "Connection: close" is added, so the
// connection ends with that request's answer and no later request on it
// needs finding. The block ends where fasthttp and nginx end it, at the
// first empty line (LF or CRLF) after a non-empty one; the bytes after it
// (the body) pass unchanged, a bare CR too (fasthttp refuses it with 400,
// as nginx does), and the request is forwarded upstream as the gateway
// writes every request, with CRLF. A block of CRLF lines, the usual case,
// is scanned once per connection and passed as read.
type bareLF struct {
	done    bool   // the first header block has passed
	content bool   // a non-empty line has been seen
	inLine  bool   // the current line has content
	cr      bool   // the last byte was CR (held back once rewriting)
	rewrite bool   // a bare LF was seen: the rest of the block is rewritten
	pending []byte // rewritten bytes not yet returned
	err     error  // the read error to return once pending is out
}

func (f *bareLF) read(r io.Reader, p []byte) (int, error) {
	for {
		if len(f.pending) > 0 {
			n := copy(p, f.pending)
			f.pending = f.pending[n:]
			return n, nil
		}
		if f.err != nil {
			err := f.err
			f.err = nil
			return 0, err
		}
		n, err := r.Read(p)
		if f.done || n == 0 {
			return n, err
		}
		out, changed := f.fix(p[:n])
		if !changed {
			return n, err
		}
		f.pending, f.err = out, err
		if len(out) == 0 && err == nil {
			continue // only a held CR: read on
		}
	}
}

// fix scans in; when the block needs rewriting it returns the rewritten
// bytes and true, else in is to be returned as read.
func (f *bareLF) fix(in []byte) ([]byte, bool) {
	if f.rewrite {
		return f.rewriteFrom(nil, in), true
	}
	for i, c := range in {
		switch c {
		case '\r':
			f.inLine = f.inLine || f.cr
			f.cr = true
		case '\n':
			if !f.cr {
				f.rewrite = true
				return f.rewriteFrom(append([]byte(nil), in[:i]...), in[i:]), true
			}
			f.cr = false
			if f.lineEnd() {
				return nil, false
			}
		default:
			f.cr, f.inLine = false, true
		}
	}
	return nil, false
}

// lineEnd ends the current line and reports whether it ended the block.
func (f *bareLF) lineEnd() bool {
	if !f.inLine {
		f.done = f.content
		return f.done
	}
	f.content, f.inLine = true, false
	return false
}

// rewriteFrom appends in to out with bare LFs made CRLF, "Connection:
// close" before the block's end, and a CR held back until the byte after
// it is known.
func (f *bareLF) rewriteFrom(out, in []byte) []byte {
	for i, c := range in {
		if f.done {
			return append(out, in[i:]...)
		}
		switch c {
		case '\r':
			if f.cr {
				out, f.inLine = append(out, '\r'), true // the held CR was a bare one
			}
			f.cr = true
		case '\n':
			f.cr = false
			if f.lineEnd() {
				out = append(out, "Connection: close\r\n\r\n"...)
				continue
			}
			out = append(out, '\r', '\n')
		default:
			if f.cr {
				out, f.cr = append(out, '\r'), false
			}
			out, f.inLine = append(out, c), true
		}
	}
	return out
}
