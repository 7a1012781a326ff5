package tts_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/testenv"

	"github.com/google/go-cmp/cmp"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/voice/audio"
	at "github.com/parleyhq/parley/internal/voice/audio/audiotest"
	"github.com/parleyhq/parley/internal/voice/oaihttp"
	"github.com/parleyhq/parley/internal/voice/tts"
)

func TestMissingBinaryIsUnavailable(t *testing.T) {
	_, err := tts.NewEspeak(tts.EspeakOptions{Binary: "parley-no-such-espeak"})
	if apperr.CodeOf(err) != apperr.Unavailable || !strings.Contains(err.Error(), "espeak-ng") {
		t.Errorf("NewEspeak = %v, want unavailable naming espeak-ng", err)
	}
	_, err = tts.NewFlite(tts.FliteOptions{Binary: "parley-no-such-flite"})
	if apperr.CodeOf(err) != apperr.Unavailable || !strings.Contains(err.Error(), "flite") {
		t.Errorf("NewFlite = %v, want unavailable naming flite", err)
	}
}

func TestBadOptions(t *testing.T) {
	for _, o := range []tts.EspeakOptions{{WordsPerMinute: 10}, {Pitch: 120}, {Voice: "--help"}} {
		if _, err := tts.NewEspeak(o); apperr.CodeOf(err) != apperr.Invalid {
			t.Errorf("NewEspeak(%+v) = %v, want invalid", o, err)
		}
	}
}

// localEngines returns the installed local synthesisers; none installed
// skips (the README's set-up installs both).
func localEngines(t *testing.T) map[string]tts.Synthesizer {
	t.Helper()
	out := map[string]tts.Synthesizer{}
	if _, err := exec.LookPath("espeak-ng"); err == nil {
		s, err := tts.NewEspeak(tts.EspeakOptions{})
		if err != nil {
			t.Fatal(err)
		}
		out["espeak-ng"] = s
	}
	if _, err := exec.LookPath("flite"); err == nil {
		s, err := tts.NewFlite(tts.FliteOptions{})
		if err != nil {
			t.Fatal(err)
		}
		out["flite"] = s
	}
	if len(out) == 0 {
		testenv.Tool(t, "espeak-ng", "apt-get install espeak-ng flite")
	}
	return out
}

func TestLocalEnginesSpeak(t *testing.T) {
	for name, s := range localEngines(t) {
		t.Run(name, func(t *testing.T) {
			short, err := s.Synthesize(context.Background(), "Hello.")
			if err != nil {
				t.Fatal(err)
			}
			long, err := s.Synthesize(context.Background(), "--help me: she built a distributed database in Go at Acme Corporation.")
			if err != nil {
				t.Fatal(err)
			}
			if short.Channels != 1 || short.Rate < 8000 {
				t.Errorf("format %d ch %d Hz", short.Channels, short.Rate)
			}
			if short.Duration() < 200*time.Millisecond || long.Duration() < 2*short.Duration() {
				t.Errorf("durations short %v long %v: longer text should last longer", short.Duration(), long.Duration())
			}
			if at.RMS(long.Samples) < 300 {
				t.Errorf("speech is nearly silent (rms %.0f)", at.RMS(long.Samples))
			}
			if _, err := s.Synthesize(context.Background(), "  "); apperr.CodeOf(err) != apperr.Invalid {
				t.Errorf("empty text: %v", err)
			}
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			if _, err := s.Synthesize(ctx, "Cancelled."); err == nil {
				t.Errorf("cancelled context: no error")
			}
		})
	}
}

func TestOpenAISpeech(t *testing.T) {
	wav, err := audio.WAVBytes(audio.PCM{Rate: 24000, Channels: 1, Samples: at.Sine(24000, 2400, 300, 5000)})
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	var auth string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.URL.Path != "/v1/audio/speech" {
			http.Error(w, `{"error":{"message":"not found"}}`, http.StatusNotFound)
			return
		}
		auth = r.Header.Get("Authorization")
		if err := json.NewDecoder(r.Body).Decode(&got); err != nil {
			http.Error(w, err.Error(), 400)
			return
		}
		w.Header().Set("Content-Type", "audio/wav")
		w.Write(wav)
	}))
	defer srv.Close()
	c, err := tts.NewOpenAI(tts.OpenAIOptions{Endpoint: oaihttp.Endpoint{BaseURL: srv.URL + "/v1/", APIKey: "sk-test"}, Voice: "nova", Speed: 1.25})
	if err != nil {
		t.Fatal(err)
	}
	pcm, err := c.Synthesize(context.Background(), " Hi there. ")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"model": "tts-1", "input": "Hi there.", "voice": "nova", "response_format": "wav", "speed": 1.25}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("request (-want +got):\n%s", diff)
	}
	if auth != "Bearer sk-test" {
		t.Errorf("Authorization %q", auth)
	}
	if pcm.Rate != 24000 || len(pcm.Samples) != 2400 {
		t.Errorf("got %d Hz, %d samples", pcm.Rate, len(pcm.Samples))
	}
}

func TestOpenAISpeechErrors(t *testing.T) {
	tests := []struct {
		name   string
		status int
		body   string
		header map[string]string
		want   apperr.Code
		retry  time.Duration
	}{
		{"rate limited", 429, `{"error":{"message":"slow down"}}`, map[string]string{"Retry-After": "7"}, apperr.Unavailable, 7 * time.Second},
		{"bad key", 401, `{"error":{"message":"bad key"}}`, nil, apperr.Unavailable, 0},
		{"server error", 503, `oops`, nil, apperr.Unavailable, 0},
		{"bad request", 400, `{"error":{"message":"voice unknown"}}`, nil, apperr.Internal, 0},
		{"not audio", 200, `{"not":"wav"}`, nil, apperr.Unavailable, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				for k, v := range tt.header {
					w.Header().Set(k, v)
				}
				w.WriteHeader(tt.status)
				w.Write([]byte(tt.body))
			}))
			defer srv.Close()
			c, err := tts.NewOpenAI(tts.OpenAIOptions{Endpoint: oaihttp.Endpoint{BaseURL: srv.URL}})
			if err != nil {
				t.Fatal(err)
			}
			_, err = c.Synthesize(context.Background(), "Hello.")
			if apperr.CodeOf(err) != tt.want {
				t.Fatalf("err %v code %q, want %q", err, apperr.CodeOf(err), tt.want)
			}
			var ae *apperr.Error
			if tt.retry != 0 && (!asAppErr(err, &ae) || ae.RetryAfter != tt.retry) {
				t.Errorf("RetryAfter = %v, want %v", ae.RetryAfter, tt.retry)
			}
		})
	}
	if _, err := tts.NewOpenAI(tts.OpenAIOptions{Endpoint: oaihttp.Endpoint{BaseURL: "ftp://x"}}); apperr.CodeOf(err) != apperr.Invalid {
		t.Errorf("bad base URL: %v", err)
	}
}
