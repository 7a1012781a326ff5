package cachebench

import (
	"fmt"
	"io"
	"slices"
)

// metric extracts one per-operation figure from a phase.
type metric struct {
	name string
	of   func(*Phase) float64
}

var summaryMetrics = []metric{
	{"buffer pages touched/op (pg_stat_database blks_hit + blks_read)", func(p *Phase) float64 { return float64(p.Blocks) / float64(p.Ops) }},
	{"server active time, µs/op (pg_stat_database.active_time: wall-clock, includes lock waits and CPU queueing)", func(p *Phase) float64 { return 1000 * p.ActiveMillis / float64(p.Ops) }},
	{"server transactions/op (pg_stat_database)", func(p *Phase) float64 { return float64(p.Xacts) / float64(p.Ops) }},
	{"rows read/op (pg_stat_database)", func(p *Phase) float64 { return float64(p.TupRead) / float64(p.Ops) }},
	{"store calls/op (client)", func(p *Phase) float64 { c, _ := p.dbCalls(); return c }},
	{"client time in store calls, µs/op", func(p *Phase) float64 { _, us := p.dbCalls(); return us }},
	{"GetProfile calls/op", func(p *Phase) float64 { return float64(p.Calls[mGetProfile]) / float64(p.Ops) }},
	{"GetProfile calls per read (views + turns)", func(p *Phase) float64 {
		return float64(p.Calls[mGetProfile]) / float64(p.ByKind[kView]+p.ByKind[kTurn])
	}},
	{"client time in GetProfile, µs/op", func(p *Phase) float64 { return float64(p.CallNanos[mGetProfile]) / 1e3 / float64(p.Ops) }},
	{"throughput, ops/s", func(p *Phase) float64 { return float64(p.Ops) / p.Wall.Seconds() }},
}

// spread returns the median, minimum and maximum of xs.
func spread(xs []float64) (med, lo, hi float64) {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2], s[0], s[len(s)-1]
}

// writeSummary compares the medians of the off and on phases.
func (r *Report) writeSummary(out io.Writer) {
	fmt.Fprintln(out, "| per operation | cache off: median (min–max) | cache on: median (min–max) | on / off |")
	fmt.Fprintln(out, "|---|---|---|---|")
	for _, m := range summaryMetrics {
		var off, on []float64
		for _, ph := range r.Phases {
			if ph.Cache {
				on = append(on, m.of(ph))
			} else {
				off = append(off, m.of(ph))
			}
		}
		if len(off) == 0 || len(on) == 0 {
			continue
		}
		mo, lo, ho := spread(off)
		mn, ln, hn := spread(on)
		ratio := "—"
		if mo != 0 {
			ratio = fmt.Sprintf("%.3f", mn/mo)
		}
		fmt.Fprintf(out, "| %s | %.3g (%.3g–%.3g) | %.3g (%.3g–%.3g) | %s |\n", m.name, mo, lo, ho, mn, ln, hn, ratio)
	}
	fmt.Fprintln(out)
}
