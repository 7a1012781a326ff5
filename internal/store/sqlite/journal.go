package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// The turn journal (migration 00007). The committer appends turns to
// message_journal, which has no index, so that a commit writes the pages
// the new rows fill and little else; once foldRows rows wait (or foldEvery
// after the last fold), it moves the journal into messages in one
// transaction, where each session's leaf of the (session_id, seq) index is
// written once for all of its turns since the last fold, and empties the
// journal whole. Readers read both tables (newestSeqSQL, newestStateSQL,
// Messages); a session's rows in the journal are newer than its rows in
// messages.
//
// Sequence numbers and sessions: without the primary key and the foreign
// key on the journal, a number the committer remembers (db.lastSeqs) is no
// longer checked by the INSERT, nor is the session's existence. The writer
// is this process's only connection that writes, so a number can only go
// stale, or a session go away, through another process (or handle)
// writing the file, or through DeleteExpiredSessions; the committer reads
// PRAGMA data_version, which moves exactly when another connection has
// committed, at the start of every group, and forgets what it remembers
// when it moved or sessions were deleted here. Numbers it does not
// remember are read with their sessions (a missing session fails its turn).

// A fold comes once foldRows rows wait, so that its cost per turn does not
// depend on the rate of turns, or foldEvery after the last one on a
// quieter server.
const (
	foldRows  = 512
	foldEvery = time.Second
)

// journalColumns are the columns of messages and message_journal.
const journalColumns = `session_id, seq, role, text, intent, refused, citations, latency_us, prompt_version, created_at, state, question`

// foldSQL moves every journal row into messages. When the INSERT fails, a
// fold drops the rows of sessions deleted since (dropOrphansSQL) and tries
// once more: a session deleted by another process, or between a turn's
// commit and the fold, leaves its rows behind (the journal has no foreign
// key), and messages' would refuse them.
var foldSQL = []string{
	`INSERT INTO messages (` + journalColumns + `) SELECT ` + journalColumns + ` FROM message_journal ORDER BY rowid`,
	`DELETE FROM message_journal`,
}

const dropOrphansSQL = `DELETE FROM message_journal WHERE session_id NOT IN (SELECT id FROM sessions)`

// maybeFold folds the journal when it is due; n is the number of rows the
// committer has just appended.
func (db *DB) maybeFold(n int) {
	db.journalRows += n
	if db.journalRows == 0 || (db.journalRows < foldRows && time.Since(db.lastFold) < foldEvery) {
		return
	}
	db.foldJournal()
}

// foldJournal moves the journal into messages in one transaction on the
// committer's connection. A failure leaves the rows where they are
// (readers see them there) and is logged; the next fold tries again.
func (db *DB) foldJournal() {
	db.lastFold = time.Now()
	var failed error
	_ = db.withWriter(func(t *wtx) error {
		if failed = t.begin(); failed != nil {
			return nil
		}
		ctx := context.Background()
		if _, err := t.ExecContext(ctx, foldSQL[0]); err != nil {
			if _, failed = t.ExecContext(ctx, dropOrphansSQL); failed != nil {
				return t.rollback()
			}
			if _, failed = t.ExecContext(ctx, foldSQL[0]); failed != nil {
				return t.rollback()
			}
		}
		if _, failed = t.ExecContext(ctx, foldSQL[1]); failed != nil {
			return t.rollback()
		}
		if failed = t.commit(); failed != nil {
			return t.rollback()
		}
		db.journalRows = 0
		return nil
	})
	if failed != nil && db.logger != nil {
		db.logger.Error("sqlite: turn journal not folded", "rows", db.journalRows, "err", failed)
	}
}

// checkDataVersion forgets the remembered numbers and expiries when another
// connection has committed since the last group (see above). It runs in
// the group's transaction, after BEGIN IMMEDIATE: nothing can commit
// between the check and the group's own writes.
func (db *DB) checkDataVersion(t *wtx) error {
	v, err := t.queryInt(context.Background(), "PRAGMA data_version")
	if err != nil {
		return err
	}
	if v != db.dataVersion || db.sessionsDeleted.Swap(false) {
		clear(db.lastSeqs)
		clear(db.expiries)
		db.dataVersion = v
	}
	return nil
}

// foldForMigrations folds the journal through the writer's pool before a
// migration runs, so that migrations see every turn in messages (migration
// 00006's Down, for one, rewrites rows of messages alone). A database
// without the journal yet has nothing to fold.
func foldForMigrations(ctx context.Context, sdb *sql.DB) error {
	var n int
	if err := sdb.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'message_journal'`).Scan(&n); err != nil || n == 0 {
		return err
	}
	tx, err := sdb.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // after Commit it is a no-op
	for _, q := range append([]string{dropOrphansSQL}, foldSQL...) {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("sqlite: fold the turn journal: %w", err)
		}
	}
	return tx.Commit()
}

// newestSeqSQL is the last sequence number among session id's rows (an SQL
// expression naming the session), NULL when it has none. The journal is read
// first: its rows, when a session has some, are its newest.
func newestSeqSQL(id string) string {
	return `coalesce((SELECT max(j.seq) FROM message_journal j WHERE j.session_id = ` + id + `),
		(SELECT max(m.seq) FROM messages m WHERE m.session_id = ` + id + `))`
}

// newestStateSQL is the newest state stored with one of session id's rows
// numbered after after (SQL expressions), NULL when none is.
func newestStateSQL(id, after string) string {
	return `coalesce((SELECT j.state FROM message_journal j WHERE j.session_id = ` + id + ` AND j.seq > ` + after + ` AND j.state IS NOT NULL
			ORDER BY j.seq DESC LIMIT 1),
		(SELECT m.state FROM messages m WHERE m.session_id = ` + id + ` AND m.seq > ` + after + ` AND m.state IS NOT NULL
			ORDER BY m.seq DESC LIMIT 1))`
}
