package dbcopy

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"testing"

	_ "github.com/go-sql-driver/mysql"

	"github.com/parleyhq/parley/internal/testenv"
)

// TestCancelWhileReadingKeepsValues: pgx reads a chunk's values on its own
// goroutine while the chunk is copied. If cancelling the run's context let
// database/sql close the result set on its watcher goroutine, the driver
// would drain the remaining rows into the buffer the current row's []byte
// values point into, under the reader's feet (a data race CI's -race run
// of TestKillAndResume caught once). Cancelling must instead end the
// iteration at the next Next, with the current row intact until then.
func TestCancelWhileReadingKeepsValues(t *testing.T) {
	db, err := sql.Open("mysql", testenv.MySQLDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	if _, err := db.ExecContext(ctx, "CREATE TABLE big (id INT PRIMARY KEY, body TEXT)"); err != nil {
		t.Fatal(err)
	}
	body := strings.Repeat("x", 300)
	for i := 0; i < 4000; i += 500 {
		var sb strings.Builder
		sb.WriteString("INSERT INTO big VALUES ")
		for j := i; j < i+500; j++ {
			if j > i {
				sb.WriteByte(',')
			}
			sb.WriteString("(" + strconv.Itoa(j) + ",'" + body + "')")
		}
		if _, err := db.ExecContext(ctx, sb.String()); err != nil {
			t.Fatal(err)
		}
	}
	tbl := &Table{Name: "big", Columns: []*Column{{Name: "id"}, {Name: "body"}}}
	for range 20 {
		conn, err := db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		rctx, cancel := context.WithCancel(ctx)
		it, err := sqlRows(rctx, conn, myQuote, func(c *Column) string { return myQuote(c.Name) }, tbl, Chunk{Table: "big"})
		if err != nil {
			t.Fatal(err)
		}
		if ok, err := it.Next(); !ok || err != nil {
			t.Fatalf("first row: %v %v", ok, err)
		}
		v, _ := it.Values()[1].([]byte)
		cancel()
		// Read the current row after the cancel, as pgx's goroutine may.
		for range 200 {
			if !bytes.Equal(v, []byte(body)) {
				t.Fatalf("the current row changed under the reader after cancel: %.20q", v)
			}
		}
		ok, err := it.Next()
		if ok || !errors.Is(err, context.Canceled) {
			t.Fatalf("Next after cancel: %v, %v; want false, context.Canceled", ok, err)
		}
		if err := it.Close(); err != nil {
			t.Fatalf("close: %v", err)
		}
		_ = conn.Close()
	}
}
