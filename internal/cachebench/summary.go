package cachebench

import (
	"fmt"
	"io"
	"slices"
)

// metric extracts one per-operation figure from a phase.
type metric struct {
	name       string
	of         func(*Phase) float64
	statements bool // needs pg_stat_statements
}

func perOp(p *Phase, x float64) float64 { return x / float64(p.Ops) }

var summaryMetrics = []metric{
	{"**database execution time, µs/op** (pg_stat_statements total_exec_time, all statements)", func(p *Phase) float64 { return 1000 * perOp(p, p.stmts.execMs) }, true},
	{"**read path: execution time, µs/op** (statements that only read)", func(p *Phase) float64 { return 1000 * perOp(p, p.stmts.readMs) }, true},
	{"**write path: execution time, µs/op** (statements that write or lock to write)", func(p *Phase) float64 { return 1000 * perOp(p, p.stmts.writeMs) }, true},
	{"transaction control (BEGIN/COMMIT): execution time, µs/op", func(p *Phase) float64 { return 1000 * perOp(p, p.stmts.groupMs[gTxControl]) }, true},
	{"read path: execution time per read (views + turns), µs", func(p *Phase) float64 {
		return 1000 * p.stmts.readMs / float64(p.ByKind[kView]+p.ByKind[kTurn])
	}, true},
	{"write path: execution time per operation that writes (turns + profile writes), µs", func(p *Phase) float64 {
		return 1000 * p.stmts.writeMs / float64(p.ByKind[kTurn]+p.ByKind[kWrite])
	}, true},
	{"**statements/op** (pg_stat_statements calls, incl. BEGIN/COMMIT)", func(p *Phase) float64 { return perOp(p, float64(p.stmts.calls)) }, true},
	{"read-path statements/op", func(p *Phase) float64 { return perOp(p, float64(p.stmts.readCalls)) }, true},
	{"write-path statements/op", func(p *Phase) float64 { return perOp(p, float64(p.stmts.writeCalls)) }, true},
	{"buffer pages touched/op (pg_stat_database blks_hit + blks_read)", func(p *Phase) float64 { return float64(p.Blocks) / float64(p.Ops) }, false},
	{"server active time, µs/op (pg_stat_database.active_time: wall-clock, includes lock waits and CPU queueing)", func(p *Phase) float64 { return 1000 * p.ActiveMillis / float64(p.Ops) }, false},
	{"server transactions/op (pg_stat_database)", func(p *Phase) float64 { return float64(p.Xacts) / float64(p.Ops) }, false},
	{"rows read/op (pg_stat_database)", func(p *Phase) float64 { return float64(p.TupRead) / float64(p.Ops) }, false},
	{"store calls/op (client)", func(p *Phase) float64 { c, _ := p.dbCalls(); return c }, false},
	{"client time in store calls, µs/op", func(p *Phase) float64 { _, us := p.dbCalls(); return us }, false},
	{"GetProfile calls/op", func(p *Phase) float64 { return float64(p.Calls[mGetProfile]) / float64(p.Ops) }, false},
	{"GetProfile calls per read (views + turns)", func(p *Phase) float64 {
		return float64(p.Calls[mGetProfile]) / float64(p.ByKind[kView]+p.ByKind[kTurn])
	}, false},
	{"client time in GetProfile, µs/op", func(p *Phase) float64 { return float64(p.CallNanos[mGetProfile]) / 1e3 / float64(p.Ops) }, false},
	{"throughput, ops/s", func(p *Phase) float64 { return float64(p.Ops) / p.Wall.Seconds() }, false},
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
		if m.statements && !r.statements() {
			continue
		}
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

// statements reports whether every phase has pg_stat_statements figures.
func (r *Report) statements() bool {
	for _, ph := range r.Phases {
		if !ph.Statements {
			return false
		}
	}
	return len(r.Phases) > 0
}
