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
	if wantsEventStream(r) {
		s.streamTurn(w, r, req.Text)
		return
	}
	turn, err := s.chat.Ask(r.Context(), turnSessionID(r), req.Text)
	if err != nil {
		writeError(w, r, s.logger, err)
		return
	}
	writeReply(w, turn.Reply)
}

// wantsEventStream reports whether the client asked for server-sent events:
// text/event-stream named with a q above 0 and no lower than the best q
// of a range covering JSON ("text/event-stream, application/json" streams;
// "text/event-stream;q=0, application/json" and "application/json,
// text/event-stream;q=0.5" do not).
func wantsEventStream(r *http.Request) bool {
	accept := headerValue(r.Header, "Accept")
	if !containsFold(accept, "event-stream") {
		// Settled without a split and a parameter map per range: what
		// every non-streaming turn sends.
		return false
	}
	events, asJSON := -1.0, -1.0
	for _, part := range strings.Split(accept, ",") {
		mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		q := 1.0
		if v, ok := params["q"]; ok {
			if q, err = strconv.ParseFloat(v, 64); err != nil {
				q = 1
			}
		}
		switch mt {
		case "text/event-stream":
			events = max(events, q)
		case "application/json", "application/*", "*/*":
			asJSON = max(asJSON, q)
		}
	}
	return events > 0 && events >= asJSON
}

// containsFold reports whether s contains the lower-case ASCII substr,
// ignoring ASCII case in s (media types are case-insensitive).
func containsFold(s, substr string) bool {
	for i := 0; i+len(substr) <= len(s); i++ {
		j := 0
		for ; j < len(substr); j++ {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != substr[j] {
				break
			}
		}
		if j == len(substr) {
			return true
		}
	}
	return false
}

// sseWriter writes server-sent events, sending the response header with
// the first event so that an error before it can still be problem+json.
type sseWriter struct {
	w       http.ResponseWriter
	flusher http.Flusher
	started bool
	n       int             // delta events sent
	sent    strings.Builder // text sent in delta events
}

func (e *sseWriter) event(name string, v any) error {
	if !e.started {
		h := e.w.Header()
		h.Set("Content-Type", "text/event-stream")
		h.Set("Cache-Control", "no-store")
		h.Set("X-Accel-Buffering", "no")
		e.w.WriteHeader(http.StatusOK)
		e.started = true
	}
	b, _ := json.Marshal(v)
	var err error
	if name == "delta" {
		e.n++
		_, err = fmt.Fprintf(e.w, "id: %d\nevent: delta\ndata: %s\n\n", e.n, b)
	} else {
		_, err = fmt.Fprintf(e.w, "event: %s\ndata: %s\n\n", name, b)
	}
	if e.flusher != nil {
		e.flusher.Flush()
	}
	return err
}

// delta sends a piece of reply text as it is produced (an LLM's grounded
// sentences); a failed write (the client left) stops the producer.
func (e *sseWriter) delta(text string) error {
	e.sent.WriteString(text)
	return e.event("delta", map[string]string{"text": text})
}

// streamTurn plays a turn as server-sent events: "delta" events with the
// text as it is produced (an LLM's sentences once each passes the grounding
// check; otherwise the reply's sentences), then one "reply" event with the
// whole reply object. When streamed text was replaced (the LLM failed
// mid-answer and the deterministic reply stands), a "reset" event tells the
// client to drop the deltas it has, and the final text follows. An error
// before the first event is problem+json; after it, an "error" event
// carries the problem.
func (s *Server) streamTurn(w http.ResponseWriter, r *http.Request, text string) {
	e := &sseWriter{w: w}
	e.flusher, _ = w.(http.Flusher)
	turn, err := s.chat.AskStream(r.Context(), turnSessionID(r), text, e.delta)
	if err != nil {
		if !e.started {
			writeError(w, r, s.logger, err)
			return
		}
		if clientGone(r, err) {
			// The client left mid-stream (the turn was not recorded):
			// nobody reads an error event, and it is no server error.
			return
		}
		_ = e.event("error", problemOf(r, s.logger, err))
		return
	}
	if e.sent.String() != turn.Reply.Text {
		if e.n > 0 {
			_ = e.event("reset", struct{}{})
		}
		for _, piece := range sentencePieces(turn.Reply.Text) {
			_ = e.event("delta", map[string]string{"text": piece})
		}
	}
	_ = e.event("reply", replyBody{Reply: turn.Reply})
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

// maxHistoryPage is the most turns one history page holds (chat.History's
// cap); a larger limit is clamped to it.
const maxHistoryPage = 1000

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
	q, err := queryOf(r, "after", "limit")
	if err != nil {
		writeError(w, r, s.logger, err)
		return
	}
	after, err := queryInt(q, "after", 0)
	if err != nil {
		writeError(w, r, s.logger, err)
		return
	}
	limit, err := queryInt(q, "limit", 1)
	if err != nil {
		writeError(w, r, s.logger, err)
		return
	}
	msgs, err := s.chat.History(r.Context(), r.PathValue("id"), after, min(limit, maxHistoryPage))
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
