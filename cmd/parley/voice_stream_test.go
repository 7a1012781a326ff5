package main

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"net/http"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/parleyhq/parley/internal/testenv"
	"github.com/parleyhq/parley/internal/voice/audio"
	"github.com/parleyhq/parley/internal/voice/tts"
)

// streamMsg is any JSON message of the voice stream protocol.
type streamMsg struct {
	Type      string         `json:"type"`
	Text      string         `json:"text"`
	Index     int            `json:"index"`
	Bytes     int            `json:"bytes"`
	Played    int            `json:"played"`
	Sentences int            `json:"sentences"`
	Fatal     bool           `json:"fatal"`
	Problem   map[string]any `json:"problem"`
	Reply     struct {
		Text string `json:"text"`
	} `json:"reply"`
	audio []byte // the binary message after an "audio" header
}

// streamClient is a test client of GET /v1/sessions/{id}/voice/stream.
type streamClient struct {
	t    *testing.T
	c    *websocket.Conn
	ctx  context.Context
	rate int
}

func dialStream(t *testing.T, ctx context.Context, base, id, query string, rate int) *streamClient {
	t.Helper()
	url := "ws" + strings.TrimPrefix(base, "http") + "/v1/sessions/" + id + "/voice/stream" + query
	c, resp, err := websocket.Dial(ctx, url, nil)
	if err != nil {
		t.Fatalf("dial %s: %v (%v)", url, err, resp)
	}
	c.SetReadLimit(8 << 20) // a sentence of audio is one message
	sc := &streamClient{t: t, c: c, ctx: ctx, rate: rate}
	if m := sc.next(); m.Type != "ready" {
		t.Fatalf("first message %+v, want ready", m)
	}
	return sc
}

// next reads one JSON message (with its audio, for an audio header).
func (sc *streamClient) next() streamMsg {
	sc.t.Helper()
	typ, b, err := sc.c.Read(sc.ctx)
	if err != nil {
		sc.t.Fatalf("read: %v", err)
	}
	if typ != websocket.MessageText {
		sc.t.Fatalf("unexpected binary message of %d bytes", len(b))
	}
	var m streamMsg
	if err := json.Unmarshal(b, &m); err != nil {
		sc.t.Fatalf("message %q: %v", b, err)
	}
	if m.Type == "audio" {
		typ, b, err := sc.c.Read(sc.ctx)
		if err != nil || typ != websocket.MessageBinary || len(b) != m.Bytes {
			sc.t.Fatalf("audio %d: %v, type %v, %d bytes, header said %d", m.Index, err, typ, len(b), m.Bytes)
		}
		m.audio = b
	}
	return m
}

// until reads messages up to the first of type want, returning them all.
func (sc *streamClient) until(want string) []streamMsg {
	sc.t.Helper()
	var out []streamMsg
	for {
		m := sc.next()
		out = append(out, m)
		if m.Type == want {
			return out
		}
		if m.Type == "error" {
			sc.t.Fatalf("waiting for %s: error %v", want, m.Problem)
		}
	}
}

// say streams pcm as 20 ms frames, then silence long enough to end the utterance.
func (sc *streamClient) say(pcm audio.PCM) {
	sc.t.Helper()
	samples := append(append([]int16(nil), pcm.Samples...), make([]int16, sc.rate)...)
	step := sc.rate / 50
	for i := 0; i < len(samples); i += step {
		sc.send(samples[i:min(i+step, len(samples))])
	}
}

func (sc *streamClient) send(samples []int16) {
	sc.t.Helper()
	b := make([]byte, 2*len(samples))
	for i, v := range samples {
		binary.LittleEndian.PutUint16(b[2*i:], uint16(v))
	}
	if err := sc.c.Write(sc.ctx, websocket.MessageBinary, b); err != nil {
		sc.t.Fatalf("write: %v", err)
	}
}

