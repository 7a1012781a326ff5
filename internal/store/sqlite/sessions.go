package sqlite

import (
	"context"
	"strings"
	"sync"
	"time"
	"unsafe"

	"github.com/parleyhq/parley/internal/store"
)

// CreateSession implements store.Sessions.
func (db *DB) CreateSession(ctx context.Context, s store.Session) error {
	state := string(s.State)
	if state == "" {
		state = "{}"
	}
	_, err := db.writer.ExecContext(ctx, `
		INSERT INTO sessions (id, profile_slug, profile_version, state, created_at, expires_at)
		VALUES (?, ?, ?, ?, ?, ?)`,
		s.ID, s.ProfileSlug, s.ProfileVersion, state, formatTime(s.CreatedAt), formatTime(s.ExpiresAt))
	return classify(err, "session")
}

// GetSession implements store.Sessions. The state is the newest one stored
// with a message after the session row's checkpoint (see migration 00005),
// else the row's own.
func (db *DB) GetSession(ctx context.Context, id string, now time.Time) (store.Session, error) {
	var s store.Session
	var state, created, expires string
	err := db.reader.QueryRowContext(ctx, `
		SELECT s.id, s.profile_slug, s.profile_version,
			coalesce(`+newestStateSQL("s.id", "s.last_seq")+`, s.state),
			s.created_at, s.expires_at
		FROM sessions s WHERE s.id = ? AND s.expires_at > ?`, id, formatTime(now)).
		Scan(&s.ID, &s.ProfileSlug, &s.ProfileVersion, &state, &created, &expires)
	if err != nil {
		return store.Session{}, classify(err, "session")
	}
	s.State = []byte(state)
	s.CreatedAt, _ = parseTime(created)
	s.ExpiresAt, _ = parseTime(expires)
	return s, nil
}

// AppendTurn implements store.Sessions. Concurrent calls are committed in
// groups by one goroutine (see turnCommitter): SQLite has one writer, and one
// commit for many turns costs little more than one for a single turn.
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

// ExpirySlack is how much later than asked AppendTurn may store a
// session's expiry. Rewriting expires_at on every turn also rewrites its
// index entry (and dirties one more page per commit); storing the expiry
// rounded up by this much lets the turns of the next minute leave it alone.
// A session therefore never expires early, and at most ExpirySlack late
// (when read from the database, or swept by DeleteExpiredSessions).
const ExpirySlack = time.Minute

// A turn writes no row of its session but when its expiry must slide: the
// next sequence number comes from the session's messages (the newest one,
// or the row's checkpoint, last_seq, for a session without messages since
// migration 00005), and the follow-up state rides on the turn's last
// message. The committer remembers the last number of the sessions it
// wrote (see rememberTurns), so that a turn is usually a single INSERT.
// Within one database the single writer serialises turns; remembered
// numbers are forgotten when another process sharing the file has written
// (journal.go). Turns go to the journal, and reach messages in bulk.

// appendTurn writes one turn inside tx, reading the session's last
// sequence number. stored is the expiry already committed for the session,
// as far as the caller knows (zero: unknown); it returns the session's new
// last number and the expiry this turn wrote (zero: none).
func appendTurn(ctx context.Context, tx *wtx, id string, msgs []store.Message, state []byte, expiresAt, stored time.Time) (out []store.Message, last int, written time.Time, err error) {
	if last, err = tx.queryInt(ctx, lastSeqSQL, id); err != nil {
		return nil, 0, time.Time{}, classify(err, "session")
	}
	next := last + len(msgs)
	if expiresAt.After(stored) {
		written = expiresAt.Add(ExpirySlack)
		if _, err := tx.ExecContext(ctx, `UPDATE sessions SET `+slideSet("?", "?", "?")+` WHERE id = ?`,
			formatTime(written), next, nullText(state), id); err != nil {
			return nil, 0, time.Time{}, classify(err, "session")
		}
	}
	if len(msgs) == 0 {
		return []store.Message{}, last, written, checkpointState(ctx, tx, id, state)
	}
	out, err = insertMessages(ctx, tx, id, next, msgs, state)
	return out, next, written, err
}

// lastSeqSQL returns a session's last sequence number (no row when the
// session does not exist).
var lastSeqSQL = `SELECT max(s.last_seq, coalesce(` + newestSeqSQL("s.id") + `, 0))
	FROM sessions s WHERE s.id = ?`

// checkpointState stores the state of a turn without messages, which has no
// message to carry it, in the session's row, as of the session's newest
// message (read here: a number the committer remembers may be stale, and
// no INSERT would tell).
func checkpointState(ctx context.Context, tx *wtx, id string, state []byte) error {
	if len(state) == 0 {
		return nil
	}
	_, err := tx.ExecContext(ctx, `UPDATE sessions SET state = ?,
		last_seq = max(last_seq, coalesce(`+newestSeqSQL("sessions.id")+`, 0)) WHERE id = ?`,
		string(state), id)
	return classify(err, "session")
}

// insertMessages writes msgs, numbered up to last, the last one carrying
// state, in one statement (one row for a question and its reply).
func insertMessages(ctx context.Context, tx *wtx, id string, last int, msgs []store.Message, state []byte) ([]store.Message, error) {
	if store.Folds(msgs) {
		r := &turnReq{id: id, msgs: msgs, state: state}
		if err := insertPairs(ctx, tx, []*turnReq{r}, map[string]int{id: last}); err != nil {
			return nil, classify(err, "message")
		}
		return r.out, nil
	}
	out, args := messageRows(id, last, msgs, state, make([]any, 0, messageColumns*len(msgs)))
	if len(msgs) == 0 {
		return out, nil
	}
	if _, err := tx.ExecContext(ctx, insertMessagesSQL(len(msgs)), args...); err != nil {
		return nil, classify(err, "message")
	}
	return out, nil
}

