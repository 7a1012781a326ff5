package main

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/parleyhq/parley/internal/blob"
	"github.com/parleyhq/parley/internal/config"
	"github.com/parleyhq/parley/internal/httpapi"
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
