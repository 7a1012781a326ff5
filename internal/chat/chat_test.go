package chat_test

import (
	"context"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/chat"
	"github.com/parleyhq/parley/internal/profile"
	"github.com/parleyhq/parley/internal/sessionstate"
	"github.com/parleyhq/parley/internal/store/dial"
	"github.com/parleyhq/parley/internal/store/postgres"
	"github.com/parleyhq/parley/internal/telemetry"
	"github.com/parleyhq/parley/internal/testenv"
)

// replicas returns two chat services that share one PostgreSQL database
// and one Redis, as two `parley serve` replicas would, with the sample
// profile imported as "hendriks".
func replicas(t *testing.T) (*chat.Service, *chat.Service) {
	t.Helper()
	ctx := context.Background()
	url := testenv.PostgresURL(t)
	opt, err := redis.ParseURL(testenv.RedisURL(t))
	if err != nil {
		t.Fatal(err)
	}
	prefix := testenv.KeyPrefix(t)
	var out [2]*chat.Service
	for i := range out {
		db, err := postgres.Open(ctx, url, nil)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		if _, err := dial.Up(ctx, db, nil); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			raw, err := os.ReadFile("../profile/testdata/sample.resume.json")
			if err != nil {
				t.Fatal(err)
			}
			if _, _, err := profile.NewService(db).Import(ctx, "hendriks", raw, profile.ImportOptions{}); err != nil {
				t.Fatal(err)
			}
		}
		rdb := sessionstate.NewClient(opt)
		t.Cleanup(func() { rdb.Close() })
		out[i] = chat.New(db, sessionstate.NewRedis(rdb, prefix), chat.Config{SessionTTL: time.Hour}, telemetry.Discard())
	}
	return out[0], out[1]
}

// TestTurnsOrderedAcrossReplicas races 50 turns on one session through two
// replicas: the per-session lock lives in Redis, so the history must be
// complete and each question directly followed by its own answer.
func TestTurnsOrderedAcrossReplicas(t *testing.T) {
	a, b := replicas(t)
	ctx := context.Background()
	sess, err := a.Open(ctx, "hendriks")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			svc := a
			if i%2 == 1 {
				svc = b
			}
			if _, err := svc.Ask(ctx, sess.ID, fmt.Sprintf("turn %d: where did he study?", i)); err != nil {
				t.Errorf("turn %d: %v", i, err)
			}
		}()
	}
	wg.Wait()
	hist, err := b.History(ctx, sess.ID, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 100 {
		t.Fatalf("%d messages, want 100", len(hist))
	}
	for i := 0; i < len(hist); i += 2 {
		q, r := hist[i], hist[i+1]
		if q.Role != "user" || r.Role != "assistant" || q.Seq != i+1 || r.Seq != i+2 {
			t.Fatalf("messages %d,%d: %s/%d then %s/%d", i, i+1, q.Role, q.Seq, r.Role, r.Seq)
		}
	}
}

func TestAskValidates(t *testing.T) {
	a, _ := replicas(t)
	ctx := context.Background()
	sess, err := a.Open(ctx, "hendriks")
	if err != nil {
		t.Fatal(err)
	}
	long := make([]byte, 1001)
	for i := range long {
		long[i] = 'x'
	}
	tests := []struct {
		name, id, text string
		code           apperr.Code
	}{
		{"empty", sess.ID, "   ", apperr.Invalid},
		{"too long", sess.ID, string(long), apperr.TooLarge},
		{"invalid utf-8", sess.ID, "caf\xe9", apperr.Invalid},
		{"unknown session", "0123456789abcdef0123456789abcdef", "hi", apperr.NotFound},
		{"malformed id", "../../etc/passwd", "hi", apperr.NotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := a.Ask(ctx, tt.id, tt.text); !apperr.Is(err, tt.code) {
				t.Errorf("Ask = %v, want %s", err, tt.code)
			}
		})
	}
	if _, err := a.Open(ctx, "nobody"); !apperr.Is(err, apperr.NotFound) {
		t.Errorf("Open(nobody) = %v, want not found", err)
	}
}

// TestSessionContext: the state the voice path scores transcripts in is
// the session's live one, on any replica, and it moves with each turn.
func TestSessionContext(t *testing.T) {
	a, b := replicas(t)
	ctx := context.Background()
	sess, err := a.Open(ctx, "hendriks")
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"where did he study?", "what is his current role?"} {
		turn, err := a.Ask(ctx, sess.ID, q)
		if err != nil {
			t.Fatal(err)
		}
		idx, key, state, _, err := b.SessionContext(ctx, sess.ID)
		if err != nil {
			t.Fatal(err)
		}
		if idx == nil || key == "" {
			t.Fatalf("after %q: index %v, key %q", q, idx, key)
		}
		if state.Intent != turn.Reply.Intent || state.Turn == 0 {
			t.Errorf("after %q: state intent %q turn %d, want the reply's intent %q", q, state.Intent, state.Turn, turn.Reply.Intent)
		}
	}
	if _, _, _, _, err := b.SessionContext(ctx, "not-a-session"); !apperr.Is(err, apperr.NotFound) {
		t.Errorf("unknown session: err = %v, want NotFound", err)
	}
}