func speak(t *testing.T, espeak, text string) audio.PCM {
	t.Helper()
	wav, err := exec.CommandContext(context.Background(), espeak, "--stdout", "-v", "en-us", text).Output()
	if err != nil {
		t.Fatal(err)
	}
	pcm, err := audio.ParseWAV(wav, audio.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return pcm.Mono()
}

func lastAssistant(t *testing.T, base, id string) string {
	t.Helper()
	var last string
	msgs, _ := getJSON(t, base+"/v1/sessions/"+id+"/messages")["messages"].([]any)
	for _, m := range msgs {
		if m := m.(map[string]any); m["role"] == "assistant" {
			last, _ = m["text"].(string)
		}
	}
	return last
}

// TestVoiceStream talks to a running server over the WebSocket with
// espeak-ng speech: a whole turn, a turn cut short by barge-in, and bad input.
func TestVoiceStream(t *testing.T) {
	espeak := testenv.Tool(t, "espeak-ng", "apt-get install espeak-ng")
	testenv.Tool(t, "pocketsphinx_continuous", "apt-get install pocketsphinx pocketsphinx-en-us")
	// The subtests open streams one after another from one address; a
	// stream's slot is freed when the server's handler returns, which may
	// come after the client has seen the close. The per-client cap has its
	// own test (voice_streamcap_test.go), so it is out of the way here.
	env := map[string]string{"PARLEY_DATA_DIR": t.TempDir(), "PARLEY_HTTP_ADDR": testenv.FreeAddr(t),
		"PARLEY_VOICE_STREAMS_PER_CLIENT": "16"}
	base := "http://" + env["PARLEY_HTTP_ADDR"]
	env["PARLEY_PUBLIC_URL"] = base
	if _, _, err := cli(t, env, "", "import", "--slug", "hendriks", sample); err != nil {
		t.Fatal(err)
	}
	stop := serveInBackground(t, env)
	stopped := false
	defer func() {
		if !stopped {
			stop()
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	session := func() string { return postJSON(t, base+"/v1/sessions", `{"profile": "hendriks"}`, 201)["id"].(string) }

	t.Run("whole turn", func(t *testing.T) {
		id := session()
		q := speak(t, espeak, "where did richard study")
		sc := dialStream(t, ctx, base, id, "?rate=22050", q.Rate)
		defer sc.c.Close(websocket.StatusNormalClosure, "")
		sc.say(q)
		msgs := sc.until("done")
		var transcript, reply string
		var spoken []string
		for _, m := range msgs {
			switch m.Type {
			case "transcript":
				transcript = m.Text
			case "reply":
				reply = m.Reply.Text
			case "audio":
				if m.Index != len(spoken) || len(m.audio) == 0 {
					t.Errorf("audio message %d (%d bytes) out of order", m.Index, len(m.audio))
				}
				spoken = append(spoken, m.Text)
			}
		}
		done := msgs[len(msgs)-1]
		t.Logf("transcript %q, reply %q, %d sentences", transcript, reply, len(spoken))
		if !strings.Contains(transcript, "study") || !strings.Contains(reply, "Oklahoma") {
			t.Errorf("transcript %q, reply %q: the question was not understood", transcript, reply)
		}
		if want := tts.Sentences(reply, 0); len(spoken) != len(want) || done.Sentences != len(want) {
			t.Errorf("spoke %d sentences (done says %d), want %d", len(spoken), done.Sentences, len(want))
		}
		if got := lastAssistant(t, base, id); got != reply {
			t.Errorf("recorded reply %q, want the whole reply %q", got, reply)
		}
	})

	t.Run("barge-in", func(t *testing.T) {
		id := session()
		q := speak(t, espeak, "where did richard study") // a reply of several sentences
		sc := dialStream(t, ctx, base, id, "?rate=22050", q.Rate)
		defer sc.c.Close(websocket.StatusNormalClosure, "")
		sc.say(q)
		var reply string
		for _, m := range sc.until("audio") {
			if m.Type == "reply" {
				reply = m.Reply.Text
			}
		}
		total := len(tts.Sentences(reply, 0))
		if total < 2 {
			t.Fatalf("reply %q has %d sentences; barge-in needs at least 2", reply, total)
		}
		// Talk over the reply as soon as its first sentence arrives: the
		// next sentence is held back until the first has nearly played.
		sc.say(speak(t, espeak, "tell me more"))
		spoken := []string{tts.Sentences(reply, 0)[0]}
		msgs := sc.until("interrupted")
		for _, m := range msgs {
			if m.Type == "audio" {
				spoken = append(spoken, m.Text)
			}
		}
		got := msgs[len(msgs)-1]
		if got.Played != len(spoken) || got.Played >= total {
			t.Errorf("interrupted after %d sentences (client got %d) of %d", got.Played, len(spoken), total)
		}
		if rec, want := lastAssistant(t, base, id), strings.Join(spoken, " "); rec != want {
			t.Errorf("recorded reply %q, want only what was sent %q", rec, want)
		}
		// The speech that interrupted is the next question (how well it is
		// recognised is the recogniser's business, measured elsewhere).
		m := sc.until("transcript")
		t.Logf("interrupted after %d of %d sentences; barge-in transcribed as %q", got.Played, total, m[len(m)-1].Text)
	})

	t.Run("bad input before the upgrade", func(t *testing.T) {
		id := session()
		for _, c := range []struct {
			name, path string
			upgrade    bool
			want       int
		}{
			{"not a websocket", "/v1/sessions/" + id + "/voice/stream", false, 400},
			{"bad rate", "/v1/sessions/" + id + "/voice/stream?rate=7", true, 422},
			{"bad channels", "/v1/sessions/" + id + "/voice/stream?channels=3", true, 422},
			{"unknown session", "/v1/sessions/nosuchsession/voice/stream", true, 404},
		} {
			req, _ := http.NewRequestWithContext(ctx, "GET", base+c.path, nil)
			if c.upgrade {
				req.Header.Set("Connection", "Upgrade")
				req.Header.Set("Upgrade", "websocket")
				req.Header.Set("Sec-WebSocket-Version", "13")
				req.Header.Set("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != c.want || resp.Header.Get("Content-Type") != "application/problem+json" {
				t.Errorf("%s: %d %s, want %d problem+json", c.name, resp.StatusCode, resp.Header.Get("Content-Type"), c.want)
			}
		}
	})

	t.Run("bad input on the stream", func(t *testing.T) {
		id := session()
		for _, c := range []struct {
			name     string
			typ      websocket.MessageType
			msg      []byte
			problem  string
			close    websocket.StatusCode
			nonFatal bool
		}{
			{"odd-length frame", websocket.MessageBinary, []byte{1, 2, 3}, "malformed", websocket.StatusUnsupportedData, false},
			{"frame too large", websocket.MessageBinary, make([]byte, 70<<10), "too_large", websocket.StatusMessageTooBig, false},
			{"unknown text message", websocket.MessageText, []byte(`{"type":"hello"}`), "unsupported", websocket.StatusUnsupportedData, false},
			{"end without speech", websocket.MessageText, []byte(`{"type":"end"}`), "invalid", 0, true},
		} {
			sc := dialStream(t, ctx, base, id, "", 16000)
			sc.send(make([]int16, 1600)) // 100 ms of silence first: a valid start
			if err := sc.c.Write(ctx, c.typ, c.msg); err != nil {
				t.Fatalf("%s: write: %v", c.name, err)
			}
			m := sc.next()
			if m.Type != "error" || m.Fatal == c.nonFatal || !strings.HasSuffix(m.Problem["type"].(string), "/"+c.problem) {
				t.Errorf("%s: %+v, want a %s error (fatal %t)", c.name, m, c.problem, !c.nonFatal)
			}
			if c.nonFatal {
				sc.send(make([]int16, 160)) // the stream is still open
				_ = sc.c.Close(websocket.StatusNormalClosure, "")
				continue
			}
			_, _, err := sc.c.Read(ctx)
			if st := websocket.CloseStatus(err); st != c.close {
				t.Errorf("%s: closed with %v (%v), want %v", c.name, st, err, c.close)
			}
			if errors.Is(err, context.DeadlineExceeded) {
				t.Fatal(err)
			}
		}
	})
	t.Run("shutdown closes streams", func(t *testing.T) {
		sc := dialStream(t, ctx, base, session(), "", 16000)
		stopped = true
		stop()
		_, _, err := sc.c.Read(ctx)
		if st := websocket.CloseStatus(err); st != websocket.StatusGoingAway {
			t.Errorf("after SIGTERM: %v (%v), want going away", st, err)
		}
	})
}
