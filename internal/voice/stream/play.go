package stream

import (
	"context"
	"encoding/binary"
	"errors"
	"strings"
	"time"

	"github.com/coder/websocket"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/voice/audio"
	"github.com/parleyhq/parley/internal/voice/tts"
)

// turnRun is one utterance being answered; interrupt cancels what is left.
type turnRun struct {
	ctx       context.Context
	interrupt context.CancelFunc
	done      chan struct{}
}

func newTurnRun(parent context.Context) *turnRun {
	ctx, cancel := context.WithCancel(parent)
	return &turnRun{ctx: ctx, interrupt: cancel, done: make(chan struct{})}
}

// recordTimeout bounds recording an interrupted turn, which runs after the
// turn's own context has been cancelled.
const recordTimeout = 10 * time.Second

var errWrite = errors.New("stream: write failed")

// play answers one utterance: transcript, reply text, the reply spoken
// sentence by sentence, then done; or interrupted when the client talks
// over it, recording only the sentences sent.
func (s *session) play(t *turnRun, pcm audio.PCM) {
	ctx := t.ctx
	defer t.interrupt() // release the context's resources
	if s.o.Admit != nil {
		if err := s.o.Admit(ctx); err != nil {
			s.turnFailed(ctx, err)
			return
		}
	}
	text, err := s.p.Transcribe(ctx, s.id, pcm.ForSpeech())
	if err != nil {
		s.turnFailed(ctx, err)
		return
	}
	s.send(map[string]any{"type": "transcript", "text": text})
	pend, err := s.p.Prepare(ctx, s.id, text)
	if err != nil {
		s.turnFailed(ctx, err)
		return
	}
	reply := pend.Reply()
	s.send(map[string]any{"type": "reply", "reply": reply})
	sentences := tts.Sentences(reply.Text, 0)
	played, err := s.speak(ctx, sentences)
	rec, cancel := context.WithTimeout(context.WithoutCancel(ctx), recordTimeout)
	defer cancel()
	if played == 0 && len(sentences) > 0 {
		// Nothing was heard: the question is dropped with its reply, as if
		// the client had never asked.
		pend.Discard()
	} else if _, cerr := pend.Commit(rec, strings.Join(sentences[:played], " ")); cerr != nil {
		s.sendError(cerr)
		return
	}
	switch {
	case err == nil:
		s.send(map[string]any{"type": "done", "sentences": played})
	case ctx.Err() != nil:
		s.send(map[string]any{"type": "interrupted", "played": played})
	case errors.Is(err, errWrite):
	default:
		s.sendError(err)
	}
}

// turnFailed reports a turn that ended before its reply: interrupted by
// the client, or failed (the stream goes on either way).
func (s *session) turnFailed(ctx context.Context, err error) {
	if ctx.Err() != nil {
		s.send(map[string]any{"type": "interrupted", "played": 0})
		return
	}
	if apperr.CodeOf(err) == apperr.Internal {
		s.logger.ErrorContext(ctx, "voice stream turn failed", "err", err, "session", s.id)
	}
	s.sendError(err)
}

type synthesized struct {
	pcm audio.PCM
	err error
}

// speak sends the sentences' audio, synthesising one sentence ahead and
// pacing the sends to real-time playback (less o.Lead), so that the rest of
// the reply is still unsent when the client barges in. It returns how many
// sentences were sent.
func (s *session) speak(ctx context.Context, sentences []string) (int, error) {
	sctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ch := make(chan synthesized, 1)
	go func() {
		defer close(ch)
		for _, text := range sentences {
			pcm, err := s.p.Synthesize(sctx, text)
			select {
			case ch <- synthesized{pcm: pcm, err: err}:
			case <-sctx.Done():
				return
			}
			if err != nil {
				return
			}
		}
	}()
	held := time.Now()
	var start time.Time
	var ahead time.Duration // audio sent so far
	for i, text := range sentences {
		var r synthesized
		select {
		case r = <-ch:
		case <-ctx.Done():
			return i, ctx.Err()
		}
		if r.err != nil {
			return i, r.err
		}
		if i > 0 && time.Since(held) < s.o.MaxHold {
			if wait := time.Until(start.Add(ahead - s.o.Lead)); wait > 0 {
				select {
				case <-s.o.After(wait):
				case <-ctx.Done():
					return i, ctx.Err()
				}
			}
		}
		if ctx.Err() != nil {
			return i, ctx.Err()
		}
		if !s.sendAudio(i, text, r.pcm) {
			return i, errWrite
		}
		if i == 0 {
			start = time.Now()
		}
		ahead += r.pcm.Duration()
	}
	return len(sentences), nil
}

// sendAudio writes a sentence's header and its PCM back to back.
func (s *session) sendAudio(index int, text string, pcm audio.PCM) bool {
	pcm = pcm.Mono()
	b := make([]byte, 2*len(pcm.Samples))
	for i, v := range pcm.Samples {
		binary.LittleEndian.PutUint16(b[2*i:], uint16(v))
	}
	head := mustJSON(map[string]any{
		"type": "audio", "index": index, "text": text, "encoding": "pcm_s16le",
		"rate": pcm.Rate, "channels": 1, "bytes": len(b), "duration_ms": pcm.Duration().Milliseconds(),
	})
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.writeLocked(websocket.MessageText, head) && s.writeLocked(websocket.MessageBinary, b)
}
