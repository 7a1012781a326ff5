package stream

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"log/slog"
	"sync"
	"time"

	"github.com/coder/websocket"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/voice/audio"
	"github.com/parleyhq/parley/internal/voice/vad"
)

// Conn is the part of *websocket.Conn a stream uses.
type Conn interface {
	Read(ctx context.Context) (websocket.MessageType, []byte, error)
	Write(ctx context.Context, typ websocket.MessageType, p []byte) error
	Close(code websocket.StatusCode, reason string) error
	SetReadLimit(n int64)
}

var _ Conn = (*websocket.Conn)(nil)

// writeTimeout bounds one message write: a client that stops reading must
// not hold the stream (and the session lock) for ever.
const writeTimeout = 10 * time.Second

// preroll is the audio kept before speech starts, so that the onset the
// detector needs to confirm speech is not cut from the utterance.
const preroll = 500 * time.Millisecond

type inbound struct {
	typ  websocket.MessageType
	data []byte
	err  error
}

// session is one stream's state; run's goroutine owns everything but the
// connection writes (serialised by mu) and the turn in flight.
type session struct {
	conn   Conn
	p      Pipeline
	id     string
	o      Options
	logger *slog.Logger
	mu     sync.Mutex // one message (or header + audio pair) at a time

	ep       *vad.Endpointer
	buf      []int16  // mono samples at o.Rate since bufStart
	bufStart int      // stream sample index of buf[0]
	pos      int      // stream samples seen
	active   *turnRun // the turn being answered, if any
	ctx      context.Context
	cancel   context.CancelFunc
	finished chan *turnRun
}

func newSession(conn Conn, p Pipeline, id string, o Options, logger *slog.Logger) (*session, error) {
	ep, err := vad.NewEndpointer(vad.EndpointConfig{
		Config:     vad.Config{Rate: o.Rate},
		EndSilence: o.EndSilence,
		MaxSpeech:  o.MaxUtterance,
	})
	if err != nil {
		return nil, err
	}
	return &session{conn: conn, p: p, id: id, o: o, logger: logger, ep: ep, finished: make(chan *turnRun, 1)}, nil
}

func (s *session) run(parent context.Context) {
	s.ctx, s.cancel = context.WithCancel(parent)
	defer s.cancel()
	// Frames a little over the limit are read whole so that the client
	// hears why; far larger ones are cut off by the library (close 1009).
	s.conn.SetReadLimit(4 * s.o.MaxFrameBytes)
	// Reads have their own context: the library drops the connection
	// without a close frame when a read's context ends, and on shutdown
	// the client must be told (1001) instead.
	readCtx, stopReading := context.WithCancel(context.WithoutCancel(parent))
	defer stopReading()
	msgs := make(chan inbound)
	go s.read(readCtx, msgs)
	s.send(map[string]any{"type": "ready", "rate": s.o.Rate, "channels": s.o.Channels})

	idle := time.NewTimer(s.o.Idle)
	defer idle.Stop()
	for {
		select {
		case m := <-msgs:
			if m.err != nil {
				s.stopTurn()
				s.closeAfter(m.err)
				return
			}
			resetTimer(idle, s.o.Idle)
			if err := s.handle(m); err != nil {
				s.stopTurn()
				s.fail(err)
				return
			}
		case t := <-s.finished:
			if t == s.active {
				s.active = nil
			}
			resetTimer(idle, s.o.Idle)
		case <-idle.C:
			if s.active != nil {
				resetTimer(idle, s.o.Idle) // busy answering: not idle
				continue
			}
			s.fail(apperr.New(apperr.Invalid, "no audio for %s; closing the stream", s.o.Idle))
			return
		case <-s.ctx.Done():
			s.stopTurn()
			_ = s.conn.Close(websocket.StatusGoingAway, "server shutting down")
			return
		}
	}
}

// read forwards the client's messages until a read fails.
func (s *session) read(ctx context.Context, out chan<- inbound) {
	for {
		typ, data, err := s.conn.Read(ctx)
		select {
		case out <- inbound{typ: typ, data: data, err: err}:
		case <-ctx.Done():
			return
		}
		if err != nil {
			return
		}
	}
}

func resetTimer(t *time.Timer, d time.Duration) {
	t.Stop()
	select {
	case <-t.C:
	default:
	}
	t.Reset(d)
}

// handle processes one client message; an error ends the stream.
func (s *session) handle(m inbound) error {
	if m.typ == websocket.MessageText {
		var msg struct {
			Type string `json:"type"`
		}
		if err := json.Unmarshal(m.data, &msg); err != nil || msg.Type != "end" {
			return apperr.New(apperr.Unsupported, `text messages must be {"type":"end"}; send audio as binary PCM frames`)
		}
		if s.ep.State() == vad.Speaking {
			s.endUtterance()
		} else {
			s.sendError(apperr.New(apperr.Invalid, "end of utterance, but no speech was heard"))
		}
		return nil
	}
	if int64(len(m.data)) > s.o.MaxFrameBytes {
		return apperr.New(apperr.TooLarge, "audio frame of %d bytes exceeds %d", len(m.data), s.o.MaxFrameBytes)
	}
	if len(m.data)%(2*s.o.Channels) != 0 {
		return apperr.New(apperr.Malformed, "audio frame of %d bytes is not whole %d-channel 16-bit samples", len(m.data), s.o.Channels)
	}
	samples := s.mono(m.data)
	before := s.ep.State()
	s.buf = append(s.buf, samples...)
	s.pos += len(samples)
	switch st := s.ep.Push(samples); st {
	case vad.Speaking:
		if before == vad.Waiting {
			s.speechStarted()
		}
	case vad.Ended:
		if before == vad.Waiting {
			s.speechStarted()
		}
		s.endUtterance()
	default:
		if keep := s.samplesOf(preroll); len(s.buf) > 2*keep {
			drop := len(s.buf) - keep
			s.buf = append(s.buf[:0], s.buf[drop:]...)
			s.bufStart += drop
		}
	}
	return nil
}

