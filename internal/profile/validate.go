package profile

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// validate checks the decoded tree against resumeSchema and Parley's own
// rules, adding one problem per broken value. It also rewrites the tree
// into its v1.0.0 shape where the document says something unambiguous in
// another way (legacy.go), adding one note per change.
func validate(root any, probs *problems, ns *notes, strict bool) {
	obj, ok := root.(map[string]any)
	if !ok {
		probs.add("", "the document must be a JSON object, not %s", jsonType(root))
		return
	}
	w := walker{probs: probs, notes: ns, strict: strict}
	w.object(resumeSchema, obj)
	requireName(obj, probs)
}

// walker carries the path of the value being checked.
type walker struct {
	probs  *problems
	notes  *notes
	strict bool // changes are problems, not notes
	path   []segment
}

func (w *walker) add(format string, args ...any) {
	w.probs.add(renderPath(w.path), format, args...)
}

// note reports a change made to read the document as v1.0.0.
func (w *walker) note(format string, args ...any) {
	if w.strict {
		w.add("%s, but strict mode accepts only JSON Resume v1.0.0 as written", fmt.Sprintf(format, args...))
		return
	}
	w.warn(format, args...)
}

// warn reports something read as written that the author may not expect.
func (w *walker) warn(format string, args ...any) {
	w.notes.add(renderPath(w.path), format, args...)
}

func (w *walker) push(s segment) { w.path = append(w.path, s) }
func (w *walker) pop()           { w.path = w.path[:len(w.path)-1] }

// check checks v against n and returns the value to keep in its place, and
// false when the field is to be left out.
func (w *walker) check(n *node, v any) (any, bool) {
	switch n.kind {
	case kindArray:
		arr, ok := v.([]any)
		if !ok {
			w.add("must be an array, not %s", jsonType(v))
			return v, true
		}
		// Judged before checking: a date check turns {"endDate": ""} into {}.
		arr = w.dropEmptyItems(arr)
		for i, item := range arr {
			w.push(segment{index: i, isIndex: true})
			// An item cannot be left out (only a field can).
			arr[i], _ = w.check(n.items, item)
			w.pop()
		}
		if n.items.kind == kindObject {
			arr = w.dropRepeatedItems(arr)
		} else if last := w.path[len(w.path)-1]; last.key == "highlights" {
			arr = w.splitListLines(arr)
		}
		return arr, true
	case kindObject:
		obj, ok := v.(map[string]any)
		if !ok {
			w.add("must be an object, not %s", jsonType(v))
			return v, true
		}
		w.object(n, obj)
	default:
		s, ok := v.(string)
		if num, isNum := v.(json.Number); isNum && numberFits(n.kind, num) {
			s, ok = w.numberAsString(num), true
			v = s
		}
		if !ok {
			w.add("must be a string, not %s", jsonType(v))
			return v, true
		}
		if n.kind == kindDate {
			if last := w.path[len(w.path)-1]; !last.isIndex {
				d, keep := w.readDate(last.key, s)
				if d == s {
					return v, keep // the same value: no new interface to allocate
				}
				return d, keep
			}
		}
		if msg := checkFormat(n.kind, s); msg != "" {
			w.add("%s", msg)
		}
	}
	return v, true
}

func (w *walker) object(n *node, obj map[string]any) {
	if !n.closed { // the top level leaves unknown keys out (sections.go)
		w.readKeyCases(n, obj)
	}
	for _, p := range n.props {
		w.field(n, p, obj)
	}
	if n.prop("startDate") != nil {
		w.warnDatesOutOfOrder(obj)
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
		w.unknownSection(n, obj, k)
	}
}

// field checks the property p of obj, read under its pre-1.0 name when
// only that is there. A null field is read as not given.
func (w *walker) field(n *node, p prop, obj map[string]any) {
	key := p.name
	v, ok := obj[key]
	if ok && v == nil {
		w.push(segment{key: key})
		w.dropNull(obj, key)
		w.pop()
		ok = false
	}
	if old := n.legacyOf(p.name); old != "" {
		if ov, has := obj[old]; has && ok {
			w.push(segment{key: old})
			w.warn("not read: %s is also set and wins (JSON Resume v1.0.0 name); kept unchanged as an extra field", p.name)
			w.pop()
		} else if has {
			key, v, ok = old, ov, true
		}
	}
	if !ok {
		return
	}
	w.push(segment{key: key})
	defer w.pop()
	if v == nil {
		w.dropNull(obj, key)
		return
	}
	before := w.probs.total
	out, keep := w.check(p.node, v)
	switch {
	case key == p.name:
	case w.probs.total > before && !w.strict:
		// Reported under the name the document used; left where it was.
		// Strict mode goes on to refuse the name too, listing every change.
		return
	default:
		delete(obj, key)
		key = p.name
		w.note("read as %s (JSON Resume v1.0.0 name)", p.name)
	}
	if keep {
		obj[key] = out
	} else {
		delete(obj, key)
	}
}

// dropNull leaves out a null field: tools write null for "not given",
// which v1.0.0 says by leaving the field out.
func (w *walker) dropNull(obj map[string]any, key string) {
	delete(obj, key)
	w.note("null, read as not given (JSON Resume v1.0.0 leaves the field out)")
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
