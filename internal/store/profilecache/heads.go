package profilecache

import (
	"bytes"
	"encoding/binary"
	"sync"
	"sync/atomic"

	"github.com/parleyhq/parley/internal/store"
)

// A chat turn reads its profile's head on every turn: the pointer, then
// the entry under "profile:SLUG:N", then the head decoded from it. The
// key and the decoded strings were three allocations a turn for a value
// that changes only when the profile does. heads remembers, per slug, the
// last key built and the head last decoded, with the bytes it was decoded
// from; an entry whose head bytes are those gives that head again.

// headMemo is one slug's remembered key and head.
type headMemo struct {
	ver  int64
	key  string
	head []byte        // the entry's bytes up to the document's length (a copy)
	p    store.Profile // decoded from head; Document nil
}

// maxHeadMemos bounds the memo (a few hundred bytes each); past it, heads
// of further slugs are decoded on every read, as before.
const maxHeadMemos = 1024

type headMemos struct {
	m  atomic.Pointer[map[string]*headMemo] // copy-on-write
	mu sync.Mutex                           // serialises writers
}

func (h *headMemos) get(slug string) *headMemo {
	if m := h.m.Load(); m != nil {
		return (*m)[slug]
	}
	return nil
}

func (h *headMemos) put(slug string, memo *headMemo) {
	h.mu.Lock()
	defer h.mu.Unlock()
	var cur map[string]*headMemo
	if p := h.m.Load(); p != nil {
		cur = *p
	}
	if _, ok := cur[slug]; !ok && len(cur) >= maxHeadMemos {
		return
	}
	next := make(map[string]*headMemo, len(cur)+1)
	for k, v := range cur {
		next[k] = v
	}
	next[slug] = memo
	h.m.Store(&next)
}

// key returns the cache key of slug's version ver, reusing the one built
// last time for that version.
func (h *headMemos) key(slug string, ver int64) (string, *headMemo) {
	memo := h.get(slug)
	if memo != nil && memo.ver == ver {
		return memo.key, memo
	}
	return key(slug, ver), memo
}

// decode is DecodeHead(b) through the memo: when b starts with the bytes
// memo's head was decoded from and the rest is exactly one document, the
// head is memo's.
func (h *headMemos) decode(slug string, ver int64, k string, memo *headMemo, b []byte) (store.Profile, error) {
	if memo != nil && memo.ver == ver && bytes.HasPrefix(b, memo.head) {
		if l, n := binary.Uvarint(b[len(memo.head):]); n > 0 && l == uint64(len(b)-len(memo.head)-n) {
			return memo.p, nil
		}
	}
	p, err := DecodeHead(b)
	if err != nil {
		return p, err
	}
	h.put(slug, &headMemo{ver: ver, key: k, head: append([]byte(nil), b[:headLen(b)]...), p: p})
	return p, nil
}

// headLen is the length of the head of b, an entry that decodes: its
// bytes before the document's length.
func headLen(b []byte) int {
	d := &decoder{b: b[1:]}
	d.bytes()
	d.varint()
	d.bytes()
	d.byte()
	d.varint()
	d.varint()
	return len(b) - len(d.b)
}
