package profile

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"github.com/parleyhq/parley/internal/apperr"
)

// MaxDocumentBytes is the largest JSON Resume document Decode accepts, and
// the largest its canonical form may be. Real résumés are a few kilobytes;
// the bound keeps one upload from costing much memory or time.
const MaxDocumentBytes = 1 << 20

// Document is a validated JSON Resume document.
type Document struct {
	// Resume is the typed view of the schema's fields.
	Resume Resume
	// Raw is the document re-encoded as canonical JSON: compact, object keys
	// sorted, numbers and strings as given, unknown fields kept. It is what
	// gets stored; Decode(Raw) gives the same Document.
	Raw []byte
	// Hash is the hex SHA-256 of Raw, so the same document sent again, even
	// with other whitespace or key order, has the same Hash.
	Hash string
	// Notes lists what was read differently from how the source wrote it
	// (pre-1.0 field names, empty or open-ended dates, date-times, a number
	// for text, a section under another name) or left out (another unknown
	// top-level key), each with its JSON path in the source; Raw holds the
	// document as read, so Decode(Raw) has no such notes. One note changes
	// nothing: a pre-1.0 name next to its v1.0.0 one is not read, and is
	// kept as an extra field.
	Notes []Note
}

// DecodeOptions change how Decode reads a document.
type DecodeOptions struct {
	// Strict refuses what would be read differently from how it is
	// written: only documents that are JSON Resume v1.0.0 as written pass.
	Strict bool
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// Decode validates data as a JSON Resume v1.0.0 document (plus Parley's rule
// that basics.name is set) and returns it. What a pre-1.0 or tool-written
// document says unambiguously in another way is read as v1.0.0, with a Note
// each (see legacy.go and sections.go): "company" as "name", "endDate": ""
// or "Present" as no end date, "2019-02-01T00:00:00Z" as "2019-02-01",
// "phone": 5551234 as "5551234", "certifications" as "certificates". Errors:
//   - apperr.TooLarge past MaxDocumentBytes;
//   - apperr.Malformed for invalid UTF-8 or JSON syntax, with line and column;
//   - apperr.Invalid listing every problem (up to MaxProblems) in Fields, each
//     with its JSON path, e.g. work[2].startDate: "2019-13" is not a date
//     (YYYY, YYYY-MM or YYYY-MM-DD).
//
// Unknown fields inside sections are kept in Raw, unchecked, as the schema
// allows; at the top level, which the schema closes, only keys starting
// with "x-" are kept; others are read as the section they name (a few
// plain synonyms) or left out, each with a Note, since a misspelt section
// refused the whole import before and would be lost unseen if dropped.
// Strings are kept as given (not trimmed). A leading UTF-8 byte order mark
// is skipped: it is encoding, not content.
func Decode(data []byte) (*Document, error) {
	return DecodeWith(data, DecodeOptions{})
}

// DecodeWith is Decode with options. With Strict, each change a Note would
// report is a problem of the apperr.Invalid error instead.
func DecodeWith(data []byte, opts DecodeOptions) (*Document, error) {
	if len(data) > MaxDocumentBytes {
		return nil, tooLarge(len(data))
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	var probs problems
	var ns notes
	tree, err := parseTree(data, &probs, &ns, opts.Strict)
	if err != nil {
		return nil, err
	}
	validate(tree, &probs, &ns, opts.Strict)
	if err := probs.err(); err != nil {
		return nil, err
	}
	raw, err := encodeCanonical(tree)
	if err != nil {
		return nil, apperr.Wrap(apperr.Internal, err, "encode résumé")
	}
	// The canonical form can be longer than the input (the encoder escapes
	// U+2028 and U+2029); bounding it too keeps Decode(Raw) valid.
	if len(raw) > MaxDocumentBytes {
		return nil, tooLarge(len(raw))
	}
	doc := &Document{Raw: raw, Notes: ns.result()}
	if err := json.Unmarshal(raw, &doc.Resume); err != nil {
		// The tree was checked against the schema, so this is a bug.
		return nil, apperr.Wrap(apperr.Internal, err, "decode validated résumé")
	}
	sum := sha256.Sum256(raw)
	doc.Hash = hex.EncodeToString(sum[:])
	return doc, nil
}

func tooLarge(n int) error {
	return apperr.New(apperr.TooLarge, "the document is %d bytes; the limit is %d bytes (%d KiB)",
		n, MaxDocumentBytes, MaxDocumentBytes/1024)
}

// decodeGeneric reads trusted JSON (already validated) into the generic tree.
func decodeGeneric(raw []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("decode stored résumé: %w", err)
	}
	return v, nil
}
