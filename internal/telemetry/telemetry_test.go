package telemetry_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/telemetry"
)

// TestJSONDurationsInSeconds: a JSON log line gives durations as seconds,
// in groups too; the text format keeps Go's "20s".
func TestJSONDurationsInSeconds(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want float64
	}{
		{20 * time.Second, 20},
		{1500 * time.Microsecond, 0.0015},
		{7 * 24 * time.Hour, 604800},
		{0, 0},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		telemetry.NewLogger(&buf, "json", "info").Info("x", "timeout", tt.d, slog.Group("g", slog.Duration("d", tt.d)), "n", 3)
		var line struct {
			Timeout float64 `json:"timeout"`
			G       struct {
				D float64 `json:"d"`
			} `json:"g"`
			N int `json:"n"`
		}
		if err := json.Unmarshal(buf.Bytes(), &line); err != nil {
			t.Fatalf("%s: %v", buf.Bytes(), err)
		}
		if line.Timeout != tt.want || line.G.D != tt.want || line.N != 3 {
			t.Errorf("%v logged as %s, want %v s", tt.d, bytes.TrimSpace(buf.Bytes()), tt.want)
		}
	}
	var buf bytes.Buffer
	telemetry.NewLogger(&buf, "text", "info").Info("x", "timeout", 20*time.Second)
	if !bytes.Contains(buf.Bytes(), []byte("timeout=20s")) {
		t.Errorf("text line %q lacks timeout=20s", buf.Bytes())
	}
}
