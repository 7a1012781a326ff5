package sqlite

import (
	"context"
	"database/sql"
	"time"
)

// Checkpoints. SQLite checkpoints the WAL in the connection that commits
// once the WAL passes wal_autocheckpoint pages, so the single committer —
// and every turn queued behind it — waits for the copy and the fsyncs. At
// SQLite's 1,000 pages that was ~10% of server CPU per turn under load; at
// 10,000 the stalls were rarer but long enough to double the quiet p99
// (docs/benchmarks-log.md, "WAL checkpoints").
//
// So a goroutine with a connection of its own runs PASSIVE checkpoints
// (they never block the writer) shortly after commits, and the writer
// keeps wal_autocheckpoint at walCheckpointPages only as a backstop: when
// it fires, the background has already copied nearly every frame, and the
// next write can start the WAL over.

// checkpointEvery is how often the background checkpoints while turns
// are being committed.
const checkpointEvery = 100 * time.Millisecond

// checkpointer runs PASSIVE checkpoints on conn after commits (signalled on
// db.committed) until db.closed.
func (db *DB) checkpointer(conn *sql.DB) {
	defer close(db.checkpointerDone)
	defer conn.Close()
	t := time.NewTicker(checkpointEvery)
	defer t.Stop()
	for {
		select {
		case <-db.closed:
			return
		case <-t.C:
		}
		select {
		case <-db.committed:
		default:
			continue // nothing committed since the last checkpoint
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		var busy, logFrames, done int
		err := conn.QueryRowContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)").Scan(&busy, &logFrames, &done)
		cancel()
		if err != nil && db.logger != nil {
			db.logger.Warn("sqlite: background checkpoint", "err", err)
		}
	}
}

// noteCommit tells the checkpointer that the WAL has grown.
func (db *DB) noteCommit() {
	select {
	case db.committed <- struct{}{}:
	default:
	}
}
