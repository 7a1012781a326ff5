package postgres

import (
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/store"
)

// TestMessageColumnsAllocations: a batch's message columns are made once
// each at their final size, and citations are borrowed, not copied, so
// filling them costs one allocation per column whatever the batch holds.
func TestMessageColumnsAllocations(t *testing.T) {
	at := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	cit := []byte(`[{"section":"work","index":0}]`)
	var batch []*turnReq
	for i := range 8 {
		msgs := []store.Message{
			{Role: "user", Text: "Where did he study?", CreatedAt: at},
			{Role: "assistant", Text: "At Delft.", Intent: "education", Citations: cit, CreatedAt: at},
		}
		if i%2 == 1 { // a turn that does not fold: two rows
			msgs[1].CreatedAt = at.Add(time.Millisecond)
		}
		batch = append(batch, &turnReq{id: "s", msgs: msgs, state: []byte(`{}`)})
	}
	const columns = 11
	got := testing.AllocsPerRun(50, func() {
		rows := 0
		for _, r := range batch {
			rows += len(r.msgs)
		}
		c := newMessageColumns(rows)
		for _, r := range batch {
			c.addTurn(r, at)
		}
		if len(c.cits) != 12 || c.cits[0] != string(cit) {
			t.Fatalf("%d rows, citations %q", len(c.cits), c.cits[0])
		}
	})
	if got != columns {
		t.Errorf("%v allocations to fill the columns of 8 turns, want %d (one a column)", got, columns)
	}
}
