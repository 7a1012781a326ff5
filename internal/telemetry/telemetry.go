// Package telemetry sets up what every Parley process reports about itself:
// structured logs (log/slog) and the Prometheus registry.
package telemetry

import (
	"io"
	"log/slog"
	"os"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"golang.org/x/term"
)

// NewLogger returns a logger writing to w: JSON in production, text on a
// terminal ("auto" picks by whether w is a terminal).
func NewLogger(w io.Writer, format, level string) *slog.Logger {
	var lv slog.Level
	if err := lv.UnmarshalText([]byte(level)); err != nil {
		lv = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: lv}
	if format == "auto" {
		format = "json"
		if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
			format = "text"
		}
	}
	if format == "text" {
		return slog.New(slog.NewTextHandler(w, opts))
	}
	opts.ReplaceAttr = durationSeconds
	return slog.New(slog.NewJSONHandler(w, opts))
}

// durationSeconds writes a duration in a JSON log as seconds (a number, as
// Caddy's logs and OpenTelemetry's conventions have them): slog would
// write nanoseconds, and "timeout":20000000000 reads badly.
func durationSeconds(_ []string, a slog.Attr) slog.Attr {
	if a.Value.Kind() == slog.KindDuration {
		a.Value = slog.Float64Value(a.Value.Duration().Seconds())
	}
	return a
}

// NewRegistry returns a Prometheus registry with the Go runtime and process
// collectors; every Parley metric registers here, never globally.
func NewRegistry() *prometheus.Registry {
	r := prometheus.NewRegistry()
	r.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return r
}

// Discard is a logger that drops everything, for tests and tools.
func Discard() *slog.Logger { return slog.New(slog.DiscardHandler) }
