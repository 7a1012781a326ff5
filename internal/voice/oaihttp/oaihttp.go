// Package oaihttp holds what the OpenAI-compatible audio clients (speech and
// transcription) share: the endpoint configuration, the request round trip
// with a bounded body, and the mapping of the API's errors to apperr codes.
package oaihttp

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
)

// Endpoint is where an OpenAI-compatible API lives.
type Endpoint struct {
	// BaseURL includes the version prefix, e.g. "https://api.groq.com/openai/v1".
	BaseURL string
	// APIKey is sent as a bearer token; empty sends none (local servers).
	APIKey string
	// HTTPClient is used for requests (default: a client with a 60 s timeout).
	HTTPClient *http.Client
	// Name labels the provider in errors ("groq", "openai").
	Name string
}

// Validate checks the base URL is an absolute http(s) URL.
func (e Endpoint) Validate() error {
	if !strings.HasPrefix(e.BaseURL, "http://") && !strings.HasPrefix(e.BaseURL, "https://") {
		return apperr.New(apperr.Invalid, "audio API base URL %q must start with http:// or https://", e.BaseURL)
	}
	return nil
}

// Checked returns e validated, named defaultName unless it has a name.
// Errors: as Validate.
func (e Endpoint) Checked(defaultName string) (Endpoint, error) {
	if err := e.Validate(); err != nil {
		return e, err
	}
	if e.Name == "" {
		e.Name = defaultName
	}
	return e, nil
}

// Post sends body to path ("/audio/speech") as contentType, asking for
// accept, and returns the body of a 2xx response. Errors: as Do.
func (e Endpoint) Post(ctx context.Context, path, contentType, accept string, body io.Reader) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, e.URL(path), body)
	if err != nil {
		return nil, apperr.Wrap(apperr.Internal, err, "build %s request", e.name())
	}
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("Accept", accept)
	return e.Do(ctx, req)
}

// URL joins the base URL and path ("/audio/speech").
func (e Endpoint) URL(path string) string {
	return strings.TrimRight(e.BaseURL, "/") + path
}

func (e Endpoint) client() *http.Client {
	if e.HTTPClient != nil {
		return e.HTTPClient
	}
	return defaultClient
}

func (e Endpoint) name() string {
	if e.Name != "" {
		return e.Name
	}
	return "audio API"
}

var defaultClient = &http.Client{Timeout: 60 * time.Second}

// MaxResponse bounds a response body (one minute of 24 kHz WAV is ~3 MB).
const MaxResponse = 32 << 20

// Do sends req (with the bearer token added) and returns the body of a 2xx
// response. Errors: apperr.Unavailable for network failures, 5xx, 429 (with
// RetryAfter) and rejected credentials; apperr.Internal for other 4xx (a
// request this client built wrongly); the API's message is kept as the cause.
func (e Endpoint) Do(ctx context.Context, req *http.Request) ([]byte, error) {
	req = req.WithContext(ctx)
	if e.APIKey != "" {
		req.Header.Set("Authorization", "Bearer "+e.APIKey)
	}
	resp, err := e.client().Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("%s: %w", e.name(), ctx.Err())
		}
		return nil, apperr.Wrap(apperr.Unavailable, err, "%s is unreachable", e.name())
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, MaxResponse+1))
	if err != nil {
		return nil, apperr.Wrap(apperr.Unavailable, err, "%s response was cut off", e.name())
	}
	if len(body) > MaxResponse {
		return nil, apperr.New(apperr.Internal, "%s response exceeds %d bytes", e.name(), MaxResponse)
	}
	if resp.StatusCode/100 == 2 {
		return body, nil
	}
	cause := fmt.Errorf("%s: HTTP %d: %s", e.name(), resp.StatusCode, apiMessage(body))
	switch {
	case resp.StatusCode == http.StatusTooManyRequests:
		ae := apperr.Wrap(apperr.Unavailable, cause, "%s is rate limiting us", e.name())
		ae.RetryAfter = retryAfter(resp.Header.Get("Retry-After"))
		return nil, ae
	case resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden:
		return nil, apperr.Wrap(apperr.Unavailable, cause, "%s rejected our credentials", e.name())
	case resp.StatusCode >= 500:
		return nil, apperr.Wrap(apperr.Unavailable, cause, "%s failed", e.name())
	default:
		return nil, apperr.Wrap(apperr.Internal, cause, "%s refused the request", e.name())
	}
}

// apiMessage extracts {"error":{"message":...}} or returns the body's start.
func apiMessage(body []byte) string {
	var v struct {
		Error struct {
			Message string `json:"message"`
		} `json:"error"`
	}
	if json.Unmarshal(body, &v) == nil && v.Error.Message != "" {
		return v.Error.Message
	}
	s := strings.TrimSpace(string(body))
	if len(s) > 200 {
		s = s[:200]
	}
	return s
}

func retryAfter(h string) time.Duration {
	if s, err := strconv.Atoi(strings.TrimSpace(h)); err == nil && s > 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil {
		return max(0, time.Until(t))
	}
	return 0
}
