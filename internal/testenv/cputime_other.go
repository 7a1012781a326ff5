//go:build !unix

package testenv

import "time"

// CPUTime is not measured on this platform: it returns 0, and benchmarks
// then report no CPU figure.
func CPUTime() time.Duration { return 0 }
