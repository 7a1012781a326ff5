package profile

import (
	"reflect"
	"strings"
)

// Résumé builders export lists in ways the v1.0.0 shape does not mean: the
// same job twice (a form saved twice, or one entry per "Present" spelling),
// and a whole bulleted list pasted into one highlight ("• Led X\n• Cut
// Y"). Kept, replies list the job twice and quote the bullets as one
// sentence. Decode reads them as they are meant, with a Note (in strict
// mode, a change refused like the others).

// dropRepeatedItems leaves out an object equal to an earlier one in arr,
// judged after each was read as v1.0.0 (so "Present" and "present" agree).
func (w *walker) dropRepeatedItems(arr []any) []any {
	if len(arr) < 2 {
		return arr
	}
	kept := arr[:0]
	for i, item := range arr {
		obj, ok := item.(map[string]any)
		if ok && len(obj) > 0 && repeats(kept, obj) {
			w.push(segment{index: i, isIndex: true})
			w.note("the same as an earlier entry; left out")
			w.pop()
			continue
		}
		kept = append(kept, item)
	}
	return kept
}

func repeats(kept []any, obj map[string]any) bool {
	for _, k := range kept {
		if reflect.DeepEqual(k, obj) {
			return true
		}
	}
	return false
}

// bulletMarks are what list lines start with in text pasted from a
// document or a builder's rich-text box.
var bulletMarks = []string{"•", "·", "▪", "◦", "‣", "●", "-", "*", "–", "—"}

// splitListLines reads each highlight that holds several lines as one
// highlight per line, without its bullet mark: "• Led X\n• Cut Y" is two.
// A highlight of one line is kept as written, bullet and all.
func (w *walker) splitListLines(arr []any) []any {
	var out []any
	split := 0
	for i, item := range arr {
		s, ok := item.(string)
		lines := listLines(s)
		if !ok || len(lines) < 2 {
			if out != nil {
				out = append(out, item)
			}
			continue
		}
		if out == nil {
			out = append(make([]any, 0, len(arr)+len(lines)), arr[:i]...)
		}
		for _, l := range lines {
			out = append(out, l)
		}
		split++
	}
	if out == nil {
		return arr
	}
	w.note("%d %s of several lines read as one highlight per line", split, plural(split, "highlight", "highlights"))
	return out
}

// listLines returns the non-blank lines of s without their bullet marks,
// or nil when s has fewer than two.
func listLines(s string) []string {
	if !strings.ContainsAny(s, "\n\r") {
		return nil
	}
	var out []string
	for _, l := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' }) {
		if l = unbullet(l); l != "" {
			out = append(out, l)
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// unbullet is a line without its leading bullet mark and spaces. A mark
// must be followed by a space: "-5% churn" and "*nix" keep theirs.
func unbullet(l string) string {
	l = strings.TrimSpace(l)
	for _, m := range bulletMarks {
		if rest, ok := strings.CutPrefix(l, m); ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
			return strings.TrimSpace(rest)
		}
	}
	return l
}
