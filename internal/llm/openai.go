package llm

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/openai/openai-go"
	"github.com/openai/openai-go/option"

	"github.com/parleyhq/parley/internal/apperr"
)

// ClientOptions are the collaborators of a Client; the zero value works.
type ClientOptions struct {
	// HTTPClient carries the requests (default: a client without overall
	// timeout, since each attempt has its own).
	HTTPClient *http.Client
	// Logger receives retry and failure records (default: discard).
	Logger *slog.Logger
	// Metrics records calls and retries (nil: none).
	Metrics *Metrics
	// Backoff shapes retry waits (zero: defaults).
	Backoff Backoff
	// Sleep waits between retries; nil waits on a timer. Tests record waits here.
	Sleep func(ctx context.Context, d time.Duration) error
}

// Client is a Provider for any OpenAI-compatible chat-completions API,
// built on the official openai-go SDK. It retries on its own (the SDK's
// retries are off: they sleep without watching the context) so that waits
// honour ctx, Retry-After is bounded, and streams are retried only before
// their first delta.
type Client struct {
	cfg     Config
	svc     openai.ChatCompletionService
	log     *slog.Logger
	metrics *Metrics
	backoff Backoff
	sleep   func(ctx context.Context, d time.Duration) error
}

var _ Provider = (*Client)(nil)

// NewClient returns a client for cfg; cfg must pass Validate.
func NewClient(cfg Config, opts ClientOptions) (*Client, error) {
	cfg = cfg.withDefaults()
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	hc := opts.HTTPClient
	if hc == nil {
		hc = &http.Client{}
	}
	reqOpts := []option.RequestOption{
		option.WithBaseURL(cfg.BaseURL),
		option.WithHTTPClient(hc),
		option.WithMaxRetries(0),
	}
	if cfg.APIKey != "" {
		reqOpts = append(reqOpts, option.WithAPIKey(cfg.APIKey))
	}
	c := &Client{
		cfg: cfg,
		// The service, not openai.NewClient: the latter reads OPENAI_* from the
		// process environment, and Parley's configuration is PARLEY_LLM_*.
		svc:     openai.NewChatCompletionService(reqOpts...),
		log:     opts.Logger,
		metrics: opts.Metrics,
		backoff: opts.Backoff.withDefaults(),
		sleep:   opts.Sleep,
	}
	if c.log == nil {
		c.log = slog.New(slog.DiscardHandler)
	}
	if c.sleep == nil {
		c.sleep = sleepCtx
	}
	return c, nil
}

// Name is the provider's label in metrics and responses.
func (c *Client) Name() string { return c.cfg.Name }

// Model is the configured model name.
func (c *Client) Model() string { return c.cfg.Model }

// Complete implements Provider.
func (c *Client) Complete(ctx context.Context, req Request) (Response, error) {
	start := time.Now()
	params := c.params(req)
	var resp Response
	err := c.withRetries(ctx, func(ctx context.Context) (bool, error) {
		actx, cancel := context.WithTimeoutCause(ctx, c.cfg.Timeout, errAttemptTimeout)
		defer cancel()
		cc, err := c.svc.New(actx, params, option.WithMiddleware(guard(false)))
		if err != nil {
			return false, attemptError(actx, err)
		}
		resp, err = c.fromCompletion(cc)
		return false, err
	})
	c.metrics.observeRequest(c.cfg.Name, "complete", start, err)
	return resp, err
}

// Stream implements Provider using the SDK's server-sent-events stream.
// cfg.Timeout bounds the wait for each chunk, not the whole reply.
func (c *Client) Stream(ctx context.Context, req Request, onDelta DeltaFunc) (Response, error) {
	start := time.Now()
	params := c.params(req)
	var resp Response
	err := c.withRetries(ctx, func(ctx context.Context) (bool, error) {
		var err error
		resp, err = c.streamOnce(ctx, params, onDelta)
		return resp.Text != "", err
	})
	c.metrics.observeRequest(c.cfg.Name, "stream", start, err)
	return resp, err
}

