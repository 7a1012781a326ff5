package blob_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/blob"
	"github.com/parleyhq/parley/internal/blob/blobtest"
)

// clock is a settable time source for the local store.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

var secret = []byte("0123456789abcdef0123456789abcdef")

// newLocal serves the store's URLs from an in-test server, mounted the way
// the lead's router will mount it.
func newLocal(t *testing.T) (blobtest.Harness, *blob.Local, *clock) {
	c := &clock{t: time.Now()}
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	signer, err := blob.NewSigner(secret, srv.URL+"/v1/audio/", c.Now)
	if err != nil {
		t.Fatal(err)
	}
	store, err := blob.NewLocal(blob.LocalOptions{Dir: t.TempDir(), Signer: signer, Now: c.Now})
	if err != nil {
		t.Fatal(err)
	}
	mux.Handle("GET /v1/audio/{key...}", blob.NewHandler(store, signer, nil))
	return blobtest.Harness{Store: store, Advance: c.Advance, Now: c.Now, Client: srv.Client()}, store, c
}

func TestLocalConformance(t *testing.T) {
	blobtest.Run(t, func(t *testing.T) blobtest.Harness { h, _, _ := newLocal(t); return h })
}

func TestS3Conformance(t *testing.T) {
	blobtest.Run(t, func(t *testing.T) blobtest.Harness {
		ts := gofakes3.FixedTimeSource(time.Now())
		backend := s3mem.New(s3mem.WithTimeSource(ts))
		faker := gofakes3.New(backend, gofakes3.WithTimeSource(ts), gofakes3.WithTimeSkewLimit(0))
		srv := httptest.NewServer(faker.Server())
		t.Cleanup(srv.Close)
		if err := backend.CreateBucket("parley-test"); err != nil {
			t.Fatal(err)
		}
		store, err := blob.NewS3(blob.S3Options{
			Bucket: "parley-test", Endpoint: srv.URL, PathStyle: true,
			AccessKeyID: "test", SecretAccessKey: "test", HTTPClient: srv.Client(),
		})
		if err != nil {
			t.Fatal(err)
		}
		return blobtest.Harness{Store: store, Advance: ts.Advance, Now: ts.Now, Client: srv.Client()}
	})
}

func TestLocalSignedURLExpiresAndResistsTampering(t *testing.T) {
	h, store, c := newLocal(t)
	ctx := context.Background()
	if err := store.Put(ctx, "audio/a.wav", strings.NewReader("RIFF"), ""); err != nil {
		t.Fatal(err)
	}
	if err := store.Put(ctx, "audio/b.wav", strings.NewReader("RIFF-other"), ""); err != nil {
		t.Fatal(err)
	}
	u, err := store.SignedURL(ctx, "audio/a.wav", time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	get := func(u string) int {
		resp, err := h.Client.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	tests := []struct {
		name string
		url  string
		want int
	}{
		{"valid", u, 200},
		{"other key, same signature", strings.Replace(u, "a.wav", "b.wav", 1), 403},
		{"longer expiry", strings.Replace(u, "exp=", "exp=9", 1), 403},
		{"no signature", u[:strings.Index(u, "?")], 403},
		{"bad signature", u[:strings.Index(u, "sig=")+4] + "AAAA", 403},
		{"path traversal", strings.Replace(u, "audio/a.wav", "audio/../a.wav", 1), 403},
	}
	for _, tt := range tests {
		if got := get(tt.url); got != tt.want {
			t.Errorf("%s: status %d, want %d", tt.name, got, tt.want)
		}
	}
	c.Advance(2 * time.Minute)
	if got := get(u); got != 403 {
		t.Errorf("expired: status %d, want 403", got)
	}
	// A valid link to a blob since deleted is a 404.
	u2, _ := store.SignedURL(ctx, "audio/b.wav", time.Minute)
	store.Delete(ctx, "audio/b.wav")
	if got := get(u2); got != 404 {
		t.Errorf("deleted blob: status %d, want 404", got)
	}
}

func TestLocalSizeLimit(t *testing.T) {
	signer, _ := blob.NewSigner(secret, "http://127.0.0.1:8080/v1/audio/", nil)
	store, err := blob.NewLocal(blob.LocalOptions{Dir: t.TempDir(), Signer: signer, MaxSize: 10})
	if err != nil {
		t.Fatal(err)
	}
	if err := store.Put(context.Background(), "big.wav", strings.NewReader(strings.Repeat("x", 11)), ""); apperr.CodeOf(err) != apperr.TooLarge {
		t.Errorf("Put 11 bytes with a 10-byte limit: %v", err)
	}
	if _, _, err := store.Get(context.Background(), "big.wav"); apperr.CodeOf(err) != apperr.NotFound {
		t.Errorf("a rejected put must leave nothing: %v", err)
	}
}

func TestSignerOptions(t *testing.T) {
	tests := []struct {
		secret []byte
		base   string
	}{
		{[]byte("short"), "http://h/v1/audio/"},
		{secret, "/v1/audio/"},
		{secret, "http://h/v1/audio"},
		{secret, "ftp://h/x/"},
	}
	for _, tt := range tests {
		if _, err := blob.NewSigner(tt.secret, tt.base, nil); apperr.CodeOf(err) != apperr.Invalid {
			t.Errorf("NewSigner(%q, %q) = %v, want invalid", tt.secret, tt.base, err)
		}
	}
	if _, err := blob.NewS3(blob.S3Options{}); apperr.CodeOf(err) != apperr.Invalid {
		t.Errorf("NewS3 without bucket: %v", err)
	}
}

func TestS3Unreachable(t *testing.T) {
	store, err := blob.NewS3(blob.S3Options{Bucket: "b", Endpoint: "http://127.0.0.1:1", PathStyle: true, AccessKeyID: "k", SecretAccessKey: "s"})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := store.Put(ctx, "x.wav", strings.NewReader("x"), ""); apperr.CodeOf(err) != apperr.Unavailable {
		t.Errorf("Put to a closed port: %v, want unavailable", err)
	}
}

func TestS3Ping(t *testing.T) {
	backend := s3mem.New()
	srv := httptest.NewServer(gofakes3.New(backend).Server())
	t.Cleanup(srv.Close)
	if err := backend.CreateBucket("parley-test"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, bucket, endpoint string
		want                   string // "" for healthy, else a part of the message
	}{
		{"bucket exists", "parley-test", srv.URL, ""},
		{"no such bucket", "nosuchbucket", srv.URL, "does not exist"},
		{"server down", "parley-test", "http://127.0.0.1:1", "unreachable"},
	} {
		t.Run(c.name, func(t *testing.T) {
			store, err := blob.NewS3(blob.S3Options{Bucket: c.bucket, Endpoint: c.endpoint, PathStyle: true, AccessKeyID: "k", SecretAccessKey: "s"})
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			err = store.Ping(ctx)
			switch {
			case c.want == "" && err != nil:
				t.Errorf("Ping: %v", err)
			case c.want != "" && (apperr.CodeOf(err) != apperr.Unavailable || !strings.Contains(err.Error(), c.want)):
				t.Errorf("Ping: %v (%s), want unavailable saying %q", err, apperr.CodeOf(err), c.want)
			}
		})
	}
}
