package dbcopy_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/testenv"
)

// TestBookingMySQL copies testdata/booking.sql, a hotel-booking/ERP
// schema: geometry columns, a MariaDB period with a WITHOUT OVERLAPS key,
// a key into another database, JSON-derived columns, a NUL byte in a key.
func TestBookingMySQL(t *testing.T) {
	// The other database first: cleanups run last first, and a database
	// that a key references cannot be dropped before the key's.
	_, otherDSN, other := freshMySQL(t)
	src, dsn, _ := freshMySQL(t)
	mysqlExec(t, otherDSN, "CREATE TABLE users (id INT PRIMARY KEY); INSERT INTO users VALUES (1);")
	b, err := os.ReadFile("testdata/booking.sql")
	if err != nil {
		t.Fatal(err)
	}
	mysqlExec(t, dsn, strings.ReplaceAll(string(b), "OTHERDB", "`"+other+"`"))
	dst := testenv.PostgresURL(t)
	if h := planHazards(t, src, dst); !h["number_key llx_c_status.id"] {
		t.Errorf("plan does not report number_key llx_c_status.id: %v", h)
	}
	res := copyAndVerify(t, src, dst)
	if res.Rejected != 2 { // booking 2: not JSON; const: NUL byte in the key
		t.Errorf("rejected %d rows, want 2", res.Rejected)
	}
	if len(res.Warnings) != 0 {
		t.Errorf("warnings: %q", res.Warnings)
	}
	checkReported(t, res, []string{
		"period_key llx_room_rate.no_overlap", "spatial llx_hotel.location", "spatial llx_hotel.shape", "index llx_hotel.sp_loc",
		"foreign_key llx_user_link.llx_user_link_ibfk_1", "trigger llx_booking_bi", "function llx_total", "check llx_checked.email_ok",
		"generated llx_booking.guest",
	})
	checkTarget(t, dst, []unseenCheck{
		{"geometry bytes as stored", `SELECT encode(location, 'hex') FROM llx_hotel WHERE rowid = 1`, "e61000000101000000cdcccccccccc0240cdcccccccc6c4840"},
		{"empty geometry collection", `SELECT encode(shape, 'hex') FROM llx_hotel WHERE rowid = 1`, "00000000010700000000000000"},
		{"composite self-reference", `SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'llx_category'::regclass AND contype = 'f'`,
			"FOREIGN KEY (entity, parent_id) REFERENCES llx_category(entity, id) ON UPDATE RESTRICT ON DELETE CASCADE"},
		{"key on a unique pair", `SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'llx_facture'::regclass AND contype = 'f'`,
			"FOREIGN KEY (entity, client_code) REFERENCES llx_societe(entity, code_client) ON UPDATE CASCADE ON DELETE RESTRICT"},
		{"BOOLEAN defaults", `SELECT string_agg(pg_get_expr(adbin, adrelid), ',' ORDER BY adnum) FROM pg_attrdef WHERE adrelid = 'llx_options'::regclass`, "true,false,0,1.5"},
		{"TINYINT(1) key kept a number", `SELECT string_agg(id || ':' || pg_typeof(id), ',' ORDER BY id) FROM llx_c_status`, "0:smallint,1:smallint,2:smallint,3:smallint"},
		{"key to the TINYINT(1) key", `SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'llx_ticket'::regclass AND contype = 'f'`,
			"FOREIGN KEY (status_id) REFERENCES llx_c_status(id) ON UPDATE RESTRICT ON DELETE RESTRICT"},
		{"JSON-derived values", `SELECT guest || ' ' || nights FROM llx_booking WHERE id = 1`, "Zoë 3"},
	})
}

// TestTooManyColumns: a 1700-column Aria table (PostgreSQL stops at 1600)
// is reported by plan and makes run stop before it writes anything.
func TestTooManyColumns(t *testing.T) {
	src, dsn, _ := freshMySQL(t)
	cols := make([]string, 1700)
	for i := range cols {
		cols[i] = fmt.Sprintf("f%04d TINYINT", i+1)
	}
	mysqlExec(t, dsn, "CREATE TABLE small (id INT PRIMARY KEY); INSERT INTO small VALUES (1);\n"+
		"CREATE TABLE survey_answers (id INT PRIMARY KEY, "+strings.Join(cols, ", ")+") ENGINE=Aria;\nINSERT INTO survey_answers (id, f0001) VALUES (1, 1);")
	dst := testenv.PostgresURL(t)
	if h := planHazards(t, src, dst); !h["too_many_columns survey_answers."] {
		t.Errorf("plan does not report too_many_columns survey_answers: %v", h)
	}
	ctx := context.Background()
	_, err := runCLI(t, ctx, "run", "--from", src, "--to", dst)
	if err == nil || !strings.Contains(err.Error(), "survey_answers (1701 columns") || !strings.Contains(err.Error(), "nothing was written") {
		t.Errorf("run error = %v, want survey_answers' 1701 columns and nothing written", err)
	}
	checkTarget(t, dst, []unseenCheck{
		{"nothing written", `SELECT count(*)::text FROM pg_namespace n JOIN pg_class c ON c.relnamespace = n.oid WHERE n.nspname IN ('public', '_parley_dbcopy')`, "0"},
	})
}
