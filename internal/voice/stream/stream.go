// Package stream plays voice turns over a WebSocket: the client streams raw
// PCM, the server finds the end of each utterance with the VAD endpointer,
// answers with the transcript, the reply text and the reply spoken sentence
// by sentence, and stops speaking when the client speaks over it (barge-in).
// The wire protocol is documented in docs/openapi.yaml
// (GET /v1/sessions/{id}/voice/stream).
package stream

import (
	"context"
	"fmt"
	"log/slog"
	"net/url"
	"strconv"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/chat"
	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/voice/audio"
)

// Pipeline is what a stream needs from the voice service (turn.Service).
type Pipeline interface {
	// Transcribe recognises one utterance (16 kHz mono).
	Transcribe(ctx context.Context, id string, pcm audio.PCM) (string, error)
	// Prepare computes the reply without recording it.
	Prepare(ctx context.Context, id, text string) (Answer, error)
	// Synthesize speaks one sentence.
	Synthesize(ctx context.Context, text string) (audio.PCM, error)
}

// Answer is a computed reply waiting to be recorded (*chat.Pending).
type Answer interface {
	Reply() converse.Reply
	// Commit records the turn with spoken as the reply's text.
	Commit(ctx context.Context, spoken string) (chat.Turn, error)
	// Discard records nothing.
	Discard()
}

var _ Answer = (*chat.Pending)(nil)

// Options bound and tune one stream. Zero values take the defaults in
// brackets.
type Options struct {
	// Rate and Channels describe the client's PCM (16000 Hz, 1 channel).
	Rate, Channels int
	// MaxFrameBytes bounds one binary message from the client (64 KiB,
	// about 2 s of 16 kHz mono).
	MaxFrameBytes int64
	// MaxUtterance bounds one utterance (30 s); longer speech is dropped
	// with a too_large error and the stream goes on.
	MaxUtterance time.Duration
	// Idle closes a stream that sends nothing for this long while no turn
	// is in progress (30 s).
	Idle time.Duration
	// EndSilence is the pause that ends an utterance (700 ms).
	EndSilence time.Duration
	// Lead is how far the audio sent may run ahead of real-time playback
	// (500 ms): sentences are paced so that barge-in can still cut the
	// rest of the reply.
	Lead time.Duration
	// MaxHold stops pacing after this long (20 s) and sends what is left at
	// once: the session stays locked until the turn is recorded, and a
	// lock must not outlive sessionstate.LockTTL.
	MaxHold time.Duration
	// Problem turns an error into the problem object sent to the client
	// (the HTTP layer's mapping, so that codes map to statuses in one place;
	// the default only names the code, in Title).
	Problem func(err error) Problem
	// Admit, when set, is asked before each utterance is recognised (the
	// caller's rate limit and quota, charged per question as the POST
	// endpoint charges per request); an error drops the utterance with an
	// error message and the stream goes on.
	Admit func(ctx context.Context) error
	// After is the clock used for pacing (time.After); tests may stop it.
	After func(time.Duration) <-chan time.Time
}

// Problem is an RFC 9457 problem object carried in an error message.
type Problem struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail,omitempty"`
}

func (o Options) withDefaults() Options {
	def := func(v *time.Duration, d time.Duration) {
		if *v <= 0 {
			*v = d
		}
	}
	if o.Rate == 0 {
		o.Rate = audio.SpeechRate
	}
	if o.Channels == 0 {
		o.Channels = 1
	}
	if o.MaxFrameBytes <= 0 {
		o.MaxFrameBytes = 64 << 10
	}
	def(&o.MaxUtterance, 30*time.Second)
	def(&o.Idle, 30*time.Second)
	def(&o.EndSilence, 700*time.Millisecond)
	def(&o.Lead, 500*time.Millisecond)
	def(&o.MaxHold, 20*time.Second)
	if o.After == nil {
		o.After = time.After
	}
	if o.Problem == nil {
		o.Problem = func(err error) Problem {
			return Problem{Type: "about:blank", Title: string(apperr.CodeOf(err)), Status: 500, Detail: apperr.MessageOf(err)}
		}
	}
	return o
}

// ParseQuery reads the client's audio format from the query string:
// rate (Hz, 8000 to 48000, default 16000) and channels (1 or 2, default 1).
// Errors: apperr.Invalid naming the parameter.
func ParseQuery(q url.Values) (Options, error) {
	var o Options
	num := func(name string, def, lo, hi int) (int, error) {
		v := q.Get(name)
		if v == "" {
			return def, nil
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < lo || n > hi {
			msg := fmt.Sprintf("must be a whole number from %d to %d", lo, hi)
			e := apperr.New(apperr.Invalid, "query parameter %s: %s", name, msg)
			e.Fields = []apperr.FieldError{{Path: name, Message: msg}}
			return 0, e
		}
		return n, nil
	}
	var err error
	if o.Rate, err = num("rate", audio.SpeechRate, 8000, 48000); err != nil {
		return o, err
	}
	if o.Channels, err = num("channels", 1, 1, 2); err != nil {
		return o, err
	}
	return o, nil
}

// Serve runs the protocol on conn until the client closes it, an error
// ends it, or ctx ends. It closes conn.
func Serve(ctx context.Context, conn Conn, p Pipeline, id string, o Options, logger *slog.Logger) {
	o = o.withDefaults()
	s, err := newSession(conn, p, id, o, logger)
	if err != nil {
		_ = conn.Close(closeCode(err), "bad stream options")
		return
	}
	s.run(ctx)
}
