package sqlite

import (
	"context"
	"database/sql"
	"strings"
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
