package eval

import (
	"sync"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// publicBench is the public set with every profile compiled, built once per
// test binary so that each call of BenchmarkPublicSet (the testing package
// calls it again for each b.N) costs the same setup and callgrind's
// difference between two N counts is turns alone.
var publicBench struct {
	once sync.Once
	set  *Set
	idx  map[string]*converse.Index
	now  time.Time
	err  error
}

// BenchmarkPublicSet runs every turn of the public set once per op, each
// thread on a fresh session, so that engine cost is measured over the
// questions the engine is judged on and not only BenchmarkTurn's twelve on
// one profile. It reports turns/op and ns/turn; for instructions per turn
// take callgrind's totals at two N and divide their difference by
// (ΔN × turns/op).
func BenchmarkPublicSet(b *testing.B) {
	pb := &publicBench
	pb.once.Do(func() {
		pb.set, pb.err = Load("testdata/public.yaml")
		if pb.err != nil {
			return
		}
		var ok bool
		pb.now, ok, pb.err = pb.set.Today()
		if pb.err == nil && !ok {
			b.Fatal("public set must pin now")
		}
		pb.idx = map[string]*converse.Index{}
		for _, p := range pb.set.Profiles {
			priv := profile.Privacy{SharePhone: p.SharePhone, ShareAddress: p.ShareAddress}
			pb.idx[p.Name] = converse.Compile(pb.set.docs[p.Name].Resume, priv, pb.now)
		}
	})
	if pb.err != nil {
		b.Fatal(pb.err)
	}
	turns := 0
	for _, th := range pb.set.Threads {
		turns += len(th.Turns)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, th := range pb.set.Threads {
			x := pb.idx[th.Profile]
			var st converse.State
			for _, tu := range th.Turns {
				_, st = x.Turn(st, tu.Question, pb.now)
			}
		}
	}
	b.ReportMetric(float64(turns), "turns/op")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*turns), "ns/turn")
}
