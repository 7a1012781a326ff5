package httpapi

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/parleyhq/parley/internal/apperr"
)

// identityBody answers 415 to a request whose body arrives content-coded
// (Content-Encoding gzip, br, ...): no endpoint here decodes one, and the
// compressed bytes read as JSON or audio would be refused with a message
// about what they seemed to hold. RFC 9110 §15.5.16: the answer names the
// codings accepted in Accept-Encoding, identity alone. A request without
// a body (Content-Length 0, or none and not chunked) passes whatever its
// header says.
func identityBody(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if ce, ok := r.Header["Content-Encoding"]; ok && r.ContentLength != 0 && !identityOnly(ce) {
			w.Header()["Accept-Encoding"] = identityCoding
			writeProblem(w, r, Problem{Type: problemType(apperr.Unsupported), Title: http.StatusText(http.StatusUnsupportedMediaType),
				Status: http.StatusUnsupportedMediaType,
				Detail: "Content-Encoding " + apperr.Quote(strings.Join(ce, ", ")) + ": send the body uncompressed (no Content-Encoding, or identity)"})
			return
		}
		h.ServeHTTP(w, r)
	})
}

var identityCoding = []string{"identity"}

// identityOnly reports whether the Content-Encoding values vs name no
// coding but identity (or none: an empty field).
func identityOnly(vs []string) bool {
	for _, v := range vs {
		for _, c := range strings.Split(v, ",") {
			if c = strings.TrimSpace(c); c != "" && !strings.EqualFold(c, "identity") {
				return false
			}
		}
	}
	return true
}

// MaxHeadBytes is the largest request head (request line and header
// fields) the API reads: past it, 431 as problem+json. The listener's own
// limit (http.Server.MaxHeaderBytes) must be larger, or net/http answers
// first, in plain text, and the request never reaches the API.
const MaxHeadBytes = 64 << 10

// limitHead answers 431 (RFC 6585 §5) to a request whose head is past
// MaxHeadBytes, naming its largest field, before authentication reads a
// credential from it.
func (s *Server) limitHead(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n := headSize(r); n > MaxHeadBytes {
			field, size := largestField(r.Header)
			detail := fmt.Sprintf("the request head is %d bytes; this API reads at most %d", n, MaxHeadBytes)
			if field != "" {
				detail += fmt.Sprintf(" (largest field: %s, %d bytes)", field, size)
			}
			status := http.StatusRequestHeaderFieldsTooLarge
			if s.auth != nil && s.auth.WriteRouteError(w, r, status, detail) {
				return
			}
			writeProblem(w, r, Problem{Type: "about:blank", Title: http.StatusText(status), Status: status, Detail: detail})
			return
		}
		next.ServeHTTP(w, r)
	})
}

// headSize is the size of r's head as it was sent, give or take the
// spaces a client put around values: "METHOD TARGET PROTO\r\n", a Host
// field (net/http moves it out of Header) and "Name: value\r\n" per field.
func headSize(r *http.Request) int {
	n := len(r.Method) + len(r.RequestURI) + len(r.Proto) + 4 + len("Host: \r\n") + len(r.Host) + 2
	for k, vs := range r.Header {
		for _, v := range vs {
			n += len(k) + len(v) + 4
		}
	}
	return n
}

// largestField names the field whose values take the most bytes in h.
func largestField(h http.Header) (string, int) {
	name, most := "", 0
	for k, vs := range h {
		n := 0
		for _, v := range vs {
			n += len(k) + len(v) + 4
		}
		if n > most {
			name, most = k, n
		}
	}
	return name, most
}
