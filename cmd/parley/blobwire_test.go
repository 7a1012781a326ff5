package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/blob"
	"github.com/parleyhq/parley/internal/blob/blobtest"
	"github.com/parleyhq/parley/internal/config"
	"github.com/parleyhq/parley/internal/httpapi"
	"github.com/parleyhq/parley/internal/voice/turn"
)

// loadServe reads a serve configuration from env alone, as `parley serve`
// does, and validates it.
func loadServe(t *testing.T, env map[string]string) (*config.Serve, error) {
	t.Helper()
	var cfg config.Serve
	if err := cfg.Settings().Load("", func(k string) string { return env[k] }); err != nil {
		t.Fatal(err)
	}
	return &cfg, cfg.Validate()
}

func TestBlobSettingsValidation(t *testing.T) {
	for _, c := range []struct {
		name    string
		env     map[string]string
		wantErr string // a setting the error must name; "" for none
	}{
		{"default is local", map[string]string{}, ""},
		{"s3 with bucket", map[string]string{"PARLEY_BLOB": "s3", "PARLEY_S3_BUCKET": "b"}, ""},
		{"s3 with endpoint and path style", map[string]string{"PARLEY_BLOB": "s3", "PARLEY_S3_BUCKET": "b",
			"PARLEY_S3_ENDPOINT": "http://127.0.0.1:9000", "PARLEY_S3_PATH_STYLE": "on"}, ""},
		{"unknown store", map[string]string{"PARLEY_BLOB": "ftp"}, "PARLEY_BLOB"},
		{"s3 without bucket", map[string]string{"PARLEY_BLOB": "s3"}, "PARLEY_S3_BUCKET"},
		{"relative endpoint", map[string]string{"PARLEY_BLOB": "s3", "PARLEY_S3_BUCKET": "b", "PARLEY_S3_ENDPOINT": "minio:9000"}, "PARLEY_S3_ENDPOINT"},
		{"retention off", map[string]string{"PARLEY_AUDIO_RETENTION": "0"}, ""},
		{"retention shorter than the URLs", map[string]string{"PARLEY_AUDIO_RETENTION": "30m"}, "PARLEY_AUDIO_RETENTION"},
		{"negative retention", map[string]string{"PARLEY_AUDIO_RETENTION": "-1h"}, "PARLEY_AUDIO_RETENTION"},
		{"lifecycle on s3", map[string]string{"PARLEY_BLOB": "s3", "PARLEY_S3_BUCKET": "b", "PARLEY_S3_LIFECYCLE": "on"}, ""},
		{"lifecycle on local", map[string]string{"PARLEY_S3_LIFECYCLE": "on"}, "PARLEY_S3_LIFECYCLE"},
		{"lifecycle without retention", map[string]string{"PARLEY_BLOB": "s3", "PARLEY_S3_BUCKET": "b", "PARLEY_S3_LIFECYCLE": "on", "PARLEY_AUDIO_RETENTION": "0"}, "PARLEY_S3_LIFECYCLE"},
		{"stream caps", map[string]string{"PARLEY_VOICE_STREAMS_PER_CLIENT": "1", "PARLEY_VOICE_STREAMS": "1"}, ""},
		{"no streams per client", map[string]string{"PARLEY_VOICE_STREAMS_PER_CLIENT": "0"}, "PARLEY_VOICE_STREAMS_PER_CLIENT"},
		{"no streams", map[string]string{"PARLEY_VOICE_STREAMS": "0"}, "PARLEY_VOICE_STREAMS"},
	} {
		_, err := loadServe(t, c.env)
		switch {
		case c.wantErr == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.wantErr != "" && (err == nil || !strings.Contains(err.Error(), c.wantErr)):
			t.Errorf("%s: error %v, want one naming %s", c.name, err, c.wantErr)
		}
	}
	var cfg config.Serve
	err := cfg.Settings().Load("", func(k string) string {
		return map[string]string{"PARLEY_S3_PATH_STYLE": "maybe"}[k]
	})
	if err == nil || !strings.Contains(err.Error(), "PARLEY_S3_PATH_STYLE") {
		t.Errorf("PARLEY_S3_PATH_STYLE=maybe: %v", err)
	}
}

