// Package store defines Parley's storage ports: the records the domain keeps
// and the repository interfaces that the SQLite (internal/store/sqlite) and
// PostgreSQL (internal/store/postgres) engines implement. One conformance
// suite (internal/store/storetest) runs against both engines.
package store

import (
	"context"
	"time"
)

// Profile is one version of a person's profile.
type Profile struct {
	Slug     string
	Version  int
	Document []byte // canonical JSON of the validated JSON Resume; unknown fields kept
	Hash     string // hex sha256 of Document
	Public   bool   // anonymous visitors may read it and chat about it
	Privacy  Privacy
	// CreatedAt is when the slug was first imported; UpdatedAt when this version was.
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Privacy holds the owner's choices about private fields.
type Privacy struct {
	SharePhone   bool
	ShareAddress bool
}

// ProfileInput is a document to store as the newest version of Slug.
type ProfileInput struct {
	Slug     string
	Document []byte
	Hash     string
	Public   bool
	Privacy  Privacy
}

// Profiles keeps versioned profiles.
type Profiles interface {
	// PutProfile stores in as the newest version of in.Slug, atomically. When
	// the newest version already has in.Hash (and the same visibility and
	// privacy), nothing is written and changed is false.
	PutProfile(ctx context.Context, in ProfileInput) (p Profile, changed bool, err error)
	// GetProfile returns the newest version of slug, or apperr.NotFound.
	GetProfile(ctx context.Context, slug string) (Profile, error)
	// ProfileVersions lists the versions of slug, newest first (Document
	// omitted), or apperr.NotFound.
	ProfileVersions(ctx context.Context, slug string) ([]Profile, error)
}

// Session is a visitor's conversation about one profile.
type Session struct {
	ID             string
	ProfileSlug    string
	ProfileVersion int
	State          []byte // the engine's context between turns (opaque JSON)
	CreatedAt      time.Time
	ExpiresAt      time.Time
}

// Message is one side of a turn.
type Message struct {
	SessionID     string
	Seq           int    // 1-based, strictly increasing per session
	Role          string // "user" or "assistant"
	Text          string
	Intent        string
	Refused       bool
	Citations     []byte // JSON array
	LatencyMicros int64
	PromptVersion string
	CreatedAt     time.Time
}

// Sessions keeps sessions and their history.
type Sessions interface {
	// CreateSession inserts s; apperr.Conflict if the id exists,
	// apperr.NotFound if its profile does not.
	CreateSession(ctx context.Context, s Session) error
	// GetSession returns the session, or apperr.NotFound when it does not
	// exist or expired before now.
	GetSession(ctx context.Context, id string, now time.Time) (Session, error)
	// AppendTurn appends msgs (Seq assigned by the store, continuing the
	// session's sequence) and saves the session's new state (nil keeps the
	// old one) and expiry, all in one transaction. apperr.NotFound if the session is gone.
	// The stored expiry is at least expiresAt and never moves back; a store
	// may round it up by at most a minute so that it need not rewrite it
	// (and its index entry) on every turn.
	AppendTurn(ctx context.Context, id string, msgs []Message, state []byte, expiresAt time.Time) ([]Message, error)
	// Messages returns up to limit messages of the session, oldest first,
	// starting after Seq afterSeq.
	Messages(ctx context.Context, id string, afterSeq, limit int) ([]Message, error)
	// DeleteExpiredSessions removes sessions (and their messages) that
	// expired before cutoff and returns how many it removed.
	DeleteExpiredSessions(ctx context.Context, cutoff time.Time) (int, error)
}

// Store is everything Parley keeps in its database.
type Store interface {
	Profiles
	Sessions
	// Ping checks that the database answers.
	Ping(ctx context.Context) error
	// Engine names the engine: "sqlite" or "postgres".
	Engine() string
	// Close releases the connections.
	Close() error
}
