package dbcopy_test

import (
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/dbcopy"
)

// PostgreSQL cuts identifiers at 63 bytes; the copy shortens a longer
// name itself (54 bytes and a hash). Two source names must never become
// one target name: a long name whose shortened form is another source
// name spelled out, two long names whose hashes agree (FNV-32a of these
// two 64-byte names is the same), or a view's and a table's.
func TestLongNamesNeverCollide(t *testing.T) {
	const (
		collA = "customer_customer_customer_customer_customer_customer_ab00724246"
		collB = "customer_customer_customer_customer_customer_customer_ab01465780"
	)
	long := strings.Repeat("a", 60) + "xyz1"
	m, err := dbcopy.LoadMapping("")
	if err != nil {
		t.Fatal(err)
	}
	col := func(name string) *dbcopy.Column {
		return &dbcopy.Column{Name: name, DataType: "int", ColumnType: "int(11)", Nullable: true}
	}
	probe := &dbcopy.Schema{Engine: "mysql", Tables: []*dbcopy.Table{{Name: long, Columns: []*dbcopy.Column{col("id")}}}}
	if err := m.Apply(probe); err != nil {
		t.Fatal(err)
	}
	spelled := probe.Tables[0].Target // the shortened form of long, as a source name of its own
	s := &dbcopy.Schema{Engine: "mysql",
		Tables: []*dbcopy.Table{
			{Name: long, Columns: []*dbcopy.Column{col("id"), col(collA), col(collB), col(spelled)}},
			{Name: spelled, Columns: []*dbcopy.Column{col("id")}},
			{Name: collA, Columns: []*dbcopy.Column{col("id")}},
			{Name: collB, Columns: []*dbcopy.Column{col("id")}},
		},
		Views: []*dbcopy.View{{Name: collA + "_v", Source: "select 1"}, {Name: collB + "_v", Source: "select 1"}},
	}
	if err := m.Apply(s); err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	check := func(scope, source, target string) {
		t.Helper()
		if len(target) > 63 || target == "" {
			t.Errorf("%s %q -> %q: not a PostgreSQL identifier", scope, source, target)
		}
		if prev, ok := seen[scope+"\x00"+target]; ok {
			t.Errorf("%s %q and %q both become %q", scope, prev, source, target)
		}
		seen[scope+"\x00"+target] = source
	}
	for _, tb := range s.Tables {
		check("relation", tb.Name, tb.Target)
		for _, c := range tb.Columns {
			check("column of "+tb.Name, c.Name, c.Target)
		}
	}
	for _, v := range s.Views {
		check("relation", v.Name, v.Target)
	}
	if s.Tables[1].Target != spelled {
		t.Errorf("table %q renamed %q: a name PostgreSQL keeps must stay", spelled, s.Tables[1].Target)
	}
	if s.Tables[0].Columns[3].Target != spelled {
		t.Errorf("column %q renamed %q: a name PostgreSQL keeps must stay", spelled, s.Tables[0].Columns[3].Target)
	}
	// Deterministic: the same schema names its targets the same way again.
	first := s.Tables[2].Target + " " + s.Tables[3].Target + " " + s.Views[0].Target + " " + s.Views[1].Target
	if err := m.Apply(s); err != nil {
		t.Fatal(err)
	}
	if again := s.Tables[2].Target + " " + s.Tables[3].Target + " " + s.Views[0].Target + " " + s.Views[1].Target; again != first {
		t.Errorf("targets %q, then %q", first, again)
	}
}
