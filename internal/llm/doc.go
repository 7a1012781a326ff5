// Package llm is Parley's optional language-model layer: a Provider port, an
// OpenAI-compatible client (Groq, OpenAI, Ollama, vLLM: anything serving
// POST {base}/chat/completions), a fallback Chain with a circuit breaker per
// provider, a Cached decorator over the cache port, versioned prompt
// templates (prompts/*.yaml, embedded) and a grounding check.
//
// The conversation engine never depends on an LLM: every error from this
// package means "reply with the deterministic answer instead".
//
// # Configuration
//
// The package reads no environment. A Config names one provider (base URL,
// model, API key, per-attempt timeout, retries); NewProvider chains several
// in fallback order. A base URL without a path gets /v1 and a pasted
// .../chat/completions is cut back to the API root. `parley serve` fills
// them from internal/config (PARLEY_LLM_* and the fallbacks PARLEY_LLM_2_*
// to PARLEY_LLM_9_*, with PARLEY_LLM_BUDGET for AnswererOptions.Budget),
// where they are validated, listed in --help and read from the config file.
//
// # Wiring (cmd)
//
//	cfgs := []llm.Config{{BaseURL: base, Model: model, APIKey: key}} // from the configuration
//	metrics, err := llm.NewMetrics(registry)
//	provider, err := llm.NewProvider(cfgs, llm.Deps{Cache: cachePort, Logger: log, Metrics: metrics})
//	answerer, err := llm.NewAnswerer(provider, llm.AnswererOptions{Logger: log, Metrics: metrics, Budget: budget})
//
// # Use (conversation engine)
//
// After retrieval, with the deterministic answer already composed:
//
//	ans, err := answerer.Answer(ctx, llm.Query{
//		Question: text, Subject: name, Facts: renderedFacts, Context: followUpContext,
//		ProfileVersion: profile.Version, Vocab: vocab,
//	})
//	if err != nil { use the deterministic reply; log at debug/info }
//	else { reply text = ans.Text; citations = facts[ans.Citations[i]-1]; store ans.PromptVersion }
//
// AnswerStream does the same while streaming grounded sentences to a
// callback; on error, send the deterministic reply as the final event.
//
// # Retries and failures
//
// The client retries 408, 409, 429, 5xx, per-attempt timeouts, network errors
// and streams that end before a finish reason, with exponential backoff and
// equal jitter, honouring Retry-After (and retry-after-ms) up to 10s; a longer
// Retry-After gives up at once so the next provider answers. A stream is never
// retried once text reached the caller. The SDK's own retries are off (they
// sleep without watching the context). 400, 401, 403, 404, TLS failures,
// HTML pages and bodies over MaxResponseBytes are not retried. A failure is
// logged once, at warn, with the provider's message cut to 300 bytes and
// the API key masked; parley_llm_failures_total counts it by reason.
//
// # Hostile servers
//
// SDK middleware (wire.go) bounds response bodies, turns an HTML page into
// an error, turns a plain JSON reply to a stream request into a one-event
// stream, and drops SSE comment lines (": keep-alive"), which the SDK
// would decode as JSON. The Answerer drops <think>...</think> reasoning
// (held back while streaming) and rejects answers that are cut off, empty,
// not valid UTF-8, in neither English nor the question's language (told by
// function words: es, fr, de, pt, it, nl), echo the prompt or pass on injected
// instructions; parley_llm_answers_total counts each outcome. A model whose
// template opens the think block in the prompt, so that its output holds
// only the closing tag, has its reasoning dropped from a whole answer; a
// stream of it whose reasoning already went out (it looked like an answer)
// is stopped and replaced by the deterministic reply. hostile_test.go lists the behaviours covered.
package llm
