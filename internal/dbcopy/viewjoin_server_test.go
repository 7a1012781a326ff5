package dbcopy_test

import (
	"context"
	"testing"

	"github.com/parleyhq/parley/internal/testenv"
)

// TestMySQLCrossJoinViews: views over "FROM a, b", CROSS JOIN and a cross
// join beside a joined one, as MariaDB stores them (join with no ON), are
// created in PostgreSQL with the same rows.
func TestMySQLCrossJoinViews(t *testing.T) {
	src, dsn, _ := freshMySQL(t)
	mysqlExec(t, dsn, "CREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE b (x int PRIMARY KEY);\nCREATE TABLE c (y int PRIMARY KEY, label varchar(5));\n"+
		"INSERT INTO a VALUES (1), (2);\nINSERT INTO b VALUES (10), (20), (30);\nINSERT INTO c VALUES (1, 'one'), (20, 'tw');\n"+
		"CREATE VIEW comma AS SELECT a.id, b.x FROM a, b;\n"+
		"CREATE VIEW crossed AS SELECT a.id, b.x FROM a CROSS JOIN b WHERE b.x > 10;\n"+
		"CREATE VIEW mixed AS SELECT a.id, b.x, c.label FROM a JOIN b JOIN c ON c.y = a.id;\n"+
		"CREATE VIEW outer_side AS SELECT a.id, b.x, c.label FROM a, b LEFT JOIN c ON c.y = b.x;\n")
	dst := testenv.PostgresURL(t)
	ctx := context.Background()
	pg := pgConn(t, dst)
	res := runWith(t, src, dst)
	if len(res.Warnings) != 0 || res.Rejected != 0 {
		t.Fatalf("warnings %q, %d rejected; want none", res.Warnings, res.Rejected)
	}
	for _, c := range []unseenCheck{
		{"comma", `SELECT count(*) || ':' || sum(id * x) FROM comma`, "6:180"},
		{"cross join with where", `SELECT string_agg(id || '-' || x, ',' ORDER BY id, x) FROM crossed`, "1-20,1-30,2-20,2-30"},
		{"cross join beside a join", `SELECT string_agg(id || '-' || x || '-' || label, ',' ORDER BY x) FROM mixed`, "1-10-one,1-20-one,1-30-one"},
		{"cross join of an outer join", `SELECT string_agg(id || '-' || x || '-' || coalesce(label, 'NULL'), ',' ORDER BY id, x) FROM outer_side`, "1-10-NULL,1-20-tw,1-30-NULL,2-10-NULL,2-20-tw,2-30-NULL"},
	} {
		var got string
		if err := pg.QueryRow(ctx, c.query).Scan(&got); err != nil || got != c.want {
			t.Errorf("%s: %s = %q (%v), want %q", c.name, c.query, got, err, c.want)
		}
	}
}
