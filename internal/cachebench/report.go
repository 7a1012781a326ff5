package cachebench

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/parleyhq/parley/internal/cache"
)

// Phase is what one phase measured.
type Phase struct {
	Cache        bool
	Round        int
	Wall         time.Duration
	Warmup       int // operations run before the measured ones, not counted
	Ops          int
	ByKind       [nKinds]int
	Calls        [nMethods]int64            // store calls that reached the database
	CallNanos    [nMethods]int64            // client-side time inside those calls
	Xacts        int64                      // pg_stat_database: transactions (autocommit statements count one each)
	ActiveMillis float64                    // pg_stat_database.active_time: server time executing statements
	TupRead      int64                      // pg_stat_database: rows returned + fetched
	Blocks       int64                      // pg_stat_database: buffer pages touched (hit + read), a count of work
	P50, P99     [nKinds]time.Duration      // latency per operation kind
	Tiers        map[string]cache.TierStats // summed over processes (cache on)
	Loads        uint64
	Shared       uint64
	NegHits      uint64
	Stale        int        // read-backs through another process that returned an older version
	Checked      int        // read-backs done
	Statements   bool       // pg_stat_statements figures are present
	stmts        statements // pg_stat_statements, this phase
}

// Report is a whole run.
type Report struct {
	Config Config
	Phases []*Phase
	Probe  Probe
}

func (ph *Phase) addCache(s cache.Stats) { ph.mergeCache(s, false) }

// subCache takes away counts taken before the measured part of the phase
// (the warm-up's): addCache of the totals after it then leaves the
// measured part's (uint64 arithmetic wraps back).
func (ph *Phase) subCache(s cache.Stats) { ph.mergeCache(s, true) }

func (ph *Phase) mergeCache(s cache.Stats, sub bool) {
	if ph.Tiers == nil {
		ph.Tiers = map[string]cache.TierStats{}
	}
	add := func(sum *uint64, n uint64) {
		if sub {
			*sum -= n
		} else {
			*sum += n
		}
	}
	for _, t := range s.Tiers {
		sum := ph.Tiers[t.Tier]
		sum.Tier = t.Tier
		add(&sum.Hits, t.Hits)
		add(&sum.Misses, t.Misses)
		add(&sum.Evictions, t.Evictions)
		add(&sum.Errors, t.Errors)
		ph.Tiers[t.Tier] = sum
	}
	add(&ph.Loads, s.Loads)
	add(&ph.Shared, s.Shared)
	add(&ph.NegHits, s.NegativeHits)
}

func (ph *Phase) collect(workers []*worker, stats *[nMethods]callStats) {
	for k := range nKinds {
		var all []time.Duration
		for _, w := range workers {
			all = append(all, w.lat[k]...)
		}
		ph.ByKind[k] = len(all)
		ph.Ops += len(all)
		ph.P50[k], ph.P99[k] = percentile(all, 0.50), percentile(all, 0.99)
	}
	for _, w := range workers {
		ph.Stale += w.stale
		ph.Checked += w.checked
	}
	for m := range nMethods {
		ph.Calls[m], ph.CallNanos[m] = stats[m].calls.Load(), stats[m].nanos.Load()
	}
}

func percentile(d []time.Duration, q float64) time.Duration {
	if len(d) == 0 {
		return 0
	}
	s := slices.Clone(d)
	slices.Sort(s)
	return s[min(int(q*float64(len(s))), len(s)-1)]
}

// dbCalls returns the store calls per operation and the client-side time
// in them per operation.
func (ph *Phase) dbCalls() (calls float64, micros float64) {
	var n, ns int64
	for m := range nMethods {
		n += ph.Calls[m]
		ns += ph.CallNanos[m]
	}
	return float64(n) / float64(ph.Ops), float64(ns) / 1e3 / float64(ph.Ops)
}

