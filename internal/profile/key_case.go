package profile

import (
	"slices"
	"strings"
)

// Exports write keys in other cases ("StartDate", "Position"). Go's JSON
// decoder matches field names without regard to case, so such a key, kept
// as an unchecked extra field, would reach the typed view unvalidated (a
// number there failed the import with an internal error). Decode reads it
// as the schema's name, with a Note, like a pre-1.0 name; when the
// schema's name is set too, that one wins and the other is left out.

// readKeyCases renames, in obj, keys that differ from a property of n
// only in case.
func (w *walker) readKeyCases(n *node, obj map[string]any) {
	var odd []string
	for k := range obj {
		if n.prop(k) == nil && n.propFold(k) != "" {
			odd = append(odd, k)
		}
	}
	slices.Sort(odd) // notes in a stable order
	for _, k := range odd {
		name := n.propFold(k)
		w.push(segment{key: k})
		if _, set := obj[name]; set {
			w.note("not read: %s is also set and wins; left out", name)
		} else {
			obj[name] = obj[k]
			w.note("read as %s (JSON Resume v1.0.0 name)", name)
		}
		delete(obj, k)
		w.pop()
	}
}

// propFold returns the property of n whose name equals k but for case, or "".
func (n *node) propFold(k string) string {
	for _, p := range n.props {
		if strings.EqualFold(p.name, k) {
			return p.name
		}
	}
	return ""
}
