package testenv

import (
	"testing"
	"time"
)

// ReportCPU adds "CPU-µs/op": the CPU time the process used since start
// (a CPUTime reading) over b.N operations; and, when unit names what one
// operation does (e.g. "verifies"), unit+"/CPU-s": how many one core does
// per second. The CPU counted includes every goroutine of the process (an
// in-process server's too) but no other process (not Redis or PostgreSQL).
func ReportCPU(b *testing.B, start time.Duration, unit string) {
	used := CPUTime() - start
	if used <= 0 || b.N == 0 {
		return
	}
	b.ReportMetric(float64(used.Microseconds())/float64(b.N), "CPU-µs/op")
	if unit != "" {
		b.ReportMetric(float64(b.N)/used.Seconds(), unit+"/CPU-s")
	}
}