// streamOnce runs one streaming attempt. The returned Response holds the
// text delivered so far even on error, so the caller knows whether deltas
// already reached the consumer.
func (c *Client) streamOnce(ctx context.Context, params openai.ChatCompletionNewParams, onDelta DeltaFunc) (Response, error) {
	actx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	idle := time.AfterFunc(c.cfg.Timeout, func() { cancel(errAttemptTimeout) })
	defer idle.Stop()

	stream := c.svc.NewStreaming(actx, params, option.WithMiddleware(guard(true)))
	defer stream.Close()
	var text strings.Builder
	resp := Response{Model: c.cfg.Model, Provider: c.cfg.Name}
	for stream.Next() {
		idle.Reset(c.cfg.Timeout)
		chunk := stream.Current()
		if chunk.Model != "" {
			resp.Model = chunk.Model
		}
		if chunk.Usage.TotalTokens > 0 {
			resp.Usage = usageOf(chunk.Usage)
		}
		for _, ch := range chunk.Choices {
			if ch.Index != 0 {
				continue
			}
			if d := ch.Delta.Content; d != "" {
				text.WriteString(d)
				resp.Text = text.String()
				if err := onDelta(d); err != nil {
					return resp, &callbackError{err: err}
				}
			}
			if ch.FinishReason != "" {
				resp.FinishReason = ch.FinishReason
			}
		}
	}
	if err := stream.Err(); err != nil {
		return resp, attemptError(actx, err)
	}
	if resp.FinishReason == "" {
		return resp, attemptError(actx, errIncompleteStream)
	}
	return resp, nil
}

// withRetries runs attempt until it succeeds, fails for good, or the retry
// budget is spent. attempt reports whether output already reached the
// caller, which makes a retry impossible.
func (c *Client) withRetries(ctx context.Context, attempt func(context.Context) (bool, error)) error {
	for n := 0; ; n++ {
		delivered, err := attempt(ctx)
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return fmt.Errorf("llm %s: %w", c.cfg.Name, context.Cause(ctx))
		}
		if isCallbackError(err) {
			return err
		}
		v := classify(err, c.backoff)
		wait := c.backoff.delay(n)
		if v.after > 0 {
			wait = v.after
		}
		dl, ok := ctx.Deadline()
		noTime := ok && time.Until(dl) < wait
		if !v.retry || delivered || n >= c.cfg.MaxRetries || noTime {
			return c.failed(ctx, err, v, n+1, noTime && v.retry && !delivered && n < c.cfg.MaxRetries)
		}
		c.metrics.retry(c.cfg.Name, v.reason)
		c.log.DebugContext(ctx, "llm retry", "provider", c.cfg.Name, "attempt", n+1, "reason", v.reason, "wait", wait)
		if err := c.sleep(ctx, wait); err != nil {
			return fmt.Errorf("llm %s: %w", c.cfg.Name, err)
		}
	}
}

// failed logs a provider's failure once, at warn, and returns it as
// apperr.Unavailable. The error text is the provider's own message, short
// and with the API key masked: servers echo keys in 401 bodies, and the
// error travels on to other logs.
func (c *Client) failed(ctx context.Context, err error, v verdict, attempts int, noTime bool) error {
	desc := c.describe(err)
	attrs := []any{"provider", c.cfg.Name, "model", c.cfg.Model, "attempts", attempts, "reason", v.reason, "err", desc}
	if hint := hintFor(v.reason); hint != "" {
		attrs = append(attrs, "hint", hint)
	}
	if noTime {
		attrs = append(attrs, "retry_wait_beyond_budget", true)
	}
	c.metrics.failure(c.cfg.Name, v.reason)
	c.log.WarnContext(ctx, "llm provider failed", attrs...)
	return apperr.Wrap(apperr.Unavailable, &providerError{msg: desc, err: err},
		"llm provider %s failed (%s): %s", c.cfg.Name, v.reason, desc)
}

