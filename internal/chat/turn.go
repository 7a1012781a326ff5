package chat

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
	"github.com/parleyhq/parley/internal/sessionstate"
	"github.com/parleyhq/parley/internal/store"
)

// Turn is one answered question.
type Turn struct {
	Reply   converse.Reply
	Seq     int // the assistant message's sequence number
	Latency time.Duration
}

// Ask plays one turn of session id.
func (s *Service) Ask(ctx context.Context, id, text string) (Turn, error) {
	return s.AskStream(ctx, id, text, nil)
}

// AskStream is Ask that hands reply text to onDelta as an LLM produces it
// (sentence by sentence, each after the grounding check). Deterministic
// replies produce no deltas; and when the LLM fails after some deltas, the
// returned reply (the deterministic one) differs from what was streamed:
// callers compare and replace.
func (s *Service) AskStream(ctx context.Context, id, text string, onDelta func(string) error) (Turn, error) {
	p, err := s.prepare(ctx, id, text, onDelta)
	if err != nil {
		return Turn{}, err
	}
	return p.Commit(ctx, p.Reply().Text)
}

// Pending is a turn whose reply is computed but not yet recorded. The
// session stays locked until Commit or Discard, so no other turn can slip
// in between; callers must end it promptly (well within
// sessionstate.LockTTL).
type Pending struct {
	s             *Service
	id, text      string
	slug          string
	reply         converse.Reply
	next          []byte
	nextState     *converse.State // what next decodes to
	promptVersion string
	now           time.Time
	latency       time.Duration           // to compute the reply, not to play it
	release       func(next []byte) error // stores the live state (when not nil) and unlocks
	keep          func([]byte, any) error // release with the decoded state, from a sessionstate.Decoder
	done          bool
}

// Prepare computes the reply to text in session id without recording it:
// a spoken reply that the listener interrupts is recorded as far as it was
// heard (see Commit). Errors as Ask.
func (s *Service) Prepare(ctx context.Context, id, text string) (*Pending, error) {
	return s.prepare(ctx, id, text, nil)
}

func (s *Service) prepare(ctx context.Context, id, text string, onDelta func(string) error) (*Pending, error) {
	if err := s.ValidateQuestion(text); err != nil {
		return nil, err
	}
	if !validID(id) {
		return nil, notFound(id)
	}
	start := time.Now()
	// One step locks the session and reads its live state; Commit or
	// Discard stores the next state (if any) and unlocks in one more. An
	// in-process state port also keeps the decoded conversation state, so
	// that the next turn need not decode it again.
	var (
		cached  []byte
		decoded any
		found   bool
		release func([]byte) error
		keep    func([]byte, any) error
		err     error
	)
	if d, ok := s.state.(sessionstate.Decoder); ok {
		cached, decoded, found, keep, err = d.AcquireDecoded(ctx, id, s.cfg.SessionTTL)
	} else {
		cached, found, release, err = s.state.Acquire(ctx, id, s.cfg.SessionTTL)
	}
	if err != nil {
		return nil, fmt.Errorf("lock session: %w", err)
	}
	p, err := s.prepareLocked(ctx, id, text, start, cached, decoded, found, onDelta)
	if err != nil {
		s.release(ctx, release, keep, nil, nil)
		return nil, err
	}
	p.release, p.keep = release, keep
	return p, nil
}

// release ends a locked turn through release or keep (whichever the state
// port gave), storing next as the live state when it is not nil (and
// state, the conversation state next holds, beside it with keep); failing
// to store only costs speed (the database holds the truth).
func (s *Service) release(ctx context.Context, release func([]byte) error, keep func([]byte, any) error, next []byte, state *converse.State) {
	var err error
	if keep != nil {
		err = keep(next, state)
	} else {
		err = release(next)
	}
	if err != nil {
		s.logger.WarnContext(ctx, "session state not cached", "err", err)
	}
}

func (s *Service) prepareLocked(ctx context.Context, id, text string, start time.Time, cached []byte, decoded any, found bool, onDelta func(string) error) (*Pending, error) {
	now := s.now().UTC()
	l, fromCache, err := s.decodeOrLoadFrom(ctx, id, now, cached, found)
	if err != nil {
		return nil, err
	}
	idx, version, err := s.index(ctx, l.Slug, now)
	if err != nil {
		return nil, err
	}
	var state converse.State
	if st, ok := decoded.(*converse.State); ok && fromCache {
		// Kept beside the bytes l came from: what decoding them gives.
		// Copied, since the kept one is read by every later turn.
		state = cloneState(*st)
	} else if len(l.Context) > 0 {
		// A context that no longer decodes (after an upgrade) only loses
		// follow-up memory; the turn still runs.
		_ = json.Unmarshal(l.Context, &state)
	}
	reply, next := s.turn(ctx, idx, version, state, text, now)
	reply, promptVersion := s.polish(ctx, idx, version, text, reply, onDelta)
	nextJSON, err := marshalState(next)
	if err != nil {
		return nil, fmt.Errorf("encode session state: %w", err)
	}
	return &Pending{s: s, id: id, text: text, slug: l.Slug, reply: reply, next: nextJSON, nextState: &next,
		promptVersion: promptVersion, now: now, latency: time.Since(start)}, nil
}

// Reply is the computed reply.
func (p *Pending) Reply() converse.Reply { return p.reply }

