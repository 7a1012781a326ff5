package stream_test

import (
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/voice/stream"
)

func TestSlots(t *testing.T) {
	type step struct {
		client  string
		release int // > 0: release the slot taken at that step (1-based) instead
		ok      bool
	}
	for _, c := range []struct {
		name             string
		perClient, total int
		steps            []step
		open             int // slots held at the end
	}{
		{"per-client cap", 2, 10, []step{{"a", 0, true}, {"a", 0, true}, {"a", 0, false}, {"b", 0, true}}, 3},
		{"total cap", 5, 2, []step{{"a", 0, true}, {"b", 0, true}, {"c", 0, false}}, 2},
		{"a released slot admits again", 1, 10, []step{{"a", 0, true}, {"a", 0, false}, {"", 1, true}, {"a", 0, true}}, 1},
		{"release frees the total too", 5, 1, []step{{"a", 0, true}, {"b", 0, false}, {"", 1, true}, {"b", 0, true}}, 1},
		{"double release is harmless", 1, 1, []step{{"a", 0, true}, {"", 1, true}, {"", 1, true}, {"a", 0, true}, {"b", 0, false}}, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := stream.NewSlots(c.perClient, c.total, 7*time.Second)
			releases := make([]func(), len(c.steps))
			for i, st := range c.steps {
				if st.release > 0 {
					releases[st.release-1]()
					continue
				}
				rel, err := s.Acquire(st.client)
				switch {
				case st.ok && err != nil:
					t.Fatalf("step %d: %s refused: %v", i+1, st.client, err)
				case !st.ok && err == nil:
					t.Fatalf("step %d: %s admitted past the cap", i+1, st.client)
				case !st.ok && (apperr.CodeOf(err) != apperr.RateLimited || apperr.RetryAfterOf(err) != 7*time.Second):
					t.Fatalf("step %d: %v (retry %s), want rate_limited retrying after 7s", i+1, err, apperr.RetryAfterOf(err))
				}
				releases[i] = rel
			}
			if got := s.Open(); got != c.open {
				t.Errorf("%d slots open, want %d", got, c.open)
			}
		})
	}
}
