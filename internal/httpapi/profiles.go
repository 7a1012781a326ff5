package httpapi

import (
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/profile"
)

func (s *Server) getProfile(w http.ResponseWriter, r *http.Request) {
	doc, p, err := s.profiles.Public(r.Context(), r.PathValue("slug"))
	if err != nil {
		writeError(w, r, s.logger, err)
		return
	}
	etag := `"` + p.Hash[:min(len(p.Hash), 32)] + `-` + strconv.Itoa(p.Version) + `"`
	w.Header().Set("ETag", etag)
	w.Header().Set("Cache-Control", "public, max-age=60")
	if etagMatches(r.Header.Get("If-None-Match"), etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h := w.Header()
	h["Content-Type"] = jsonContentType
	h.Set("X-Profile-Version", strconv.Itoa(p.Version))
	// Declared, not left to net/http: a document past its 2 KiB buffer
	// would go chunked, and HEAD (which writes no body) would say no size
	// at all, though RFC 9110 §9.3.2 has it answer GET's fields.
	h.Set("Content-Length", strconv.Itoa(len(doc)))
	if r.Method == http.MethodHead {
		return
	}
	_, _ = w.Write(doc)
}

// putProfile imports a JSON Resume document as slug (needs profiles:write):
// 201 when the slug is new, 200 when it replaces (or equals) the current one.
func (s *Server) putProfile(w http.ResponseWriter, r *http.Request) {
	if err := checkJSONMediaType(r.Header.Get("Content-Type")); err != nil {
		writeError(w, r, s.logger, err)
		return
	}
	if err := declaredTooLarge(r, profile.MaxDocumentBytes, "document"); err != nil {
		writeError(w, r, s.logger, err)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, profile.MaxDocumentBytes))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			err = apperr.New(apperr.TooLarge, "document exceeds %d bytes", profile.MaxDocumentBytes)
		} else if rerr := bodyReadError(err, "document"); rerr != nil {
			err = rerr
		}
		writeError(w, r, s.logger, err)
		return
	}
	if err := checkObjectEnvelope(body); err != nil {
		writeError(w, r, s.logger, err)
		return
	}
	slug := r.PathValue("slug")
	if err := profile.ValidateSlug(slug); err != nil {
		writeError(w, r, s.logger, err)
		return
	}
	strict, err := strictParam(r)
	if err != nil {
		writeError(w, r, s.logger, err)
		return
	}
	doc, err := profile.DecodeWith(body, profile.DecodeOptions{Strict: strict})
	if err != nil {
		writeError(w, r, s.logger, err)
		return
	}
	p, changed, err := s.profiles.ImportDocument(r.Context(), slug, doc, profile.ImportOptions{})
	if err != nil {
		writeError(w, r, s.logger, err)
		return
	}
	status := http.StatusOK
	if changed && p.Version == 1 {
		status = http.StatusCreated
		w.Header().Set("Location", "/v1/profiles/"+p.Slug)
	}
	// warnings is always an array, so clients can range over it.
	warnings := doc.Notes
	if warnings == nil {
		warnings = []profile.Note{}
	}
	writeJSON(w, status, map[string]any{"slug": p.Slug, "version": p.Version, "changed": changed, "warnings": warnings})
}

// strictParam reads ?strict=true|false (default false): refuse documents that
// are not JSON Resume v1.0.0 as written.
func strictParam(r *http.Request) (bool, error) {
	q, err := queryOf(r, "strict")
	if err != nil {
		return false, err
	}
	v := q.Get("strict")
	if v == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, apperr.New(apperr.Malformed, "strict=%q: use true or false", v)
	}
	return b, nil
}

// etagMatches reports whether an If-None-Match header names etag: "*", or
// a list holding it, compared weakly (RFC 9110 §13.1.2: a W/ prefix on
// either side does not matter for GET).
func etagMatches(header, etag string) bool {
	if header == "" {
		return false
	}
	if header == etag {
		return true // what a client repeating our ETag sends: no split
	}
	etag = strings.TrimPrefix(etag, "W/")
	for _, tag := range strings.Split(header, ",") {
		tag = strings.TrimSpace(tag)
		if tag == "*" || strings.TrimPrefix(tag, "W/") == etag {
			return true
		}
	}
	return false
}
