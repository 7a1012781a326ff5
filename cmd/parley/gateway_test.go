package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGatewayConfigErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("listen: 127.0.0.1:0\nupstreams: {api: {targets: [http://127.0.0.1:1], balancing: random}}\nroutes: [{path_prefix: /, upstream: web}]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"no config", []string{"gateway"}, []string{"--config FILE is required"}},
		{"missing file", []string{"gateway", "--config", filepath.Join(dir, "nope.yaml")}, []string{"no such file"}},
		{"invalid", []string{"gateway", "--config", bad}, []string{"upstreams.api.balancing", `routes[0].upstream: unknown upstream "web"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := cli(t, nil, "", tt.args...)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

// gatewayProcs raises only Go's own choice of one processor, never the
// operator's.
func TestGatewayProcs(t *testing.T) {
	tests := []struct {
		env     string
		current int
		want    int
	}{
		{"", 1, 2},  // one CPU in the mask or the cgroup: two Ps
		{"", 2, 0},  // Go's choice stands
		{"", 8, 0},  // Go's choice stands
		{"1", 1, 0}, // the environment decides
		{"4", 4, 0},
	}
	for _, tt := range tests {
		if got := gatewayProcs(tt.env, tt.current); got != tt.want {
			t.Errorf("gatewayProcs(%q, %d) = %d, want %d", tt.env, tt.current, got, tt.want)
		}
	}
}
