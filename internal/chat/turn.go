package chat

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
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
	if err := s.ValidateQuestion(text); err != nil {
		return Turn{}, err
	}
	if !validID(id) {
		return Turn{}, notFound(id)
	}
	start := time.Now()
	unlock, err := s.state.Lock(ctx, id)
	if err != nil {
		return Turn{}, fmt.Errorf("lock session: %w", err)
	}
	defer unlock()

	now := s.now().UTC()
	l, err := s.load(ctx, id, now)
	if err != nil {
		return Turn{}, err
	}
	idx, version, err := s.index(ctx, l.Slug, now)
	if err != nil {
		return Turn{}, err
	}
	var state converse.State
	if len(l.Context) > 0 {
		// A context that no longer decodes (after an upgrade) only loses
		// follow-up memory; the turn still runs.
		_ = json.Unmarshal(l.Context, &state)
	}
	reply, next := s.turn(ctx, idx, version, state, text, now)
	reply, promptVersion := s.polish(ctx, idx, version, text, reply)
	latency := time.Since(start)
	nextJSON, err := json.Marshal(next)
	if err != nil {
		return Turn{}, fmt.Errorf("encode session state: %w", err)
	}
	cites, _ := json.Marshal(reply.Citations)
	expires := now.Add(s.cfg.SessionTTL)
	msgs, err := s.store.AppendTurn(ctx, id, []store.Message{
		{Role: "user", Text: text, CreatedAt: now},
		{Role: "assistant", Text: reply.Text, Intent: reply.Intent, Refused: reply.Refused, Citations: cites,
			LatencyMicros: latency.Microseconds(), PromptVersion: promptVersion, CreatedAt: now},
	}, nextJSON, expires)
	if apperr.Is(err, apperr.NotFound) {
		return Turn{}, notFound(id)
	}
	if err != nil {
		return Turn{}, err
	}
	s.remember(ctx, id, live{Slug: l.Slug, ExpiresAt: expires, Context: nextJSON})
	return Turn{Reply: reply, Seq: msgs[1].Seq, Latency: latency}, nil
}

// index returns the compiled profile for slug's newest version, compiling
// it once per version, and a key naming that version.
func (s *Service) index(ctx context.Context, slug string, now time.Time) (*converse.Index, string, error) {
	p, err := s.publicProfile(ctx, slug)
	if err != nil {
		return nil, "", err
	}
	key := fmt.Sprintf("%s@%d:%s:%t:%t", p.Slug, p.Version, p.Hash, p.Privacy.SharePhone, p.Privacy.ShareAddress)
	if idx, ok := s.indexes.GetIfPresent(key); ok && !s.noIndexCache {
		return idx, key, nil
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
