package llm

import (
	"context"
	"errors"
)

// Role is the author of a chat message, as the chat-completions API names it.
type Role string

// The roles the OpenAI chat format knows and Parley uses.
const (
	RoleSystem    Role = "system"
	RoleUser      Role = "user"
	RoleAssistant Role = "assistant"
)

// Message is one chat message.
type Message struct {
	Role    Role
	Content string
}

// Request is one chat-completion request, independent of any provider.
type Request struct {
	Messages []Message
	// Temperature is the sampling temperature; nil leaves the provider default.
	Temperature *float64
	// MaxTokens bounds the reply length; 0 leaves the provider default.
	MaxTokens int
	// Seed asks for reproducible sampling where the provider supports it; nil: none.
	Seed *int64
	// CacheKey, when set, lets a [Cached] provider serve and store this
	// request's response. Nil disables caching for the request.
	CacheKey *CacheKey
	// Keep, when set, says whether a [Cached] provider may store a
	// response: the caller's checks (grounding, language, echo) decide,
	// so that an answer the caller will throw away is never replayed to
	// the next visitor asking the same question. Nil keeps every
	// non-empty response.
	Keep func(Response) bool
}

// Usage counts tokens as the provider reports them (zero when it does not).
type Usage struct {
	PromptTokens     int64 `json:"prompt_tokens"`
	CompletionTokens int64 `json:"completion_tokens"`
	TotalTokens      int64 `json:"total_tokens"`
}

// Response is a finished completion.
type Response struct {
	Text         string `json:"text"`
	Model        string `json:"model"`
	Provider     string `json:"provider"`
	Usage        Usage  `json:"usage"`
	FinishReason string `json:"finish_reason"`
	// Cached is true when the response came from the cache, not the provider.
	Cached bool `json:"-"`
}

// DeltaFunc receives streamed text in order. Returning an error stops the
// stream; the provider returns that error (wrapped) without retrying.
type DeltaFunc func(delta string) error

// Provider is a chat-completion backend.
//
// Complete returns the whole reply. Stream calls onDelta with each piece of
// text as it arrives and returns the same Response Complete would. Both
// return apperr.Unavailable when the backend fails or times out, the context's
// error when ctx ends, and the callback's error when onDelta fails.
type Provider interface {
	Complete(ctx context.Context, req Request) (Response, error)
	Stream(ctx context.Context, req Request, onDelta DeltaFunc) (Response, error)
}

// callbackError marks an error returned by the caller's DeltaFunc, so that
// retries, fallbacks and breakers know the provider is not at fault.
type callbackError struct{ err error }

func (e *callbackError) Error() string { return "stream consumer: " + e.err.Error() }
func (e *callbackError) Unwrap() error { return e.err }

func isCallbackError(err error) bool {
	var ce *callbackError
	return errors.As(err, &ce)
}
