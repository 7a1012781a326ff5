package sessionstate_test

import (
	"context"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/sessionstate"
)

// TestMemoryDecodedTravelsWithItsBytes: a value stored beside a state comes
// back with exactly those bytes, and a Put without one forgets it.
func TestMemoryDecodedTravelsWithItsBytes(t *testing.T) {
	ctx := context.Background()
	m := sessionstate.NewMemory()
	acquire := func() ([]byte, any, bool, func([]byte, any) error) {
		t.Helper()
		b, v, found, release, err := m.AcquireDecoded(ctx, "s", time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		return b, v, found, release
	}
	steps := []struct {
		name      string
		store     func(release func([]byte, any) error)
		wantBytes string
		wantValue any
	}{
		{"with a value", func(r func([]byte, any) error) { _ = r([]byte("one"), 1) }, "one", 1},
		{"nil next keeps both", func(r func([]byte, any) error) { _ = r(nil, 2) }, "one", 1},
		{"plain release forgets the value", func(r func([]byte, any) error) {
			_ = r(nil, nil)
			_ = m.Put(ctx, "s", []byte("two"), time.Minute)
		}, "two", nil},
		{"value again", func(r func([]byte, any) error) { _ = r([]byte("three"), "3") }, "three", "3"},
	}
	for _, st := range steps {
		_, _, _, release := acquire()
		st.store(release)
		b, v, found, release := acquire()
		_ = release(nil, nil)
		if !found || string(b) != st.wantBytes || v != st.wantValue {
			t.Errorf("%s: got %q %v %v, want %q %v", st.name, b, v, found, st.wantBytes, st.wantValue)
		}
	}
	// Acquire's release (the Store interface) stores no value.
	_, _, release, err := m.Acquire(ctx, "s", time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	_ = release([]byte("four"))
	if b, v, _, release := acquire(); string(b) != "four" || v != nil {
		t.Errorf("after Acquire's release: %q %v", b, v)
	} else {
		_ = release(nil, nil)
	}
}

// TestMemoryReleaseCopies: Acquire's release copies what it stores (its
// callers may reuse next); AcquireDecoded's keeps next itself, as its
// contract says, so that a turn's state is not copied once more.
func TestMemoryReleaseCopies(t *testing.T) {
	ctx := context.Background()
	m := sessionstate.NewMemory()
	_, _, release, err := m.Acquire(ctx, "a", time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	next := []byte("one")
	if err := release(next); err != nil {
		t.Fatal(err)
	}
	next[0] = 'X'
	if got, _, _ := m.Get(ctx, "a", time.Minute); string(got) != "one" {
		t.Errorf("after Acquire's release, changing next changed the stored state: %q", got)
	}
	_, _, _, keep, err := m.AcquireDecoded(ctx, "b", time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	next = []byte("two")
	if err := keep(next, nil); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := m.Get(ctx, "b", time.Minute); &got[0] != &next[0] {
		t.Error("AcquireDecoded's release stored a copy of next")
	}
}