// messageColumns is the number of parameters per row of insertMessagesSQL.
const messageColumns = 11

// messageRows numbers msgs of session id up to last, returning them and
// args with their INSERT parameters appended; the last message carries
// state (NULL when nil: the session keeps its state).
func messageRows(id string, last int, msgs []store.Message, state []byte, args []any) ([]store.Message, []any) {
	out := numberMessages(id, last, msgs)
	for i, m := range out {
		var st any
		if i == len(out)-1 {
			st = nullText(state)
		}
		args = append(args, id, int64(m.Seq), m.Role, m.Text, m.Intent, m.Refused, citationsText(m.Citations), m.LatencyMicros, m.PromptVersion, formatTime(m.CreatedAt), st)
	}
	return out, args
}

// numberMessages returns msgs of session id numbered up to last, stamped
// now when they carry no time.
func numberMessages(id string, last int, msgs []store.Message) []store.Message {
	out := make([]store.Message, len(msgs))
	seq := last - len(msgs)
	for i, m := range msgs {
		seq++
		m.SessionID, m.Seq = id, seq
		if m.CreatedAt.IsZero() {
			m.CreatedAt = time.Now()
		}
		out[i] = m
	}
	return out
}

// citationsText is the stored form of a message's citations ("[]" for
// none). Like nullText's, the string shares c's bytes for the statement's
// run: c belongs to a message being appended.
func citationsText(c []byte) string {
	if len(c) == 0 {
		return "[]"
	}
	return unsafe.String(&c[0], len(c))
}

// sqlTexts memoizes statement texts built for a row count, so that a
// text (the prepared-statement cache key) is built once.
var sqlTexts sync.Map // sqlTextKey -> string

type sqlTextKey struct {
	kind string
	n    int
}

// sqlText returns build(n), built once per (kind, n).
func sqlText(kind string, n int, build func(int) string) string {
	k := sqlTextKey{kind, n}
	if q, ok := sqlTexts.Load(k); ok {
		return q.(string)
	}
	q, _ := sqlTexts.LoadOrStore(k, build(n))
	return q.(string)
}

func insertMessagesSQL(n int) string { return sqlText("insert messages", n, buildInsertSQL) }

func buildInsertSQL(n int) string {
	var b strings.Builder
	b.WriteString(`INSERT INTO message_journal (session_id, seq, role, text, intent, refused, citations, latency_us, prompt_version, created_at, state) VALUES `)
	writeRows(&b, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", n)
	return b.String()
}

// writeRows writes n copies of row, comma-separated.
func writeRows(b *strings.Builder, row string, n int) {
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(row)
	}
}

// Messages implements store.Sessions. A folded turn (migration 00006) is
// read back as its two messages.
func (db *DB) Messages(ctx context.Context, id string, afterSeq, limit int) ([]store.Message, error) {
	rows, err := db.reader.QueryContext(ctx, `
		SELECT session_id, seq, role, text, intent, refused, citations, latency_us, prompt_version, created_at, question
		FROM messages WHERE session_id = ? AND seq > ?
		UNION ALL
		SELECT session_id, seq, role, text, intent, refused, citations, latency_us, prompt_version, created_at, question
		FROM message_journal WHERE session_id = ? AND seq > ?
		ORDER BY seq LIMIT ?`, id, afterSeq, id, afterSeq, limit)
	if err != nil {
		return nil, classify(err, "messages")
	}
	defer rows.Close()
	out := []store.Message{}
	for full := false; !full && rows.Next(); {
		var m store.Message
		var cit, created string
		var question *string
		if err := rows.Scan(&m.SessionID, &m.Seq, &m.Role, &m.Text, &m.Intent, &m.Refused, &cit,
			&m.LatencyMicros, &m.PromptVersion, &created, &question); err != nil {
			return nil, classify(err, "messages")
		}
		m.Citations = []byte(cit)
		m.CreatedAt, _ = parseTime(created)
		out, full = store.AppendRow(out, m, question, afterSeq, limit)
	}
	return out, classify(rows.Err(), "messages")
}

// DeleteExpiredSessions implements store.Sessions.
func (db *DB) DeleteExpiredSessions(ctx context.Context, cutoff time.Time) (int, error) {
	// The committer forgets the sessions it knows before they go (see
	// journal.go); their journal rows go with them.
	db.sessionsDeleted.Store(true)
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return 0, classify(err, "sessions")
	}
	defer tx.Rollback() //nolint:errcheck // after Commit it is a no-op
	at := formatTime(cutoff)
	if _, err := tx.ExecContext(ctx, `DELETE FROM message_journal WHERE session_id IN (SELECT id FROM sessions WHERE expires_at <= ?)`, at); err != nil {
		return 0, classify(err, "sessions")
	}
	res, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE expires_at <= ?`, at)
	if err != nil {
		return 0, classify(err, "sessions")
	}
	n, _ := res.RowsAffected()
	return int(n), classify(tx.Commit(), "sessions")
}

// nullText turns an empty state into NULL, which reads as "keep".
//
// The string shares b's bytes, not a copy: it is a statement argument,
// which the driver copies into SQLite when it binds, and b, a turn's state,
// is not changed while AppendTurn runs (its caller waits for the result).
func nullText(b []byte) any {
	if len(b) == 0 {
		return nil
	}
	return unsafe.String(&b[0], len(b))
}
