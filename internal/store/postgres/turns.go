package postgres

import (
	"context"
	"errors"
	"time"
	"unsafe"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/parleyhq/parley/internal/store"
)

// Turns are written in groups: under load, every PostgreSQL statement (and
// its commit, a WAL flush) costs a round trip, a backend's CPU and, in this
// process, a write and a read system call. A few committers each take
// whatever turns are waiting and write them in one statement (one
// transaction), so that a busy server makes one round trip for many turns.
const (
	// committers bounds the group statements in flight at once; a lone
	// turn on an idle server still goes straight out.
	committers = 4
	// maxGroup bounds how many turns share one statement.
	maxGroup = 64
	// groupTimeout bounds one group statement: the group must not die with
	// one caller's context, but must not hang on a dead connection either.
	groupTimeout = 30 * time.Second
)

var errClosed = errors.New("database closed")

// turnReq is one AppendTurn waiting for a committer.
type turnReq struct {
	ctx     context.Context
	id      string
	msgs    []store.Message
	state   []byte
	expires time.Time
	out     []store.Message
	err     error
	done    chan struct{}
}

// startCommitters runs the committers until db.closed.
func (db *DB) startCommitters() {
	db.turns = make(chan *turnReq)
	db.closed = make(chan struct{})
	db.committers.Add(committers)
	for range committers {
		go db.turnCommitter()
	}
}

// turnCommitter writes queued turns in groups until db.closed.
func (db *DB) turnCommitter() {
	defer db.committers.Done()
	for {
		var first *turnReq
		select {
		case first = <-db.turns:
		case <-db.closed:
			return
		}
		group := []*turnReq{first}
	drain:
		for len(group) < maxGroup {
			select {
			case r := <-db.turns:
				group = append(group, r)
			default:
				break drain
			}
		}
		db.commitGroup(group)
		for _, r := range group {
			close(r.done)
		}
	}
}

// commitGroup writes group in as few statements as it can. A batch holds
// each session once (an UPDATE ... FROM updates a row once however often
// it matches); a session met again starts the next batch, so its turns keep
// their order.
func (db *DB) commitGroup(group []*turnReq) {
	ctx, cancel := context.WithTimeout(context.Background(), groupTimeout)
	defer cancel()
	batch := make([]*turnReq, 0, len(group))
	seen := make(map[string]struct{}, len(group))
	for _, r := range group {
		if err := r.ctx.Err(); err != nil {
			r.err = err
			continue
		}
		if _, dup := seen[r.id]; dup {
			db.commitBatch(ctx, batch)
			batch = batch[:0]
			clear(seen)
		}
		seen[r.id] = struct{}{}
		batch = append(batch, r)
	}
	db.commitBatch(ctx, batch)
}

// commitBatch writes batch in one statement. When PostgreSQL rejects it
// (the statement, and so its transaction, rolled back: a bad message, or a
// deadlock with another group on the same sessions), each turn is written
// alone so that it fails alone. Any other error (the connection, the
// timeout) leaves unknown whether the commit happened, so the turns fail
// rather than risk being written twice.
func (db *DB) commitBatch(ctx context.Context, batch []*turnReq) {
	switch len(batch) {
	case 0:
		return
	case 1:
		r := batch[0]
		r.out, r.err = db.appendTurn(ctx, r.id, r.msgs, r.state, r.expires)
		return
	}
	err := db.writeBatch(ctx, batch)
	if err == nil {
		return
	}
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		for _, r := range batch {
			r.err = classify(err, "session")
		}
		return
	}
	for _, r := range batch {
		r.out, r.err = db.appendTurn(ctx, r.id, r.msgs, r.state, r.expires)
	}
}

// appendBatchSQL is appendTurnSQL for several sessions: $1–$5 hold one row
// per turn (session, message count, state or NULL to keep it, asked expiry,
// expiry to store), $6–$16 one row per stored message (its session and its
// position in the turn, then the columns; a question and its reply are one
// row, the reply's, with the question's text: store/folded.go). Sessions
// that do not exist are absent from the result and get no messages.
const appendBatchSQL = `
WITH t AS (
	SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::timestamptz[], $5::timestamptz[])
		AS t(id, n, state, asked, slack)
), s AS (
	UPDATE sessions
	SET last_seq = sessions.last_seq + t.n, state = COALESCE(t.state::jsonb, sessions.state),
		expires_at = CASE WHEN sessions.expires_at < t.asked THEN t.slack ELSE sessions.expires_at END
	FROM t WHERE sessions.id = t.id
	RETURNING sessions.id, sessions.last_seq - t.n AS base
), ins AS (
	INSERT INTO messages (session_id, seq, role, text, intent, refused, citations, latency_us, prompt_version, created_at, question)
	SELECT s.id, s.base + m.ord, m.role, m.text, m.intent, m.refused, m.citations::jsonb, m.latency_us, m.prompt_version, m.created_at, m.question
	FROM unnest($6::text[], $7::int[], $8::text[], $9::text[], $10::text[], $11::bool[], $12::text[], $13::bigint[], $14::text[], $15::timestamptz[], $16::text[])
		AS m(sid, ord, role, text, intent, refused, citations, latency_us, prompt_version, created_at, question)
	JOIN s ON s.id = m.sid
)
SELECT id, base FROM s`

