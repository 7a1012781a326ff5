package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/store"
	"modernc.org/sqlite"
)

func newTurn(ctx context.Context, id, role string, now time.Time) *turnReq {
	return &turnReq{ctx: ctx, id: id, done: make(chan struct{}), expires: now.Add(time.Hour),
		msgs: []store.Message{{Role: role, Text: "q", CreatedAt: now}, {Role: "assistant", Text: "a", CreatedAt: now}}}
}

func createSessions(t *testing.T, db *DB, now time.Time, ids ...string) {
	t.Helper()
	for _, id := range ids {
		if err := db.CreateSession(context.Background(), store.Session{ID: id, ProfileSlug: "a", ProfileVersion: 1, CreatedAt: now, ExpiresAt: now.Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
}

func writerConn(t *testing.T, db *DB) driver.Conn {
	t.Helper()
	var c driver.Conn
	if err := db.withWriter(func(w *wtx) error { c = w.conn; return nil }); err != nil {
		t.Fatal(err)
	}
	return c
}

func wantSeqs(t *testing.T, db *DB, id string, n int) {
	t.Helper()
	msgs, err := db.Messages(context.Background(), id, 0, 100)
	if err != nil || len(msgs) != n {
		t.Fatalf("%s: %d messages (err %v), want %d", id, len(msgs), err, n)
	}
}

// TestFailedGroupRollsBackOnHeldConnection: a group whose fast path fails
// (a CHECK violation) must leave the writer's connection outside a
// transaction, so that the slow path, and the next group, on that same
// connection, can begin theirs.
func TestFailedGroupRollsBackOnHeldConnection(t *testing.T) {
	ctx := context.Background()
	db := openMigrated(t)
	now := time.Now().UTC()
	createSessions(t, db, now, "s1", "s2")
	before := writerConn(t, db)
	for round := range 3 {
		group := []*turnReq{newTurn(ctx, "s1", "user", now), newTurn(ctx, "s2", "robot", now)}
		db.commitGroup(group)
		if group[0].err != nil {
			t.Fatalf("round %d: good turn: %v", round, group[0].err)
		}
		if group[1].err == nil {
			t.Fatalf("round %d: bad turn committed", round)
		}
		wantSeqs(t, db, "s1", 2*(round+1))
		wantSeqs(t, db, "s2", 0)
	}
	if _, err := db.AppendTurn(ctx, "s2", newTurn(ctx, "s2", "user", now).msgs, nil, now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if after := writerConn(t, db); after != before {
		t.Error("the writer's connection was replaced after a rolled-back group")
	}
}

// TestBrokenWriterConnectionIsReplaced: a connection left in a
// transaction (its ROLLBACK failed) is discarded, and the next group runs
// on a new one with statements of its own.
func TestBrokenWriterConnectionIsReplaced(t *testing.T) {
	ctx := context.Background()
	db := openMigrated(t)
	now := time.Now().UTC()
	createSessions(t, db, now, "s1")
	if _, err := db.AppendTurn(ctx, "s1", newTurn(ctx, "s1", "user", now).msgs, nil, now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	before := writerConn(t, db)
	// A ROLLBACK with no transaction fails: the error must mark the
	// connection bad.
	if err := db.withWriter(func(w *wtx) error {
		err := w.rollback()
		if !errors.Is(err, driver.ErrBadConn) {
			t.Errorf("rollback outside a transaction: %v, want ErrBadConn", err)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	// Left in a transaction, as after a failed ROLLBACK.
	if err := db.withWriter(func(w *wtx) error {
		if err := w.begin(); err != nil {
			t.Fatal(err)
		}
		return errConnBroken
	}); !errors.Is(err, driver.ErrBadConn) {
		t.Fatalf("withWriter: %v, want ErrBadConn", err)
	}
	out, err := db.AppendTurn(ctx, "s1", newTurn(ctx, "s1", "user", now).msgs, nil, now.Add(time.Hour))
	if err != nil || out[0].Seq != 3 {
		t.Fatalf("turn after a broken connection: %+v, %v", out, err)
	}
	if after := writerConn(t, db); after == before {
		t.Error("the broken connection was kept")
	}
	wantSeqs(t, db, "s1", 4)
}

// TestBusyWriterFailsGroupAndRecovers: another process holding the write
// lock past the busy timeout fails the group (Unavailable, nothing
// written), and the connection is usable once the lock is released.
func TestBusyWriterFailsGroupAndRecovers(t *testing.T) {
	ctx := context.Background()
	db := openMigrated(t)
	now := time.Now().UTC()
	createSessions(t, db, now, "s1")
	if err := db.withWriter(func(w *wtx) error {
		_, err := w.ExecContext(ctx, "PRAGMA busy_timeout = 20")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	other, err := sql.Open("sqlite", "file:"+db.path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	c, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := c.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.AppendTurn(ctx, "s1", newTurn(ctx, "s1", "user", now).msgs, nil, now.Add(time.Hour)); !apperr.Is(err, apperr.Unavailable) {
		t.Fatalf("turn while another process writes: %v, want Unavailable", err)
	}
	if _, err := c.ExecContext(ctx, "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	out, err := db.AppendTurn(ctx, "s1", newTurn(ctx, "s1", "user", now).msgs, nil, now.Add(time.Hour))
	if err != nil || out[0].Seq != 1 {
		t.Fatalf("turn after the lock is released: %+v, %v", out, err)
	}
	wantSeqs(t, db, "s1", 2)
}

// TestCancelledTurnDoesNotAbortGroup: a turn whose context has ended
// fails alone, on the fast path and on the slow one, and the others
// commit.
func TestCancelledTurnDoesNotAbortGroup(t *testing.T) {
	for _, slow := range []bool{false, true} {
		ctx := context.Background()
		db := openMigrated(t)
		now := time.Now().UTC()
		createSessions(t, db, now, "live", "gone", "bad")
		cancelled, cancel := context.WithCancel(ctx)
		cancel()
		group := []*turnReq{newTurn(ctx, "live", "user", now), newTurn(cancelled, "gone", "user", now), newTurn(ctx, "live", "user", now)}
		if slow {
			group = append(group, newTurn(ctx, "bad", "robot", now))
		}
		db.commitGroup(group)
		if !errors.Is(group[1].err, context.Canceled) {
			t.Errorf("slow %t: cancelled turn: %v", slow, group[1].err)
		}
		for _, i := range []int{0, 2} {
			if group[i].err != nil {
				t.Errorf("slow %t: turn %d: %v", slow, i, group[i].err)
			}
		}
		if slow && group[3].err == nil {
			t.Error("bad turn committed")
		}
		wantSeqs(t, db, "live", 4)
		wantSeqs(t, db, "gone", 0)
	}
}

// BenchmarkEmptyTransaction measures a transaction that writes nothing:
// the committer's (its connection held, BEGIN IMMEDIATE and COMMIT
// prepared once) and database/sql's BeginTx and Commit on the writer.
func BenchmarkEmptyTransaction(b *testing.B) {
	db := openMigrated(b)
	b.Run("committer", func(b *testing.B) {
		for b.Loop() {
			if err := db.withWriter(func(t *wtx) error {
				if err := t.begin(); err != nil {
					return err
				}
				return t.commit()
			}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("BeginTx", func(b *testing.B) {
		ctx := context.Background()
		for b.Loop() {
			t, err := db.writer.BeginTx(ctx, nil)
			if err != nil {
				b.Fatal(err)
			}
			if err := t.Commit(); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// failCommits makes SQLite itself refuse the next n COMMITs on the
// writer's connection (a commit hook that returns non-zero turns COMMIT
// into ROLLBACK, SQLITE_CONSTRAINT_COMMITHOOK): a COMMIT failing as on a
// full disk, not a stand-in for one.
// It returns how many COMMITs the hook has refused so far.
func failCommits(t *testing.T, db *DB, n int) (refused func() int) {
	t.Helper()
	left, count := n, 0
	if err := db.withWriter(func(w *wtx) error {
		h, ok := w.conn.(sqlite.HookRegisterer)
		if !ok {
			t.Fatalf("%T has no commit hook", w.conn)
		}
		h.RegisterCommitHook(func() int32 {
			if left > 0 {
				left--
				count++
				return 1
			}
			return 0
		})
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	// The hook runs on the committer's goroutine, which has answered
	// (closed each turn's done) before the test reads the count.
	return func() int { return count }
}

// TestFailedCommitWritesAllOrNothing: when COMMIT itself fails, every
// turn of the group is either answered with an error and stored not at
// all, or answered without one and stored once, in order; the sessions'
// next turns are numbered after what was stored. (SQLite has rolled back
// when its COMMIT fails, so the committer's ROLLBACK fails too and the
// connection is replaced: the group's second try, one savepoint per turn,
// runs on a new connection without the hook and commits.)
func TestFailedCommitWritesAllOrNothing(t *testing.T) {
	for _, fails := range []int{1, 1 << 20} {
		ctx := context.Background()
		db := openMigrated(t)
		now := time.Now().UTC()
		createSessions(t, db, now, "s1", "s2", "s3")
		for _, id := range []string{"s1", "s2"} { // sessions with turns already
			if _, err := db.AppendTurn(ctx, id, newTurn(ctx, id, "user", now).msgs, nil, now.Add(time.Hour)); err != nil {
				t.Fatal(err)
			}
		}
		refused := failCommits(t, db, fails)
		group := []*turnReq{newTurn(ctx, "s1", "user", now), newTurn(ctx, "s2", "user", now), newTurn(ctx, "s1", "user", now), newTurn(ctx, "s3", "user", now)}
		db.commitGroup(group)
		if refused() == 0 {
			t.Fatalf("%d failing commits: the hook refused none", fails)
		}
		want := map[string]int{"s1": 2, "s2": 2, "s3": 0}
		failed := 0
		for _, r := range group {
			if r.err != nil {
				failed++
				continue
			}
			want[r.id] += 2
		}
		if failed != 0 && failed != len(group) {
			t.Errorf("%d failing commits: %d of %d turns failed; a group commits whole or not at all", fails, failed, len(group))
		}
		for id, n := range want {
			wantSeqs(t, db, id, n)
		}
		// Whatever happened, the next turns work and follow on.
		_ = failCommits(t, db, 0)
		for _, id := range []string{"s1", "s2", "s3"} {
			out, err := db.AppendTurn(ctx, id, newTurn(ctx, id, "user", now).msgs, nil, now.Add(time.Hour))
			if err != nil || out[0].Seq != want[id]+1 {
				t.Fatalf("%d failing commits: next turn of %s: %+v, %v (want seq %d)", fails, id, out, err, want[id]+1)
			}
		}
	}
}
