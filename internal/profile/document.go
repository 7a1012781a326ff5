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
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// Decode validates data as a JSON Resume v1.0.0 document (plus Parley's rule
// that basics.name is set) and returns it. Errors:
//   - apperr.TooLarge past MaxDocumentBytes;
//   - apperr.Malformed for invalid UTF-8 or JSON syntax, with line and column;
//   - apperr.Invalid listing every problem (up to MaxProblems) in Fields, each
//     with its JSON path, e.g. work[2].startDate: "2019-13" is not a date
//     (YYYY, YYYY-MM or YYYY-MM-DD).
//
// Unknown fields inside sections are kept in Raw, unchecked, as the schema
// allows; at the top level, which the schema closes, only keys starting
// with "x-" are kept and others are refused (most are misspelt sections).
// Strings are kept as given (not trimmed). A leading UTF-8 byte order mark
// is skipped: it is encoding, not content.
func Decode(data []byte) (*Document, error) {
	if len(data) > MaxDocumentBytes {
		return nil, tooLarge(len(data))
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	var probs problems
	tree, err := parseTree(data, &probs)
	if err != nil {
		return nil, err
	}
	validate(tree, &probs)
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
	doc := &Document{Raw: raw}
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
