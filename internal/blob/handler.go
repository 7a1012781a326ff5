package blob

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/parleyhq/parley/internal/apperr"
)

// Handler serves the local store's signed URLs. Mount it where the Signer's
// base URL points, on a pattern with a trailing wildcard named "key", e.g.
// mux.Handle("GET /v1/audio/{key...}", h). It answers 403 for a bad or
// expired signature, 404 for a missing blob, 400 for a bad key, and never
// lists anything.
type Handler struct {
	store   Store
	signer  *Signer
	log     *slog.Logger
	onError func(http.ResponseWriter, *http.Request, error)
}

// SetErrorWriter makes the handler answer its errors through write: the
// API's one writer of problem+json, so that these answers carry what every
// other error does (the problem type, instance, request ID, no-store) and
// their statuses come from the one mapping. Unset, fail writes a minimal
// problem itself.
func (h *Handler) SetErrorWriter(write func(http.ResponseWriter, *http.Request, error)) {
	h.onError = write
}

// NewHandler returns the handler for store's URLs signed by signer.
func NewHandler(store Store, signer *Signer, log *slog.Logger) *Handler {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Handler{store: store, signer: signer, log: log}
}

// ServeHTTP verifies the signature and streams the blob.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	key := r.PathValue("key")
	q := r.URL.Query()
	if err := h.signer.Verify(key, q.Get("exp"), q.Get("sig")); err != nil {
		h.fail(w, r, err)
		return
	}
	rc, info, err := h.store.Get(r.Context(), key)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	defer rc.Close()
	hd := w.Header()
	hd.Set("Content-Type", info.ContentType)
	hd.Set("Content-Length", strconv.FormatInt(info.Size, 10))
	hd.Set("Cache-Control", "private, max-age=300")
	hd.Set("X-Content-Type-Options", "nosniff")
	if r.Method == http.MethodHead {
		return
	}
	if _, err := io.Copy(w, rc); err != nil {
		h.log.DebugContext(r.Context(), "blob copy cut short", "key", key, "err", err)
	}
}

// fail writes a small problem+json; the statuses mirror the lead's
// httpapi mapping for these codes.
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	if apperr.Is(err, apperr.Invalid) {
		// A bad key here is the URL's, so the request is malformed: 400,
		// not the 422 an invalid key given to Put would be.
		err = apperr.Wrap(apperr.Malformed, err, "%s", apperr.MessageOf(err))
	}
	if h.onError != nil {
		h.onError(w, r, err)
		return
	}
	status := map[apperr.Code]int{
		apperr.Malformed: http.StatusBadRequest, apperr.Forbidden: http.StatusForbidden,
		apperr.NotFound: http.StatusNotFound, apperr.Unavailable: http.StatusServiceUnavailable,
	}[apperr.CodeOf(err)]
	msg := "the link is invalid or has expired"
	if status == 0 {
		status = http.StatusInternalServerError
		msg = "internal error"
		h.log.ErrorContext(r.Context(), "serve blob", "err", err)
	} else if ae := (*apperr.Error)(nil); asApp(err, &ae) {
		msg = ae.Message
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{"type": "about:blank", "title": http.StatusText(status), "status": status, "detail": msg})
}
