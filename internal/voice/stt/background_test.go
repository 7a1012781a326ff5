package stt_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/voice/audio"
	"github.com/parleyhq/parley/internal/voice/stt"
)

// fixed answers text, or its bias's phrase count when steered.
type fixed struct {
	text string
	bias *stt.Bias
}

func (f fixed) Transcribe(context.Context, audio.PCM) (stt.Transcript, error) {
	if f.bias != nil {
		return stt.Transcript{Text: f.text + " (biased)", Provider: "fixed"}, nil
	}
	return stt.Transcript{Text: f.text, Provider: "fixed"}, nil
}

func (f fixed) WithBias(b *stt.Bias) stt.Transcriber { return fixed{text: f.text, bias: b} }

func TestBackgroundWaitsForTheLoad(t *testing.T) {
	release := make(chan struct{})
	var reported atomic.Int32
	b := stt.LoadInBackground(func() (stt.Transcriber, error) {
		<-release
		return fixed{text: "hello"}, nil
	}, func(tr stt.Transcriber, _ time.Duration, err error) {
		if tr == nil || err != nil {
			t.Errorf("report: %v, %v", tr, err)
		}
		reported.Add(1)
	})

	// During the load a turn whose context ends gets that context's error.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := b.Transcribe(ctx, audio.PCM{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("Transcribe during the load with a cancelled context: %v", err)
	}

	got := make(chan stt.Transcript, 2)
	go func() {
		tr, err := b.Transcribe(context.Background(), audio.PCM{})
		if err != nil {
			t.Error(err)
		}
		got <- tr
	}()
	go func() {
		tr, err := b.WithBias(stt.NewBias([]string{"kubernetes"}, 1)).Transcribe(context.Background(), audio.PCM{})
		if err != nil {
			t.Error(err)
		}
		got <- tr
	}()
	select {
	case tr := <-got:
		t.Fatalf("a turn went on before the load finished: %+v", tr)
	case <-time.After(20 * time.Millisecond):
	}
	close(release)
	texts := []string{(<-got).Text, (<-got).Text}
	if !(texts[0] == "hello" && texts[1] == "hello (biased)" || texts[1] == "hello" && texts[0] == "hello (biased)") {
		t.Errorf("transcripts %q, want the plain and the biased one", texts)
	}
	if n := reported.Load(); n != 1 {
		t.Errorf("report called %d times, want once", n)
	}
}

// A failed load is Unavailable, so that a Chain falls back to the next
// recogniser instead of failing the turn.
func TestBackgroundFailedLoadFallsBack(t *testing.T) {
	for _, tt := range []struct {
		name string
		err  error
	}{
		{"unavailable", apperr.New(apperr.Unavailable, "model file is corrupt")},
		{"other error", errors.New("onnx: bad graph")},
		{"no recogniser and no error", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var reportedErr error
			b := stt.LoadInBackground(func() (stt.Transcriber, error) { return nil, tt.err },
				func(_ stt.Transcriber, _ time.Duration, err error) { reportedErr = err })
			if _, err := b.Wait(context.Background()); apperr.CodeOf(err) != apperr.Unavailable {
				t.Fatalf("Wait: %v, want Unavailable", err)
			}
			if apperr.CodeOf(reportedErr) != apperr.Unavailable {
				t.Errorf("reported %v, want Unavailable", reportedErr)
			}
			chain := stt.Chain{b.WithBias(nil), fixed{text: "from the fallback"}}
			tr, err := chain.Transcribe(context.Background(), audio.PCM{})
			if err != nil || tr.Text != "from the fallback" {
				t.Errorf("chain: %q, %v; want the fallback's transcript", tr.Text, err)
			}
		})
	}
}

// Missing files are reported at once, naming the file, not after a load.
func TestLoadMoonshineMissingFiles(t *testing.T) {
	dir := t.TempDir()
	b, err := stt.LoadMoonshine(stt.MoonshineOptions{Dir: dir}, nil)
	if b != nil || apperr.CodeOf(err) != apperr.Unavailable {
		t.Fatalf("LoadMoonshine(%s) = %v, %v; want no recogniser and Unavailable", dir, b, err)
	}
	if msg := apperr.MessageOf(err); !strings.Contains(msg, filepath.Join(dir, stt.ORTLibrary)) || !strings.Contains(msg, "install-speech.sh") {
		t.Errorf("message %q should name the missing library and the install script", msg)
	}
}