// providerError carries a failure's sanitized text while keeping the
// original for errors.Is and errors.As.
type providerError struct {
	msg string
	err error
}

func (e *providerError) Error() string { return e.msg }
func (e *providerError) Unwrap() error { return e.err }

// maxErrText bounds an error's text in logs: an HTML error page is not a message.
const maxErrText = 300

func (c *Client) describe(err error) string {
	var apiErr *openai.Error
	msg := err.Error()
	if errors.As(err, &apiErr) && apiErr.Response != nil {
		m := apiErr.Message
		if m == "" {
			m = http.StatusText(apiErr.StatusCode)
			if ct := apiErr.Response.Header.Get("Content-Type"); ct != "" {
				m += " (" + ct + " body)"
			}
		}
		msg = fmt.Sprintf("HTTP %d: %s", apiErr.StatusCode, m)
	}
	if c.cfg.APIKey != "" {
		msg = strings.ReplaceAll(msg, c.cfg.APIKey, "***")
	}
	msg = strings.ToValidUTF8(msg, "?")
	if len(msg) > maxErrText {
		msg = strings.ToValidUTF8(msg[:maxErrText], "") + "..."
	}
	return msg
}

// hintFor tells a self-hoster what a permanent failure usually means.
func hintFor(reason string) string {
	switch reason {
	case "401", "403":
		return "the provider refused the API key: check PARLEY_LLM_API_KEY (or PARLEY_LLM_n_API_KEY)"
	case "404":
		return "check the model name and that the base URL ends where the API's chat/completions starts (usually /v1)"
	case "tls":
		return "the server's certificate is not trusted, or the base URL says https for a plain-HTTP server"
	case "not_api":
		return "the server answered with a web page: check the base URL and any proxy in front of it"
	}
	return ""
}

// attemptError marks err as a timeout when the attempt's own deadline, not
// the caller's context, ended it.
func attemptError(actx context.Context, err error) error {
	if errors.Is(context.Cause(actx), errAttemptTimeout) {
		return fmt.Errorf("%w: %w", errAttemptTimeout, err)
	}
	return err
}

func (c *Client) params(req Request) openai.ChatCompletionNewParams {
	msgs := make([]openai.ChatCompletionMessageParamUnion, 0, len(req.Messages))
	for _, m := range req.Messages {
		switch m.Role {
		case RoleSystem:
			msgs = append(msgs, openai.SystemMessage(m.Content))
		case RoleAssistant:
			msgs = append(msgs, openai.AssistantMessage(m.Content))
		default:
			msgs = append(msgs, openai.UserMessage(m.Content))
		}
	}
	p := openai.ChatCompletionNewParams{Model: c.cfg.Model, Messages: msgs}
	if req.Temperature != nil {
		p.Temperature = openai.Float(*req.Temperature)
	}
	if req.MaxTokens > 0 {
		// max_tokens, not max_completion_tokens: every compatible server
		// (Ollama, vLLM, Groq) understands it.
		p.MaxTokens = openai.Int(int64(req.MaxTokens))
	}
	if req.Seed != nil {
		p.Seed = openai.Int(*req.Seed)
	}
	return p
}

func (c *Client) fromCompletion(cc *openai.ChatCompletion) (Response, error) {
	if cc == nil {
		return Response{}, errors.New("llm completion is empty")
	}
	if len(cc.Choices) == 0 {
		if err := errorInBody(cc.RawJSON()); err != nil {
			return Response{}, err
		}
		return Response{}, errors.New("llm completion has no choices")
	}
	model := cc.Model
	if model == "" {
		model = c.cfg.Model
	}
	return Response{
		Text:         cc.Choices[0].Message.Content,
		Model:        model,
		Provider:     c.cfg.Name,
		Usage:        usageOf(cc.Usage),
		FinishReason: cc.Choices[0].FinishReason,
	}, nil
}

func usageOf(u openai.CompletionUsage) Usage {
	return Usage{PromptTokens: u.PromptTokens, CompletionTokens: u.CompletionTokens, TotalTokens: u.TotalTokens}
}