// writeBatch writes batch (sessions distinct) in one statement and fills
// each turn's out, or err when its session is missing.
func (db *DB) writeBatch(ctx context.Context, batch []*turnReq) error {
	n := len(batch)
	ids, counts, states := make([]string, n), make([]int32, n), make([]*string, n)
	asked, slack := make([]time.Time, n), make([]time.Time, n)
	rowsN := 0
	for _, r := range batch {
		rowsN += len(r.msgs)
	}
	cols := newMessageColumns(rowsN)
	now := time.Now()
	first := make([]int, n) // each turn's first row in cols
	folds := make([]bool, n)
	for i, r := range batch {
		ids[i], counts[i], states[i] = r.id, int32(len(r.msgs)), borrowedJSON(r.state)
		asked[i], slack[i] = r.expires, r.expires.Add(ExpirySlack)
		first[i] = len(cols.created)
		folds[i] = cols.addTurn(r, now)
	}
	rows, err := db.pool.Query(ctx, appendBatchSQL, ids, counts, states, asked, slack,
		cols.sids, cols.ords, cols.roles, cols.texts, cols.intents, cols.refused, cols.cits, cols.latency, cols.prompts, cols.created, cols.questions)
	if err != nil {
		return err
	}
	base := make(map[string]int, n)
	for rows.Next() {
		var id string
		var b int
		if err := rows.Scan(&id, &b); err != nil {
			rows.Close()
			return err
		}
		base[id] = b
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for i, r := range batch {
		b, ok := base[r.id]
		if !ok {
			r.err = classify(pgx.ErrNoRows, "session")
			continue
		}
		r.out = make([]store.Message, len(r.msgs))
		for j, m := range r.msgs {
			k := first[i] + j
			if folds[i] {
				k = first[i] // one row, one time
			}
			m.SessionID, m.Seq, m.CreatedAt = r.id, b+j+1, cols.created[k]
			r.out[j] = m
		}
	}
	return nil
}

// messageColumns holds messages column by column, as unnest reads them.
type messageColumns struct {
	sids                                 []string
	ords                                 []int32
	roles, texts, intents, cits, prompts []string
	refused                              []bool
	latency                              []int64
	created                              []time.Time
	questions                            []*string
}

// newMessageColumns returns columns with room for n messages.
func newMessageColumns(n int) messageColumns {
	return messageColumns{
		sids: make([]string, 0, n), ords: make([]int32, 0, n),
		roles: make([]string, 0, n), texts: make([]string, 0, n), intents: make([]string, 0, n),
		cits: make([]string, 0, n), prompts: make([]string, 0, n),
		refused: make([]bool, 0, n), latency: make([]int64, 0, n),
		created: make([]time.Time, 0, n), questions: make([]*string, 0, n),
	}
}

// borrowed returns b's bytes as a string without copying them. A batch's
// citations and states are statement arguments, which pgx encodes before
// the statement returns, and they belong to turns whose callers wait for
// the result without changing them.
func borrowed(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// borrowedJSON is nullJSON over borrowed bytes.
func borrowedJSON(b []byte) *string {
	if len(b) == 0 {
		return nil
	}
	s := borrowed(b)
	return &s
}

// addTurn appends r's messages: a question and its reply that fold as one
// row (reported true), or a row each.
func (c *messageColumns) addTurn(r *turnReq, now time.Time) bool {
	if store.Folds(r.msgs) {
		c.sids = append(c.sids, r.id)
		c.ords = append(c.ords, 2)
		c.add(r.msgs[1], &r.msgs[0].Text, now)
		return true
	}
	for j, m := range r.msgs {
		c.sids = append(c.sids, r.id)
		c.ords = append(c.ords, int32(j+1))
		c.add(m, nil, now)
	}
	return false
}

// add appends m, with the defaults the single-turn path applies, and the
// question folded into it (nil: none).
func (c *messageColumns) add(m store.Message, question *string, now time.Time) {
	cit := "[]"
	if len(m.Citations) > 0 {
		cit = borrowed(m.Citations)
	}
	created := m.CreatedAt
	if created.IsZero() {
		created = now
	}
	c.roles = append(c.roles, m.Role)
	c.texts = append(c.texts, m.Text)
	c.intents = append(c.intents, m.Intent)
	c.cits = append(c.cits, cit)
	c.prompts = append(c.prompts, m.PromptVersion)
	c.refused = append(c.refused, m.Refused)
	c.latency = append(c.latency, m.LatencyMicros)
	c.created = append(c.created, created)
	c.questions = append(c.questions, question)
}
