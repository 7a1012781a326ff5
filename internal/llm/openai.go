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
		cc, err := c.svc.New(actx, params)
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

	stream := c.svc.NewStreaming(actx, params)
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
		if !v.retry || delivered || n >= c.cfg.MaxRetries {
			c.log.WarnContext(ctx, "llm provider failed", "provider", c.cfg.Name,
				"attempts", n+1, "reason", v.reason, "err", err)
			return apperr.Wrap(apperr.Unavailable, err, "llm provider %s failed (%s)", c.cfg.Name, v.reason)
		}
		wait := c.backoff.delay(n)
		if v.after > 0 {
			wait = v.after
		}
		if dl, ok := ctx.Deadline(); ok && time.Until(dl) < wait {
			return apperr.Wrap(apperr.Unavailable, err, "llm provider %s failed (%s; no time to retry)", c.cfg.Name, v.reason)
		}
		c.metrics.retry(c.cfg.Name, v.reason)
		c.log.DebugContext(ctx, "llm retry", "provider", c.cfg.Name, "attempt", n+1, "reason", v.reason, "wait", wait)
		if err := c.sleep(ctx, wait); err != nil {
			return fmt.Errorf("llm %s: %w", c.cfg.Name, err)
		}
	}
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
	if cc == nil || len(cc.Choices) == 0 {
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
