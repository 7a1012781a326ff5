package dbcopy

import (
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Progress reports rows copied: a bar with rows/s and ETA on a terminal,
// a structured log line every few seconds otherwise. A nil *Progress is silent.
type Progress struct {
	W        io.Writer
	Terminal bool
	Logger   *slog.Logger
	Every    time.Duration

	mu   sync.Mutex
	stop chan struct{}
	wg   sync.WaitGroup
}

// Start begins reporting a phase of total rows, of which done are already
// done; the caller adds rows to the returned counter.
func (p *Progress) Start(phase string, total, done int64) *atomic.Int64 {
	c := new(atomic.Int64)
	if p == nil {
		return c
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stop = make(chan struct{})
	every := p.Every
	if every == 0 {
		every = 5 * time.Second
		if p.Terminal {
			every = 200 * time.Millisecond
		}
	}
	start := time.Now()
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			select {
			case <-p.stop:
				p.report(phase, start, total, done, c.Load(), true)
				return
			case <-tick.C:
				p.report(phase, start, total, done, c.Load(), false)
			}
		}
	}()
	return c
}

// Stop ends the current phase.
func (p *Progress) Stop() {
	if p == nil || p.stop == nil {
		return
	}
	close(p.stop)
	p.wg.Wait()
	p.stop = nil
}

func (p *Progress) report(phase string, start time.Time, total, done, n int64, final bool) {
	el := time.Since(start).Seconds()
	rate := float64(n) / max(el, 1e-9)
	cur := done + n
	eta := "?"
	if rate > 0 && total > cur {
		eta = (time.Duration(float64(total-cur)/rate) * time.Second).Round(time.Second).String()
	}
	if !p.Terminal {
		if p.Logger != nil {
			p.Logger.Info("progress", "phase", phase, "rows", cur, "rows_estimate", total, "rows_per_s", int64(rate), "eta", eta)
		}
		return
	}
	frac := 0.0
	if total > 0 {
		frac = min(float64(cur)/float64(total), 1)
	}
	const width = 30
	bar := strings.Repeat("#", int(frac*width)) + strings.Repeat(".", width-int(frac*width))
	end := ""
	if final {
		end = "\n"
	}
	fmt.Fprintf(p.W, "\r%s [%s] %3.0f%% %d rows %.0f rows/s ETA %s   %s", phase, bar, frac*100, cur, rate, eta, end)
}
