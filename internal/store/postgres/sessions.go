package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/parleyhq/parley/internal/store"
)

// CreateSession implements store.Sessions.
func (db *DB) CreateSession(ctx context.Context, s store.Session) error {
	state := string(s.State)
	if state == "" {
		state = "{}"
	}
	_, err := db.pool.Exec(ctx, `
		INSERT INTO sessions (id, profile_slug, profile_version, state, created_at, expires_at)
		VALUES ($1, $2, $3, $4, $5, $6)`,
		s.ID, s.ProfileSlug, s.ProfileVersion, state, s.CreatedAt, s.ExpiresAt)
	return classify(err, "session")
}

// GetSession implements store.Sessions.
func (db *DB) GetSession(ctx context.Context, id string, now time.Time) (store.Session, error) {
	var s store.Session
	var state string
	err := db.pool.QueryRow(ctx, `
		SELECT id, profile_slug, profile_version, state::text, created_at, expires_at
		FROM sessions WHERE id = $1 AND expires_at > $2`, id, now).
		Scan(&s.ID, &s.ProfileSlug, &s.ProfileVersion, &state, &s.CreatedAt, &s.ExpiresAt)
	if err != nil {
		return store.Session{}, classify(err, "session")
	}
	s.State = []byte(state)
	return s, nil
}

// AppendTurn implements store.Sessions.
func (db *DB) AppendTurn(ctx context.Context, id string, msgs []store.Message, state []byte, expiresAt time.Time) ([]store.Message, error) {
	out := make([]store.Message, len(msgs))
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		var last int
		// The UPDATE takes the session's row lock, so concurrent turns on one
		// session get consecutive, gap-free sequence numbers.
		err := tx.QueryRow(ctx,
			`UPDATE sessions SET last_seq = last_seq + $1, state = COALESCE($2::jsonb, state), expires_at = $3 WHERE id = $4 RETURNING last_seq`,
			len(msgs), nullJSON(state), expiresAt, id).Scan(&last)
		if err != nil {
			return err
		}
		batch := &pgx.Batch{}
		seq := last - len(msgs)
		for i, m := range msgs {
			seq++
			m.SessionID, m.Seq = id, seq
			if m.CreatedAt.IsZero() {
				m.CreatedAt = time.Now()
			}
			cit := string(m.Citations)
			if cit == "" {
				cit = "[]"
			}
			batch.Queue(`
				INSERT INTO messages (session_id, seq, role, text, intent, refused, citations, latency_us, prompt_version, created_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
				id, m.Seq, m.Role, m.Text, m.Intent, m.Refused, cit, m.LatencyMicros, m.PromptVersion, m.CreatedAt)
			out[i] = m
		}
		return tx.SendBatch(ctx, batch).Close()
	})
	if err != nil {
		return nil, classify(err, "session")
	}
	return out, nil
}

// Messages implements store.Sessions.
func (db *DB) Messages(ctx context.Context, id string, afterSeq, limit int) ([]store.Message, error) {
	rows, err := db.pool.Query(ctx, `
		SELECT session_id, seq, role, text, intent, refused, citations::text, latency_us, prompt_version, created_at
		FROM messages WHERE session_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`, id, afterSeq, limit)
	if err != nil {
		return nil, classify(err, "messages")
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (store.Message, error) {
		var m store.Message
		var cit string
		err := r.Scan(&m.SessionID, &m.Seq, &m.Role, &m.Text, &m.Intent, &m.Refused, &cit,
			&m.LatencyMicros, &m.PromptVersion, &m.CreatedAt)
		m.Citations = []byte(cit)
		return m, err
	})
	if err != nil {
		return nil, classify(err, "messages")
	}
	return out, nil
}

// DeleteExpiredSessions implements store.Sessions.
func (db *DB) DeleteExpiredSessions(ctx context.Context, cutoff time.Time) (int, error) {
	tag, err := db.pool.Exec(ctx, `DELETE FROM sessions WHERE expires_at <= $1`, cutoff)
	if err != nil {
		return 0, classify(err, "sessions")
	}
	return int(tag.RowsAffected()), nil
}

// nullJSON turns an empty state into NULL, which AppendTurn reads as "keep".
func nullJSON(b []byte) *string {
	if len(b) == 0 {
		return nil
	}
	s := string(b)
	return &s
}
