package sqlite

import (
	"context"
	"database/sql"
	"strings"

	"github.com/parleyhq/parley/internal/store"
)

// The fast path writes a group's turns in a few statements for the whole
// group rather than two per turn: one UPDATE ... FROM (VALUES ...) that
// bumps every session's sequence and stores its state, and one multi-row
// INSERT of every message. Per statement, the driver and database/sql cost
// about as much as SQLite's own work on a turn's rows.
//
// Statement texts depend on the batch size, and each text is a cached
// prepared statement; batches are therefore cut into power-of-two chunks so
// that only a handful of texts exist.

// maxChunk bounds a chunk (and so the number of bound parameters: 10 per
// message, far below SQLite's limit of 32766).
const maxChunk = 64

// writeBatch writes the turns in rs (distinct sessions, live contexts) in
// transaction t. A missing session fails its own turn (NotFound); any other
// error is returned, and the caller rolls the group back.
func (db *DB) writeBatch(ctx context.Context, t *tx, rs []*turnReq) error {
	for len(rs) > 0 {
		n := chunkSize(len(rs))
		if err := db.writeChunk(ctx, t, rs[:n]); err != nil {
			return err
		}
		rs = rs[n:]
	}
	return nil
}

// chunkSize is the largest power of two ≤ min(n, maxChunk).
func chunkSize(n int) int {
	c := 1
	for c*2 <= n && c*2 <= maxChunk {
		c *= 2
	}
	return c
}

func (db *DB) writeChunk(ctx context.Context, t *tx, rs []*turnReq) error {
	// Turns whose session's stored expiry already covers theirs leave
	// expires_at (and its index entry) alone; see ExpirySlack.
	var keep, slide []*turnReq
	for _, r := range rs {
		if r.expires.After(db.expiries[r.id]) {
			slide = append(slide, r)
		} else {
			keep = append(keep, r)
		}
	}
	last := make(map[string]int, len(rs))
	if err := bumpSeqs(ctx, t, keep, false, last); err != nil {
		return err
	}
	if err := bumpSeqs(ctx, t, slide, true, last); err != nil {
		return err
	}
	found := rs[:0:0]
	for _, r := range rs {
		if _, ok := last[r.id]; !ok {
			r.err = classify(sql.ErrNoRows, "session")
			continue
		}
		if r.expires.After(db.expiries[r.id]) {
			r.wrote = r.expires.Add(ExpirySlack)
		}
		found = append(found, r)
	}
	return insertBatch(ctx, t, found, last)
}

// bumpSeqs reserves the sequence numbers of every turn in rs (distinct
// sessions) and stores their states and, when sliding, their expiries
// (rounded up by ExpirySlack, never moved back), one statement per
// power-of-two chunk. It records each existing session's new last sequence
// number in last.
func bumpSeqs(ctx context.Context, t *tx, rs []*turnReq, sliding bool, last map[string]int) error {
	for len(rs) > 0 {
		n := chunkSize(len(rs))
		if err := bumpChunk(ctx, t, rs[:n], sliding, last); err != nil {
			return err
		}
		rs = rs[n:]
	}
	return nil
}

func bumpChunk(ctx context.Context, t *tx, rs []*turnReq, sliding bool, last map[string]int) error {
	args := make([]any, 0, 4*len(rs))
	for _, r := range rs {
		args = append(args, r.id, len(r.msgs), nullText(r.state))
		if sliding {
			args = append(args, formatTime(r.expires.Add(ExpirySlack)))
		}
	}
	rows, err := t.QueryContext(ctx, bumpSeqsSQL(len(rs), sliding), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var seq int
		if err := rows.Scan(&id, &seq); err != nil {
			return err
		}
		last[id] = seq
	}
	return rows.Err()
}

func bumpSeqsSQL(n int, sliding bool) string {
	if sliding {
		return sqlText("bump sliding", n, func(n int) string { return buildBumpSQL(n, true) })
	}
	return sqlText("bump", n, func(n int) string { return buildBumpSQL(n, false) })
}

