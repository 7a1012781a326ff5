// Package apperr is Parley's one error type: a small set of codes that every
// layer can return and that the HTTP layer maps to statuses in exactly one place.
package apperr

import (
	"errors"
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"
)

// Code classifies an error by what the caller can do about it.
type Code string

// The codes. Business code picks one; only internal/httpapi knows HTTP statuses.
const (
	Malformed    Code = "malformed"    // the request could not be parsed (bad JSON, bad syntax)
	Invalid      Code = "invalid"      // parsed, but the content breaks a rule
	NotFound     Code = "not_found"    // the thing named does not exist (or is not visible)
	Conflict     Code = "conflict"     // the state changed under the caller
	Unauthorized Code = "unauthorized" // no or bad credentials
	Forbidden    Code = "forbidden"    // credentials lack the right
	TooLarge     Code = "too_large"    // a size limit was passed
	Unsupported  Code = "unsupported"  // wrong media type or format
	// NotAcceptable: the caller accepts no representation we can send.
	NotAcceptable Code = "not_acceptable"
	// RequestTimeout: the request did not arrive in the time the server
	// waits for one (a body sent too slowly); sending it again may work.
	RequestTimeout Code = "request_timeout"
	RateLimited    Code = "rate_limited" // too many requests; retry later
	Unavailable    Code = "unavailable"  // a dependency is down
	Internal       Code = "internal"     // a bug or an unexpected failure
)

// Error is an error with a code, a message safe to show to the caller, and
// optionally the underlying cause (never shown) and per-field details.
type Error struct {
	Code    Code
	Message string
	Fields  []FieldError
	Err     error
	// RetryAfter tells a RateLimited or Unavailable caller when to retry.
	RetryAfter time.Duration
}

// FieldError names one invalid field by its JSON path.
type FieldError struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// String renders "path: message".
func (f FieldError) String() string {
	if f.Path == "" {
		return f.Message
	}
	return f.Path + ": " + f.Message
}

func (e *Error) Error() string {
	msg := e.Message
	if msg == "" && e.Err != nil {
		msg = e.Err.Error()
	}
	return msg
}

// Unwrap exposes the cause to errors.Is and errors.As.
func (e *Error) Unwrap() error { return e.Err }

// New returns an error with code and a formatted message.
func New(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Wrap returns an error with code and message that keeps err as its cause.
func Wrap(code Code, err error, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), Err: err}
}

// CodeOf returns the code of the first *Error in err's chain, Internal when
// there is none, and "" for a nil error.
func CodeOf(err error) Code {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return Internal
}

// MessageOf returns the caller-safe message of err: the *Error's message, or a
// generic text for errors without a code (their text may hold internals).
func MessageOf(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Error()
	}
	return "internal error"
}

// FieldsOf returns the field errors carried by err, if any.
func FieldsOf(err error) []FieldError {
	var e *Error
	if errors.As(err, &e) {
		return e.Fields
	}
	return nil
}

// Is reports whether err carries code.
func Is(err error, code Code) bool { return err != nil && CodeOf(err) == code }

// RetryAfterOf returns the retry hint carried by err, or 0.
func RetryAfterOf(err error) time.Duration {
	var e *Error
	if errors.As(err, &e) {
		return e.RetryAfter
	}
	return 0
}

// maxEcho is how much of a client's value a message repeats.
const maxEcho = 64

// Quote is v quoted for a message that repeats what a client sent (an
// unknown id or slug), cut after maxEcho bytes at a character boundary:
// an error must not hand back a 10,000-byte path segment, or grow with
// whatever a client invents.
func Quote(v string) string {
	if len(v) <= maxEcho {
		return strconv.Quote(v)
	}
	n := maxEcho
	for n > 0 && !utf8.RuneStart(v[n]) {
		n--
	}
	return strconv.Quote(v[:n]) + fmt.Sprintf("… (%d bytes)", len(v))
}
