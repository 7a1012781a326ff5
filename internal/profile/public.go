package profile

import (
	"fmt"
)

// Privacy is the owner's choice of which private fields may be shown. The
// zero value shares neither, the safe default.
type Privacy struct {
	SharePhone   bool // basics.phone
	ShareAddress bool // basics.location.address
}

// PublicJSON returns the canonical JSON of raw (a Document.Raw) without the
// private fields the owner has not chosen to share: basics.phone and
// basics.location.address. Everything else, unknown fields included, is
// kept. An error means raw is not JSON, which for stored documents is a bug.
func PublicJSON(raw []byte, opts Privacy) ([]byte, error) {
	tree, err := decodeGeneric(raw)
	if err != nil {
		return nil, fmt.Errorf("public json: %w", err)
	}
	if root, ok := tree.(map[string]any); ok {
		if basics, ok := root["basics"].(map[string]any); ok {
			if !opts.SharePhone {
				delete(basics, "phone")
			}
			if loc, ok := basics["location"].(map[string]any); ok && !opts.ShareAddress {
				delete(loc, "address")
			}
		}
	}
	out, err := encodeCanonical(tree)
	if err != nil {
		return nil, fmt.Errorf("public json: %w", err)
	}
	return out, nil
}

// Public returns a copy of r without the private fields opts does not share.
// Slices are shared with r; Public changes none of them.
func (r Resume) Public(opts Privacy) Resume {
	if !opts.SharePhone {
		r.Basics.Phone = ""
	}
	if !opts.ShareAddress {
		r.Basics.Location.Address = ""
	}
	return r
}
