package llm

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parleyhq/parley/internal/apperr"
)

// ErrNoFacts is returned when a query has no facts: with nothing to ground an
// answer on, the deterministic "not mentioned" reply is the right one.
var ErrNoFacts = errors.New("llm: no facts to answer from")

// ErrIncomplete is returned when the model stopped before finishing (token
// limit, content filter) or said nothing.
var ErrIncomplete = errors.New("llm: answer incomplete")

// ErrBudget is the cause of an answer that ran out of its time budget
// (AnswererOptions.Budget; PARLEY_LLM_BUDGET in parley serve).
var ErrBudget = errors.New("llm: time budget for the answer spent")

// AnswererOptions configure an Answerer.
type AnswererOptions struct {
	// Prompt is the template (default: the embedded "answer" prompt).
	Prompt *Prompt
	// Temperature is the sampling temperature (default 0: least invention).
	Temperature float64
	// MaxTokens bounds the reply (default 400).
	MaxTokens int
	// Budget bounds one whole answer: every attempt, retry and fallback
	// (0: DefaultBudget). Past it the caller gets ErrBudget and sends the
	// deterministic reply.
	Budget  time.Duration
	Logger  *slog.Logger
	Metrics *Metrics
}

// Answerer turns a question and retrieved facts into a grounded answer
// through a Provider. Any error means: reply with the deterministic answer.
type Answerer struct {
	provider Provider
	prompt   Prompt
	temp     float64
	max      int
	budget   time.Duration
	log      *slog.Logger
	metrics  *Metrics
}

// Query is one question with everything the answer may draw on.
type Query struct {
	// Question is the visitor's text as typed.
	Question string
	// Subject is the person's name ("Ada Lovelace"), or a neutral phrase.
	Subject string
	// Facts are the retrieved facts, already rendered as sentences; the
	// model cites them as [1], [2], ... in this order.
	Facts []string
	// Context is resolved follow-up context ("the visitor is asking about
	// the job at Acme Corp"), or empty.
	Context string
	// ProfileVersion identifies the profile revision; empty disables caching.
	ProfileVersion string
	// Vocab is the profile's vocabulary for the grounding check. Its Asked
	// field defaults to Question.
	Vocab Vocabulary
}

// Answer is a grounded LLM answer.
type Answer struct {
	Text string
	// Citations are the fact numbers (1-based indexes into Query.Facts) the
	// answer cites, in order of first appearance.
	Citations []int
	// PromptVersion is stored with the message row.
	PromptVersion string
	Model         string
	Provider      string
	Usage         Usage
	Cached        bool
}

// NewAnswerer returns an Answerer over p.
func NewAnswerer(p Provider, opts AnswererOptions) (*Answerer, error) {
	a := &Answerer{provider: p, temp: opts.Temperature, max: opts.MaxTokens, budget: opts.Budget, log: opts.Logger, metrics: opts.Metrics}
	if opts.Prompt != nil {
		a.prompt = *opts.Prompt
	} else {
		set, err := DefaultPrompts()
		if err != nil {
			return nil, err
		}
		if a.prompt, err = set.Get("answer"); err != nil {
			return nil, err
		}
	}
	if a.max <= 0 {
		a.max = 400
	}
	if a.budget <= 0 {
		a.budget = DefaultBudget
	}
	if a.log == nil {
		a.log = slog.New(slog.DiscardHandler)
	}
	return a, nil
}

// PromptVersion is the version of the prompt this Answerer uses.
func (a *Answerer) PromptVersion() string { return a.prompt.Version }

// Answer asks the provider and returns the answer if it is grounded. Errors:
// ErrNoFacts, ErrIncomplete, ErrUngrounded (an *UngroundedError),
// apperr.Unavailable from the provider, ErrBudget (with
// context.DeadlineExceeded) when the budget ran out, or the context's error.
func (a *Answerer) Answer(ctx context.Context, q Query) (Answer, error) {
	ctx, cancel := context.WithTimeoutCause(ctx, a.budget, ErrBudget)
	defer cancel()
	tn, req, err := a.request(q)
	if err != nil {
		return a.finish(ctx, Answer{}, err)
	}
	resp, err := a.provider.Complete(ctx, req)
	if err != nil {
		return a.finish(ctx, Answer{}, err)
	}
	ans, err := a.accept(tn, resp)
	return a.finish(ctx, ans, err)
}

// finish counts the outcome of one answer and logs why an answer was not
// used, once. Provider failures were logged by the client that saw them, so
// they are logged here at debug only.
func (a *Answerer) finish(ctx context.Context, ans Answer, err error) (Answer, error) {
	outcome := "accepted"
	level := slog.LevelInfo
	switch {
	case err == nil:
	case errors.Is(context.Cause(ctx), ErrBudget):
		outcome = "budget"
		err = fmt.Errorf("%w (%v): %w", ErrBudget, a.budget, err)
	case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
		outcome, level = "canceled", slog.LevelDebug
	case errors.Is(err, ErrNoFacts):
		outcome, level = "no_facts", slog.LevelDebug
	case errors.Is(err, ErrUngrounded):
		outcome = "ungrounded"
	case errors.Is(err, ErrIncomplete):
		outcome = "incomplete"
	default:
		outcome, level = "unavailable", slog.LevelDebug
	}
	a.metrics.answer(outcome)
	if err != nil {
		a.log.Log(ctx, level, "llm answer not used; deterministic reply kept", "prompt", a.prompt.Version, "outcome", outcome, "err", err)
		return Answer{}, err
	}
	return ans, nil
}

