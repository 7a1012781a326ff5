package chat

import (
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/parleyhq/parley/internal/store"
)

// indexKey names what a compiled index depends on: the profile's version
// and content hash and its owner's privacy choices. (Built without fmt: it
// is taken on every turn.)
func indexKey(p store.Profile) string {
	return p.Slug + "@" + strconv.Itoa(p.Version) + ":" + p.Hash + ":" +
		strconv.FormatBool(p.Privacy.SharePhone) + ":" + strconv.FormatBool(p.Privacy.ShareAddress)
}

// indexKeys remembers, per slug, the last index key built and what it was
// built from, so that a turn on an unchanged profile (nearly all turns)
// does not build the same string again.
type indexKeys struct {
	m  atomic.Pointer[map[string]*keyMemo] // copy-on-write
	mu sync.Mutex                          // serialises writers
}

type keyMemo struct {
	version int
	hash    string
	privacy store.Privacy
	key     string
}

// maxKeyMemos bounds the memo; further slugs build their key every time.
const maxKeyMemos = 1024

// key returns indexKey(p).
func (k *indexKeys) key(p store.Profile) string {
	if m := k.m.Load(); m != nil {
		if e := (*m)[p.Slug]; e != nil && e.version == p.Version && e.hash == p.Hash && e.privacy == p.Privacy {
			return e.key
		}
	}
	key := indexKey(p)
	k.mu.Lock()
	defer k.mu.Unlock()
	var cur map[string]*keyMemo
	if m := k.m.Load(); m != nil {
		cur = *m
	}
	if _, ok := cur[p.Slug]; !ok && len(cur) >= maxKeyMemos {
		return key
	}
	next := make(map[string]*keyMemo, len(cur)+1)
	for s, e := range cur {
		next[s] = e
	}
	next[p.Slug] = &keyMemo{version: p.Version, hash: p.Hash, privacy: p.Privacy, key: key}
	k.m.Store(&next)
	return key
}
