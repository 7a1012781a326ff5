package gateway_test

import "testing"

// TestLoopEngine runs the behaviour tests against the event-loop engine
// (engine: loop): what it serves on the loop, and what it hands over to
// the default engine (WebSocket, ...). PARLEY_TEST_GATEWAY_FRONTEND=loop
// runs every test of the package this way.
func TestLoopEngine(t *testing.T) {
	for _, tc := range []struct {
		name string
		test func(*testing.T)
	}{
		{"RoundRobin", TestRoundRobinSpreadsEvenly},
		{"LeastRequests", TestLeastRequestsAvoidsBusyTarget},
		{"P2C", TestP2CLatencyPrefersFastTarget},
		{"JWT", TestJWTValidation},
		{"JWKSRefresh", TestJWKSRefreshOnRotatedKey},
		{"RateLimitMemory", TestRateLimitMemory},
		{"ReloadUnderLoad", TestReloadUnderLoadDropsNothing},
		{"KillOneOfThree", TestKillOneOfThreeUnderLoad},
		{"BadReload", TestBadReloadKeepsRunningConfig},
		{"HeadersAndBody", TestProxyHeadersAndBody},
		{"TraceAndRequestID", TestProxyGeneratesTraceAndKeepsRequestID},
		{"Routing", TestRoutingByHostPathMethod},
		{"TrustedProxy", TestTrustedProxyChainExtended},
		{"Problems", TestUpstreamErrorsAreProblems},
		{"HealthCheck", TestActiveHealthCheckRemovesTarget},
		{"PassiveEjection", TestPassiveEjection},
		{"Retries", TestRetriesOnlyIdempotent},
		{"RetryBudget", TestRetryBudgetBoundsExtraRequests},
		{"BreakerOpens", TestBreakerOpensAndShortCircuits},
		{"BreakerHalfOpen", TestBreakerHalfOpensAndCloses},
		{"SSE", TestSSEChunksArriveBeforeNextIsSent},
		{"WebSocket", TestWebSocketEchoThroughProxy},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("PARLEY_TEST_GATEWAY_FRONTEND", "loop")
			tc.test(t)
		})
	}
}
