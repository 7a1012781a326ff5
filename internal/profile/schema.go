package profile

// The JSON Resume v1.0.0 schema as a table
// (https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json).
// Every property of the schema is listed with its type and format; the
// walker in validate.go checks a decoded document against it and so can
// name each problem by its exact path. Objects other than the top level
// accept extra properties ("additionalProperties": true in the schema);
// those are kept, unchecked, in Document.Raw. Objects also name the pre-1.0
// spellings of their properties, read as the v1.0.0 ones (legacy.go).

// kind is what the schema says a value must be.
type kind uint8

const (
	kindString kind = iota // "type": "string"
	kindDate               // "$ref": "#/definitions/iso8601", plus a real calendar check
	kindEmail              // "format": "email" ("" allowed, as an unset field)
	kindURI                // "format": "uri" ("" allowed, as an unset field)
	kindArray              // "type": "array" with items
	kindObject             // "type": "object" with properties
)

// node describes one value of the schema.
type node struct {
	kind   kind
	items  *node   // kindArray
	props  []prop  // kindObject, in schema order (so problems come in a stable order)
	closed bool    // kindObject: "additionalProperties": false (but see extensionPrefix)
	legacy []alias // kindObject: pre-1.0 names of props, read as the v1.0.0 ones (legacy.go)
}

type prop struct {
	name string
	node *node
}

var (
	str   = &node{kind: kindString}
	date  = &node{kind: kindDate}
	email = &node{kind: kindEmail}
	uri   = &node{kind: kindURI}
	strs  = arrayOf(str)
)

func arrayOf(n *node) *node { return &node{kind: kindArray, items: n} }

// object builds an open object from alternating names and nodes.
func object(pairs ...any) *node {
	n := &node{kind: kindObject}
	for i := 0; i+1 < len(pairs); i += 2 {
		n.props = append(n.props, prop{name: pairs[i].(string), node: pairs[i+1].(*node)})
	}
	return n
}

func (n *node) prop(name string) *node {
	for _, p := range n.props {
		if p.name == name {
			return p.node
		}
	}
	return nil
}

// extensionPrefix marks top-level keys that Parley keeps although the
// schema's top level is closed ("additionalProperties": false): "x-theme",
// "x-import-id". Other unknown top-level keys are most often a section
// under another name ("certifications") or misspelt ("skill"): they are
// read as the section or left out, never silently (sections.go).
const extensionPrefix = "x-"

// resumeSchema is the whole document. Its top level is closed, as in the
// schema, except for extension keys (extensionPrefix).
var resumeSchema = func() *node {
	n := object(
		"$schema", uri,
		"basics", legacyNames(object(
			"name", str, "label", str, "image", str, "email", email, "phone", str,
			"url", uri, "summary", str,
			"location", object("address", str, "postalCode", str, "city", str,
				"countryCode", str, "region", str),
			"profiles", arrayOf(legacyNames(object("network", str, "username", str, "url", uri), website)),
		), website, alias{"picture", "image"}),
		"work", arrayOf(legacyNames(object("name", str, "location", str, "description", str,
			"position", str, "url", uri, "startDate", date, "endDate", date,
			"summary", str, "highlights", strs), website, alias{"company", "name"})),
		"volunteer", arrayOf(legacyNames(object("organization", str, "position", str, "url", uri,
			"startDate", date, "endDate", date, "summary", str, "highlights", strs), website)),
		"education", arrayOf(legacyNames(object("institution", str, "url", uri, "area", str,
			"studyType", str, "startDate", date, "endDate", date, "score", str,
			"courses", strs), website, alias{"gpa", "score"})),
		"awards", arrayOf(object("title", str, "date", date, "awarder", str, "summary", str)),
		"certificates", arrayOf(legacyNames(object("name", str, "date", date, "url", uri, "issuer", str), website)),
		"publications", arrayOf(legacyNames(object("name", str, "publisher", str, "releaseDate", date,
			"url", uri, "summary", str), website)),
		"skills", arrayOf(object("name", str, "level", str, "keywords", strs)),
		"languages", arrayOf(legacyNames(object("language", str, "fluency", str), alias{"name", "language"}, alias{"level", "fluency"})),
		"interests", arrayOf(object("name", str, "keywords", strs)),
		"references", arrayOf(object("name", str, "reference", str)),
		"projects", arrayOf(legacyNames(object("name", str, "description", str, "highlights", strs,
			"keywords", strs, "startDate", date, "endDate", date, "url", uri,
			"roles", strs, "entity", str, "type", str), website)),
		"meta", legacyNames(object("canonical", uri, "version", str, "lastModified", str), alias{"url", "canonical"}),
	)
	n.closed = true
	return n
}()