// WriteMarkdown writes the report's tables.
func (r *Report) WriteMarkdown(out io.Writer) {
	c := r.Config
	fmt.Fprintf(out, "Workload: %d profiles, %d sessions, Zipf s=%.2f, %.0f%% writes, %.0f%% of reads are chat turns, "+
		"%d ops measured per phase after %d warm-up ops on the same processes, %d workers, %d simulated processes, %d rounds (off, on interleaved).\n\n",
		c.Profiles, c.Sessions, c.ZipfS, 100*c.WriteFrac, 100*c.TurnFrac, c.Ops, c.Warmup, c.Workers, c.Processes, c.Rounds)
	r.writeSummary(out)
	fmt.Fprintln(out, "Every phase:")
	fmt.Fprintln(out)
	fmt.Fprintln(out, "| round | cache | ops/s | store calls/op | GetProfile calls/op | client DB µs/op | server xacts/op | server active ms (total) | rows read/op | stale / checked |")
	fmt.Fprintln(out, "|---|---|---|---|---|---|---|---|---|---|")
	for _, ph := range r.Phases {
		calls, micros := ph.dbCalls()
		fmt.Fprintf(out, "| %d | %s | %.0f | %.3f | %.3f | %.0f | %.3f | %.0f | %.1f | %d / %d |\n",
			ph.Round, onOff(ph.Cache), float64(ph.Ops)/ph.Wall.Seconds(), calls,
			float64(ph.Calls[mGetProfile])/float64(ph.Ops), micros,
			float64(ph.Xacts)/float64(ph.Ops), ph.ActiveMillis, float64(ph.TupRead)/float64(ph.Ops), ph.Stale, ph.Checked)
	}
	if r.statements() {
		fmt.Fprintln(out, "\npg_stat_statements per phase (server execution time, summed over statements):")
		fmt.Fprintln(out, "\n| round | cache | statements/op | read-path/op | write-path/op | exec ms (total) | read-path exec ms | write-path exec ms | BEGIN/COMMIT exec ms |")
		fmt.Fprintln(out, "|---|---|---|---|---|---|---|---|---|")
		for _, ph := range r.Phases {
			st, n := ph.stmts, float64(ph.Ops)
			fmt.Fprintf(out, "| %d | %s | %.3f | %.3f | %.3f | %.0f | %.0f | %.0f | %.0f |\n", ph.Round, onOff(ph.Cache),
				float64(st.calls)/n, float64(st.readCalls)/n, float64(st.writeCalls)/n, st.execMs, st.readMs, st.writeMs, st.groupMs[gTxControl])
		}
		r.writeGroups(out)
	}
	if r.statements() {
		r.writeTopStatements(out)
	}
	fmt.Fprintln(out, "\nLatency per operation kind (p50 / p99):")
	fmt.Fprintln(out, "\n| round | cache | profile view | chat turn | profile write |")
	fmt.Fprintln(out, "|---|---|---|---|---|")
	for _, ph := range r.Phases {
		fmt.Fprintf(out, "| %d | %s |", ph.Round, onOff(ph.Cache))
		for k := range nKinds {
			fmt.Fprintf(out, " %s / %s (n=%d) |", ph.P50[k].Round(time.Microsecond), ph.P99[k].Round(time.Microsecond), ph.ByKind[k])
		}
		fmt.Fprintln(out)
	}
	fmt.Fprintln(out, "\nProfile cache, summed over processes (cache on):")
	fmt.Fprintln(out, "\n| round | local hits | local misses | local hit ratio | redis hits | redis misses | redis hit ratio | loads | shared loads | local evictions (size + expiry) |")
	fmt.Fprintln(out, "|---|---|---|---|---|---|---|---|---|---|")
	for _, ph := range r.Phases {
		if !ph.Cache {
			continue
		}
		l, rd := ph.Tiers[cache.TierLocal], ph.Tiers[cache.TierRedis]
		fmt.Fprintf(out, "| %d | %d | %d | %.3f | %d | %d | %.3f | %d | %d | %d |\n", ph.Round,
			l.Hits, l.Misses, l.HitRatio(), rd.Hits, rd.Misses, rd.HitRatio(), ph.Loads, ph.Shared, l.Evictions)
	}
	r.Probe.writeMarkdown(out)
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}

// writeTopStatements lists where the database time went in the last
// round's off and on phases.
func (r *Report) writeTopStatements(out io.Writer) {
	last := r.Phases[len(r.Phases)-1].Round
	for _, ph := range r.Phases {
		if ph.Round != last {
			continue
		}
		fmt.Fprintf(out, "\nTop statements by execution time, round %d, cache %s:\n\n", last, onOff(ph.Cache))
		fmt.Fprintln(out, "| statement (normalised, first 90 characters) | group | calls/op | exec ms | share |")
		fmt.Fprintln(out, "|---|---|---|---|---|")
		for _, st := range ph.stmts.top(8) {
			fmt.Fprintf(out, "| `%s` | %s | %.3f | %.0f | %.0f%% |\n", strings.ReplaceAll(st.text, "|", "\\|"), groupNames[st.group],
				float64(st.calls)/float64(ph.Ops), st.ms, 100*st.ms/ph.stmts.execMs)
		}
	}
}

// writeGroups splits the database time by statement group (read or write
// path, and what it touches): medians over rounds, per operation.
func (r *Report) writeGroups(out io.Writer) {
	fmt.Fprintln(out, "\nBy statement group (told from the statement text; medians of the rounds, per operation):")
	fmt.Fprintln(out, "\n| group | calls/op off | calls/op on | exec µs/op off | exec µs/op on | on / off |")
	fmt.Fprintln(out, "|---|---|---|---|---|---|")
	for g := range nGroups {
		var offC, onC, offT, onT []float64
		for _, ph := range r.Phases {
			c := float64(ph.stmts.groupCalls[g]) / float64(ph.Ops)
			t := 1000 * ph.stmts.groupMs[g] / float64(ph.Ops)
			if ph.Cache {
				onC, onT = append(onC, c), append(onT, t)
			} else {
				offC, offT = append(offC, c), append(offT, t)
			}
		}
		if len(offC) == 0 || len(onC) == 0 {
			continue
		}
		oc, _, _ := spread(offC)
		nc, _, _ := spread(onC)
		ot, _, _ := spread(offT)
		nt, _, _ := spread(onT)
		if oc == 0 && nc == 0 {
			continue
		}
		ratio := "—"
		if ot != 0 {
			ratio = fmt.Sprintf("%.3f", nt/ot)
		}
		fmt.Fprintf(out, "| %s | %.3f | %.3f | %.1f | %.1f | %s |\n", groupNames[g], oc, nc, ot, nt, ratio)
	}
}