// Commit records the question and the reply with spoken as its text (the
// whole reply text, or the part the listener heard before interrupting),
// and unlocks the session. A Pending commits at most once.
func (p *Pending) Commit(ctx context.Context, spoken string) (Turn, error) {
	if p.done {
		return Turn{}, apperr.New(apperr.Internal, "chat: turn already ended")
	}
	var nextLive []byte // stays nil (keep the stored state) unless the turn is recorded
	defer func() { p.end(ctx, nextLive, p.nextState) }()
	s, reply := p.s, p.reply
	reply.Text = spoken
	latency := p.latency
	cites, _ := marshalCitations(reply.Citations)
	expires := p.now.Add(s.cfg.SessionTTL)
	msgs, err := s.store.AppendTurn(ctx, p.id, []store.Message{
		{Role: "user", Text: p.text, CreatedAt: p.now},
		{Role: "assistant", Text: reply.Text, Intent: reply.Intent, Refused: reply.Refused, Citations: cites,
			LatencyMicros: latency.Microseconds(), PromptVersion: p.promptVersion, CreatedAt: p.now},
	}, p.next, expires)
	if apperr.Is(err, apperr.NotFound) {
		return Turn{}, notFound(p.id)
	}
	if err != nil {
		return Turn{}, err
	}
	nextLive = live{Slug: p.slug, ExpiresAt: expires, Context: p.next}.encode()
	return Turn{Reply: reply, Seq: msgs[1].Seq, Latency: latency}, nil
}

// Discard unlocks the session without recording anything (a no-op after
// Commit).
func (p *Pending) Discard() { p.end(context.Background(), nil, nil) }

func (p *Pending) end(ctx context.Context, next []byte, state *converse.State) {
	if !p.done {
		p.done = true
		p.s.release(ctx, p.release, p.keep, next, state)
	}
}

// index returns the compiled profile for slug's newest version, compiling
// it once per version, and a key naming that version.
func (s *Service) index(ctx context.Context, slug string, now time.Time) (*converse.Index, string, error) {
	p, err := s.publicProfileHead(ctx, slug)
	if err != nil {
		return nil, "", err
	}
	key := s.indexKeys.key(p)
	if idx, ok := s.indexes.GetIfPresent(key); ok && !s.noIndexCache {
		return idx, key, nil
	}
	if p.Document == nil {
		// A head read; the version may have moved since, so the key is
		// taken again from what is compiled.
		if p, err = s.publicProfile(ctx, slug); err != nil {
			return nil, "", err
		}
		key = s.indexKeys.key(p)
	}
	doc, err := profile.Decode(p.Document)
	if err != nil {
		return nil, "", apperr.Wrap(apperr.Internal, err, "stored profile %q no longer validates", slug)
	}
	idx := converse.Compile(doc.Resume, profile.Privacy{SharePhone: p.Privacy.SharePhone, ShareAddress: p.Privacy.ShareAddress}, now)
	if !s.noIndexCache {
		s.indexes.Set(key, idx)
	}
	return idx, key, nil
}

// History returns the session's messages, oldest first.
func (s *Service) History(ctx context.Context, id string, afterSeq, limit int) ([]store.Message, error) {
	if !validID(id) {
		return nil, notFound(id)
	}
	now := s.now().UTC()
	if _, err := s.load(ctx, id, now); err != nil {
		return nil, err
	}
	if limit <= 0 || limit > 1000 {
		limit = 1000
	}
	return s.store.Messages(ctx, id, afterSeq, limit)
}

// SessionIndex returns the compiled profile a live session talks about,
// and a key naming its version (for per-profile caches such as the voice
// recogniser's language model).
func (s *Service) SessionIndex(ctx context.Context, id string) (*converse.Index, string, error) {
	if !validID(id) {
		return nil, "", notFound(id)
	}
	now := s.now().UTC()
	l, err := s.load(ctx, id, now)
	if err != nil {
		return nil, "", err
	}
	return s.index(ctx, l.Slug, now)
}

// SessionContext is SessionIndex with the session's conversation state and
// the time the engine would answer at, read without locking the session:
// enough to ask how the engine would read a question (the voice path uses
// it to choose between transcripts), not to record a turn. A state that no
// longer decodes is the zero State, as in a turn.
func (s *Service) SessionContext(ctx context.Context, id string) (*converse.Index, string, converse.State, time.Time, error) {
	if !validID(id) {
		return nil, "", converse.State{}, time.Time{}, notFound(id)
	}
	now := s.now().UTC()
	l, err := s.load(ctx, id, now)
	if err != nil {
		return nil, "", converse.State{}, time.Time{}, err
	}
	idx, key, err := s.index(ctx, l.Slug, now)
	if err != nil {
		return nil, "", converse.State{}, time.Time{}, err
	}
	var state converse.State
	if len(l.Context) > 0 {
		_ = json.Unmarshal(l.Context, &state)
	}
	return idx, key, state, now, nil
}

// cloneState copies st's slices and window, and gives what a JSON round
// trip of st gives (empty slices become nil): a turn may change the state
// it is handed, and a kept state is handed to every later turn.
func cloneState(st converse.State) converse.State {
	if n := len(st.Focus) + len(st.List); n > 0 {
		ints := make([]int, 0, n)
		ints = append(ints, st.Focus...)
		ints = append(ints, st.List...)
		st.Focus, st.List = ints[:len(st.Focus):len(st.Focus)], ints[len(st.Focus):]
	}
	if len(st.Focus) == 0 {
		st.Focus = nil
	}
	if len(st.List) == 0 {
		st.List = nil
	}
	if st.Window != nil {
		w := *st.Window
		st.Window = &w
	}
	return st
}
