package httpapi

import (
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/voice/media"
)

// maxAudioBytes bounds a voice upload (60 s of 48 kHz stereo WAV is 11 MB).
const maxAudioBytes = 16 << 20

func (s *Server) postVoice(w http.ResponseWriter, r *http.Request) {
	// The session first: a turn for one that does not exist is 404 whether
	// or not voice works here, and costs no upload or recogniser run.
	if err := s.chat.Live(r.Context(), r.PathValue("id")); err != nil {
		writeError(w, r, s.logger, err)
		return
	}
	if s.voice == nil {
		writeError(w, r, s.logger, apperr.New(apperr.Unavailable, "voice is unavailable on this server: %s", s.voiceDown))
		return
	}
	ctype := r.Header.Get("Content-Type")
	mt, sniff, err := media.Resolve(ctype)
	if err != nil {
		// Before reading the body: a wrong type is answered at once.
		w.Header().Set("Accept-Post", strings.Join(media.Types, ", "))
		writeError(w, r, s.logger, err)
		return
	}
	if err := declaredTooLarge(r, maxAudioBytes, "audio"); err != nil {
		writeError(w, r, s.logger, err)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxAudioBytes))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			err = apperr.New(apperr.TooLarge, "audio exceeds %d bytes", maxAudioBytes)
		} else if rerr := bodyReadError(err, "audio"); rerr != nil {
			err = rerr
		}
		writeError(w, r, s.logger, err)
		return
	}
	if sniff {
		// No type, or a generic one: the body's magic bytes say.
		if mt = media.Sniff(body); mt == "" {
			w.Header().Set("Accept-Post", strings.Join(media.Types, ", "))
			writeError(w, r, s.logger, media.Unrecognised(ctype))
			return
		}
	}
	res, err := s.voice.Turn(r.Context(), r.PathValue("id"), mt, body)
	if err != nil {
		writeError(w, r, s.logger, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}
