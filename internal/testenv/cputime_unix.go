//go:build unix

package testenv

import (
	"syscall"
	"time"
)

// CPUTime returns the user plus system CPU time this process has used so
// far. Benchmarks divide its growth by b.N to report CPU per operation,
// which holds up on a shared machine where wall-clock time does not.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
