package profile

import (
	"encoding/json"
	"fmt"
	"strings"
)

// The schema's top level is closed. A key it does not name is most often a
// section under another name, which Decode reads as the v1.0.0 section when
// the meaning is plain, or else leaves out, with a Note either way, so that
// the author sees what was not stored instead of a refused import.

// synonym is a top-level key résumés use for a v1.0.0 section.
type synonym struct {
	key     string // as written, e.g. "certifications"
	section string // the v1.0.0 section it is read as
}

// sectionSynonyms is short on purpose: only names whose items, when they
// have the v1.0.0 section's fields, can mean nothing else.
//   - hobbies: the schema's own name for interests until 2014-07-30
//     (resume-schema change log: "hobbies was renamed to interests").
//   - certifications: how most people name certificates (asked for as
//     "certifications" in resume-schema issues #32, #177, #235 before
//     v1.0.0 added the section as "certificates").
//   - honors, achievements: LinkedIn's "Honors & Awards" and the common
//     heading; read as awards only when the items carry awards' fields.
//
// "bio" (a string) is read as basics.summary (see readBio): the 2014 "bio"
// object, renamed basics, had other fields and is not read.
var sectionSynonyms = []synonym{
	{"certifications", "certificates"},
	{"hobbies", "interests"},
	{"honors", "awards"},
	{"achievements", "awards"},
}

func synonymOf(key string) (synonym, bool) {
	for _, s := range sectionSynonyms {
		if s.key == key {
			return s, true
		}
	}
	return synonym{}, false
}

// notStored ends the note of a top-level key that is left out.
const notStored = "ignored, not stored (put extra data in meta, or under a key starting with \"x-\")"

// unknownSection reads the top-level key k that the schema does not name:
// as a v1.0.0 section when it is one by another name, else left out.
// n is the top-level schema node.
func (w *walker) unknownSection(n *node, obj map[string]any, k string) {
	w.push(segment{key: k})
	defer w.pop()
	if k == "bio" {
		w.readBio(obj)
		return
	}
	syn, ok := synonymOf(k)
	if !ok {
		msg := "not a JSON Resume v1.0.0 section"
		if near := nearestSection(n, k); near != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", near)
		}
		w.leaveOut(obj, k, msg)
		return
	}
	if _, set := obj[syn.section]; set {
		w.leaveOut(obj, k, fmt.Sprintf("not read as %s, which is also set", syn.section))
		return
	}
	section := n.prop(syn.section)
	if why := misfit(section.items, obj[k]); why != "" {
		w.leaveOut(obj, k, fmt.Sprintf("not read as %s: %s", syn.section, why))
		return
	}
	// Checked where the document wrote it, so problems name that path.
	before := w.probs.total
	out, _ := w.check(section, obj[k])
	if w.probs.total > before && !w.strict {
		return // strict mode refuses the name too, so that every change is listed
	}
	delete(obj, k)
	obj[syn.section] = out
	w.note("read as %s (the JSON Resume v1.0.0 section)", syn.section)
}

// misfit says why v is not a list of items of the section whose items are
// described by item (each an object with at least one of its fields), or "".
func misfit(item *node, v any) string {
	arr, ok := v.([]any)
	if !ok {
		return fmt.Sprintf("it is %s, not an array", jsonType(v))
	}
	for i, it := range arr {
		obj, ok := it.(map[string]any)
		if !ok {
			return fmt.Sprintf("item %d is %s, not an object", i, jsonType(it))
		}
		if !hasAnyField(item, obj) {
			return fmt.Sprintf("item %d has none of its fields (%s)", i, fieldNames(item))
		}
	}
	return ""
}

func hasAnyField(n *node, obj map[string]any) bool {
	for _, p := range n.props {
		if _, ok := obj[p.name]; ok {
			return true
		}
		if old := n.legacyOf(p.name); old != "" {
			if _, ok := obj[old]; ok {
				return true
			}
		}
	}
	return false
}

func fieldNames(n *node) string {
	names := make([]string, len(n.props))
	for i, p := range n.props {
		names[i] = p.name
	}
	return strings.Join(names, ", ")
}

// readBio reads a top-level "bio" string as basics.summary when basics is
// an object without a summary.
func (w *walker) readBio(obj map[string]any) {
	bio, ok := obj["bio"].(string)
	if !ok {
		w.leaveOut(obj, "bio", fmt.Sprintf("not read as basics.summary: it is %s, not a string", jsonType(obj["bio"])))
		return
	}
	basics, ok := obj["basics"].(map[string]any)
	if !ok {
		w.leaveOut(obj, "bio", "not read as basics.summary: basics is not an object")
		return
	}
	if s, set := basics["summary"].(string); set && s != "" {
		w.leaveOut(obj, "bio", "not read as basics.summary, which is also set")
		return
	}
	delete(obj, "bio")
	basics["summary"] = bio
	w.note("read as basics.summary (the JSON Resume v1.0.0 field)")
}

// leaveOut drops the top-level key k, saying why.
func (w *walker) leaveOut(obj map[string]any, k, why string) {
	delete(obj, k)
	w.note("%s; %s", why, notStored)
}

// nearestSection returns the section whose name k misspells (at most two
// edits off, ignoring case), or "".
func nearestSection(n *node, k string) string {
	const limit = 2
	key := []rune(strings.ToLower(k))
	best, bestD := "", limit+1
	for _, p := range n.props {
		if d := editDistance(key, []rune(p.name), limit); d < bestD {
			best, bestD = p.name, d
		}
	}
	return best
}

// numberAsString reads a JSON number where the schema wants a string as
// its JSON text, as written (5551234 as "5551234", 3.8 as "3.8").
func (w *walker) numberAsString(num json.Number) string {
	s := string(num)
	w.note("the number %s read as the string %q (JSON Resume v1.0.0 wants a string)", s, s)
	return s
}

// numberFits reports whether a number means what a string of kind k would:
// any number for plain text (a phone, a postal code, a score), a year for
// a date. A number is never an e-mail address or a URL.
func numberFits(k kind, num json.Number) bool {
	switch k {
	case kindString:
		return true
	case kindDate:
		_, err := ParseDate(string(num))
		return err == nil
	}
	return false
}