// TestBlobStoreS3Wiring opens the store `parley serve` opens for
// PARLEY_BLOB=s3 against an in-process S3, with credentials from the AWS
// chain (here its environment step), and round-trips a reply through a
// presigned URL.
func TestBlobStoreS3Wiring(t *testing.T) {
	backend := s3mem.New()
	srv := httptest.NewServer(gofakes3.New(backend).Server())
	defer srv.Close()
	if err := backend.CreateBucket("parley-audio"); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for k, v := range map[string]string{
		"AWS_ACCESS_KEY_ID": "chain-key-id", "AWS_SECRET_ACCESS_KEY": "chain-secret",
		"AWS_CONFIG_FILE": filepath.Join(dir, "none"), "AWS_SHARED_CREDENTIALS_FILE": filepath.Join(dir, "none"),
		"AWS_EC2_METADATA_DISABLED": "true", "AWS_PROFILE": "", "AWS_REGION": "", "AWS_DEFAULT_REGION": "",
	} {
		t.Setenv(k, v)
	}
	cfg, err := loadServe(t, map[string]string{
		"PARLEY_DATA_DIR": dir, "PARLEY_BLOB": "s3", "PARLEY_S3_BUCKET": "parley-audio",
		"PARLEY_S3_ENDPOINT": srv.URL, "PARLEY_S3_PATH_STYLE": "on", "PARLEY_S3_REGION": "eu-west-1",
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	store, handler, err := newBlobStore(ctx, cfg, nil, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	if handler != nil {
		t.Error("S3 store came with a local URL handler; its URLs are presigned")
	}
	if err := store.Put(ctx, "replies/a.wav", strings.NewReader("RIFF-test"), "audio/wav"); err != nil {
		t.Fatalf("put: %v", err)
	}
	url, err := store.SignedURL(ctx, "replies/a.wav", 60_000_000_000)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{srv.URL + "/parley-audio/replies/a.wav", "X-Amz-Credential=chain-key-id", "eu-west-1"} {
		if !strings.Contains(url, want) {
			t.Errorf("presigned URL %s lacks %q", url, want)
		}
	}
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || string(body) != "RIFF-test" {
		t.Errorf("GET presigned URL: %d %q", resp.StatusCode, body)
	}
}

// TestBlobReadiness: with PARLEY_BLOB=s3, /readyz reports the bucket
// (optional: a missing bucket leaves the text path ready); the local
// store has nothing to probe.
func TestBlobReadiness(t *testing.T) {
	backend := s3mem.New()
	srv := httptest.NewServer(gofakes3.New(backend).Server())
	defer srv.Close()
	if err := backend.CreateBucket("parley-audio"); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t.Setenv("AWS_ACCESS_KEY_ID", "k")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "s")
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(dir, "none"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(dir, "none"))
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	ctx := context.Background()
	for _, c := range []struct {
		name, store, bucket string
		want                string // the readiness entry; "" when there is none
	}{
		{"s3 bucket exists", "s3", "parley-audio", "ok"},
		{"s3 bucket missing", "s3", "gone", "S3 bucket gone does not exist"},
		{"local", "local", "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			env := map[string]string{"PARLEY_DATA_DIR": t.TempDir(), "PARLEY_BLOB": c.store}
			if c.store == "s3" {
				env["PARLEY_S3_BUCKET"], env["PARLEY_S3_ENDPOINT"], env["PARLEY_S3_PATH_STYLE"] = c.bucket, srv.URL, "on"
			}
			cfg, err := loadServe(t, env)
			if err != nil {
				t.Fatal(err)
			}
			signer, err := blob.NewSigner([]byte(strings.Repeat("k", 32)), "http://x/v1/audio/", nil)
			if err != nil {
				t.Fatal(err)
			}
			store, _, err := newBlobStore(ctx, cfg, signer, slog.New(slog.DiscardHandler))
			if err != nil {
				t.Fatal(err)
			}
			chk, ok := blobCheck(store)
			if ok != (c.want != "") {
				t.Fatalf("blobCheck: %v, want a check: %v", ok, c.want != "")
			}
			if !ok {
				return
			}
			api := httpapi.New(httpapi.Deps{Logger: slog.New(slog.DiscardHandler), Registry: prometheus.NewRegistry(), Checks: []httpapi.Check{chk}})
			rec := httptest.NewRecorder()
			api.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/readyz", nil))
			var body struct {
				Ready  bool              `json:"ready"`
				Checks map[string]string `json:"checks"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
				t.Fatal(err)
			}
			if rec.Code != 200 || !body.Ready || body.Checks["blob"] != c.want {
				t.Errorf("/readyz: %d %s, want 200, ready, blob %q", rec.Code, rec.Body, c.want)
			}
		})
	}
}

// TestAudioRetentionWiring: PARLEY_AUDIO_RETENTION sweeps the local store
// (a reply backdated past the retention is gone after the start-up sweep),
// installs the S3 rule with PARLEY_S3_LIFECYCLE, and falls back to the
// sweep, saying why, on a server without lifecycle support.
func TestAudioRetentionWiring(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("AWS_ACCESS_KEY_ID", "k")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "s")
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(dir, "none"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(dir, "none"))
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	for _, c := range []struct {
		name      string
		env       map[string]string
		lifecycle bool // the S3 stand-in implements bucket lifecycles
		want      audioRetention
		wantLog   string
	}{
		{"local sweeps", map[string]string{}, false, "sweep", "hourly sweep"},
		{"retention off", map[string]string{"PARLEY_AUDIO_RETENTION": "0"}, false, "off", "kept"},
		{"s3 without lifecycle setting sweeps", map[string]string{"PARLEY_BLOB": "s3"}, true, "sweep", "hourly sweep"},
		{"s3 lifecycle rule", map[string]string{"PARLEY_BLOB": "s3", "PARLEY_S3_LIFECYCLE": "on", "PARLEY_AUDIO_RETENTION": "36h"}, true, "lifecycle", `days=2`},
		{"s3 stand-in without lifecycles", map[string]string{"PARLEY_BLOB": "s3", "PARLEY_S3_LIFECYCLE": "on"}, false, "sweep", "S3 lifecycle rule not installed"},
	} {
		t.Run(c.name, func(t *testing.T) {
			backend := s3mem.New()
			var h http.Handler = gofakes3.New(backend).Server()
			standIn := &blobtest.LifecycleStandIn{Next: h}
			if c.lifecycle {
				h = standIn
			}
			srv := httptest.NewServer(h)
			defer srv.Close()
			if err := backend.CreateBucket("parley-audio"); err != nil {
				t.Fatal(err)
			}
			env := map[string]string{"PARLEY_DATA_DIR": t.TempDir()}
			for k, v := range c.env {
				env[k] = v
			}
			if env["PARLEY_BLOB"] == "s3" {
				env["PARLEY_S3_BUCKET"], env["PARLEY_S3_ENDPOINT"], env["PARLEY_S3_PATH_STYLE"] = "parley-audio", srv.URL, "on"
			}
			cfg, err := loadServe(t, env)
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			signer, err := blob.NewSigner([]byte(strings.Repeat("k", 32)), "http://x/v1/audio/", nil)
			if err != nil {
				t.Fatal(err)
			}
			store, _, err := newBlobStore(ctx, cfg, signer, slog.New(slog.DiscardHandler))
			if err != nil {
				t.Fatal(err)
			}
			old := turn.ReplyPrefix + "2020-01-01/old.wav"
			if err := store.Put(ctx, old, strings.NewReader("RIFF"), "audio/wav"); err != nil {
				t.Fatal(err)
			}
			if cfg.Blob.Store == "local" {
				past := time.Now().Add(-cfg.Blob.Retention - time.Hour)
				if err := os.Chtimes(filepath.Join(cfg.DataDir, "blobs", filepath.FromSlash(old)), past, past); err != nil {
					t.Fatal(err)
				}
			}
			var logs syncBuffer // the sweep logs from its own goroutine
			ticks := make(chan time.Time)
			got := startAudioRetention(ctx, cfg, store, ticks, slog.New(slog.NewTextHandler(&logs, nil)))
			if got != c.want || !strings.Contains(logs.String(), c.wantLog) {
				t.Fatalf("retention %q, log %q; want %q and a line saying %q", got, logs.String(), c.want, c.wantLog)
			}
			if c.lifecycle && c.want == "lifecycle" && !strings.Contains(string(standIn.Config()), "<Days>2</Days>") {
				t.Errorf("bucket lifecycle configuration %q lacks the 2-day rule", standIn.Config())
			}
			if got == "sweep" && cfg.Blob.Store == "local" {
				ticks <- time.Now() // the start-up sweep is over
				if _, _, err := store.Get(ctx, old); !apperr.Is(err, apperr.NotFound) {
					t.Errorf("expired reply after the sweep: %v, want not found", err)
				}
			}
		})
	}
}

// syncBuffer is a bytes.Buffer safe for a logger on another goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
