package authcache_test

import (
	"context"
	"testing"

	"github.com/parleyhq/parley/internal/testenv"
)

// BenchmarkAPIKeyLookup is the lookup every request with an API key makes,
// one hot key, in steady state: mostly in-process hits, a Redis read each
// time the in-process copy lapses (1 s) and a database read each time the
// entry does. dbreads/op counts the latter.
func BenchmarkAPIKeyLookup(b *testing.B) {
	for _, tc := range []struct {
		name string
		proc func(tb testing.TB) process
	}{
		{"memory", memoryOnly},
		{"two-tier", func(tb testing.TB) process { return twoTier(tb, 1)[0] }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			ctx := context.Background()
			p := tc.proc(b)
			k := newKey(b, p.store)
			b.ReportAllocs()
			start := testenv.CPUTime()
			for b.Loop() {
				if _, err := p.store.GetAPIKeyByHash(ctx, k.Hash); err != nil {
					b.Fatal(err)
				}
			}
			testenv.ReportCPU(b, start, "lookups")
			b.ReportMetric(float64(p.db.keyLookups.Load())/float64(b.N), "dbreads/op")
		})
	}
}
