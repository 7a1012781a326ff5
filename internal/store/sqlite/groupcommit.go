package sqlite

import (
	"context"
	"errors"
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
	out     []store.Message
	err     error
	done    chan struct{}
}

// turnCommitter writes queued turns in groups: each turn in its own
// savepoint (so one failing turn fails alone), all in one transaction. It
// runs until db.closed.
func (db *DB) turnCommitter() {
	defer close(db.committerDone)
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
	}
}

func (db *DB) commitGroup(group []*turnReq) {
	finish := func(err error) {
		for _, r := range group {
			if err != nil && r.err == nil {
				r.out, r.err = nil, err
			}
			close(r.done)
		}
	}
	// The group's transaction must not die with one caller's context.
	ctx := context.Background()
	t, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		finish(classify(err, "session"))
		return
	}
	for _, r := range group {
		if err := r.ctx.Err(); err != nil {
			r.err = err
			continue
		}
		if _, err := t.ExecContext(ctx, "SAVEPOINT turn"); err != nil {
			r.err = classify(err, "session")
			continue
		}
		r.out, r.err = appendTurn(ctx, t, r.id, r.msgs, r.state, r.expires)
		if r.err != nil {
			_, _ = t.ExecContext(ctx, "ROLLBACK TO turn")
		}
		if _, err := t.ExecContext(ctx, "RELEASE turn"); err != nil && r.err == nil {
			r.err = classify(err, "session")
		}
	}
	if err := t.Commit(); err != nil {
		_ = t.Rollback()
		finish(classify(err, "session"))
		return
	}
	finish(nil)
}
