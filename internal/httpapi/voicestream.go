package httpapi

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/coder/websocket"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/voice/stream"
	"github.com/parleyhq/parley/internal/voice/turn"
)

// streamVoice upgrades to the voice WebSocket protocol (package stream).
// Everything that can be checked before the upgrade is, so that those
// errors are ordinary problem+json answers.
func (s *Server) streamVoice(w http.ResponseWriter, r *http.Request) {
	if s.voice == nil {
		writeError(w, r, s.logger, apperr.New(apperr.Unavailable, "voice is unavailable on this server: %s", s.voiceDown))
		return
	}
	if !strings.EqualFold(r.Header.Get("Upgrade"), "websocket") {
		writeError(w, r, s.logger, apperr.New(apperr.Malformed, "this endpoint speaks WebSocket: send Upgrade: websocket"))
		return
	}
	q, err := queryOf(r, "rate", "channels")
	if err != nil {
		writeError(w, r, s.logger, err)
		return
	}
	opts, err := stream.ParseQuery(q)
	if err != nil {
		writeError(w, r, s.logger, err)
		return
	}
	if s.voiceSlots != nil {
		// Refused before the upgrade, so that the answer is an ordinary
		// 429 with Retry-After that browsers and proxies understand.
		release, err := s.voiceSlots.Acquire(s.callerKey(r))
		if err != nil {
			writeError(w, r, s.logger, err)
			return
		}
		defer release()
	}
	id := r.PathValue("id")
	if err := s.voice.Exists(r.Context(), id); err != nil {
		writeError(w, r, s.logger, err)
		return
	}
	// The server's read and write timeouts are for requests; a stream has
	// its own idle timeout.
	rc := http.NewResponseController(w)
	_ = rc.SetReadDeadline(time.Time{})
	_ = rc.SetWriteDeadline(time.Time{})
	conn, err := websocket.Accept(w, r, &websocket.AcceptOptions{OriginPatterns: s.originPatterns()})
	if err != nil {
		return // Accept has answered the handshake error
	}
	if s.limits.Limiter != nil || (s.limits.Quotas != nil && s.limits.MonthlyQuota > 0) {
		// Opening the stream was charged by the route's guard; each
		// utterance after the first is charged like a POST.
		var charged atomic.Bool // the first utterance rides on the opening's charge
		opts.Admit = func(ctx context.Context) error {
			if !charged.Swap(true) {
				return nil
			}
			return s.admit(ctx, r, nil)
		}
	}
	opts.Problem = func(err error) stream.Problem {
		p := problemOf(r, s.logger, err)
		return stream.Problem{Type: p.Type, Title: p.Title, Status: p.Status, Detail: p.Detail}
	}
	ctx, cancel := context.WithCancel(r.Context())
	defer cancel()
	defer context.AfterFunc(s.streams, cancel)()
	stream.Serve(ctx, conn, voicePipeline{s.voice}, id, opts, s.logger)
}

// CloseStreams ends every voice stream (each client is told the server is
// going away); register it with http.Server.RegisterOnShutdown.
func (s *Server) CloseStreams() { s.closeStreams() }

// voicePipeline adapts turn.Service to stream.Pipeline.
type voicePipeline struct{ *turn.Service }

func (p voicePipeline) Prepare(ctx context.Context, id, text string) (stream.Answer, error) {
	a, err := p.Service.Prepare(ctx, id, text)
	if err != nil {
		return nil, err // not a typed nil inside the interface
	}
	return a, nil
}

// originPatterns lets the CORS origins open streams from browsers (the
// library otherwise admits only same-host pages).
func (s *Server) originPatterns() []string {
	var out []string
	for _, o := range s.corsOrigins {
		if o == "*" {
			out = append(out, "*")
			continue
		}
		if u, err := url.Parse(o); err == nil && u.Host != "" {
			out = append(out, u.Host)
		}
	}
	return out
}
