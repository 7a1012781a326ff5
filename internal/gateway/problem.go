package gateway

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"

	"github.com/parleyhq/parley/internal/apperr"
)

// problem is an RFC 9457 problem details object.
type problem struct {
	Type      string `json:"type"`
	Title     string `json:"title"`
	Status    int    `json:"status"`
	Detail    string `json:"detail,omitempty"`
	RequestID string `json:"request_id,omitempty"`
}

// writeProblem writes p as application/problem+json.
func writeProblem(w http.ResponseWriter, p problem) {
	b := problemJSON(p)
	h := w.Header()
	h.Set("Content-Type", "application/problem+json")
	h.Set("Content-Length", strconv.Itoa(len(b)))
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(p.Status)
	_, _ = w.Write(b)
}

// problemJSON is p's JSON, with the type and title filled in.
func problemJSON(p problem) []byte {
	if p.Type == "" {
		p.Type = "about:blank"
	}
	if p.Title == "" {
		p.Title = http.StatusText(p.Status)
	}
	b, _ := json.Marshal(p)
	return b
}

// proxyStatus maps a proxying failure to its status: 503 when no target
// could be tried, 504 when the upstream was too slow, 502 otherwise.
func proxyStatus(err error) (int, string) {
	switch {
	case errors.Is(err, errBreakerOpen):
		return http.StatusServiceUnavailable, "the upstream is failing; its circuit breaker is open"
	case errors.Is(err, errNoTarget):
		return http.StatusServiceUnavailable, "no upstream target is available"
	case errors.Is(err, errBodyTooLarge):
		return http.StatusRequestEntityTooLarge, errBodyTooLarge.Error()
	case errors.As(err, new(clientBodyError)):
		return http.StatusBadRequest, "the request body could not be read"
	case errors.Is(err, errRouteTimeout), errors.Is(err, context.DeadlineExceeded):
		return http.StatusGatewayTimeout, "the upstream did not answer in time"
	default:
		return http.StatusBadGateway, "the upstream could not be reached or answered badly"
	}
}

// edgeStatus maps an edge check's error (auth, rate limit) to its status.
func edgeStatus(err error) int {
	switch apperr.CodeOf(err) {
	case apperr.Unauthorized:
		return http.StatusUnauthorized
	case apperr.Forbidden:
		return http.StatusForbidden
	case apperr.RateLimited:
		return http.StatusTooManyRequests
	case apperr.Malformed:
		return http.StatusBadRequest
	case apperr.Unavailable:
		return http.StatusServiceUnavailable
	default:
		return http.StatusInternalServerError
	}
}

// publicMessage is the message of an *apperr.Error, never a cause's text.
func publicMessage(err error) string {
	var ae *apperr.Error
	if errors.As(err, &ae) {
		return ae.Message
	}
	return "internal error"
}
