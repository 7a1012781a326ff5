// Package chat runs conversations: it opens sessions on public profiles and
// plays each turn — lock the session, load its context, ask the engine,
// persist both messages and the new context in one transaction — so that one
// session's turns are strictly ordered, even across replicas.
package chat

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"log/slog"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/maypok86/otter/v2"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/cache"
	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/llm"
	"github.com/parleyhq/parley/internal/profile"
	"github.com/parleyhq/parley/internal/sessionstate"
	"github.com/parleyhq/parley/internal/store"
)

// PromptVersion names the deterministic composer in message rows; an LLM
// layer writes its own template version instead.
const PromptVersion = "deterministic-1"

// Config tunes the service.
type Config struct {
	SessionTTL     time.Duration
	MaxQuestionLen int // in characters (runes)
}

// Service is the conversation service.
type Service struct {
	store   store.Store
	state   sessionstate.Store
	logger  *slog.Logger
	cfg     Config
	now     func() time.Time
	indexes *otter.Cache[string, *converse.Index]
	llm     *llm.Answerer // nil: deterministic replies only
	answers cache.Cache   // context-free replies; nil: none (see WithAnswerCache)
	decoded *otter.Cache[string, *converse.Canned]
	// indexKeys spares a turn building its profile's index key.
	indexKeys indexKeys

	noIndexCache bool
}

// New returns a Service. state is the live-state port (in-process or Redis).
func New(st store.Store, state sessionstate.Store, cfg Config, logger *slog.Logger) *Service {
	if cfg.SessionTTL <= 0 {
		cfg.SessionTTL = time.Hour
	}
	if cfg.MaxQuestionLen <= 0 {
		cfg.MaxQuestionLen = 1000
	}
	return &Service{
		store: st, state: state, logger: logger, cfg: cfg, now: time.Now,
		indexes: otter.Must(&otter.Options[string, *converse.Index]{MaximumSize: 256}),
	}
}

// WithoutCache compiles the profile on every turn instead of keeping
// compiled indexes (PARLEY_CACHE=off, to measure what caching saves).
func (s *Service) WithoutCache() *Service {
	s.noIndexCache = true
	return s
}

// Session is what a visitor learns about a session they opened.
type Session struct {
	ID        string    `json:"id"`
	Profile   string    `json:"profile"`
	ExpiresAt time.Time `json:"expires_at"`
}

// live is the session record kept in the state port between turns.
type live struct {
	Slug      string          `json:"slug"`
	ExpiresAt time.Time       `json:"expires_at"`
	Context   json.RawMessage `json:"context,omitempty"`
}

// liveFormat leads a live record in the compact layout below. A record in
// the older JSON layout (from before an upgrade, starting with '{') still
// decodes; anything else reads as absent, and the database answers.
const liveFormat = 1

// encode writes l as liveFormat, uvarint slug length, slug, varint expiry
// (Unix ns), context: a turn decodes and encodes one on every turn, and
// JSON (which re-validates the context) cost ~5% of a turn's CPU.
func (l live) encode() []byte {
	b := make([]byte, 0, 1+2*binary.MaxVarintLen64+len(l.Slug)+len(l.Context))
	b = append(b, liveFormat)
	b = binary.AppendUvarint(b, uint64(len(l.Slug)))
	b = append(b, l.Slug...)
	b = binary.AppendVarint(b, l.ExpiresAt.UnixNano())
	return append(b, l.Context...)
}

// decodeLive reads what encode (or the older JSON layout) wrote. Context
// aliases b.
func decodeLive(b []byte) (live, bool) {
	var l live
	if len(b) > 0 && b[0] == '{' {
		return l, json.Unmarshal(b, &l) == nil
	}
	if len(b) == 0 || b[0] != liveFormat {
		return l, false
	}
	b = b[1:]
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)-k) {
		return l, false
	}
	l.Slug, b = string(b[k:k+int(n)]), b[k+int(n):]
	ns, k := binary.Varint(b)
	if k <= 0 {
		return l, false
	}
	l.ExpiresAt = time.Unix(0, ns).UTC()
	if rest := b[k:]; len(rest) > 0 {
		l.Context = rest
	}
	return l, true
}

