package dbcopy

import (
	"strings"
	"testing"
)

func TestDisplayKey(t *testing.T) {
	tbl := &Table{Columns: []*Column{{Name: "a"}, {Name: "b c"}, {Name: "v"}}, PK: []string{"a", "b c"}}
	var sb strings.Builder
	for _, tc := range []struct {
		name string
		vals []any
		want string
	}{
		{"plain", []any{int64(42), "x", nil}, "a=42 b c=x"},
		{"space and empty quoted", []any{int64(1), "p q", nil}, `a=1 b c="p q"`},
		{"empty", []any{int64(1), "", nil}, `a=1 b c=""`},
		{"NULL key part and the text NULL", []any{nil, "NULL", nil}, `a=NULL b c="NULL"`},
		{"a value that looks like the encoding", []any{int64(7), "V1:x N;", nil}, `a=7 b c="V1:x N;"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, c := range tbl.Columns {
				c.conv = converters["text"]
			}
			tbl.Columns[0].conv = converters["int"]
			key := normRow(tbl, tc.vals, &sb)
			if got := displayKey(tbl, key); got != tc.want {
				t.Errorf("displayKey(%q) = %q, want %q", key, got, tc.want)
			}
		})
	}
	if got := displayKey(tbl, "garbage"); got != "garbage" {
		t.Errorf("unparsable key = %q, want it unchanged", got)
	}
}
