package chat

import (
	"fmt"
	"testing"

	"github.com/parleyhq/parley/internal/store"
)

// TestIndexKeysAreIndexKey: the remembered key is indexKey's for every
// change of version, hash, privacy or slug, and past the memo's bound.
func TestIndexKeysAreIndexKey(t *testing.T) {
	var k indexKeys
	base := store.Profile{Slug: "ada", Version: 3, Hash: "abc"}
	steps := []store.Profile{base, base}
	p := base
	p.Version = 4
	steps = append(steps, p, p)
	p.Hash = "abd"
	steps = append(steps, p)
	p.Privacy.SharePhone = true
	steps = append(steps, p)
	p.Privacy.ShareAddress = true
	steps = append(steps, p)
	p.Privacy.SharePhone = false
	steps = append(steps, p, base)
	p.Slug = "bob"
	steps = append(steps, p, base, p)
	for i := 0; i < maxKeyMemos+10; i++ {
		steps = append(steps, store.Profile{Slug: fmt.Sprint("s", i), Version: i, Hash: "h"})
	}
	steps = append(steps, store.Profile{Slug: "s5", Version: 6, Hash: "h"}, store.Profile{Slug: fmt.Sprint("s", maxKeyMemos+5), Version: 1, Hash: "h"})
	for i, p := range steps {
		if got, want := k.key(p), indexKey(p); got != want {
			t.Errorf("step %d: key %q, want %q", i, got, want)
		}
	}
}

// TestIndexKeyAllocations: a turn on an unchanged profile builds no key.
func TestIndexKeyAllocations(t *testing.T) {
	var k indexKeys
	p := store.Profile{Slug: "ada", Version: 3, Hash: "0123456789abcdef"}
	k.key(p)
	if n := testing.AllocsPerRun(100, func() { _ = k.key(p) }); n != 0 {
		t.Errorf("%v allocations, want 0", n)
	}
}
