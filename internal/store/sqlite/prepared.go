package sqlite

import (
	"context"
	"database/sql"
	"sync"
)

// pool runs every statement as a prepared statement cached by its text.
// The modernc driver does not cache statements, and re-parsing SQL took a
// fifth of a chat turn's CPU; database/sql re-prepares a cached statement on
// each connection by itself.
type pool struct {
	db        *sql.DB
	stmts     sync.Map // query text -> *sql.Stmt
	preparing sync.Map // query text -> struct{}: a background prepare is under way
	// background counts the prepares still running, so that Close waits for
	// them: one finishing after Close would hold a connection (and the file)
	// open after the caller believes the database is shut.
	background sync.WaitGroup
}

func newPool(db *sql.DB) *pool { return &pool{db: db} }

func (p *pool) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if s, ok := p.stmts.Load(query); ok {
		return s.(*sql.Stmt), nil
	}
	s, err := p.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if prev, loaded := p.stmts.LoadOrStore(query, s); loaded {
		s.Close()
		return prev.(*sql.Stmt), nil
	}
	return s, nil
}

// ExecContext runs query as a cached prepared statement.
func (p *pool) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	s, err := p.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return s.ExecContext(ctx, args...)
}

// QueryContext runs query as a cached prepared statement.
func (p *pool) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	s, err := p.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return s.QueryContext(ctx, args...)
}

// QueryRowContext runs query as a cached prepared statement. A statement
// that fails to prepare falls back to a plain query, which reports the error
// through Row.Scan.
func (p *pool) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	s, err := p.stmt(ctx, query)
	if err != nil {
		return p.db.QueryRowContext(ctx, query, args...)
	}
	return s.QueryRowContext(ctx, args...)
}

// BeginTx starts a transaction whose statements come from the same cache.
func (p *pool) BeginTx(ctx context.Context, opts *sql.TxOptions) (*tx, error) {
	t, err := p.db.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return &tx{Tx: t, pool: p}, nil
}

// PingContext checks the connection.
func (p *pool) PingContext(ctx context.Context) error { return p.db.PingContext(ctx) }

// Close closes the cached statements and the connections.
func (p *pool) Close() error {
	p.background.Wait()
	p.stmts.Range(func(_, v any) bool {
		v.(*sql.Stmt).Close()
		return true
	})
	return p.db.Close()
}

// cached returns the cached statement for query, or nil. On a miss it
// prepares the statement in the background: preparing needs a free
// connection, and the writer's only one is held by the caller's transaction.
func (p *pool) cached(query string) *sql.Stmt {
	if s, ok := p.stmts.Load(query); ok {
		return s.(*sql.Stmt)
	}
	if _, busy := p.preparing.LoadOrStore(query, struct{}{}); !busy {
		p.background.Go(func() {
			defer p.preparing.Delete(query)
			_, _ = p.stmt(context.Background(), query)
		})
	}
	return nil
}

// tx is a transaction that binds cached statements to itself.
type tx struct {
	*sql.Tx
	pool *pool
}

// ExecContext runs query in the transaction, as a cached prepared statement
// when there is one.
func (t *tx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if s := t.pool.cached(query); s != nil {
		return t.StmtContext(ctx, s).ExecContext(ctx, args...)
	}
	return t.Tx.ExecContext(ctx, query, args...)
}

// QueryContext runs query in the transaction, as a cached prepared statement
// when there is one.
func (t *tx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if s := t.pool.cached(query); s != nil {
		return t.StmtContext(ctx, s).QueryContext(ctx, args...)
	}
	return t.Tx.QueryContext(ctx, query, args...)
}

// QueryRowContext runs query in the transaction, as a cached prepared
// statement when there is one.
func (t *tx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if s := t.pool.cached(query); s != nil {
		return t.StmtContext(ctx, s).QueryRowContext(ctx, args...)
	}
	return t.Tx.QueryRowContext(ctx, query, args...)
}
