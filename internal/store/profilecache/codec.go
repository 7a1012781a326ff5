package profilecache

import (
	"encoding/binary"
	"errors"
	"math"
	"time"

	"github.com/parleyhq/parley/internal/store"
)

// codecVersion leads every encoded profile; a change of layout changes it,
// and old entries then decode as errors (read from the database instead).
const codecVersion = 1

const (
	flagPublic = 1 << iota
	flagSharePhone
	flagShareAddress
)

var errCorrupt = errors.New("profilecache: corrupt entry")

// Encode writes p in a compact binary form: decoding it costs a few copies,
// which matters on an in-process hit.
func Encode(p store.Profile) []byte {
	b := make([]byte, 0, len(p.Document)+len(p.Slug)+len(p.Hash)+40)
	b = append(b, codecVersion)
	b = binary.AppendUvarint(b, uint64(len(p.Slug)))
	b = append(b, p.Slug...)
	b = binary.AppendVarint(b, int64(p.Version))
	b = binary.AppendUvarint(b, uint64(len(p.Hash)))
	b = append(b, p.Hash...)
	var flags byte
	if p.Public {
		flags |= flagPublic
	}
	if p.Privacy.SharePhone {
		flags |= flagSharePhone
	}
	if p.Privacy.ShareAddress {
		flags |= flagShareAddress
	}
	b = append(b, flags)
	b = appendTime(b, p.CreatedAt)
	b = appendTime(b, p.UpdatedAt)
	b = binary.AppendUvarint(b, uint64(len(p.Document)))
	return append(b, p.Document...)
}

// zeroTime stands for time.Time{}, whose UnixNano is undefined.
const zeroTime = math.MinInt64

func appendTime(b []byte, t time.Time) []byte {
	if t.IsZero() {
		return binary.AppendVarint(b, zeroTime)
	}
	return binary.AppendVarint(b, t.UnixNano())
}

// decoder reads fields in order and remembers the first error.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.err = errCorrupt
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) bytes() []byte {
	l, n := binary.Uvarint(d.b)
	if n <= 0 || l > uint64(len(d.b)-n) {
		d.err = errCorrupt
		return nil
	}
	out := d.b[n : n+int(l)]
	d.b = d.b[n+int(l):]
	return out
}

func (d *decoder) time() time.Time {
	n := d.varint()
	if n == zeroTime {
		return time.Time{}
	}
	return time.Unix(0, n).UTC()
}

func (d *decoder) byte() byte {
	if len(d.b) == 0 {
		d.err = errCorrupt
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

// Decode reads what Encode wrote. The Document is copied: the input may be
// shared with the cache.
func Decode(b []byte) (store.Profile, error) {
	return decode(b, true)
}

// DecodeHead is Decode without the Document (left nil): everything that
// names the version, for readers that keep what they derive from a
// document by version (a chat turn's compiled index) and would otherwise
// copy the whole document on every read.
func DecodeHead(b []byte) (store.Profile, error) {
	return decode(b, false)
}

func decode(b []byte, withDocument bool) (store.Profile, error) {
	d := &decoder{b: b}
	if d.byte() != codecVersion {
		return store.Profile{}, errCorrupt
	}
	var p store.Profile
	p.Slug = string(d.bytes())
	p.Version = int(d.varint())
	p.Hash = string(d.bytes())
	flags := d.byte()
	p.Public = flags&flagPublic != 0
	p.Privacy.SharePhone = flags&flagSharePhone != 0
	p.Privacy.ShareAddress = flags&flagShareAddress != 0
	p.CreatedAt = d.time()
	p.UpdatedAt = d.time()
	if doc := d.bytes(); withDocument {
		p.Document = append([]byte(nil), doc...)
	}
	if d.err != nil {
		return store.Profile{}, d.err
	}
	if len(d.b) != 0 {
		return store.Profile{}, errCorrupt
	}
	return p, nil
}
