package dbcopy

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseChecks(t *testing.T) {
	tests := []struct {
		def  string
		want []Check
	}{
		{`CREATE TABLE t (id INTEGER PRIMARY KEY, age INT CHECK (age >= 0), CONSTRAINT named CHECK(id > 0))`,
			[]Check{{"check1", "age >= 0"}, {"named", "id > 0"}}},
		{`CREATE TABLE t (a TEXT DEFAULT 'CHECK (x)', "check" INT, b INT CONSTRAINT "q ""n""" CHECK (b IN (1, (2))) -- CHECK (no)
			)`, []Check{{`q "n"`, "b IN (1, (2))"}}},
		{`CREATE TABLE t (s TEXT CHECK (s <> ')'), [check] INT)`, []Check{{"check1", "s <> ')'"}}},
		{`CREATE TABLE t (id INTEGER PRIMARY KEY) /* CHECK (1) */`, nil},
	}
	for _, tt := range tests {
		if d := cmp.Diff(tt.want, parseChecks(tt.def)); d != "" {
			t.Errorf("parseChecks(%q) (-want +got):\n%s", tt.def, d)
		}
	}
}

func TestParseDeferrable(t *testing.T) {
	tests := []struct {
		def  string
		want []string
	}{
		{`CREATE TABLE t (a INT REFERENCES p(id) NOT NULL, b INT REFERENCES p (x) DEFERRABLE INITIALLY DEFERRED,
			c INT, FOREIGN KEY (c) REFERENCES "p" NOT DEFERRABLE, FOREIGN KEY (c) REFERENCES p(x) ON DELETE CASCADE DEFERRABLE INITIALLY IMMEDIATE)`,
			[]string{"", "DEFERRABLE INITIALLY DEFERRED", "", "DEFERRABLE"}},
		{`CREATE TABLE t (a TEXT DEFAULT 'REFERENCES x DEFERRABLE', b INT /* REFERENCES p */)`, nil},
	}
	for _, tt := range tests {
		if d := cmp.Diff(tt.want, parseDeferrable(tt.def)); d != "" {
			t.Errorf("parseDeferrable(%q) (-want +got):\n%s", tt.def, d)
		}
	}
}

// FuzzSQLiteDefinition: the CREATE TABLE readers take any text sqlite_master
// can hold without panicking, and a CHECK's expression is cut from the text.
func FuzzSQLiteDefinition(f *testing.F) {
	for _, s := range []string{
		`CREATE TABLE t (id INTEGER PRIMARY KEY, age INT CHECK (age >= 0), CONSTRAINT named CHECK(id > 0))`,
		`CREATE TABLE t (a TEXT DEFAULT 'CHECK (x)', "check" INT, b INT CONSTRAINT "q ""n""" CHECK (b IN (1, (2))) -- CHECK (no)
			)`,
		`CREATE TABLE t (s TEXT CHECK (s <> ')'), [check] INT) /* CHECK (1) */`,
		`CREATE TABLE t (a INT REFERENCES p(id) DEFERRABLE INITIALLY DEFERRED, FOREIGN KEY (a) REFERENCES "p" NOT DEFERRABLE)`,
		`CREATE TABLE t (a CHECK (`, `CREATE TABLE t (a INT REFERENCES`, `"`, `[`, `/*`, `--`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, def string) {
		for _, c := range parseChecks(def) {
			if !strings.Contains(def, c.Clause) {
				t.Errorf("check %q: expression not in the definition", c.Clause)
			}
		}
		_ = parseDeferrable(def)
	})
}

func TestParseOnConflict(t *testing.T) {
	for _, tc := range []struct{ def, want string }{
		{`CREATE TABLE t (id INTEGER PRIMARY KEY, label TEXT UNIQUE ON CONFLICT REPLACE)`, "UNIQUE ON CONFLICT REPLACE"},
		{`CREATE TABLE t (id INTEGER PRIMARY KEY ON CONFLICT IGNORE, n TEXT NOT NULL ON CONFLICT ABORT)`, "PRIMARY KEY ON CONFLICT IGNORE"},
		{`CREATE TABLE t (a, b, UNIQUE (a, b) ON CONFLICT FAIL, c NOT NULL on conflict rollback)`, "UNIQUE ON CONFLICT FAIL,NOT NULL ON CONFLICT ROLLBACK"},
		{`CREATE TABLE t (note TEXT DEFAULT 'on conflict replace')`, ""},
	} {
		if got := strings.Join(parseOnConflict(tc.def), ","); got != tc.want {
			t.Errorf("parseOnConflict(%q) = %q, want %q", tc.def, got, tc.want)
		}
	}
}
