package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
)

// statusOf is the one place where error codes become HTTP statuses.
var statusOf = map[apperr.Code]int{
	apperr.Malformed:      http.StatusBadRequest,
	apperr.Invalid:        http.StatusUnprocessableEntity,
	apperr.NotFound:       http.StatusNotFound,
	apperr.Conflict:       http.StatusConflict,
	apperr.Unauthorized:   http.StatusUnauthorized,
	apperr.Forbidden:      http.StatusForbidden,
	apperr.TooLarge:       http.StatusRequestEntityTooLarge,
	apperr.Unsupported:    http.StatusUnsupportedMediaType,
	apperr.NotAcceptable:  http.StatusNotAcceptable,
	apperr.RequestTimeout: http.StatusRequestTimeout,
	apperr.RateLimited:    http.StatusTooManyRequests,
	apperr.Unavailable:    http.StatusServiceUnavailable,
	apperr.Internal:       http.StatusInternalServerError,
}

// Problem is an RFC 9457 problem details object.
type Problem struct {
	Type      string              `json:"type"`
	Title     string              `json:"title"`
	Status    int                 `json:"status"`
	Detail    string              `json:"detail,omitempty"`
	Instance  string              `json:"instance,omitempty"`
	RequestID string              `json:"request_id,omitempty"`
	Errors    []apperr.FieldError `json:"errors,omitempty"`
}

// problemType is the documented URI of each code's problem type.
func problemType(code apperr.Code) string {
	return "https://parley.dev/problems/" + string(code)
}

// writeError answers err as problem+json. Only internal errors are logged
// (with the cause); the caller sees a safe message.
func writeError(w http.ResponseWriter, r *http.Request, logger *slog.Logger, err error) {
	if clientGone(r, err) {
		// Nobody reads this answer, and it is no server error. 499 is
		// nginx's "client closed request".
		w.WriteHeader(499)
		return
	}
	if errors.Is(err, context.DeadlineExceeded) {
		err = apperr.Wrap(apperr.Unavailable, err, "the request took too long; try again")
	}
	p := problemOf(r, logger, err)
	if p.Status == http.StatusRequestTimeout {
		// RFC 9110 §15.5.9: the server closes the connection after a 408;
		// what is left of the late body must not be read as a next request.
		w.Header().Set("Connection", "close")
	}
	if p.Status == http.StatusTooManyRequests || p.Status == http.StatusServiceUnavailable {
		retry := apperr.RetryAfterOf(err)
		secs := int((retry + time.Second - 1) / time.Second) // round up: never invite an early retry
		w.Header().Set("Retry-After", strconv.Itoa(max(1, secs)))
	}
	writeProblem(w, r, p)
}

// clientGone reports whether err only says that r's client went away
// (closed the connection, or gave up mid-stream): no server error, and
// nobody to tell.
func clientGone(r *http.Request, err error) bool {
	return errors.Is(err, context.Canceled) && r.Context().Err() != nil
}

// problemOf maps err to its problem body, logging server-side failures.
func problemOf(r *http.Request, logger *slog.Logger, err error) Problem {
	code := apperr.CodeOf(err)
	status, ok := statusOf[code]
	if !ok {
		status = http.StatusInternalServerError
	}
	if status >= 500 && code != apperr.Unavailable {
		logger.ErrorContext(r.Context(), "request failed", "err", err, "request_id", RequestIDFrom(r.Context()),
			"method", r.Method, "path", shortPath(r.URL.Path))
	} else if code == apperr.Unavailable {
		logger.WarnContext(r.Context(), "dependency unavailable", "err", err, "request_id", RequestIDFrom(r.Context()))
	}
	return Problem{
		Type:      problemType(code),
		Title:     http.StatusText(status),
		Status:    status,
		Detail:    apperr.MessageOf(err),
		Errors:    apperr.FieldsOf(err),
		Instance:  instanceOf(r),
		RequestID: RequestIDFrom(r.Context()),
	}
}

// maxInstance is the longest request path a problem names as its
// instance: past it the member is left out (RFC 9457 §3.1.5 makes it
// optional) rather than echo whatever size of path a client invents.
const maxInstance = 4 << 10

func instanceOf(r *http.Request) string {
	if len(r.URL.Path) > maxInstance {
		return ""
	}
	return r.URL.Path
}

func writeProblem(w http.ResponseWriter, r *http.Request, p Problem) {
	p.Instance = instanceOf(r)
	p.RequestID = RequestIDFrom(r.Context())
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(p.Status)
	_ = json.NewEncoder(w).Encode(p)
}

// writeJSON answers v as JSON with status. The body is encoded into a
// pooled buffer first and sent with its Content-Length: one write, no
// chunked framing for bodies past net/http's 2 KiB buffer, and no encoder
// allocated per response (every turn answers through here).
func writeJSON(w http.ResponseWriter, status int, v any) {
	buf := jsonBuffers.Get().(*bytes.Buffer)
	defer putJSONBuffer(buf)
	buf.Reset()
	enc := json.NewEncoder(buf)
	if err := enc.Encode(v); err != nil {
		// Not reachable with the types we answer with; keep the old
		// behaviour of a header and whatever was encoded.
		w.Header()["Content-Type"] = jsonContentType
		w.WriteHeader(status)
		return
	}
	writeJSONBytes(w, status, buf.Bytes())
}

// writeJSONBytes answers body, JSON already encoded, with status and its
// Content-Length. A body that fits net/http's response buffer
// (chunkingBuffer) is sent with the length net/http counts itself when the
// handler returns, as it does for any handler that writes so little; a
// larger one is declared here, or net/http would chunk it. Declaring a
// small one cost every turn two allocations (the value and its slice) and
// net/http a parse of it.
func writeJSONBytes(w http.ResponseWriter, status int, body []byte) {
	h := w.Header()
	h["Content-Type"] = jsonContentType
	if len(body) > chunkingBuffer {
		h["Content-Length"] = []string{strconv.Itoa(len(body))}
	}
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// chunkingBuffer is the size of net/http's buffer in front of a response
// body (bufferBeforeChunkingSize): a body that fits it, written by a
// handler that then returns without flushing, goes out with a
// Content-Length that net/http computes (TestWriteJSONFramesItsBody).
const chunkingBuffer = 2048

// jsonContentType is shared by every response's header map: net/http only
// reads it.
var jsonContentType = []string{"application/json"}

var jsonBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// putJSONBuffer returns buf to the pool unless it grew large (an export of
// a long history), which would pin the memory.
func putJSONBuffer(buf *bytes.Buffer) {
	if buf.Cap() <= 64<<10 {
		jsonBuffers.Put(buf)
	}
}

// WriteError answers err as problem+json; other packages' middleware (auth)
// use it so that every error body comes from this one place.
func (s *Server) WriteError(w http.ResponseWriter, r *http.Request, err error) {
	writeError(w, r, s.logger, err)
}