// newID returns 128 random bits as 32 hex characters.
func newID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// validID rejects ids that cannot be ours before touching any store: 32
// hex digits, either case, as hex.DecodeString takes them (without
// allocating the decoded bytes, on every turn).
func validID(id string) bool {
	if len(id) != 32 {
		return false
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

func notFound(id string) error {
	return apperr.New(apperr.NotFound, "session %s not found or expired", apperr.Quote(id))
}

// Live reports whether session id is open: nil, or apperr.NotFound. The
// voice path asks before it reads and transcribes a recording, so that a
// turn for a session that does not exist is answered 404 at the cost of a
// lookup, not a recogniser run and a 422 about the audio.
func (s *Service) Live(ctx context.Context, id string) error {
	if !validID(id) {
		return notFound(id)
	}
	_, err := s.load(ctx, id, s.now().UTC())
	return err
}

// Open starts a session on the public profile slug.
func (s *Service) Open(ctx context.Context, slug string) (Session, error) {
	p, err := s.publicProfile(ctx, slug)
	if err != nil {
		return Session{}, err
	}
	now := s.now().UTC()
	sess := store.Session{
		ID: newID(), ProfileSlug: p.Slug, ProfileVersion: p.Version,
		State: []byte("{}"), CreatedAt: now, ExpiresAt: now.Add(s.cfg.SessionTTL),
	}
	if err := s.store.CreateSession(ctx, sess); err != nil {
		return Session{}, err
	}
	s.remember(ctx, sess.ID, live{Slug: p.Slug, ExpiresAt: sess.ExpiresAt})
	return Session{ID: sess.ID, Profile: p.Slug, ExpiresAt: sess.ExpiresAt}, nil
}

func (s *Service) publicProfile(ctx context.Context, slug string) (store.Profile, error) {
	if profile.ValidateSlug(slug) != nil {
		return store.Profile{}, apperr.New(apperr.NotFound, "profile %s not found", apperr.Quote(slug))
	}
	p, err := s.store.GetProfile(ctx, slug)
	if apperr.Is(err, apperr.NotFound) || (err == nil && !p.Public) {
		return store.Profile{}, apperr.New(apperr.NotFound, "profile %s not found", apperr.Quote(slug))
	}
	return p, err
}

// profileHeads is a store that can read a profile without its document
// (profilecache.Store): a turn needs only the version to find its compiled
// index, and copying the document on every turn was a quarter of the
// bytes a turn allocated.
type profileHeads interface {
	GetProfileHead(ctx context.Context, slug string) (store.Profile, error)
}

// publicProfileHead is publicProfile whose Document may be nil (see
// profileHeads).
func (s *Service) publicProfileHead(ctx context.Context, slug string) (store.Profile, error) {
	heads, ok := s.store.(profileHeads)
	if !ok {
		return s.publicProfile(ctx, slug)
	}
	if profile.ValidateSlug(slug) != nil {
		return store.Profile{}, apperr.New(apperr.NotFound, "profile %s not found", apperr.Quote(slug))
	}
	p, err := heads.GetProfileHead(ctx, slug)
	if apperr.Is(err, apperr.NotFound) || (err == nil && !p.Public) {
		return store.Profile{}, apperr.New(apperr.NotFound, "profile %s not found", apperr.Quote(slug))
	}
	return p, err
}

// remember writes the live record; failures only cost speed (the database
// holds the truth), so they are logged, not returned.
func (s *Service) remember(ctx context.Context, id string, l live) {
	if err := s.state.Put(ctx, id, l.encode(), s.cfg.SessionTTL); err != nil {
		s.logger.WarnContext(ctx, "session state not cached", "err", err)
	}
}

// load returns the session's live record from the state port, falling back
// to the database (after a restart, or on another replica without Redis).
func (s *Service) load(ctx context.Context, id string, now time.Time) (live, error) {
	b, ok, err := s.state.Get(ctx, id, s.cfg.SessionTTL)
	return s.decodeOrLoad(ctx, id, now, b, ok && err == nil)
}

// decodeOrLoad decodes a live record read from the state port, or reads the
// database when there was none (or it no longer decodes, or has expired).
func (s *Service) decodeOrLoad(ctx context.Context, id string, now time.Time, b []byte, found bool) (live, error) {
	l, _, err := s.decodeOrLoadFrom(ctx, id, now, b, found)
	return l, err
}

// decodeOrLoadFrom is decodeOrLoad that also says whether the record came
// from b (true) or from the database.
func (s *Service) decodeOrLoadFrom(ctx context.Context, id string, now time.Time, b []byte, found bool) (live, bool, error) {
	if found {
		if l, ok := decodeLive(b); ok && now.Before(l.ExpiresAt) {
			return l, true, nil
		}
	}
	sess, err := s.store.GetSession(ctx, id, now)
	if apperr.Is(err, apperr.NotFound) {
		return live{}, false, notFound(id)
	}
	if err != nil {
		return live{}, false, err
	}
	return live{Slug: sess.ProfileSlug, ExpiresAt: sess.ExpiresAt, Context: sess.State}, false, nil
}

// ValidateQuestion checks text before any work: empty is Invalid, longer
// than the limit is TooLarge.
func (s *Service) ValidateQuestion(text string) error {
	if strings.TrimSpace(text) == "" {
		return apperr.New(apperr.Invalid, "text: must not be empty")
	}
	if !utf8.ValidString(text) {
		return apperr.New(apperr.Invalid, "text: must be valid UTF-8")
	}
	if n := utf8.RuneCountInString(text); n > s.cfg.MaxQuestionLen {
		return apperr.New(apperr.TooLarge, "text: %d characters, the limit is %d", n, s.cfg.MaxQuestionLen)
	}
	return nil
}
