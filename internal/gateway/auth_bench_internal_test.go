package gateway

import (
	"context"
	"testing"
	"time"
)

// BenchmarkCheckBearerHit is the per-request cost of a token already in the
// verified-token cache: it must stay allocation-free.
func BenchmarkCheckBearerHit(b *testing.B) {
	j := newTestJWKS(b)
	j.add(b, "k1")
	a := j.authenticator(time.Hour, time.Hour)
	authz := "Bearer " + j.token(b, "k1", time.Now().Add(time.Hour))
	ctx, now := context.Background(), time.Now()
	if err := a.checkBearer(ctx, authz, now); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := a.checkBearer(ctx, authz, now); err != nil {
			b.Fatal(err)
		}
	}
}
