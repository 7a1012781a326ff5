// Package media turns an uploaded recording into PCM by its media type:
// WAV (package audio) and Opus in Ogg or WebM, what browsers' MediaRecorder
// produces. Opus is decoded in pure Go (github.com/pion/opus, SILK, CELT
// and hybrid frames), so no C library is needed.
package media

import (
	"strings"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/voice/audio"
)

// Types lists the accepted media types, as a 415 answer names them.
var Types = []string{"audio/wav", "audio/ogg", "audio/webm"}

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

// Unsupported is the error for a media type Decode does not take.
func Unsupported(contentType string) error {
	return apperr.New(apperr.Unsupported, "Content-Type %q is not supported: send one of %s (WAV as 16-bit PCM; Ogg and WebM with Opus)",
		contentType, strings.Join(Types, ", "))
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
