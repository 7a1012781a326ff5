package chat_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/cache"
	"github.com/parleyhq/parley/internal/chat"
	"github.com/parleyhq/parley/internal/profile"
	"github.com/parleyhq/parley/internal/sessionstate"
	"github.com/parleyhq/parley/internal/store"
	"github.com/parleyhq/parley/internal/store/dial"
	"github.com/parleyhq/parley/internal/store/sqlite"
	"github.com/parleyhq/parley/internal/telemetry"
)

// countingCache counts what the answer cache is asked.
type countingCache struct {
	cache.Cache
	hits, sets atomic.Int64
}

func (c *countingCache) Get(ctx context.Context, key string) ([]byte, bool, error) {
	v, ok, err := c.Cache.Get(ctx, key)
	if ok {
		c.hits.Add(1)
	}
	return v, ok, err
}

func (c *countingCache) Set(ctx context.Context, key string, v []byte, ttl time.Duration) error {
	c.sets.Add(1)
	return c.Cache.Set(ctx, key, v, ttl)
}

// sqliteWithSample returns a migrated SQLite store holding the sample
// profile as "hendriks", and the sample document.
func sqliteWithSample(t testing.TB) (store.Store, []byte) {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "parley.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := dial.Up(ctx, db, nil); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile("../profile/testdata/sample.resume.json")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := profile.NewService(db).Import(ctx, "hendriks", raw, profile.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	return db, raw
}

// TestAnswerCache plays the same conversations with and without the
// answer cache: every reply must be the same, context-free replies must be
// replayed from the cache in later sessions, follow-ups must not be, every
// turn must still be persisted, and a new profile version must not be
// answered from the previous version's entries.
func TestAnswerCache(t *testing.T) {
	ctx := context.Background()
	db, raw := sqliteWithSample(t)
	answers := &countingCache{Cache: cache.NewMemory(1 << 20)}
	cached := chat.New(db, sessionstate.NewMemory(), chat.Config{}, telemetry.Discard()).WithAnswerCache(answers)
	plain := chat.New(db, sessionstate.NewMemory(), chat.Config{}, telemetry.Discard())

	script := []string{"Where did Richard work?", "When was that?", "What programming languages does he know?", "and before that?"}
	play := func(svc *chat.Service, questions []string) (texts []string, id string) {
		t.Helper()
		s, err := svc.Open(ctx, "hendriks")
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range questions {
			turn, err := svc.Ask(ctx, s.ID, q)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, turn.Reply.Text)
		}
		return texts, s.ID
	}

	want, _ := play(plain, script)
	first, _ := play(cached, script)
	sets := answers.sets.Load()
	if sets == 0 || sets >= int64(len(script)) {
		t.Errorf("%d replies cached out of %d turns; want the context-free ones only", sets, len(script))
	}
	// Extra spaces do not make another question. The second session runs
	// on another replica sharing the cache, which has no decoded replies
	// of its own yet.
	spaced := []string{"  Where did   Richard work? ", "When was that?", "What programming languages does he know?", "and before that?"}
	replica := chat.New(db, sessionstate.NewMemory(), chat.Config{}, telemetry.Discard()).WithAnswerCache(answers)
	second, id := play(replica, spaced)
	// The first replica replays from its decoded replies, without asking
	// the shared cache again.
	third, _ := play(cached, script)
	for i := range script {
		if first[i] != want[i] || second[i] != want[i] || third[i] != want[i] {
			t.Errorf("turn %d %q: cached %q / %q / %q, uncached %q", i, script[i], first[i], second[i], third[i], want[i])
		}
	}
	if hits := answers.hits.Load(); hits != sets {
		t.Errorf("%d replies from the shared cache, want %d (every cached one, once, by the second replica)", hits, sets)
	}
	if answers.sets.Load() != sets {
		t.Errorf("later sessions cached %d more replies", answers.sets.Load()-sets)
	}
	msgs, err := cached.History(ctx, id, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 2*len(script) {
		t.Errorf("session answered from the cache has %d messages, want %d", len(msgs), 2*len(script))
	}

	// A new version of the profile gets its own answers.
	changed := bytes.Replace(raw, []byte(`"name": "Pied Piper"`), []byte(`"name": "Hooli XYZ"`), 1)
	if _, _, err := profile.NewService(db).Import(ctx, "hendriks", changed, profile.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	after, _ := play(cached, script[:1])
	if !strings.Contains(after[0], "Hooli XYZ") || strings.Contains(after[0], "Pied Piper") {
		t.Errorf("after a new version: %q", after[0])
	}
}
