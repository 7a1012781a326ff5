package httpapi_test

import (
	"bufio"
	"context"
	"encoding/json"
	"log/slog"
	"net"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/llm"
)

// stallingProvider streams one grounded sentence and the start of the
// next, then waits for the caller to give up: a slow LLM mid-answer.
type stallingProvider struct{}

func (stallingProvider) Complete(ctx context.Context, req llm.Request) (llm.Response, error) {
	<-ctx.Done()
	return llm.Response{}, ctx.Err()
}

func (stallingProvider) Stream(ctx context.Context, req llm.Request, onDelta llm.DeltaFunc) (llm.Response, error) {
	for _, d := range []string{"Richard worked as CEO/President at Pied Piper.", " He"} {
		if err := onDelta(d); err != nil {
			return llm.Response{}, err
		}
	}
	<-ctx.Done()
	return llm.Response{}, ctx.Err()
}

// records keeps every log record, so that a test can look for errors.
type records struct {
	mu   sync.Mutex
	recs []slog.Record
}

func (h *records) Enabled(context.Context, slog.Level) bool { return true }
func (h *records) WithAttrs([]slog.Attr) slog.Handler       { return h }
func (h *records) WithGroup(string) slog.Handler            { return h }
func (h *records) Handle(_ context.Context, r slog.Record) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.recs = append(h.recs, r.Clone())
	return nil
}

// find returns the messages of records at level or above, and how many
// records with message msg were seen.
func (h *records) find(level slog.Level, msg string) (found []string, seen int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, r := range h.recs {
		if r.Level >= level {
			found = append(found, r.Message)
		}
		if r.Message == msg {
			seen++
		}
	}
	return found, seen
}

// TestClientLeavingMidStream: a visitor who closes the connection after
// the first streamed sentence is no server error (nothing logged at
// ERROR), and the turn is recorded whole or not at all.
func TestClientLeavingMidStream(t *testing.T) {
	logs := &records{}
	answerer, err := llm.NewAnswerer(stallingProvider{}, llm.AnswererOptions{})
	if err != nil {
		t.Fatal(err)
	}
	f := buildServerWith(t, serverOptions{logger: slog.New(logs), llm: answerer, accessLog: true})
	sid := openSession(t, f)

	conn, err := net.Dial("tcp", strings.TrimPrefix(f.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	_ = conn.SetDeadline(time.Now().Add(30 * time.Second)) // a safety net, not a measure
	body := `{"text":"Where did he work?"}`
	_, err = conn.Write([]byte("POST /v1/sessions/" + sid + "/messages HTTP/1.1\r\nHost: x\r\n" +
		"Content-Type: application/json\r\nAccept: text/event-stream\r\nContent-Length: " +
		strconv.Itoa(len(body)) + "\r\n\r\n" + body))
	if err != nil {
		t.Fatal(err)
	}
	rd := bufio.NewReader(conn)
	for {
		line, err := rd.ReadString('\n')
		if err != nil {
			t.Fatalf("stream ended before a delta: %v", err)
		}
		if strings.HasPrefix(line, "event: delta") {
			break
		}
	}
	conn.Close()

	// An access log line is written when its handler has returned: the
	// session's, then the turn's.
	for {
		if _, n := logs.find(slog.LevelError, "request"); n >= 2 {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if errs, _ := logs.find(slog.LevelError, ""); len(errs) > 0 {
		t.Errorf("a client leaving was logged as a server error: %q", errs)
	}
	_, hist := do(t, "GET", f.URL+"/v1/sessions/"+sid+"/messages", "", nil)
	var h struct {
		Messages []struct{ Role, Text string }
	}
	if err := json.Unmarshal(hist, &h); err != nil {
		t.Fatal(err)
	}
	switch len(h.Messages) {
	case 0:
	case 2:
		if h.Messages[0].Role != "user" || h.Messages[1].Role != "assistant" || h.Messages[1].Text == "" {
			t.Errorf("turn recorded in part: %s", hist)
		}
	default:
		t.Errorf("history after the client left: %s", hist)
	}
}
