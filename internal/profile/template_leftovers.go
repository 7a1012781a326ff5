package profile

import (
	"reflect"
	"strings"
)

// Résumé builders export the entries a form had, filled or not: a work
// entry whose every field is "", a skill with keywords ["", "", "C++"].
// Kept, they become "an unnamed role" and ", , C++" in replies. Decode
// leaves them out with a Note; an entry with one word in it is kept.

// blankString reports "" or whitespace.
func blankString(v any) bool {
	s, ok := v.(string)
	return ok && strings.TrimSpace(s) == ""
}

// blankField reports a field that says nothing: a blank string, null, or an
// array of nothing but blank strings. Anything else (a number, an object, a
// wrong type) is left to the schema check.
func blankField(v any) bool {
	switch t := v.(type) {
	case nil:
		return true
	case []any:
		for _, e := range t {
			if !blankString(e) {
				return false
			}
		}
		return true
	}
	return blankString(v)
}

// blankEntry reports an object with fields, every one of them blank.
func blankEntry(v any) bool {
	obj, ok := v.(map[string]any)
	if !ok || len(obj) == 0 {
		// A bare {} is kept: it is what {"endDate": "Present"} is stored
		// as, and reading the stored document must not change it again.
		return false
	}
	for _, f := range obj {
		if !blankField(f) {
			return false
		}
	}
	return true
}

// dropEmptyItems returns arr without the items that say nothing, noting
// each left-out object and, once per array, the left-out strings.
func (w *walker) dropEmptyItems(arr []any) []any {
	blanks := 0
	kept := arr[:0]
	for i, item := range arr {
		switch {
		case blankEntry(item):
			w.push(segment{index: i, isIndex: true})
			w.note("every field is empty (a form left unfilled); left out")
			w.pop()
		case blankString(item):
			blanks++
		default:
			kept = append(kept, item)
		}
	}
	if blanks > 0 {
		w.note("%d empty %s left out", blanks, plural(blanks, "string", "strings"))
	}
	return kept
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// sameDuplicate reports a repeated key whose value is the same as the first
// one's ("languages": [] twice, as theme templates write): nothing is lost
// by keeping one, unlike two keys that disagree.
func sameDuplicate(first, again any) bool {
	return reflect.DeepEqual(first, again)
}
