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
// ConfigFromEnv reads PARLEY_LLM_BASE_URL, PARLEY_LLM_MODEL, PARLEY_LLM_API_KEY
// and optionally PARLEY_LLM_NAME, PARLEY_LLM_TIMEOUT (Go duration, per attempt;
// for streams, per chunk; default 20s) and PARLEY_LLM_MAX_RETRIES (default 2).
// Fallback providers repeat the names with a number from 2 to 9:
// PARLEY_LLM_2_BASE_URL, PARLEY_LLM_2_MODEL, PARLEY_LLM_2_API_KEY, ... tried in
// order. Nothing set: no configs, LLM off.
//
// # Wiring (cmd)
//
//	cfgs, err := llm.ConfigFromEnv(os.Getenv)      // nil, nil when off
//	metrics, err := llm.NewMetrics(registry)
//	provider, err := llm.NewProvider(cfgs, llm.Deps{Cache: cachePort, Logger: log, Metrics: metrics})
//	answerer, err := llm.NewAnswerer(provider, llm.AnswererOptions{Logger: log, Metrics: metrics})
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
// sleep without watching the context).
package llm
