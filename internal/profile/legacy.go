package profile

import (
	"fmt"
	"strings"
	"time"
)

// Résumés in the wild are often written for the schema before v1.0.0
// (jsonresume registry gists, older resume-cli exports) or by tools that
// write dates their own way. Decode reads the unambiguous cases as the
// v1.0.0 document they mean, says so in a Note for each, and keeps its
// error for everything else. The stored document is the v1.0.0 one, so the
// public profile and the engine only ever see v1.0.0 names.

// alias is a pre-1.0 property name and the v1.0.0 name it became
// (resume-schema v0.0.17: company -> name, website -> url, picture -> image;
// languages' name/level -> language/fluency; meta.url -> canonical; gpa -> score).
type alias struct{ old, new string }

// website is the most common one: every "url" was once "website".
var website = alias{"website", "url"}

// legacyNames adds aliases to an object node.
func legacyNames(n *node, aliases ...alias) *node {
	n.legacy = append(n.legacy, aliases...)
	return n
}

// legacyOf returns the pre-1.0 name of prop in n, or "".
func (n *node) legacyOf(prop string) string {
	for _, a := range n.legacy {
		if a.new == prop {
			return a.old
		}
	}
	return ""
}

// Note is one thing Decode read differently from how the document wrote it,
// at its JSON path: a pre-1.0 field name, an empty or open-ended date, a
// date-time. Notes are warnings, not errors: the document was imported.
type Note struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// String renders "path: message".
func (n Note) String() string {
	if n.Path == "" {
		return n.Message
	}
	return n.Path + ": " + n.Message
}

// MaxNotes bounds the notes one Decode lists (the last one then says how
// many more there were), as MaxProblems bounds errors.
const MaxNotes = MaxProblems

// notes collects Notes in the order they are found.
type notes struct {
	list  []Note
	total int
}

func (ns *notes) add(path, format string, args ...any) {
	ns.total++
	if len(ns.list) < MaxNotes {
		ns.list = append(ns.list, Note{Path: path, Message: fmt.Sprintf(format, args...)})
	}
}

// result returns the listed notes, with a last one counting those left out.
func (ns *notes) result() []Note {
	if ns.total > len(ns.list) {
		return append(ns.list, Note{Message: fmt.Sprintf("%d more changes like these (not listed)", ns.total-len(ns.list))})
	}
	return ns.list
}

// openEndWords are what résumés write for "still doing it" in an endDate;
// v1.0.0 says it by leaving endDate out.
var openEndWords = []string{"present", "current", "now", "ongoing"}

func isOpenEndWord(s string) bool {
	s = strings.TrimSpace(s)
	for _, w := range openEndWords {
		if strings.EqualFold(s, w) {
			return true
		}
	}
	return false
}

// dateTimeLayouts are the ISO 8601 date-times tools write (JavaScript's
// toISOString among them); Decode keeps their date as written, without
// moving it to another time zone.
var dateTimeLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02T15:04"}

// dateOfDateTime returns the date part of an ISO 8601 date-time, or "" when
// s is not one.
func dateOfDateTime(s string) string {
	if len(s) <= len("2006-01-02") || s[10] != 'T' {
		return ""
	}
	if _, err := ParseDate(s[:10]); err != nil {
		return ""
	}
	for _, layout := range dateTimeLayouts {
		if _, err := time.Parse(layout, s); err == nil {
			return s[:10]
		}
	}
	return ""
}

// readDate reads the value of the date field named field. It returns the
// v1.0.0 value and whether to keep the field at all; on a date it cannot
// read it reports the problem and keeps the value unchanged.
func (w *walker) readDate(field, s string) (string, bool) {
	if _, err := ParseDate(s); err == nil {
		return s, true
	}
	switch {
	case strings.TrimSpace(s) == "":
		w.note("empty, read as not given (JSON Resume v1.0.0 leaves the field out)")
		return "", false
	case isOpenEndWord(s) && field == "endDate":
		w.note("%q read as no end date (still going on: JSON Resume v1.0.0 leaves endDate out)", s)
		return "", false
	case isOpenEndWord(s):
		w.add("%s; only an endDate can be open-ended", dateMessage(s))
		return s, true
	}
	if d := dateOfDateTime(s); d != "" {
		w.note("%q read as %q (the date of a date-time, as written)", s, d)
		return d, true
	}
	if d, ok := w.readToolDate(s); ok {
		return d, true
	}
	w.add("%s", dateMessage(s))
	return s, true
}
