package dbcopy_test

// h-db15's unseen round: an invoicing app on MariaDB
// (testdata/invoicing15.sql), copied into PostgreSQL, compared value by
// value with compareAll and view by view with the source's own rows.

import (
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"github.com/parleyhq/parley/internal/testenv"
)

// TestInvoicingMySQL15: BIGINT UNSIGNED keys up to 2^64-1 (AUTO_INCREMENT
// near it), INT UNSIGNED 4294967295, ENUM with an empty member, SET with the empty set,
// DATETIME(6), TIMESTAMP ON UPDATE, JSON (with a CHECK and a default),
// BIT(1), STORED and VIRTUAL generated columns, a CHECK on dates, a
// trigger that fired, an orphan line loaded with FOREIGN_KEY_CHECKS=0,
// and views with IFNULL(SUM(decimal), 0), HAVING on an alias at the top
// and in a derived table, IF of a BIT, FIND_IN_SET and JSON_EXTRACT.
func TestInvoicingMySQL15(t *testing.T) {
	src, dsn, _ := freshMySQL(t)
	b, err := os.ReadFile("testdata/invoicing15.sql")
	if err != nil {
		t.Fatal(err)
	}
	mysqlExec(t, dsn, string(b))
	db, err := sql.Open("mysql", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	dst := testenv.PostgresURL(t)
	res := runRejects(t, src, dst, filepath.Join(t.TempDir(), "rejects.jsonl"))
	if res.Rejected != 0 {
		t.Errorf("rejected %d rows, want 0", res.Rejected)
	}
	if len(res.Warnings) != 1 {
		t.Errorf("warnings %q, want the orphan line's foreign key kept NOT VALID", res.Warnings)
	}
	checkReported(t, res, []string{"generated invoice.gross_total", "generated invoice.days_to_pay", "generated invoice_line.line_net",
		"trigger trg_invoice_void", "view v_customer_revenue", "view v_payment_days", "check invoice.ck_invoice_due", "default customer.id"})
	reportCompare(t, "built-in rules", compareAll(t, "mysql", db, dst), nil)
	compareViews(t, db, dst, []string{"v_open_items", "v_big_customers", "v_line_check"})
}
