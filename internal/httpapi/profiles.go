package httpapi

import (
	"net/http"
	"strconv"
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
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Profile-Version", strconv.Itoa(p.Version))
	_, _ = w.Write(doc)
}
