package profile

import (
	"slices"
	"strings"
)

// validate checks the decoded tree against resumeSchema and Parley's own
// rules, adding one problem per broken value.
func validate(root any, probs *problems) {
	obj, ok := root.(map[string]any)
	if !ok {
		probs.add("", "the document must be a JSON object, not %s", jsonType(root))
		return
	}
	w := walker{probs: probs}
	w.object(resumeSchema, obj)
	requireName(obj, probs)
}

// walker carries the path of the value being checked.
type walker struct {
	probs *problems
	path  []segment
}

func (w *walker) add(format string, args ...any) {
	w.probs.add(renderPath(w.path), format, args...)
}

func (w *walker) check(n *node, v any) {
	switch n.kind {
	case kindArray:
		arr, ok := v.([]any)
		if !ok {
			w.add("must be an array, not %s", jsonType(v))
			return
		}
		for i, item := range arr {
			w.path = append(w.path, segment{index: i, isIndex: true})
			w.check(n.items, item)
			w.path = w.path[:len(w.path)-1]
		}
	case kindObject:
		obj, ok := v.(map[string]any)
		if !ok {
			w.add("must be an object, not %s", jsonType(v))
			return
		}
		w.object(n, obj)
	default:
		s, ok := v.(string)
		if !ok {
			w.add("must be a string, not %s", jsonType(v))
			return
		}
		if msg := checkFormat(n.kind, s); msg != "" {
			w.add("%s", msg)
		}
	}
}

func (w *walker) object(n *node, obj map[string]any) {
	for _, p := range n.props {
		v, ok := obj[p.name]
		if !ok {
			continue
		}
		w.path = append(w.path, segment{key: p.name})
		w.check(p.node, v)
		w.path = w.path[:len(w.path)-1]
	}
	if !n.closed {
		return
	}
	var unknown []string
	for k := range obj {
		if n.prop(k) == nil && !strings.HasPrefix(k, extensionPrefix) {
			unknown = append(unknown, k)
		}
	}
	slices.Sort(unknown)
	for _, k := range unknown {
		w.path = append(w.path, segment{key: k})
		w.add("is not a JSON Resume v1.0.0 section (put extra data in meta, or under a key starting with %q)", extensionPrefix)
		w.path = w.path[:len(w.path)-1]
	}
}

// checkFormat returns why s is not of kind k, or "".
func checkFormat(k kind, s string) string {
	switch k {
	case kindDate:
		if _, err := ParseDate(s); err != nil {
			return dateMessage(s)
		}
	case kindEmail:
		return checkEmail(s)
	case kindURI:
		return checkURI(s)
	}
	return ""
}

// requireName is Parley's own rule on top of the schema: a profile must say
// whose it is, or the assistant cannot name the person it talks about.
func requireName(root map[string]any, probs *problems) {
	basics, present := root["basics"]
	if !present {
		probs.add("basics.name", "is required (Parley must be able to name the person)")
		return
	}
	obj, ok := basics.(map[string]any)
	if !ok {
		return // already reported as a type error
	}
	name, present := obj["name"]
	if !present {
		probs.add("basics.name", "is required (Parley must be able to name the person)")
		return
	}
	if s, ok := name.(string); ok && strings.TrimSpace(s) == "" {
		probs.add("basics.name", "must not be empty (Parley must be able to name the person)")
	}
}
