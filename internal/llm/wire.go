package llm

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"

	"github.com/openai/openai-go/option"
)

// MaxResponseBytes bounds one response body. An answer is a few sentences
// (max_tokens 400, some 80 KB as a stream); anything far larger is a
// misbehaving server, not an answer, and must not fill the process's memory.
const MaxResponseBytes = 1 << 20

// errTooLarge ends a body past MaxResponseBytes.
var errTooLarge = fmt.Errorf("llm response larger than %d bytes", MaxResponseBytes)

// notAPIError is a 2xx response that is not the chat-completions API: an
// HTML page from a captive portal, a login proxy or a wrong base URL.
type notAPIError struct{ contentType string }

func (e *notAPIError) Error() string {
	return fmt.Sprintf("llm response is %q, not the chat-completions API (check the base URL and any proxy)", e.contentType)
}

// guard is SDK middleware that makes what servers send fit what the SDK
// reads: bodies are size-bounded; an HTML page is an error at once; a
// stream request answered with plain JSON (servers and proxies that ignore
// "stream": true) becomes a one-event stream; and a stream's comment lines
// and empty events (": keep-alive"), which the SDK would try to decode as
// JSON, are dropped.
func guard(stream bool) option.Middleware {
	return func(req *http.Request, next option.MiddlewareNext) (*http.Response, error) {
		resp, err := next(req)
		if err != nil || resp == nil || resp.Body == nil {
			return resp, err
		}
		body := &limitedBody{r: resp.Body, c: resp.Body, left: MaxResponseBytes}
		resp.Body = body
		if resp.StatusCode < 200 || resp.StatusCode > 299 {
			return resp, nil
		}
		br := bufio.NewReader(body)
		first := firstByte(br)
		ct, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
		switch {
		case first == '<' || ct == "text/html":
			_ = body.Close()
			return nil, &notAPIError{contentType: resp.Header.Get("Content-Type")}
		case stream && first == '{':
			b, err := io.ReadAll(br)
			_ = body.Close()
			if err != nil {
				return nil, err
			}
			resp.Body = io.NopCloser(bytes.NewReader(completionAsStream(b)))
			resp.Header.Set("Content-Type", "text/event-stream")
		case stream:
			resp.Body = &sseFilter{r: br, c: body}
		default:
			resp.Body = readCloser{br, body}
		}
		return resp, nil
	}
}

type readCloser struct {
	io.Reader
	io.Closer
}

// firstByte peeks at the first non-space byte of a body (0 at its end).
func firstByte(br *bufio.Reader) byte {
	for n := 1; n <= 512; n++ {
		b, err := br.Peek(n)
		if len(b) < n {
			return 0
		}
		if c := b[n-1]; c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return c
		}
		if err != nil {
			return 0
		}
	}
	return 0
}

// limitedBody fails with errTooLarge past its limit.
type limitedBody struct {
	r    io.Reader
	c    io.Closer
	left int64
}

func (l *limitedBody) Read(p []byte) (int, error) {
	if l.left <= 0 {
		return 0, errTooLarge
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	return n, err
}

func (l *limitedBody) Close() error { return l.c.Close() }

// sseFilter passes a server-sent-event stream through without comment lines
// and without events that carry no data.
type sseFilter struct {
	r       *bufio.Reader
	c       io.Closer
	pending []byte
	hasData bool
	err     error
}

func (f *sseFilter) Read(p []byte) (int, error) {
	for len(f.pending) == 0 {
		if f.err != nil {
			return 0, f.err
		}
		line, err := f.r.ReadBytes('\n')
		f.err = err
		line = bytes.TrimRight(line, "\r\n")
		switch {
		case len(line) == 0:
			if f.hasData {
				f.pending = []byte("\n")
			}
			f.hasData = false
		case line[0] == ':':
		default:
			if bytes.HasPrefix(line, []byte("data")) {
				f.hasData = true
			}
			f.pending = append(line, '\n')
		}
	}
	n := copy(p, f.pending)
	f.pending = f.pending[n:]
	return n, nil
}

func (f *sseFilter) Close() error { return f.c.Close() }

// completionAsStream turns a chat.completion body into the equivalent
// chunk stream; an error body passes as an error event.
func completionAsStream(b []byte) []byte {
	var cc struct {
		ID      string          `json:"id"`
		Model   string          `json:"model"`
		Error   json.RawMessage `json:"error"`
		Usage   json.RawMessage `json:"usage"`
		Choices []struct {
			Index        int             `json:"index"`
			FinishReason json.RawMessage `json:"finish_reason"`
			Message      json.RawMessage `json:"message"`
		} `json:"choices"`
	}
	if err := json.Unmarshal(b, &cc); err != nil || len(cc.Error) > 0 {
		// Undecodable or an error: let the SDK report it as sent.
		return []byte("data: " + string(bytes.ReplaceAll(b, []byte("\n"), nil)) + "\n\n")
	}
	type choice struct {
		Index        int             `json:"index"`
		Delta        json.RawMessage `json:"delta"`
		FinishReason json.RawMessage `json:"finish_reason,omitempty"`
	}
	chunk := struct {
		ID      string          `json:"id"`
		Object  string          `json:"object"`
		Model   string          `json:"model"`
		Choices []choice        `json:"choices"`
		Usage   json.RawMessage `json:"usage,omitempty"`
	}{ID: cc.ID, Object: "chat.completion.chunk", Model: cc.Model, Usage: cc.Usage, Choices: []choice{}}
	for _, c := range cc.Choices {
		chunk.Choices = append(chunk.Choices, choice{Index: c.Index, Delta: c.Message, FinishReason: c.FinishReason})
	}
	out, err := json.Marshal(chunk)
	if err != nil {
		return nil
	}
	return []byte("data: " + string(out) + "\n\ndata: [DONE]\n\n")
}

// errorBody is a 2xx response whose body is an error object, as some
// proxies send when the upstream failed.
type errorBody struct{ message string }

func (e *errorBody) Error() string { return "llm provider returned an error body: " + e.message }

// errorInBody reads {"error": {"message": ...}} or {"error": "..."} from a body.
func errorInBody(raw string) error {
	var b struct {
		Error json.RawMessage `json:"error"`
	}
	if json.Unmarshal([]byte(raw), &b) != nil || len(b.Error) == 0 || string(b.Error) == "null" {
		return nil
	}
	var obj struct {
		Message string `json:"message"`
	}
	var s string
	switch {
	case json.Unmarshal(b.Error, &obj) == nil && obj.Message != "":
		s = obj.Message
	case json.Unmarshal(b.Error, &s) == nil:
	default:
		s = string(b.Error)
	}
	return &errorBody{message: s}
}
