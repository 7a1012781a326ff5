package dbcopy

import (
	"context"
	"database/sql"
)

// Source is a database to copy from.
type Source interface {
	// Schema introspects the tables to copy and the objects to report.
	Schema(ctx context.Context) (*Schema, error)
	// Snapshot opens n readers. shared reports whether they all see one
	// consistent state; when false the source must not change during a copy.
	Snapshot(ctx context.Context, n int) (readers []Reader, shared bool, err error)
	Close() error
}

// Reader reads a table in chunks inside a snapshot.
type Reader interface {
	// Chunks splits t into key ranges of about chunkRows rows.
	Chunks(ctx context.Context, t *Table, chunkRows int64) ([]Chunk, error)
	// Rows streams the rows of one chunk, columns in t.Columns order.
	Rows(ctx context.Context, t *Table, c Chunk) (*RowIter, error)
	Close() error
}

// RowIter streams driver values of one chunk.
type RowIter struct {
	ctx  context.Context
	rows *sql.Rows
	vals []any
	ptrs []any
}

// newRowIter wraps rows queried with a context that is never cancelled
// (see queryContext); ctx is the caller's, checked at each Next.
func newRowIter(ctx context.Context, rows *sql.Rows, n int) *RowIter {
	it := &RowIter{ctx: ctx, rows: rows, vals: make([]any, n), ptrs: make([]any, n)}
	for i := range it.vals {
		it.ptrs[i] = rawValue{&it.vals[i]}
	}
	return it
}

// rawValue scans the driver's value as it is: database/sql would copy
// every []byte scanned into an *any, and each converter copies what it
// keeps anyway.
type rawValue struct{ v *any }

func (r rawValue) Scan(src any) error {
	*r.v = src
	return nil
}

// Next advances to the next row and scans it.
func (it *RowIter) Next() (bool, error) {
	if err := it.ctx.Err(); err != nil {
		return false, err
	}
	if !it.rows.Next() {
		return false, it.rows.Err()
	}
	if err := it.rows.Scan(it.ptrs...); err != nil {
		return false, err
	}
	return true, nil
}

// Values returns the current row. The slice, and the bytes of its []byte
// values (the driver's buffer), are only valid until the next call to Next.
func (it *RowIter) Values() []any { return it.vals }

// queryContext is the context a chunk's rows are queried with: the
// caller's values without its cancellation. When a query's context ends,
// database/sql closes the result set on a goroutine of its own, and the
// driver then drains the remaining rows into the buffer the current row's
// []byte values point into, while pgx may still be encoding that row on
// its copy goroutine (a data race). RowIter.Next checks the caller's
// context instead, so the iteration ends between rows, and Close runs on
// the reading side.
func queryContext(ctx context.Context) context.Context { return context.WithoutCancel(ctx) }

// Close releases the result set.
func (it *RowIter) Close() error { return it.rows.Close() }

// splitBounds turns sorted chunk boundaries into chunks covering the key space.
func splitBounds(table string, bounds []int64) []Chunk {
	chunks := make([]Chunk, 0, len(bounds)+1)
	var lo *int64
	for i := range bounds {
		hi := bounds[i]
		chunks = append(chunks, Chunk{Table: table, No: i, Lo: lo, Hi: &hi})
		lo = &hi
	}
	return append(chunks, Chunk{Table: table, No: len(bounds), Lo: lo})
}

// uniformBounds splits [lo, hi] into steps of width step.
func uniformBounds(lo, hi, step int64) []int64 {
	var out []int64
	for b := lo + step; b <= hi && b > lo; b += step {
		out = append(out, b)
		lo = b
	}
	return out
}

// chunkWhere renders the range condition of c on column col (already quoted)
// with placeholders produced by ph, and the arguments.
func chunkWhere(c Chunk, col string, ph func(int) string) (string, []any) {
	var conds []string
	var args []any
	if c.Lo != nil {
		args = append(args, *c.Lo)
		conds = append(conds, col+" >= "+ph(len(args)))
	}
	if c.Hi != nil {
		args = append(args, *c.Hi)
		conds = append(conds, col+" < "+ph(len(args)))
	}
	if len(conds) == 0 {
		return "", nil
	}
	w := " WHERE " + conds[0]
	if len(conds) == 2 {
		w += " AND " + conds[1]
	}
	return w, args
}
