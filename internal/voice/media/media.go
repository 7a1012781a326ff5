// Package media turns an uploaded recording into PCM by its media type:
// WAV (package audio: integer PCM, float, A-law, µ-law) and Opus in Ogg or
// WebM, what browsers' MediaRecorder produces. Opus is decoded in pure Go
// (github.com/pion/opus, SILK, CELT and hybrid frames), so no C library is
// needed. A body sent without a media type, or a generic one, is
// recognised by its first bytes (Resolve, Sniff).
package media

import (
	"bytes"
	"errors"
	"mime"
	"strconv"
	"strings"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/voice/audio"
)

// Types lists the accepted media types, as a 415 answer names them.
var Types = []string{"audio/wav", "audio/ogg", "audio/webm"}

// accepted says what each type holds, for the 415 detail.
const accepted = "WAV as PCM of 8 to 32 bits, float, A-law or µ-law; Ogg and WebM with Opus"

// Container is a recognised media type's container, "" when unsupported.
func Container(mediaType string) string {
	switch strings.ToLower(mediaType) {
	case "audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave":
		return "wav"
	case "audio/ogg", "audio/opus", "application/ogg":
		return "ogg"
	case "audio/webm", "video/webm": // Safari and some Chromium builds label audio-only WebM as video
		return "webm"
	}
	return ""
}

// Generic reports whether mediaType names no audio format, so that the
// body's own magic bytes must say: missing (a fetch of a Blob with no
// type), application/octet-stream or binary/octet-stream (many HTTP
// libraries, S3 uploads), or application/x-www-form-urlencoded (what
// curl --data-binary sends unless told otherwise).
func Generic(mediaType string) bool {
	switch strings.ToLower(mediaType) {
	case "", "application/octet-stream", "binary/octet-stream", "application/x-www-form-urlencoded":
		return true
	}
	return false
}

// Resolve reads a Content-Type header value. It returns the media type
// without parameters (a WAV's "codecs" parameter is ignored: the file's
// header says what it holds), and sniff true when the type is Generic and
// the body must be looked at (Sniff). Errors: apperr.Unsupported naming
// the accepted types, for any other type.
func Resolve(contentType string) (mediaType string, sniff bool, err error) {
	if strings.TrimSpace(contentType) == "" {
		return "", true, nil
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil && !errors.Is(err, mime.ErrInvalidMediaParameter) { // a bad parameter still leaves the type
		return "", false, Unsupported(contentType)
	}
	switch {
	case Container(mt) != "":
		return mt, false, nil
	case Generic(mt):
		return mt, true, nil
	}
	return "", false, Unsupported(contentType)
}

// Sniff names the media type data's first bytes show, one of Types, or
// "" when they show none. RIFX and RF64 count as WAV, so that decoding
// says why they are refused.
func Sniff(data []byte) string {
	switch {
	case len(data) >= 12 && string(data[8:12]) == "WAVE" &&
		(bytes.HasPrefix(data, []byte("RIFF")) || bytes.HasPrefix(data, []byte("RIFX")) || bytes.HasPrefix(data, []byte("RF64"))):
		return "audio/wav"
	case bytes.HasPrefix(data, []byte("OggS")):
		return "audio/ogg"
	case bytes.HasPrefix(data, []byte{0x1A, 0x45, 0xDF, 0xA3}): // EBML
		return "audio/webm"
	}
	return ""
}

// Unsupported is the error for a media type Decode does not take.
func Unsupported(contentType string) error {
	return apperr.New(apperr.Unsupported, "Content-Type %q is not supported: send one of %s (%s)",
		contentType, strings.Join(Types, ", "), accepted)
}

// Unrecognised is the error for a body sent with a Generic type whose
// bytes are none of the accepted formats.
func Unrecognised(contentType string) error {
	what := "no Content-Type"
	if strings.TrimSpace(contentType) != "" {
		what = "Content-Type " + strconv.Quote(contentType)
	}
	return apperr.New(apperr.Unsupported, "the body, sent with %s, is not WAV, Ogg or WebM: send one of %s (%s) and label it",
		what, strings.Join(Types, ", "), accepted)
}

// Decode reads data as mediaType (without parameters).
// Errors: apperr.Unsupported for other types or codecs, apperr.Invalid for
// corrupt data, apperr.TooLarge past lim.MaxDuration.
func Decode(mediaType string, data []byte, lim audio.Limits) (audio.PCM, error) {
	switch Container(mediaType) {
	case "wav":
		return audio.ParseWAV(data, lim)
	case "ogg":
		return DecodeOgg(data, lim)
	case "webm":
		return DecodeWebM(data, lim)
	}
	return audio.PCM{}, Unsupported(mediaType)
}