// turn is one question with what the checks derive from its prompt.
type turn struct {
	q Query
	// echo are the prompt's own lines (instructions, headings), normalised;
	// an answer containing one is repeating the prompt.
	echo []string
}

func (a *Answerer) request(q Query) (*turn, Request, error) {
	if len(q.Facts) == 0 {
		return nil, Request{}, ErrNoFacts
	}
	data := PromptData{Subject: q.Subject, Question: q.Question, Context: q.Context}
	for i, f := range q.Facts {
		data.Facts = append(data.Facts, NumberedFact{N: i + 1, Text: f})
	}
	if data.Subject == "" {
		data.Subject = "the candidate"
	}
	msgs, err := a.prompt.Render(data)
	if err != nil {
		return nil, Request{}, err
	}
	temp := a.temp
	req := Request{Messages: msgs, Temperature: &temp, MaxTokens: a.max}
	if q.ProfileVersion != "" {
		req.CacheKey = &CacheKey{
			ProfileVersion: q.ProfileVersion,
			PromptVersion:  a.prompt.Version,
			PromptDigest:   a.prompt.Digest,
			Question:       q.Question,
			Context:        q.Context + "\x00" + factsDigest(q.Facts),
		}
	}
	tn := &turn{q: q, echo: promptLines(msgs, q)}
	req.Keep = func(resp Response) bool {
		_, err := a.check(tn, resp)
		return err == nil
	}
	return tn, req, nil
}

// promptLines are the rendered prompt's lines that are neither facts nor
// the visitor's words: what only an echoing model would say.
func promptLines(msgs []Message, q Query) []string {
	var out []string
	for _, m := range msgs {
		for _, line := range strings.Split(m.Content, "\n") {
			n := normSpace(line)
			if len(n) < 24 || containsAny(n, q.Facts) || containsAny(n, []string{q.Question, q.Context}) {
				continue
			}
			out = append(out, n)
		}
	}
	return out
}

func containsAny(line string, parts []string) bool {
	for _, p := range parts {
		if p = normSpace(p); p != "" && strings.Contains(line, p) {
			return true
		}
	}
	return false
}

func normSpace(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func factsDigest(facts []string) string {
	h := sha256.New()
	for _, f := range facts {
		h.Write([]byte(strconv.Itoa(len(f)) + ":" + f))
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// accept checks a finished response and turns it into an Answer.
func (a *Answerer) accept(tn *turn, resp Response) (Answer, error) {
	ans, err := a.check(tn, resp)
	if errors.Is(err, ErrUngrounded) || err == nil {
		a.metrics.groundingResult(err == nil)
	}
	return ans, err
}

// check is accept without counting: the cache asks it too, before it
// stores a response (Request.Keep).
func (a *Answerer) check(tn *turn, resp Response) (Answer, error) {
	text := strings.TrimSpace(visibleText(resp.Text))
	switch {
	case resp.FinishReason != "" && resp.FinishReason != "stop":
		return Answer{}, apperr.Wrap(apperr.Unavailable, ErrIncomplete, "llm answer from %s incomplete (finish reason %q)", resp.Provider, resp.FinishReason)
	case text == "":
		return Answer{}, apperr.Wrap(apperr.Unavailable, ErrIncomplete, "llm answer from %s is empty (finish reason %q)", resp.Provider, resp.FinishReason)
	case !utf8.ValidString(text) || strings.ContainsRune(text, utf8.RuneError):
		return Answer{}, apperr.Wrap(apperr.Unavailable, ErrIncomplete, "llm answer from %s is not valid UTF-8", resp.Provider)
	}
	cites, err := a.ground(tn, text)
	if err != nil {
		return Answer{}, fmt.Errorf("model %s of %s: %w", resp.Model, resp.Provider, err)
	}
	return Answer{
		Text: text, Citations: cites, PromptVersion: a.prompt.Version,
		Model: resp.Model, Provider: resp.Provider, Usage: resp.Usage, Cached: resp.Cached,
	}, nil
}

// ground runs the grounding check plus a citation check: a cited number must
// name one of the facts.
func (a *Answerer) ground(tn *turn, text string) ([]int, error) {
	q := tn.q
	cites, bad := Citations(text, len(q.Facts))
	vocab := q.Vocab
	if vocab.Asked == "" {
		vocab.Asked = q.Question
	}
	err := CheckGrounded(text, q.Facts, vocab)
	var more []Finding
	for _, n := range bad {
		more = append(more, Finding{Kind: KindCitation, Term: strconv.Itoa(n)})
	}
	more = append(more, outputFindings(tn, text)...)
	if len(more) == 0 {
		return cites, err
	}
	var ue *UngroundedError
	if !errors.As(err, &ue) {
		ue = &UngroundedError{}
	}
	ue.Findings = append(ue.Findings, more...)
	return nil, ue
}

// KindCitation marks a citation of a fact number that does not exist.
const KindCitation = "citation"

var citationNumRE = regexp.MustCompile(`\d+`)

// Citations returns the fact numbers cited in text as [n] or [n, m], in
// order of first appearance, and separately those outside 1..nFacts.
func Citations(text string, nFacts int) (valid, invalid []int) {
	seen := make(map[int]bool)
	for _, c := range citationRE.FindAllString(text, -1) {
		for _, s := range citationNumRE.FindAllString(c, -1) {
			n, err := strconv.Atoi(s)
			if err != nil || seen[n] {
				continue
			}
			seen[n] = true
			if n < 1 || n > nFacts {
				invalid = append(invalid, n)
			} else {
				valid = append(valid, n)
			}
		}
	}
	return valid, invalid
}
