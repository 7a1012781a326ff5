package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/parleyhq/parley/internal/testenv"
)

// TestVoiceStreamCaps opens voice streams past PARLEY_VOICE_STREAMS_PER_CLIENT
// and PARLEY_VOICE_STREAMS: the extra ones are refused before the upgrade
// with 429 problem+json and Retry-After, and a closed stream's slot admits
// the next. Visitors are told apart by X-Forwarded-For from a trusted proxy.
func TestVoiceStreamCaps(t *testing.T) {
	testenv.Tool(t, "pocketsphinx_continuous", "apt-get install pocketsphinx pocketsphinx-en-us")
	env := map[string]string{
		"PARLEY_DATA_DIR": t.TempDir(), "PARLEY_HTTP_ADDR": testenv.FreeAddr(t),
		"PARLEY_TRUSTED_PROXIES":          "127.0.0.1/32",
		"PARLEY_VOICE_STREAMS_PER_CLIENT": "2", "PARLEY_VOICE_STREAMS": "3",
	}
	base := "http://" + env["PARLEY_HTTP_ADDR"]
	env["PARLEY_PUBLIC_URL"] = base
	if _, _, err := cli(t, env, "", "import", "--slug", "hendriks", sample); err != nil {
		t.Fatal(err)
	}
	stop := serveInBackground(t, env)
	defer stop()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	// open dials a stream as visitor ip: the connection, or the refusal.
	open := func(ip string) (*websocket.Conn, *http.Response, error) {
		id := postJSON(t, base+"/v1/sessions", `{"profile": "hendriks"}`, 201)["id"].(string)
		url := "ws" + strings.TrimPrefix(base, "http") + "/v1/sessions/" + id + "/voice/stream"
		c, resp, err := websocket.Dial(ctx, url, &websocket.DialOptions{HTTPHeader: http.Header{"X-Forwarded-For": {ip}}})
		if err == nil {
			if typ, b, err := c.Read(ctx); err != nil || typ != websocket.MessageText || !strings.Contains(string(b), `"ready"`) {
				t.Fatalf("%s: first message %q, %v; want ready", ip, b, err)
			}
		}
		return c, resp, err
	}
	mustOpen := func(ip string) *websocket.Conn {
		t.Helper()
		c, resp, err := open(ip)
		if err != nil {
			t.Fatalf("%s: refused: %v (%v)", ip, err, resp)
		}
		return c
	}
	mustRefuse := func(ip, wantDetail string) {
		t.Helper()
		c, resp, err := open(ip)
		if err == nil {
			c.Close(websocket.StatusNormalClosure, "")
			t.Fatalf("%s: admitted past the cap", ip)
		}
		if resp == nil || resp.StatusCode != http.StatusTooManyRequests {
			t.Fatalf("%s: %v (%v), want 429", ip, err, resp)
		}
		var p map[string]any
		body, _ := io.ReadAll(resp.Body)
		if ct := resp.Header.Get("Content-Type"); ct != "application/problem+json" || json.Unmarshal(body, &p) != nil {
			t.Fatalf("%s: %s %q, want problem+json", ip, ct, body)
		}
		if resp.Header.Get("Retry-After") == "" {
			t.Errorf("%s: 429 without Retry-After", ip)
		}
		if d, _ := p["detail"].(string); !strings.Contains(d, wantDetail) {
			t.Errorf("%s: detail %q, want it to mention %q", ip, d, wantDetail)
		}
	}

	a1, a2 := mustOpen("203.0.113.1"), mustOpen("203.0.113.1")
	defer a2.Close(websocket.StatusNormalClosure, "")
	mustRefuse("203.0.113.1", "this client")
	b1 := mustOpen("203.0.113.2")
	defer b1.Close(websocket.StatusNormalClosure, "")
	mustRefuse("203.0.113.3", "the server")

	// A closed stream gives its slot back once the server has seen the
	// close; until then the refusal is the documented answer, so retry.
	if err := a1.Close(websocket.StatusNormalClosure, "done"); err != nil {
		t.Fatal(err)
	}
	for {
		c, resp, err := open("203.0.113.3")
		if err == nil {
			c.Close(websocket.StatusNormalClosure, "")
			break
		}
		if resp == nil || resp.StatusCode != http.StatusTooManyRequests {
			t.Fatalf("after a close: %v (%v), want admission or 429", err, resp)
		}
		select {
		case <-ctx.Done():
			t.Fatal("the closed stream's slot was never released")
		case <-time.After(20 * time.Millisecond):
		}
	}
}