func buildBumpSQL(n int, sliding bool) string {
	var b strings.Builder
	b.WriteString(`UPDATE sessions SET last_seq = last_seq + v.column2, state = COALESCE(v.column3, state)`)
	row := "(?, ?, ?)"
	if sliding {
		// Text comparison is time order: formatTime is fixed-width UTC.
		b.WriteString(`, expires_at = max(expires_at, v.column4)`)
		row = "(?, ?, ?, ?)"
	}
	b.WriteString(` FROM (VALUES `)
	writeRows(&b, row, n)
	b.WriteString(`) AS v WHERE sessions.id = v.column1 RETURNING sessions.id, sessions.last_seq`)
	return b.String()
}

// insertBatch writes the messages of every turn in rs, numbered up to their
// session's last sequence number, and sets each turn's out.
func insertBatch(ctx context.Context, t *tx, rs []*turnReq, last map[string]int) error {
	if allPairs(rs) {
		return insertPairs(ctx, t, rs, last)
	}
	var args []any
	for _, r := range rs {
		r.out, args = messageRows(r.id, last[r.id], r.msgs, args)
	}
	if len(args) == 0 {
		return nil
	}
	_, err := t.ExecContext(ctx, insertMessagesSQL(len(args)/messageColumns), args...)
	return err
}

// A chat turn is a pair: the visitor's question, which has nothing but its
// text, and the reply, both stamped with one time. The pair statement writes
// the question's empty columns as literals: 13 parameters per turn instead
// of 20 (each one boxed, converted by database/sql and copied by the
// driver). (Numbered parameters, "?3", to bind the id and time once cost
// more than they saved: the driver looks up each parameter's name.)

// pairColumns is the number of parameters per turn of insertPairsSQL.
const pairColumns = 13

// isPair reports whether msgs is a question and its reply as described
// above.
func isPair(msgs []store.Message) bool {
	if len(msgs) != 2 {
		return false
	}
	q, a := msgs[0], msgs[1]
	return q.Role == "user" && q.Intent == "" && !q.Refused && (len(q.Citations) == 0 || string(q.Citations) == "[]") &&
		q.LatencyMicros == 0 && q.PromptVersion == "" && a.Role == "assistant" &&
		!q.CreatedAt.IsZero() && q.CreatedAt.Equal(a.CreatedAt)
}

func allPairs(rs []*turnReq) bool {
	for _, r := range rs {
		if !isPair(r.msgs) {
			return false
		}
	}
	return len(rs) > 0
}

// insertPairs is insertBatch for turns that are all pairs (see isPair).
func insertPairs(ctx context.Context, t *tx, rs []*turnReq, last map[string]int) error {
	args := make([]any, 0, pairColumns*len(rs))
	for _, r := range rs {
		r.out = numberMessages(r.id, last[r.id], r.msgs)
		q, a := r.out[0], r.out[1]
		at := formatTime(q.CreatedAt)
		args = append(args, r.id, q.Seq, q.Text, at,
			r.id, a.Seq, a.Text, a.Intent, a.Refused, citationsText(a.Citations), a.LatencyMicros, a.PromptVersion, at)
	}
	_, err := t.ExecContext(ctx, insertPairsSQL(len(rs)), args...)
	return err
}

func insertPairsSQL(n int) string { return sqlText("insert pairs", n, buildInsertPairsSQL) }

func buildInsertPairsSQL(n int) string {
	var b strings.Builder
	b.WriteString(`INSERT INTO messages (session_id, seq, role, text, intent, refused, citations, latency_us, prompt_version, created_at) VALUES `)
	// The question's other columns are the table's defaults.
	writeRows(&b, "(?, ?, 'user', ?, '', 0, '[]', 0, '', ?), (?, ?, 'assistant', ?, ?, ?, ?, ?, ?, ?)", n)
	return b.String()
}
