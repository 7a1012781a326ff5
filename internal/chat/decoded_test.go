package chat_test

import (
	"context"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/chat"
	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/sessionstate"
	"github.com/parleyhq/parley/internal/telemetry"
)

// TestTurnReadsKeptState: with the in-process state port, a turn starts from
// the conversation state kept beside the live bytes, not from decoding them
// again, and keeps its own next state there. The test keeps a state that
// differs from the bytes (Turn 41 against 1) to tell the two apart.
func TestTurnReadsKeptState(t *testing.T) {
	ctx := context.Background()
	db, _ := sqliteWithSample(t)
	mem := sessionstate.NewMemory()
	svc := chat.New(db, mem, chat.Config{SessionTTL: time.Hour}, telemetry.Discard())
	sess, err := svc.Open(ctx, "hendriks")
	if err != nil {
		t.Fatal(err)
	}
	kept := func() (*converse.State, []byte) {
		t.Helper()
		b, v, _, release, err := mem.AcquireDecoded(ctx, sess.ID, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		_ = release(nil, nil)
		st, _ := v.(*converse.State)
		return st, b
	}
	if _, err := svc.Ask(ctx, sess.ID, "Where did he study?"); err != nil {
		t.Fatal(err)
	}
	st, b := kept()
	if st == nil || st.Turn != 1 {
		t.Fatalf("kept state after the first turn: %+v", st)
	}
	_, _, _, release, err := mem.AcquireDecoded(ctx, sess.ID, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	_ = release(b, &converse.State{Turn: 41})
	if _, err := svc.Ask(ctx, sess.ID, "What is his current role?"); err != nil {
		t.Fatal(err)
	}
	if st, _ := kept(); st == nil || st.Turn != 42 {
		t.Errorf("turn after a kept Turn 41: kept %+v, want Turn 42", st)
	}
}
