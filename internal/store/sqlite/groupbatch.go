package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"strings"

	"github.com/parleyhq/parley/internal/store"
)

// The fast path writes a group's turns in a few statements for the whole
// group rather than two per turn: one multi-row INSERT of every message,
// the states riding on the turns' last messages (sessions.go: a turn does
// not update its session's row); a SELECT of the last sequence numbers the
// committer does not remember; and, for the sessions whose stored expiry
// must slide, one UPDATE ... FROM (VALUES ...), which also checkpoints their
// rows' last_seq and state. Per statement, the driver and database/sql cost
// about as much as SQLite's own work on a turn's rows.
//
// Statement texts depend on the batch size, and each text is a cached
// prepared statement; batches are therefore cut into power-of-two chunks so
// that only a handful of texts exist.

// maxChunk bounds a chunk (and so the number of bound parameters: 11 per
// message, far below SQLite's limit of 32766).
const maxChunk = 64

// writeBatch writes the turns in rs (distinct sessions, live contexts) in
// transaction t. last holds the sessions' last sequence numbers written
// earlier in t, and gets those of rs. A missing session fails its own turn
// (NotFound); any other error is returned, and the caller rolls the group
// back.
func (db *DB) writeBatch(ctx context.Context, t *wtx, rs []*turnReq, last map[string]int) error {
	for len(rs) > 0 {
		n := chunkSize(len(rs))
		if err := db.writeChunk(ctx, t, rs[:n], last); err != nil {
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

func (db *DB) writeChunk(ctx context.Context, t *wtx, rs []*turnReq, last map[string]int) error {
	// A session's number comes from this group, else from the committer's
	// memory (forgotten when another connection wrote: journal.go); only
	// the others are read.
	base := make(map[string]int, len(rs))
	var unknown []*turnReq
	for _, r := range rs {
		if seq, ok := last[r.id]; ok {
			base[r.id] = seq
		} else if seq, ok := db.lastSeqs[r.id]; ok {
			base[r.id] = seq
		} else {
			unknown = append(unknown, r)
		}
	}
	if err := lastSeqs(ctx, t, unknown, base); err != nil {
		return err
	}
	// Turns whose session's stored expiry already covers theirs leave
	// expires_at (and its index entry) alone; see ExpirySlack.
	var slide []*turnReq
	found := rs[:0:0]
	for _, r := range rs {
		seq, ok := base[r.id]
		if !ok {
			r.err = classify(sql.ErrNoRows, "session")
			continue
		}
		if r.expires.After(db.expiries[r.id]) {
			r.wrote = r.expires.Add(ExpirySlack)
			slide = append(slide, r)
		}
		if len(r.msgs) == 0 {
			// Rare (chat turns always have messages): one statement alone.
			r.out = []store.Message{}
			if err := checkpointState(ctx, t, r.id, r.state); err != nil {
				return err
			}
		} else {
			found = append(found, r)
		}
		last[r.id] = seq + len(r.msgs)
	}
	if err := slideExpiries(ctx, t, slide, last); err != nil {
		return err
	}
	return insertBatch(ctx, t, found, last)
}

// lastSeqs records in last the last sequence number of every existing
// session of rs (distinct sessions), one statement per power-of-two chunk.
func lastSeqs(ctx context.Context, t *wtx, rs []*turnReq, last map[string]int) error {
	for len(rs) > 0 {
		n := chunkSize(len(rs))
		if err := lastSeqsChunk(ctx, t, rs[:n], last); err != nil {
			return err
		}
		rs = rs[n:]
	}
	return nil
}

func lastSeqsChunk(ctx context.Context, t *wtx, rs []*turnReq, last map[string]int) error {
	args := make([]any, len(rs))
	for i, r := range rs {
		args[i] = r.id
	}
	return t.query(ctx, lastSeqsSQL(len(rs)), args, func(v []driver.Value) error {
		id, ok1 := v[0].(string)
		seq, ok2 := v[1].(int64)
		if !ok1 || !ok2 {
			return fmt.Errorf("sqlite: last seqs: got %T, %T", v[0], v[1])
		}
		last[id] = int(seq)
		return nil
	})
}

func lastSeqsSQL(n int) string { return sqlText("last seqs", n, buildLastSeqsSQL) }

// buildLastSeqsSQL is lastSeqSQL (sessions.go) for n sessions.
func buildLastSeqsSQL(n int) string {
	var b strings.Builder
	b.WriteString(`SELECT s.id, max(s.last_seq, coalesce(` + newestSeqSQL("s.id") + `, 0)) FROM (VALUES `)
	writeRows(&b, "(?)", n)
	b.WriteString(`) AS v JOIN sessions s ON s.id = v.column1`)
	return b.String()
}

// slideExpiries stores the expiries of the turns in rs (distinct sessions),
// rounded up by ExpirySlack and never moved back, one statement per
// power-of-two chunk. last holds each session's last number after its turn.
// Since the row is written anyway, it also takes a checkpoint (see
// slideRowSQL).
func slideExpiries(ctx context.Context, t *wtx, rs []*turnReq, last map[string]int) error {
	for len(rs) > 0 {
		n := chunkSize(len(rs))
		args := make([]any, 0, 4*n)
		for _, r := range rs[:n] {
			args = append(args, r.id, formatTime(r.wrote), int64(last[r.id]), nullText(r.state))
		}
		if _, err := t.ExecContext(ctx, slideSQL(n), args...); err != nil {
			return err
		}
		rs = rs[n:]
	}
	return nil
}

func slideSQL(n int) string { return sqlText("slide", n, buildSlideSQL) }

func buildSlideSQL(n int) string {
	var b strings.Builder
	b.WriteString(`UPDATE sessions SET ` + slideSet("v.column2", "v.column3", "v.column4") + ` FROM (VALUES `)
	writeRows(&b, "(?, ?, ?, ?)", n)
	b.WriteString(`) AS v WHERE sessions.id = v.column1`)
	return b.String()
}

// slideSet is the SET list of a sliding turn's row UPDATE, which runs
// before the turn's INSERT: the expiry (never moved back; text comparison
// is time order, formatTime being fixed-width UTC), and a checkpoint as of
// the turn's last number: its state, else the newest one a message after
// the old checkpoint carries, else the row's. SQLite evaluates every
// expression against the row's old values.
func slideSet(expires, last, state string) string {
	return `expires_at = max(expires_at, ` + expires + `), last_seq = max(last_seq, ` + last + `), state = coalesce(` + state + `,
		` + newestStateSQL("sessions.id", "sessions.last_seq") + `, state)`
}

// insertBatch writes the messages of every turn in rs, numbered up to their
// session's last sequence number, and sets each turn's out.
func insertBatch(ctx context.Context, t *wtx, rs []*turnReq, last map[string]int) error {
	if allPairs(rs) {
		return insertPairs(ctx, t, rs, last)
	}
	var args []any
	for _, r := range rs {
		r.out, args = messageRows(r.id, last[r.id], r.msgs, r.state, args)
	}
	if len(args) == 0 {
		return nil
	}
	_, err := t.ExecContext(ctx, insertMessagesSQL(len(args)/messageColumns), args...)
	return err
}

// A chat turn is a pair: the visitor's question, which has nothing but its
// text, and the reply, both stamped with one time (store.Folds). It is
// written as one row, the reply's, which carries the question's text and
// the turn's state (see store/folded.go): 11 parameters per turn instead of
// 20 for two rows (each one boxed, converted by database/sql and copied by
// the driver), and half the index insertions.

// pairColumns is the number of parameters per turn of insertPairsSQL.
const pairColumns = 11

func allPairs(rs []*turnReq) bool {
	for _, r := range rs {
		if !store.Folds(r.msgs) {
			return false
		}
	}
	return len(rs) > 0
}

// insertPairs is insertBatch for turns that are all pairs.
func insertPairs(ctx context.Context, t *wtx, rs []*turnReq, last map[string]int) error {
	args := make([]any, 0, pairColumns*len(rs))
	for _, r := range rs {
		r.out = numberMessages(r.id, last[r.id], r.msgs)
		q, a := r.out[0], r.out[1]
		at := formatTime(q.CreatedAt)
		args = append(args, r.id, int64(a.Seq), a.Text, a.Intent, a.Refused, citationsText(a.Citations), a.LatencyMicros, a.PromptVersion, at, nullText(r.state), q.Text)
	}
	_, err := t.ExecContext(ctx, insertPairsSQL(len(rs)), args...)
	return err
}

func insertPairsSQL(n int) string { return sqlText("insert pairs", n, buildInsertPairsSQL) }

func buildInsertPairsSQL(n int) string {
	var b strings.Builder
	b.WriteString(`INSERT INTO message_journal (session_id, seq, role, text, intent, refused, citations, latency_us, prompt_version, created_at, state, question) VALUES `)
	writeRows(&b, "(?, ?, 'assistant', ?, ?, ?, ?, ?, ?, ?, ?, ?)", n)
	return b.String()
}
