package dbcopy

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCollisionRuleIsOneMappingLine: a key over two columns whose
// spellings collide names one rule line holding both columns; pasted into
// a mapping file it loads, with both columns mapped to text (two
// "columns:" lines would be a duplicate YAML key).
func TestCollisionRuleIsOneMappingLine(t *testing.T) {
	tests := []struct {
		name    string
		convert []string
		want    []string
	}{
		{"one column", []string{"timestamp", "int"}, []string{"slots.a"}},
		{"two columns", []string{"timestamp", "bool01"}, []string{"slots.a", "slots.b"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tb := &Table{Name: "slots"}
			for i, conv := range tc.convert {
				name := string(rune('a' + i))
				tb.Columns = append(tb.Columns, &Column{Name: name, Convert: conv, ruleKey: "slots." + name})
			}
			k := &keyCollisions{t: tb, cols: [][]int{{0, 1}}}
			hint := k.collisionRule(0)
			_, line, ok := strings.Cut(hint, "the line ")
			if !ok {
				t.Fatalf("no rule named: %q", hint)
			}
			line, _, _ = strings.Cut(line, " to copy")
			path := filepath.Join(t.TempDir(), "mapping.yaml")
			if err := os.WriteFile(path, []byte(line+"\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			m, err := LoadMapping(path)
			if err != nil {
				t.Fatalf("the named line %q does not load: %v", line, err)
			}
			if len(m.Columns) != len(tc.want) {
				t.Errorf("line %q maps %d columns, want %v", line, len(m.Columns), tc.want)
			}
			for _, key := range tc.want {
				if r, ok := m.Columns[key]; !ok || r.Target != "text" {
					t.Errorf("line %q: %s is %+v, want text", line, key, r)
				}
			}
		})
	}
}
