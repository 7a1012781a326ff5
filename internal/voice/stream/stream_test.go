package stream_test

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/chat"
	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/voice/audio"
	at "github.com/parleyhq/parley/internal/voice/audio/audiotest"
	"github.com/parleyhq/parley/internal/voice/stream"
)

const rate = 16000

// fakePipeline hears every utterance as the same question and answers
// with a fixed reply; it records what each turn committed.
type fakePipeline struct {
	reply     string
	mu        sync.Mutex
	committed []string
	discarded int
}

func (p *fakePipeline) Transcribe(ctx context.Context, id string, pcm audio.PCM) (string, error) {
	if pcm.Duration() < 100*time.Millisecond {
		return "", apperr.New(apperr.Invalid, "too short")
	}
	return "where did she work", nil
}

func (p *fakePipeline) Prepare(ctx context.Context, id, text string) (stream.Answer, error) {
	return &fakeAnswer{p: p}, nil
}

func (p *fakePipeline) Synthesize(ctx context.Context, text string) (audio.PCM, error) {
	return audio.PCM{Rate: rate, Channels: 1, Samples: make([]int16, rate)}, nil // 1 s each
}

type fakeAnswer struct{ p *fakePipeline }

func (a *fakeAnswer) Reply() converse.Reply { return converse.Reply{Text: a.p.reply} }
func (a *fakeAnswer) Commit(ctx context.Context, spoken string) (chat.Turn, error) {
	a.p.mu.Lock()
	defer a.p.mu.Unlock()
	a.p.committed = append(a.p.committed, spoken)
	return chat.Turn{}, nil
}
func (a *fakeAnswer) Discard() { a.p.mu.Lock(); a.p.discarded++; a.p.mu.Unlock() }

type msg struct {
	Type    string         `json:"type"`
	Index   int            `json:"index"`
	Played  int            `json:"played"`
	Fatal   bool           `json:"fatal"`
	Problem stream.Problem `json:"problem"`
}

func start(t *testing.T, p stream.Pipeline, o stream.Options) (*websocket.Conn, context.Context) {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := websocket.Accept(w, r, nil)
		if err != nil {
			return
		}
		q, err := stream.ParseQuery(r.URL.Query())
		if err != nil {
			t.Error(err)
			return
		}
		o.Rate, o.Channels = q.Rate, q.Channels
		stream.Serve(r.Context(), c, p, "sid", o, slog.New(slog.DiscardHandler))
	}))
	t.Cleanup(srv.Close)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
	c, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(srv.URL, "http"), nil)
	if err != nil {
		t.Fatal(err)
	}
	c.SetReadLimit(1 << 20)
	t.Cleanup(func() { c.CloseNow() })
	if m := read(t, ctx, c); m.Type != "ready" {
		t.Fatalf("first message %+v", m)
	}
	return c, ctx
}

// read returns the next JSON message, skipping binary audio.
func read(t *testing.T, ctx context.Context, c *websocket.Conn) msg {
	t.Helper()
	for {
		typ, b, err := c.Read(ctx)
		if err != nil {
			t.Fatalf("read: %v", err)
		}
		if typ == websocket.MessageBinary {
			continue
		}
		var m msg
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
}

func until(t *testing.T, ctx context.Context, c *websocket.Conn, want string) []msg {
	t.Helper()
	var out []msg
	for {
		m := read(t, ctx, c)
		out = append(out, m)
		if m.Type == want {
			return out
		}
	}
}

// utterance is a vowel over faint noise, then silence enough to end it.
func utterance() []int16 {
	s := at.Mix(append(make([]int16, rate/4), at.Vowel(rate, rate/2, 140, 10000)...), at.Noise(3, rate*3/4, 300))
	return append(s, at.Noise(4, rate, 300)...)
}

func send(t *testing.T, ctx context.Context, c *websocket.Conn, samples []int16) {
	t.Helper()
	for i := 0; i < len(samples); i += rate / 50 {
		chunk := samples[i:min(i+rate/50, len(samples))]
		b := make([]byte, 2*len(chunk))
		for j, v := range chunk {
			binary.LittleEndian.PutUint16(b[2*j:], uint16(v))
		}
		if err := c.Write(ctx, websocket.MessageBinary, b); err != nil {
			t.Fatal(err)
		}
	}
}

func TestWholeReplyIsRecorded(t *testing.T) {
	p := &fakePipeline{reply: "She worked at Acme. Then at Initech. Now at Globex."}
	c, ctx := start(t, p, stream.Options{After: func(time.Duration) <-chan time.Time {
		ch := make(chan time.Time, 1)
		ch <- time.Time{} // playback is instant
		return ch
	}})
	send(t, ctx, c, utterance())
	msgs := until(t, ctx, c, "done")
	var audio int
	for _, m := range msgs {
		if m.Type == "audio" {
			audio++
		}
	}
	if audio != 3 {
		t.Errorf("%d sentences sent, want 3", audio)
	}
	c.Close(websocket.StatusNormalClosure, "")
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.committed) != 1 || p.committed[0] != p.reply {
		t.Errorf("committed %q, want the whole reply", p.committed)
	}
}

