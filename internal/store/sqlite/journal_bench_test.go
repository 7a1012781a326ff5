package sqlite

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	msqlite "modernc.org/sqlite"

	"github.com/parleyhq/parley/internal/store"
)

// BenchmarkCommitGroups commits groups of 16 turns over 64 sessions, with
// rows the size of a real turn's (a reply of ~600 bytes, citations, state),
// on the committer's path but driven directly, so that under callgrind
// (-test.cpu 1) a run is the same work every time. It reports the pages
// the writer wrote (to the WAL) per turn.
func BenchmarkCommitGroups(b *testing.B) {
	ctx := context.Background()
	db := openMigrated(b)
	now := time.Now().UTC()
	const sessions, group = 64, 16
	for i := range sessions {
		if err := db.CreateSession(ctx, store.Session{ID: fmt.Sprintf("session-%026d", i), ProfileSlug: "a", ProfileVersion: 1, CreatedAt: now, ExpiresAt: now.Add(time.Hour)}); err != nil {
			b.Fatal(err)
		}
	}
	reply := strings.Repeat("He studied computer science at the University of Amsterdam. ", 10)
	cites := []byte(`[{"section":"education","index":0},{"section":"work","index":1},{"section":"work","index":2}]`)
	state := []byte(`{"focus":[3,4],"list":[1,2,3,4,5],"topic":"education","entity":"University of Amsterdam","window":{"from":"2010-01-01","to":"2014-06-30"},"asked":["education","work"]}`)
	turn := func(i int) *turnReq {
		return &turnReq{ctx: ctx, id: fmt.Sprintf("session-%026d", i%sessions), state: state, expires: now.Add(time.Hour), done: make(chan struct{}),
			msgs: []store.Message{{Role: "user", Text: "Where did he study?", CreatedAt: now},
				{Role: "assistant", Text: reply, Intent: "education", Citations: cites, LatencyMicros: 40, CreatedAt: now}}}
	}
	pages := func() int {
		var n int
		_ = db.withWriter(func(t *wtx) error {
			if s, ok := t.conn.(interface {
				Status(msqlite.DBStatusOp, bool) (int, int, error)
			}); ok {
				n, _, _ = s.Status(msqlite.DBStatusCacheWrite, false)
			}
			return nil
		})
		return n
	}
	p0 := pages()
	b.ResetTimer()
	for n := 0; n < b.N; n += group {
		g := make([]*turnReq, group)
		for j := range g {
			g[j] = turn(n + j)
		}
		db.commitGroup(g)
		for _, r := range g {
			if r.err != nil {
				b.Fatal(r.err)
			}
		}
		afterGroup(db, group)
	}
	b.StopTimer()
	b.ReportMetric(float64(pages()-p0)/float64(b.N), "pages/turn")
}
