package postgres

import (
	"context"
	"fmt"
	"slices"
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

// ExpirySlack is how much later than asked AppendTurn may store a
// session's expiry: storing it rounded up lets the next minute's turns
// leave expires_at (an indexed column) as it is, so that their updates of
// the session row can be HOT (no new index entries). A session never
// expires early, and at most ExpirySlack late.
const ExpirySlack = time.Minute

// appendTurnSQL bumps the session's sequence by the turn's $13 messages and
// inserts its rows in one statement, so a turn costs one round trip and
// runs in the statement's own transaction. The UPDATE takes the session's
// row lock, so concurrent turns on one session get consecutive, gap-free
// sequence numbers; no row is inserted when the session does not exist. A
// question and its reply are one row, the reply's, with the question's text
// in $14 (store/folded.go).
const appendTurnSQL = `
WITH s AS (
	UPDATE sessions
	SET last_seq = last_seq + $13::int, state = COALESCE($10::jsonb, state),
		expires_at = CASE WHEN expires_at < $11 THEN $12 ELSE expires_at END
	WHERE id = $1
	RETURNING last_seq - cardinality($2::text[]) AS base -- the rows are the turn's last numbers
)
INSERT INTO messages (session_id, seq, role, text, intent, refused, citations, latency_us, prompt_version, created_at, question)
SELECT $1, s.base + m.ord, m.role, m.text, m.intent, m.refused, m.citations::jsonb, m.latency_us, m.prompt_version, m.created_at, m.question
FROM s, unnest($2::text[], $3::text[], $4::text[], $5::bool[], $6::text[], $7::bigint[], $8::text[], $9::timestamptz[], $14::text[])
	WITH ORDINALITY AS m(role, text, intent, refused, citations, latency_us, prompt_version, created_at, question, ord)
RETURNING seq`

// AppendTurn implements store.Sessions. Concurrent calls are written in
// groups by a few committers (see turnCommitter); each group is one
// statement, so a turn is durable when AppendTurn returns without error.
func (db *DB) AppendTurn(ctx context.Context, id string, msgs []store.Message, state []byte, expiresAt time.Time) ([]store.Message, error) {
	req := &turnReq{ctx: ctx, id: id, msgs: msgs, state: state, expires: expiresAt, done: make(chan struct{})}
	select {
	case db.turns <- req:
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-db.closed:
		return nil, classify(errClosed, "session")
	}
	<-req.done
	return req.out, req.err
}

// appendTurn writes one turn in one statement (appendTurnSQL).
func (db *DB) appendTurn(ctx context.Context, id string, msgs []store.Message, state []byte, expiresAt time.Time) ([]store.Message, error) {
	all := msgs
	var question *string
	if store.Folds(msgs) {
		question, msgs = &msgs[0].Text, msgs[1:]
	}
	n := len(msgs)
	roles, texts, intents, cits, prompts := make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	refused, latency, created, questions := make([]bool, n), make([]int64, n), make([]time.Time, n), make([]*string, n)
	now := time.Now()
	if n > 0 {
		questions[0] = question
	}
	for i, m := range msgs {
		roles[i], texts[i], intents[i], prompts[i] = m.Role, m.Text, m.Intent, m.PromptVersion
		refused[i], latency[i] = m.Refused, m.LatencyMicros
		cits[i] = string(m.Citations)
		if cits[i] == "" {
			cits[i] = "[]"
		}
		created[i] = m.CreatedAt
		if created[i].IsZero() {
			created[i] = now
		}
	}
	rows, err := db.pool.Query(ctx, appendTurnSQL, id, roles, texts, intents, refused, cits, latency, prompts, created,
		nullJSON(state), expiresAt, expiresAt.Add(ExpirySlack), len(all), questions)
	if err != nil {
		return nil, classify(err, "session")
	}
	seqs, err := pgx.CollectRows(rows, pgx.RowTo[int])
	if err != nil {
		return nil, classify(err, "session")
	}
	if len(seqs) != n {
		if len(seqs) == 0 && n > 0 {
			return nil, classify(pgx.ErrNoRows, "session")
		}
		return nil, fmt.Errorf("append turn: %d of %d messages written", len(seqs), n)
	}
	slices.Sort(seqs)
	if question != nil { // the question is the number before its reply's
		seqs, created = append([]int{seqs[0] - 1}, seqs...), append([]time.Time{created[0]}, created...)
	}
	out := make([]store.Message, len(all))
	for i, m := range all {
		m.SessionID, m.Seq, m.CreatedAt = id, seqs[i], created[i]
		out[i] = m
	}
	return out, nil
}

// Messages implements store.Sessions. A folded turn (store/folded.go) is
// read back as its two messages.
func (db *DB) Messages(ctx context.Context, id string, afterSeq, limit int) ([]store.Message, error) {
	rows, err := db.pool.Query(ctx, `
		SELECT session_id, seq, role, text, intent, refused, citations::text, latency_us, prompt_version, created_at, question
		FROM messages WHERE session_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`, id, afterSeq, limit)
	if err != nil {
		return nil, classify(err, "messages")
	}
	defer rows.Close()
	out := []store.Message{}
	for full := false; !full && rows.Next(); {
		var m store.Message
		var cit string
		var question *string
		if err := rows.Scan(&m.SessionID, &m.Seq, &m.Role, &m.Text, &m.Intent, &m.Refused, &cit,
			&m.LatencyMicros, &m.PromptVersion, &m.CreatedAt, &question); err != nil {
			return nil, classify(err, "messages")
		}
		m.Citations = []byte(cit)
		out, full = store.AppendRow(out, m, question, afterSeq, limit)
	}
	if err := rows.Err(); err != nil {
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
