package httpapi

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"

	"github.com/parleyhq/parley/internal/apperr"
)

// decodeJSON reads the request body into v: the media type must be JSON
// (415), the body at most limit bytes (413), well-formed (400) and one value.
func decodeJSON(r *http.Request, limit int64, v any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || (mt != "application/json" && !isJSONSuffix(mt)) {
			return apperr.New(apperr.Unsupported, "Content-Type %q: send application/json", ct)
		}
	}
	body := http.MaxBytesReader(nil, r.Body, limit)
	dec := json.NewDecoder(body)
	if err := dec.Decode(v); err != nil {
		var mbe *http.MaxBytesError
		switch {
		case errors.As(err, &mbe):
			return apperr.New(apperr.TooLarge, "request body exceeds %d bytes", limit)
		case errors.Is(err, io.EOF):
			return apperr.New(apperr.Malformed, "request body is empty: send a JSON object")
		default:
			var ute *json.UnmarshalTypeError
			if errors.As(err, &ute) {
				return apperr.New(apperr.Malformed, "field %q: expected %s", ute.Field, ute.Type.String())
			}
			return apperr.New(apperr.Malformed, "request body is not valid JSON: %v", err)
		}
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return apperr.New(apperr.TooLarge, "request body exceeds %d bytes", limit)
		}
		return apperr.New(apperr.Malformed, "request body must hold a single JSON value")
	}
	return nil
}

func isJSONSuffix(mt string) bool {
	return len(mt) > 5 && mt[len(mt)-5:] == "+json"
}