// speechStarted tells the client it was heard and, when a reply is under
// way, interrupts it: the client is talking over the reply.
func (s *session) speechStarted() {
	s.send(map[string]any{"type": "speech_started"})
	if s.active != nil {
		s.active.interrupt()
	}
}

// endUtterance answers the speech heard so far in a new turn (after the
// interrupted one, if any, has recorded what was played).
func (s *session) endUtterance() {
	seg := s.ep.Speech()
	pad := s.samplesOf(200 * time.Millisecond)
	from := max(s.bufStart, s.samplesAt(seg.Start)-pad) - s.bufStart
	to := min(s.pos, s.samplesAt(seg.End)+pad) - s.bufStart
	var utter []int16
	if from < to {
		utter = append(utter, s.buf[from:to]...)
	}
	tooLong := seg.End-seg.Start >= s.o.MaxUtterance-100*time.Millisecond
	s.ep.Reset()
	s.buf, s.bufStart = s.buf[:0], s.pos
	if tooLong {
		s.sendError(apperr.New(apperr.TooLarge, "utterance longer than %s; ask one question at a time", s.o.MaxUtterance))
		return
	}
	if s.active != nil {
		s.active.interrupt()
		<-s.active.done
		s.active = nil
	}
	t := newTurnRun(s.ctx)
	s.active = t
	go func() {
		s.play(t, audio.PCM{Rate: s.o.Rate, Channels: 1, Samples: utter})
		// done closes before the loop is told, so that a loop waiting on
		// done never waits on itself.
		close(t.done)
		select {
		case s.finished <- t:
		case <-s.ctx.Done():
		}
	}()
}

// stopTurn interrupts the turn in flight and waits for it to record what
// was played.
func (s *session) stopTurn() {
	if s.active != nil {
		s.active.interrupt()
		<-s.active.done
		s.active = nil
	}
}

func (s *session) mono(b []byte) []int16 {
	ch := s.o.Channels
	out := make([]int16, len(b)/(2*ch))
	for i := range out {
		sum := 0
		for c := range ch {
			sum += int(int16(binary.LittleEndian.Uint16(b[2*(i*ch+c):])))
		}
		out[i] = int16(sum / ch)
	}
	return out
}

func (s *session) samplesOf(d time.Duration) int {
	return int(int64(d) * int64(s.o.Rate) / int64(time.Second))
}

func (s *session) samplesAt(d time.Duration) int { return s.samplesOf(d) }

// send writes one JSON message; a failed write ends the stream (the
// reader sees the broken connection).
func (s *session) send(v any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.writeLocked(websocket.MessageText, mustJSON(v))
}

func (s *session) writeLocked(typ websocket.MessageType, b []byte) bool {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(s.ctx), writeTimeout)
	defer cancel()
	if err := s.conn.Write(ctx, typ, b); err != nil {
		s.logger.DebugContext(ctx, "voice stream write failed", "err", err)
		return false
	}
	return true
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic("stream: unencodable message: " + err.Error()) // only our own types are sent
	}
	return b
}

// sendError reports err to the client; the stream goes on.
func (s *session) sendError(err error) {
	s.send(map[string]any{"type": "error", "fatal": false, "problem": s.o.Problem(err)})
}

// fail reports err and closes the stream with the matching close code.
func (s *session) fail(err error) {
	if apperr.CodeOf(err) == apperr.Internal {
		s.logger.ErrorContext(s.ctx, "voice stream failed", "err", err, "session", s.id)
	}
	s.send(map[string]any{"type": "error", "fatal": true, "problem": s.o.Problem(err)})
	_ = s.conn.Close(closeCode(err), closeReason(err))
}

// closeAfter ends the stream after a failed read: a normal close by the
// client, or a protocol error the library already answered.
func (s *session) closeAfter(err error) {
	if errors.Is(err, websocket.ErrMessageTooBig) {
		return // the library closed with 1009
	}
	if st := websocket.CloseStatus(err); st == websocket.StatusNormalClosure || st == websocket.StatusGoingAway {
		_ = s.conn.Close(websocket.StatusNormalClosure, "")
		return
	}
	_ = s.conn.Close(websocket.StatusProtocolError, "read failed")
}

// closeCode maps an error code to a WebSocket close status.
func closeCode(err error) websocket.StatusCode {
	switch apperr.CodeOf(err) {
	case apperr.Malformed, apperr.Unsupported:
		return websocket.StatusUnsupportedData
	case apperr.TooLarge:
		return websocket.StatusMessageTooBig
	case apperr.Unavailable, apperr.RateLimited:
		return websocket.StatusTryAgainLater
	case apperr.Internal:
		return websocket.StatusInternalError
	default:
		return websocket.StatusPolicyViolation
	}
}

// closeReason is a short fixed text (the close frame allows 123 bytes; the
// full detail went in the error message before it).
func closeReason(err error) string {
	return string(apperr.CodeOf(err))
}
