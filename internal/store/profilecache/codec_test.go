package profilecache_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parleyhq/parley/internal/store"
	"github.com/parleyhq/parley/internal/store/profilecache"
)

func TestCodecRoundTrip(t *testing.T) {
	at := time.Date(2026, 11, 22, 6, 0, 0, 123456789, time.UTC)
	for _, p := range []store.Profile{
		{},
		{Slug: "ada", Version: 3, Document: []byte(`{"basics":{"name":"Ada"}}`), Hash: "abc", Public: true,
			Privacy: store.Privacy{SharePhone: true}, CreatedAt: at, UpdatedAt: at.Add(time.Hour)},
		{Slug: "x", Version: 1 << 40, Document: make([]byte, 70000), Privacy: store.Privacy{ShareAddress: true}, CreatedAt: at},
	} {
		got, err := profilecache.Decode(profilecache.Encode(p))
		if err != nil {
			t.Fatalf("Decode(Encode(%q)): %v", p.Slug, err)
		}
		if diff := cmp.Diff(p, got); diff != "" {
			t.Errorf("round trip of %q (-want +got):\n%s", p.Slug, diff)
		}
		head, err := profilecache.DecodeHead(profilecache.Encode(p))
		if err != nil {
			t.Fatalf("DecodeHead(Encode(%q)): %v", p.Slug, err)
		}
		want := p
		want.Document = nil
		if diff := cmp.Diff(want, head); diff != "" {
			t.Errorf("head of %q (-want +got):\n%s", p.Slug, diff)
		}
	}
}

func TestDecodeRejectsDamage(t *testing.T) {
	good := profilecache.Encode(store.Profile{Slug: "ada", Document: []byte("{}"), Hash: "h"})
	for name, b := range map[string][]byte{
		"empty":         nil,
		"wrong version": append([]byte{9}, good[1:]...),
		"truncated":     good[:len(good)-1],
		"trailing":      append(append([]byte(nil), good...), 0),
	} {
		if _, err := profilecache.Decode(b); err == nil {
			t.Errorf("%s: Decode accepted damaged input", name)
		}
		if _, err := profilecache.DecodeHead(b); err == nil {
			t.Errorf("%s: DecodeHead accepted damaged input", name)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add(profilecache.Encode(store.Profile{Slug: "ada", Version: 2, Document: []byte(`{"a":1}`), Hash: "h", Public: true}))
	f.Add([]byte{1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := profilecache.Decode(b)
		if err != nil {
			return
		}
		again, err := profilecache.Decode(profilecache.Encode(p))
		if err != nil {
			t.Fatalf("re-decode: %v", err)
		}
		if diff := cmp.Diff(p, again); diff != "" {
			t.Fatalf("unstable round trip:\n%s", diff)
		}
	})
}
