// Package blob is Parley's object store port: spoken replies and other
// binary artefacts, addressed by key, readable through expiring URLs, and
// deleted after a retention period. Local (a directory, the default) and S3
// (or any S3-compatible server) implement it.
package blob

import (
	"context"
	"errors"
	"io"
	"mime"
	"path"
	"strings"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
)

// Store holds blobs by key.
type Store interface {
	// Put stores r under key, replacing any blob there. contentType ""
	// means by the key's extension. Errors: apperr.Invalid for a bad key,
	// apperr.TooLarge past the store's limit, apperr.Unavailable when the
	// backend is down.
	Put(ctx context.Context, key string, r io.Reader, contentType string) error
	// Get opens the blob; the caller closes it. Errors: apperr.NotFound,
	// apperr.Invalid, apperr.Unavailable.
	Get(ctx context.Context, key string) (io.ReadCloser, Info, error)
	// Delete removes the blob; deleting a missing blob is not an error.
	Delete(ctx context.Context, key string) error
	// SignedURL returns a URL that serves the blob to anyone holding it
	// until ttl has passed. It does not check the blob exists.
	SignedURL(ctx context.Context, key string, ttl time.Duration) (string, error)
	// DeleteOlderThan removes blobs under prefix last written before t and
	// returns how many it removed (retention).
	DeleteOlderThan(ctx context.Context, prefix string, t time.Time) (int, error)
}

// Info describes a stored blob.
type Info struct {
	Key         string
	Size        int64
	ContentType string
	Modified    time.Time
}

// MaxKeyLength bounds keys (S3 allows 1024 bytes).
const MaxKeyLength = 512

// ValidateKey accepts keys made of "/"-separated segments of letters,
// digits, '.', '-' and '_', with no empty, "." or ".." segment: safe as a
// file path and as an S3 key, and needing no escaping in a URL.
// Errors: apperr.Invalid.
func ValidateKey(key string) error {
	if key == "" || len(key) > MaxKeyLength {
		return apperr.New(apperr.Invalid, "blob key must be 1 to %d bytes", MaxKeyLength)
	}
	for _, seg := range strings.Split(key, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return apperr.New(apperr.Invalid, "blob key %q has an empty, . or .. segment", key)
		}
		for _, r := range seg {
			ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-' || r == '_'
			if !ok {
				return apperr.New(apperr.Invalid, "blob key %q may hold only letters, digits, '.', '-', '_' and '/'", key)
			}
		}
	}
	return nil
}

// ValidatePrefix accepts "" (everything) or a key prefix ending in "/".
func ValidatePrefix(prefix string) error {
	if prefix == "" {
		return nil
	}
	if !strings.HasSuffix(prefix, "/") {
		return apperr.New(apperr.Invalid, "blob prefix %q must end with /", prefix)
	}
	return ValidateKey(strings.TrimSuffix(prefix, "/"))
}

// TypeByKey guesses a content type from the key's extension, falling back to
// application/octet-stream.
func TypeByKey(key string) string {
	switch strings.ToLower(path.Ext(key)) {
	case ".wav":
		return "audio/wav"
	case ".ogg", ".opus":
		return "audio/ogg"
	case ".mp3":
		return "audio/mpeg"
	}
	if t := mime.TypeByExtension(path.Ext(key)); t != "" {
		return t
	}
	return "application/octet-stream"
}

func asApp(err error, target **apperr.Error) bool { return errors.As(err, target) }
