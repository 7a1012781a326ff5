package httpapi

import (
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/converse"
)

type openSessionRequest struct {
	Profile string `json:"profile"`
}

func (s *Server) openSession(w http.ResponseWriter, r *http.Request) {
	var req openSessionRequest
	if err := decodeJSON(r, s.maxBody, &req); err != nil {
		writeError(w, r, s.logger, err)
		return
	}
	if req.Profile == "" {
		writeError(w, r, s.logger, apperr.New(apperr.Invalid, "profile: required (the slug of a public profile)"))
		return
	}
	sess, err := s.chat.Open(r.Context(), req.Profile)
	if err != nil {
		writeError(w, r, s.logger, err)
		return
	}
	w.Header().Set("Location", "/v1/sessions/"+sess.ID)
	writeJSON(w, http.StatusCreated, sess)
}

type askRequest struct {
	Text string `json:"text"`
}

type replyBody struct {
	Reply converse.Reply `json:"reply"`
}

func (s *Server) postMessage(w http.ResponseWriter, r *http.Request) {
	var req askRequest
	if err := decodeJSON(r, s.maxBody, &req); err != nil {
		writeError(w, r, s.logger, err)
		return
	}
	turn, err := s.chat.Ask(r.Context(), r.PathValue("id"), req.Text)
	if err != nil {
		writeError(w, r, s.logger, err)
		return
	}
	if wantsEventStream(r) {
		streamReply(w, turn.Reply)
		return
	}
	writeJSON(w, http.StatusOK, replyBody{Reply: turn.Reply})
}

// wantsEventStream reports whether the client asked for server-sent events.
func wantsEventStream(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept"), ",") {
		if mt, _, err := mime.ParseMediaType(strings.TrimSpace(part)); err == nil && mt == "text/event-stream" {
			return true
		}
	}
	return false
}

// streamReply sends the reply as server-sent events: "delta" events with
// the text in pieces, then one "reply" event with the whole reply object.
func streamReply(w http.ResponseWriter, reply converse.Reply) {
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	flusher, _ := w.(http.Flusher)
	for i, piece := range sentencePieces(reply.Text) {
		b, _ := json.Marshal(map[string]string{"text": piece})
		fmt.Fprintf(w, "id: %d\nevent: delta\ndata: %s\n\n", i+1, b)
		if flusher != nil {
			flusher.Flush()
		}
	}
	b, _ := json.Marshal(replyBody{Reply: reply})
	fmt.Fprintf(w, "event: reply\ndata: %s\n\n", b)
	if flusher != nil {
		flusher.Flush()
	}
}

// sentencePieces splits text after sentence ends, keeping the separators,
// so that concatenating the pieces gives text back.
func sentencePieces(text string) []string {
	var out []string
	start := 0
	for i := 0; i < len(text); i++ {
		if (text[i] == '.' || text[i] == '!' || text[i] == '?') && i+1 < len(text) && text[i+1] == ' ' {
			out = append(out, text[start:i+2])
			start = i + 2
		}
	}
	if start < len(text) {
		out = append(out, text[start:])
	}
	return out
}

type messageJSON struct {
	Seq       int             `json:"seq"`
	Role      string          `json:"role"`
	Text      string          `json:"text"`
	Intent    string          `json:"intent,omitempty"`
	Refused   bool            `json:"refused,omitempty"`
	Citations json.RawMessage `json:"citations,omitempty"`
	CreatedAt time.Time       `json:"created_at"`
}

func (s *Server) listMessages(w http.ResponseWriter, r *http.Request) {
	after, _ := strconv.Atoi(r.URL.Query().Get("after"))
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	msgs, err := s.chat.History(r.Context(), r.PathValue("id"), max(after, 0), limit)
	if err != nil {
		writeError(w, r, s.logger, err)
		return
	}
	out := make([]messageJSON, len(msgs))
	for i, m := range msgs {
		out[i] = messageJSON{Seq: m.Seq, Role: m.Role, Text: m.Text, Intent: m.Intent, Refused: m.Refused,
			CreatedAt: m.CreatedAt.UTC()}
		if m.Role == "assistant" {
			out[i].Citations = m.Citations
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"messages": out})
}
