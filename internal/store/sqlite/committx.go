package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
)

// The committer's transactions run on the driver's connection directly
// (sql.Conn.Raw), with every statement, BEGIN IMMEDIATE and COMMIT
// included, prepared once per connection. Through database/sql a group
// paid ~27k instructions for an empty BeginTx and Commit alone: the
// driver parses BEGIN and COMMIT anew each time, and database/sql starts a
// goroutine per transaction to watch its context, which the committer's
// never ends (one turn's context must not abort the others' writes).
// The writer's connection is taken for one group at a time, so the other
// writes (sessions, accounts, profiles) still queue for it in Go.

// wtx is a transaction of the committer on the writer's driver connection.
type wtx struct {
	conn  driver.Conn
	stmts map[string]driver.Stmt // by text; they belong to conn
	args  []driver.NamedValue    // reused between statements
	dest  []driver.Value         // reused between rows
}

// errConnBroken marks a failure that leaves the connection in an unknown
// state (a ROLLBACK that failed): database/sql discards it, and the next
// group opens a new one.
var errConnBroken = fmt.Errorf("sqlite: writer connection left in a transaction: %w", driver.ErrBadConn)

// withWriter runs fn with the committer's transaction handle on the
// writer's connection, held until fn returns. Statements prepared on an
// earlier connection are dropped when the pool hands out another one:
// database/sql closed the old connection, and its statements with it.
func (db *DB) withWriter(fn func(t *wtx) error) error {
	c, err := db.writer.db.Conn(context.Background())
	if err != nil {
		return err
	}
	defer c.Close()
	return c.Raw(func(dc any) error {
		conn, ok := dc.(driver.Conn)
		if !ok {
			return errors.New("sqlite: writer connection is not a driver.Conn")
		}
		t := db.wtx
		if t == nil || t.conn != conn {
			t = &wtx{conn: conn, stmts: map[string]driver.Stmt{}}
			db.wtx = t
		}
		err := fn(t)
		if errors.Is(err, driver.ErrBadConn) {
			// database/sql closes the connection. Its statements are
			// finalized first: SQLite keeps a connection with statements
			// left open, and its transaction and write lock, as a zombie.
			t.closeStmts()
			db.wtx = nil
		}
		return err
	})
}

func (t *wtx) closeStmts() {
	for q, s := range t.stmts {
		_ = s.Close()
		delete(t.stmts, q)
	}
}

// closeWriterStmts finalizes the committer's statements on its
// connection, if the pool still has it, before the pool closes.
func (db *DB) closeWriterStmts() {
	if db.wtx == nil {
		return
	}
	_ = db.withWriter(func(t *wtx) error {
		t.closeStmts()
		return nil
	})
	db.wtx = nil
}

func (t *wtx) stmt(ctx context.Context, query string) (driver.Stmt, error) {
	if s, ok := t.stmts[query]; ok {
		return s, nil
	}
	var s driver.Stmt
	var err error
	if p, ok := t.conn.(driver.ConnPrepareContext); ok {
		s, err = p.PrepareContext(ctx, query)
	} else {
		s, err = t.conn.Prepare(query)
	}
	if err != nil {
		return nil, err
	}
	t.stmts[query] = s
	return s, nil
}

// bind converts args as database/sql would (the default converter: an int
// becomes an int64, a named string type its string) into t.args.
func (t *wtx) bind(args []any) ([]driver.NamedValue, error) {
	t.args = t.args[:0]
	for i, a := range args {
		var v driver.Value
		switch a := a.(type) {
		case nil, int64, float64, bool, []byte, string:
			v = a
		case int:
			v = int64(a)
		default:
			var err error
			if v, err = driver.DefaultParameterConverter.ConvertValue(a); err != nil {
				return nil, fmt.Errorf("sqlite: argument %d: %w", i+1, err)
			}
		}
		t.args = append(t.args, driver.NamedValue{Ordinal: i + 1, Value: v})
	}
	return t.args, nil
}

// ExecContext runs query, prepared once on the connection.
func (t *wtx) ExecContext(ctx context.Context, query string, args ...any) (driver.Result, error) {
	s, err := t.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	nv, err := t.bind(args)
	if err != nil {
		return nil, err
	}
	defer clear(t.args) // the turn's strings are not kept
	return s.(driver.StmtExecContext).ExecContext(ctx, nv)
}

// query runs query and calls row for each row, whose values are valid
// only during the call.
func (t *wtx) query(ctx context.Context, query string, args []any, row func([]driver.Value) error) (err error) {
	s, err := t.stmt(ctx, query)
	if err != nil {
		return err
	}
	nv, err := t.bind(args)
	if err != nil {
		return err
	}
	defer clear(t.args)
	rows, err := s.(driver.StmtQueryContext).QueryContext(ctx, nv)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := rows.Close(); err == nil {
			err = cerr
		}
	}()
	if n := len(rows.Columns()); cap(t.dest) < n {
		t.dest = make([]driver.Value, n)
	} else {
		t.dest = t.dest[:n]
	}
	defer clear(t.dest)
	for {
		if err := rows.Next(t.dest); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
		if err := row(t.dest); err != nil {
			return err
		}
	}
}

// queryInt scans the one integer of query's first row; sql.ErrNoRows when
// there is none.
func (t *wtx) queryInt(ctx context.Context, query string, args ...any) (int, error) {
	n, found := 0, false
	err := t.query(ctx, query, args, func(v []driver.Value) error {
		if found {
			return nil
		}
		found = true
		i, ok := v[0].(int64)
		if !ok {
			return fmt.Errorf("sqlite: want an integer, got %T", v[0])
		}
		n = int(i)
		return nil
	})
	if err == nil && !found {
		err = sql.ErrNoRows
	}
	return n, err
}

// begin, commit and rollback run the transaction's statements.
func (t *wtx) begin() error {
	_, err := t.ExecContext(context.Background(), "BEGIN IMMEDIATE")
	return err
}

func (t *wtx) commit() error {
	_, err := t.ExecContext(context.Background(), "COMMIT")
	return err
}

// rollback ends the transaction; when it cannot, the connection is no
// longer known to be outside one, and errConnBroken has it replaced.
func (t *wtx) rollback() error {
	if _, err := t.ExecContext(context.Background(), "ROLLBACK"); err != nil {
		return fmt.Errorf("%w (%v)", errConnBroken, err)
	}
	return nil
}
