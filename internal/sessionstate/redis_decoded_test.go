package sessionstate_test

import (
	"context"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/parleyhq/parley/internal/sessionstate"
	"github.com/parleyhq/parley/internal/testenv"
)

// TestRedisDecodedTravelsWithItsBytes: a replica gets back the value it
// stored beside a state only while Redis holds exactly the bytes it stored
// with it; a state another replica wrote (or deleted) is decoded afresh.
func TestRedisDecodedTravelsWithItsBytes(t *testing.T) {
	opt, err := redis.ParseURL(testenv.RedisURL(t))
	if err != nil {
		t.Fatal(err)
	}
	prefix := testenv.KeyPrefix(t)
	c1, c2 := sessionstate.NewClient(opt), sessionstate.NewClient(opt)
	t.Cleanup(func() { c1.Close(); c2.Close() })
	a, b := sessionstate.NewRedis(c1, prefix), sessionstate.NewRedis(c2, prefix)
	ctx := context.Background()
	turn := func(s *sessionstate.Redis, next []byte, value any) {
		t.Helper()
		_, _, _, release, err := s.AcquireDecoded(ctx, "s", time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		if err := release(next, value); err != nil {
			t.Fatal(err)
		}
	}
	steps := []struct {
		name      string
		change    func()
		wantFound bool
		wantBytes string
		wantValue any
	}{
		{"kept by this replica", func() { turn(a, []byte("one"), 1) }, true, "one", 1},
		{"nil next keeps both", func() { turn(a, nil, 2) }, true, "one", 1},
		{"written by the other replica", func() { turn(b, []byte("two"), 2) }, true, "two", nil},
		{"this replica again", func() { turn(a, []byte("three"), "3") }, true, "three", "3"},
		{"the same bytes put by the other", func() { _ = b.Put(ctx, "s", []byte("three"), time.Minute) }, true, "three", "3"},
		{"other bytes put by the other", func() { _ = b.Put(ctx, "s", []byte("four"), time.Minute) }, true, "four", nil},
		{"kept, then deleted by the other", func() { turn(a, []byte("five"), 5); _ = b.Delete(ctx, "s") }, false, "", nil},
		{"plain Acquire stores no value", func() {
			turn(a, []byte("six"), 6)
			_, _, release, err := a.Acquire(ctx, "s", time.Minute)
			if err != nil {
				t.Fatal(err)
			}
			_ = release([]byte("seven"))
		}, true, "seven", nil},
	}
	for _, st := range steps {
		st.change()
		got, v, found, release, err := a.AcquireDecoded(ctx, "s", time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		_ = release(nil, nil)
		if found != st.wantFound || string(got) != st.wantBytes || v != st.wantValue {
			t.Errorf("%s: got %q %v (found %v), want %q %v (found %v)", st.name, got, v, found, st.wantBytes, st.wantValue, st.wantFound)
		}
	}
}
