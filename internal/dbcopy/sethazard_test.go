package dbcopy

import (
	"strings"
	"testing"
)

// TestSetEmptyMemberHazard: a SET declaring the empty string loses that member in the
// text MySQL writes (bits of the empty string and 'sso' read 'sso'); the plan must say so,
// naming the bit to look for, and say nothing for other SETs.
func TestSetEmptyMemberHazard(t *testing.T) {
	for _, c := range []struct {
		values []string
		want   string // "" for no hazard
	}{
		{[]string{"", "sso", "audit"}, "`features` & 1"},
		{[]string{"sso", "", "audit"}, "`features` & 2"},
		{[]string{"sso", "audit"}, ""},
	} {
		tb := &Table{Name: "tenant", Target: "tenant", Columns: []*Column{{Name: "features", Target: "features", DataType: "set", Values: c.values}}}
		var got string
		for _, h := range schemaHazards(&Schema{Tables: []*Table{tb}}) {
			if h.Kind == "set_empty_member" {
				got = h.Detail
			}
		}
		if (c.want == "") != (got == "") || !strings.Contains(got, c.want) {
			t.Errorf("SET%q: hazard %q, want one naming %q", c.values, got, c.want)
		}
	}
	if noteDetails["set_value"] == "" {
		t.Error("the set_value note has no detail: plan prints an empty line for it")
	}
}
