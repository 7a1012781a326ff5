package turn

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/testenv"
	"github.com/parleyhq/parley/internal/voice/stt"
)

// ready is a lazy value already loaded.
func ready[T any](v T) *lazy[T] {
	l := newLazy(func(context.Context) (T, error) { return v, nil })
	l.v.Store(&v)
	return l
}

// TestLazyConcurrentFirstUse: goroutines asking at once while the load
// is running all get its value, and the load runs once.
func TestLazyConcurrentFirstUse(t *testing.T) {
	var loads atomic.Int32
	release := make(chan struct{})
	l := newLazy(func(context.Context) (string, error) {
		loads.Add(1)
		<-release
		return "dictionary", nil
	})
	const n = 16
	var wg sync.WaitGroup
	got := make([]string, n)
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() { got[i], errs[i] = l.get(context.Background()) })
	}
	close(release)
	wg.Wait()
	for i := range n {
		if errs[i] != nil || got[i] != "dictionary" {
			t.Errorf("get %d = %q, %v; want the loaded value", i, got[i], errs[i])
		}
	}
	if loads.Load() != 1 {
		t.Errorf("loaded %d times, want once", loads.Load())
	}
}

// TestLazyRetriesAfterFailure: a failed load is reported, not kept; the
// next use loads again and the value is then kept.
func TestLazyRetriesAfterFailure(t *testing.T) {
	var loads atomic.Int32
	gone := errors.New("file missing")
	l := newLazy(func(context.Context) (int, error) {
		if loads.Add(1) == 1 {
			return 0, gone
		}
		return 42, nil
	})
	if v, err := l.get(context.Background()); !errors.Is(err, gone) || l.loaded() {
		t.Fatalf("first get = %d, %v (loaded %v); want the load's error", v, err, l.loaded())
	}
	for range 2 {
		if v, err := l.get(context.Background()); err != nil || v != 42 {
			t.Fatalf("get after a failure = %d, %v; want 42", v, err)
		}
	}
	if loads.Load() != 2 {
		t.Errorf("loaded %d times, want 2 (one failure, one success)", loads.Load())
	}
}

// TestLazyWaiterContext: a caller waiting behind a slow load gives up
// when its context ends, without disturbing the load.
func TestLazyWaiterContext(t *testing.T) {
	started, release := make(chan struct{}), make(chan struct{})
	l := newLazy(func(context.Context) (string, error) {
		close(started)
		<-release
		return "x", nil
	})
	done := make(chan error)
	go func() {
		_, err := l.get(context.Background())
		done <- err
	}()
	<-started
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := l.get(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("waiting get with an ended context: %v, want context.Canceled", err)
	}
	close(release)
	if err := <-done; err != nil {
		t.Errorf("loading get: %v", err)
	}
}

// newTestService is the pipeline without chat or blob store, enough to
// build profile models; it needs espeak-ng and pocketsphinx as serve does.
func newTestService(t *testing.T) *Service {
	t.Helper()
	testenv.Tool(t, "espeak-ng", "apt-get install espeak-ng")
	testenv.Tool(t, "pocketsphinx_continuous", "apt-get install pocketsphinx pocketsphinx-en-us")
	testenv.File(t, stt.DefaultSphinxDict, "apt-get install pocketsphinx-en-us")
	testenv.File(t, wordList, "apt-get install wamerican")
	s, err := New(nil, nil, Config{ModelDir: t.TempDir(), Correct: true}, nil, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestNewDefersVoiceData: constructing the pipeline (serve's start-up)
// reads neither the pronunciation dictionary nor the word list; building
// the first profile model reads the dictionary, and its words are in the
// model.
func TestNewDefersVoiceData(t *testing.T) {
	s := newTestService(t)
	if s.base.loaded() {
		t.Error("pronunciation dictionary read by New, want it read on first use")
	}
	if s.words == nil {
		t.Error("word list not found by New")
	} else if s.words.loaded() {
		t.Error("word list read by New, want it read on first use")
	}
	if _, err := s.sphinxFor(context.Background(), sampleIndex(t), "v1"); err != nil {
		t.Fatal(err)
	}
	if !s.base.loaded() {
		t.Error("pronunciation dictionary not loaded after the first profile model")
	}
	m, ok := s.models.Load("v1")
	if !ok {
		t.Fatal("no model kept for v1")
	}
	dict, err := os.ReadFile(m.(stt.Model).Dict)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"\nwhere W EH R\n", "\nstudy S T AH D IY\n"} {
		if !strings.Contains("\n"+string(dict), want) {
			t.Errorf("profile dictionary lacks %q", strings.TrimSpace(want))
		}
	}
}

// TestDictionaryConcurrentModels: models for several profiles built at
// once read the dictionary once.
func TestDictionaryConcurrentModels(t *testing.T) {
	s := newTestService(t)
	var loads atomic.Int32
	read := readDictionary(stt.DefaultSphinxDict, slog.New(slog.DiscardHandler))
	s.base = newLazy(func(ctx context.Context) (*stt.Lexicon, error) {
		loads.Add(1)
		return read(ctx)
	})
	idx := sampleIndex(t)
	var wg sync.WaitGroup
	for _, key := range []string{"v1", "v2", "v3", "v4"} {
		wg.Go(func() {
			if _, err := s.sphinxFor(context.Background(), idx, key); err != nil {
				t.Errorf("model %s: %v", key, err)
			}
		})
	}
	wg.Wait()
	if loads.Load() != 1 {
		t.Errorf("dictionary read %d times, want once", loads.Load())
	}
}

// TestDictionaryMissingAtFirstUse: a dictionary gone after start-up fails
// that turn as unavailable, and once restored the next turn builds its
// model without a restart.
func TestDictionaryMissingAtFirstUse(t *testing.T) {
	s := newTestService(t)
	path := filepath.Join(t.TempDir(), "cmudict.dict")
	s.base = newLazy(readDictionary(path, slog.New(slog.DiscardHandler)))
	idx := sampleIndex(t)
	_, err := s.sphinxFor(context.Background(), idx, "v1")
	if !apperr.Is(err, apperr.Unavailable) || !strings.Contains(apperr.MessageOf(err), "pronunciation dictionary missing") {
		t.Fatalf("model without a dictionary: %v, want unavailable naming the dictionary", err)
	}
	raw, err := os.ReadFile(stt.DefaultSphinxDict)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := s.sphinxFor(context.Background(), idx, "v1"); err != nil {
		t.Fatalf("model once the dictionary is back: %v", err)
	}
}
