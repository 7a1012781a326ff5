package main

import (
	"log/slog"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/config"
)

// TestNewMoonshineChoice checks PARLEY_STT: pocketsphinx asks for no
// Moonshine, and moonshine with its files missing says which one and how
// to install it (the message /readyz and the 503 repeat when pocketsphinx
// is missing too).
func TestNewMoonshineChoice(t *testing.T) {
	empty := t.TempDir()
	for _, tt := range []struct {
		name, stt, dir string
		wantDown       []string
	}{
		{"pocketsphinx only", "pocketsphinx", empty, nil},
		{"moonshine missing", "moonshine", empty, []string{empty, "scripts/install-speech.sh"}},
		{"pick, moonshine missing", "pick", empty, []string{empty, "scripts/install-speech.sh"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg := &config.Serve{Voice: config.VoiceConfig{STT: tt.stt, STTModelDir: tt.dir}}
			rec, down, _ := newMoonshine(cfg, slog.New(slog.DiscardHandler))
			if rec != nil {
				t.Fatalf("got a recogniser from %s", tt.dir)
			}
			if (down == "") != (len(tt.wantDown) == 0) {
				t.Fatalf("down = %q, want it to name %q", down, tt.wantDown)
			}
			for _, w := range tt.wantDown {
				if !strings.Contains(down, w) {
					t.Errorf("down = %q lacks %q", down, w)
				}
			}
		})
	}
}
