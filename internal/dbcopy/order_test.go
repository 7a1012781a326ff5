package dbcopy

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLevels(t *testing.T) {
	schema := func(names ...string) *Schema {
		s := &Schema{}
		for _, n := range names {
			s.Tables = append(s.Tables, &Table{Name: n})
		}
		return s
	}
	cases := []struct {
		name string
		s    *Schema
		deps map[string][]string
		want [][]string
	}{
		{"parley", schema("messages", "profile_versions", "profiles", "sessions", "users"),
			map[string][]string{"messages": {"sessions"}, "sessions": {"profiles"}, "profile_versions": {"profiles"}},
			[][]string{{"profiles", "users"}, {"profile_versions", "sessions"}, {"messages"}}},
		{"no keys", schema("b", "a"), nil, [][]string{{"a", "b"}}},
		{"cycle after a root", schema("a", "b", "root"), map[string][]string{"a": {"b", "root"}, "b": {"a"}},
			[][]string{{"root"}, {"a", "b"}}},
	}
	for _, c := range cases {
		if d := cmp.Diff(c.want, levels(c.s, c.deps)); d != "" {
			t.Errorf("%s (-want +got):\n%s", c.name, d)
		}
	}
}
