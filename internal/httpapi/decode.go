package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"

	"github.com/parleyhq/parley/internal/apperr"
)

// decodeJSON reads the request body into v: the media type must be JSON
// (415), the body at most limit bytes (413), well-formed (400) and one value.
//
// The body is read whole into a pooled buffer and unmarshalled: a
// json.Decoder (its read buffer and state) was the largest allocation of a
// chat turn. Any failure is decoded again, from the same bytes followed by
// the same read error, by the streaming decoder the endpoint always used, so
// that every error (its code and its words) stays what clients have seen.
func decodeJSON(r *http.Request, limit int64, v any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" && ct != "application/json" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || (mt != "application/json" && !isJSONSuffix(mt)) {
			return apperr.New(apperr.Unsupported, "Content-Type %q: send application/json", ct)
		}
	}
	buf := jsonBuffers.Get().(*bytes.Buffer)
	defer putJSONBuffer(buf)
	buf.Reset()
	_, readErr := buf.ReadFrom(http.MaxBytesReader(nil, r.Body, limit))
	if readErr == nil && json.Unmarshal(buf.Bytes(), v) == nil {
		return nil
	}
	var body io.Reader = bytes.NewReader(buf.Bytes())
	if readErr != nil {
		body = io.MultiReader(body, errReader{readErr})
	}
	return decodeStream(body, limit, v)
}

// errReader fails every read with err.
type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// decodeStream decodes one JSON value from body, limited to limit bytes
// (a read past it fails with *http.MaxBytesError), into v.
func decodeStream(body io.Reader, limit int64, v any) error {
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