// TestBargeInRecordsOnlyWhatWasSent stops the playback clock, so that the
// second sentence waits for ever; speech then interrupts the reply.
func TestBargeInRecordsOnlyWhatWasSent(t *testing.T) {
	p := &fakePipeline{reply: "She worked at Acme. Then at Initech. Now at Globex."}
	c, ctx := start(t, p, stream.Options{After: func(time.Duration) <-chan time.Time { return nil }})
	send(t, ctx, c, utterance())
	until(t, ctx, c, "audio")
	send(t, ctx, c, utterance())
	m := until(t, ctx, c, "interrupted")
	if got := m[len(m)-1].Played; got != 1 {
		t.Errorf("interrupted after %d sentences, want 1", got)
	}
	// The interrupting speech is answered in turn.
	until(t, ctx, c, "audio")
	c.Close(websocket.StatusNormalClosure, "")
	// Commit happened before "interrupted" was sent.
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.committed) < 1 || p.committed[0] != "She worked at Acme." {
		t.Errorf("committed %q, want only the first sentence", p.committed)
	}
}

func TestIdleStreamIsClosed(t *testing.T) {
	c, ctx := start(t, &fakePipeline{reply: "Hi."}, stream.Options{Idle: 50 * time.Millisecond})
	m := read(t, ctx, c)
	if m.Type != "error" || !m.Fatal || m.Problem.Title != "invalid" {
		t.Errorf("after idling: %+v, want a fatal error", m)
	}
	if _, _, err := c.Read(ctx); websocket.CloseStatus(err) != websocket.StatusPolicyViolation {
		t.Errorf("closed with %v, want policy violation", err)
	}
}

func TestOverlongUtteranceIsDropped(t *testing.T) {
	p := &fakePipeline{reply: "Hi."}
	c, ctx := start(t, p, stream.Options{MaxUtterance: 300 * time.Millisecond})
	send(t, ctx, c, utterance()) // 500 ms of speech
	m := until(t, ctx, c, "error")
	if e := m[len(m)-1]; e.Fatal || e.Problem.Title != "too_large" {
		t.Errorf("overlong utterance: %+v, want a non-fatal too_large error", e)
	}
	for _, x := range m {
		if x.Type == "transcript" {
			t.Errorf("an overlong utterance was transcribed")
		}
	}
}

func TestParseQuery(t *testing.T) {
	for _, c := range []struct {
		q      string
		rate   int
		ch     int
		errFor string
	}{
		{"", 16000, 1, ""},
		{"rate=48000&channels=2", 48000, 2, ""},
		{"rate=8000", 8000, 1, ""},
		{"rate=7999", 0, 0, "rate"},
		{"rate=96000", 0, 0, "rate"},
		{"rate=abc", 0, 0, "rate"},
		{"channels=0", 0, 0, "channels"},
		{"channels=3", 0, 0, "channels"},
	} {
		v, _ := url.ParseQuery(c.q)
		o, err := stream.ParseQuery(v)
		if c.errFor != "" {
			if apperr.CodeOf(err) != apperr.Invalid || len(apperr.FieldsOf(err)) != 1 || apperr.FieldsOf(err)[0].Path != c.errFor {
				t.Errorf("%q: %v, want an invalid %s", c.q, err, c.errFor)
			}
			continue
		}
		if err != nil || o.Rate != c.rate || o.Channels != c.ch {
			t.Errorf("%q: %+v %v", c.q, o, err)
		}
	}
}

// TestAdmitRefusalDropsTheUtterance: when the caller's limit is used up,
// the utterance is neither recognised nor answered, the client is told why,
// and the stream goes on to answer the next admitted one.
func TestAdmitRefusalDropsTheUtterance(t *testing.T) {
	p := &fakePipeline{reply: "She worked at Acme."}
	var calls int
	var mu sync.Mutex
	c, ctx := start(t, p, stream.Options{
		After: func(time.Duration) <-chan time.Time {
			ch := make(chan time.Time, 1)
			ch <- time.Time{}
			return ch
		},
		Admit: func(context.Context) error {
			mu.Lock()
			defer mu.Unlock()
			calls++
			if calls == 1 {
				return apperr.New(apperr.RateLimited, "rate limit exceeded")
			}
			return nil
		},
	})
	send(t, ctx, c, utterance())
	m := until(t, ctx, c, "error")
	if e := m[len(m)-1]; e.Fatal || e.Problem.Title != "rate_limited" {
		t.Errorf("refused utterance: %+v, want a non-fatal rate_limited error", e)
	}
	for _, x := range m {
		if x.Type == "transcript" {
			t.Errorf("a refused utterance was transcribed")
		}
	}
	send(t, ctx, c, utterance())
	until(t, ctx, c, "done")
	c.Close(websocket.StatusNormalClosure, "")
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.committed) != 1 {
		t.Errorf("committed %q, want only the admitted turn", p.committed)
	}
}
