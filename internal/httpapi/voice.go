package httpapi

import (
	"errors"
	"io"
	"mime"
	"net/http"

	"github.com/parleyhq/parley/internal/apperr"
)

// maxAudioBytes bounds a voice upload (60 s of 48 kHz stereo WAV is 11 MB).
const maxAudioBytes = 16 << 20

var wavTypes = map[string]bool{"audio/wav": true, "audio/x-wav": true, "audio/wave": true, "audio/vnd.wave": true}

func (s *Server) postVoice(w http.ResponseWriter, r *http.Request) {
	if s.voice == nil {
		writeError(w, r, s.logger, apperr.New(apperr.Unavailable, "voice is unavailable on this server: %s", s.voiceDown))
		return
	}
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || !wavTypes[mt] {
		writeError(w, r, s.logger, apperr.New(apperr.Unsupported,
			"Content-Type %q: send audio/wav (16-bit PCM, mono or stereo)", r.Header.Get("Content-Type")))
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxAudioBytes))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			err = apperr.New(apperr.TooLarge, "audio exceeds %d bytes", maxAudioBytes)
		}
		writeError(w, r, s.logger, err)
		return
	}
	res, err := s.voice.Turn(r.Context(), r.PathValue("id"), body)
	if err != nil {
		writeError(w, r, s.logger, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}
