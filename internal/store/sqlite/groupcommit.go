package sqlite

import (
	"context"
	"errors"
	"runtime"
	"time"

	"github.com/parleyhq/parley/internal/store"
)

var errClosed = errors.New("database closed")

// maxGroup bounds how many turns share one commit.
const maxGroup = 128

// turnReq is one AppendTurn waiting for the committer.
type turnReq struct {
	ctx     context.Context
	id      string
	msgs    []store.Message
	state   []byte
	expires time.Time
	wrote   time.Time // the expiry this turn stored, if any
	out     []store.Message
	err     error
	done    chan struct{}
}

// turnCommitter writes queued turns in groups: each turn in its own
// savepoint (so one failing turn fails alone), all in one transaction. It
// runs until db.closed.
func (db *DB) turnCommitter() {
	defer close(db.committerDone)
	defer db.closeWriterStmts()
	for {
		var first *turnReq
		select {
		case first = <-db.turns:
		case <-db.closed:
			if db.journalRows > 0 {
				db.foldJournal() // leave the journal empty at rest
			}
			return
		}
		group := []*turnReq{first}
		// One yield lets handlers that are about to queue a turn do so,
		// so a busy server commits fewer, larger groups; an idle one loses
		// only the yield.
		for pass := 0; pass < 2 && len(group) < maxGroup; pass++ {
			if pass == 1 {
				runtime.Gosched()
			}
		drain:
			for len(group) < maxGroup {
				select {
				case r := <-db.turns:
					group = append(group, r)
				default:
					break drain
				}
			}
		}
		db.commitGroup(group)
		db.noteCommit()
		db.maybeFold(len(group))
	}
}

// commitGroup commits group in one transaction. The fast path runs a few
// statements for the whole group (see writeBatch); only when a statement
// fails for a reason other than a missing session does the group start
// again on the slow path, where each turn sits in its own savepoint so
// that it fails alone. Both run on the writer's connection, held for the
// group (committx.go).
func (db *DB) commitGroup(group []*turnReq) {
	fast := false
	_ = db.withWriter(func(t *wtx) (err error) {
		fast, err = db.commitFast(t, group)
		return err
	})
	if fast {
		db.finish(group, nil)
		return
	}
	// Nothing was written; a connection the fast path left broken has
	// been discarded, and this runs on a new one.
	for _, r := range group {
		r.out, r.err, r.wrote = nil, nil, time.Time{}
	}
	answered := false
	err := db.withWriter(func(t *wtx) error {
		answered = true
		return db.commitSafe(t, group)
	})
	if !answered {
		db.finish(group, err)
	}
}

// finish answers every turn of group: err (classified) for those not
// already answered with an error of their own.
func (db *DB) finish(group []*turnReq, err error) {
	for _, r := range group {
		if err != nil && r.err == nil {
			r.out, r.err = nil, classify(err, "session")
		}
		close(r.done)
	}
}

// commitFast reports whether it committed the group; false with a nil
// error means nothing was written and every request still needs an
// answer, from the slow path. An error means the connection is broken.
func (db *DB) commitFast(t *wtx, group []*turnReq) (bool, error) {
	// The group's statements must not die with one caller's context.
	ctx := context.Background()
	if err := t.begin(); err != nil {
		return false, nil
	}
	if err := db.checkDataVersion(t); err != nil {
		return false, t.rollback()
	}
	// A batch holds each session once (its turns are numbered from the
	// session's last number before the batch); a session met again starts
	// the next batch, so its turns keep their order. last holds the numbers
	// the group has reached so far.
	last := make(map[string]int, len(group))
	batch := make([]*turnReq, 0, len(group))
	seen := make(map[string]struct{}, len(group))
	for _, r := range group {
		if err := r.ctx.Err(); err != nil {
			r.err = err
			continue
		}
		if _, dup := seen[r.id]; dup {
			if err := db.writeBatch(ctx, t, batch, last); err != nil {
				return false, t.rollback()
			}
			batch = batch[:0]
			clear(seen)
		}
		seen[r.id] = struct{}{}
		batch = append(batch, r)
	}
	if err := db.writeBatch(ctx, t, batch, last); err != nil {
		return false, t.rollback()
	}
	if err := t.commit(); err != nil {
		return false, t.rollback()
	}
	db.rememberTurns(group, last)
	return true, nil
}

// rememberTurns records what a committed group stored: the expiries, so
// that the next turns of those sessions can leave expires_at alone (see
// ExpirySlack), and each session's last sequence number (last), so that
// they need not read it. Only the committer touches these maps; each is
// emptied when large rather than swept, at the cost of one more expiry
// write, or read of a number, per session.
func (db *DB) rememberTurns(group []*turnReq, last map[string]int) {
	if len(db.expiries) > maxRemembered {
		clear(db.expiries)
	}
	if len(db.lastSeqs) > maxRemembered {
		clear(db.lastSeqs)
	}
	for _, r := range group {
		if r.err != nil {
			// A session that failed a turn is read again next time.
			delete(db.lastSeqs, r.id)
			continue
		}
		if !r.wrote.IsZero() {
			db.expiries[r.id] = r.wrote
		}
		if seq, ok := last[r.id]; ok {
			db.lastSeqs[r.id] = seq
		}
	}
}

// maxRemembered bounds db.expiries and db.lastSeqs.
const maxRemembered = 1 << 16

// commitSafe commits group with one savepoint per turn, and answers every
// turn. An error means the connection is broken.
func (db *DB) commitSafe(t *wtx, group []*turnReq) error {
	// The group's transaction must not die with one caller's context.
	ctx := context.Background()
	if err := t.begin(); err != nil {
		db.finish(group, err)
		return nil
	}
	if err := db.checkDataVersion(t); err != nil {
		rerr := t.rollback()
		db.finish(group, err)
		return rerr
	}
	last := make(map[string]int, len(group))
	for _, r := range group {
		if err := r.ctx.Err(); err != nil {
			r.err = err
			continue
		}
		if _, err := t.ExecContext(ctx, "SAVEPOINT turn"); err != nil {
			r.err = classify(err, "session")
			continue
		}
		var seq int
		r.out, seq, r.wrote, r.err = appendTurn(ctx, t, r.id, r.msgs, r.state, r.expires, db.expiries[r.id])
		if r.err == nil {
			last[r.id] = seq
		}
		if r.err != nil {
			r.wrote = time.Time{}
			_, _ = t.ExecContext(ctx, "ROLLBACK TO turn")
		}
		if _, err := t.ExecContext(ctx, "RELEASE turn"); err != nil && r.err == nil {
			r.err = classify(err, "session")
		}
	}
	if err := t.commit(); err != nil {
		rerr := t.rollback()
		db.finish(group, err)
		return rerr
	}
	db.rememberTurns(group, last)
	db.finish(group, nil)
	return nil
}
