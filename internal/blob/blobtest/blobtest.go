// Package blobtest is the conformance suite every blob.Store passes: one set
// of tests run against the local directory and against S3.
package blobtest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/blob"
)

// Harness is one store under test with the controls the suite needs.
type Harness struct {
	Store blob.Store
	// Advance moves the clock the store stamps blobs with forward.
	Advance func(time.Duration)
	// Now reads that clock.
	Now func() time.Time
	// Client fetches signed URLs (default http.DefaultClient).
	Client *http.Client
	// Between, when set, returns a time that blobs stored before the call
	// are older than and blobs stored after it are not: a real server
	// stamps its own clock, which Advance cannot move. Default: Advance by
	// two days and return the moment one day before the new Now.
	Between func() time.Time
}

// Run runs the suite; newHarness must return a fresh, empty store each call.
func Run(t *testing.T, newHarness func(t *testing.T) Harness) {
	tests := []struct {
		name string
		fn   func(t *testing.T, h Harness)
	}{
		{"PutGetRoundTrip", testRoundTrip},
		{"Overwrite", testOverwrite},
		{"Missing", testMissing},
		{"Delete", testDelete},
		{"BadKeys", testBadKeys},
		{"SignedURLServesBlob", testSignedURL},
		{"DeleteOlderThan", testRetention},
		{"ConcurrentPutsStayWhole", testConcurrent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			if h.Client == nil {
				h.Client = http.DefaultClient
			}
			if h.Between == nil {
				h.Between = func() time.Time {
					h.Advance(48 * time.Hour)
					return h.Now().Add(-24 * time.Hour)
				}
			}
			tt.fn(t, h)
		})
	}
}

func mustPut(t *testing.T, s blob.Store, key string, data []byte) {
	t.Helper()
	if err := s.Put(context.Background(), key, bytes.NewReader(data), ""); err != nil {
		t.Fatalf("Put(%q): %v", key, err)
	}
}

func mustGet(t *testing.T, s blob.Store, key string) ([]byte, blob.Info) {
	t.Helper()
	rc, info, err := s.Get(context.Background(), key)
	if err != nil {
		t.Fatalf("Get(%q): %v", key, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatalf("read %q: %v", key, err)
	}
	return b, info
}

func payload(n int, seed byte) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i*31) ^ seed
	}
	return b
}

func testRoundTrip(t *testing.T, h Harness) {
	for _, c := range []struct {
		key, ctype string
		n          int
	}{{"audio/s1/reply-1.wav", "audio/wav", 1 << 20}, {"x.json", "application/json", 10}, {"empty.wav", "audio/wav", 0}} {
		data := payload(c.n, 7)
		mustPut(t, h.Store, c.key, data)
		got, info := mustGet(t, h.Store, c.key)
		if !bytes.Equal(got, data) {
			t.Errorf("%s: got %d bytes back, want the %d put", c.key, len(got), len(data))
		}
		if info.Key != c.key || info.Size != int64(c.n) || !strings.HasPrefix(info.ContentType, c.ctype) {
			t.Errorf("%s: info %+v, want size %d type %s", c.key, info, c.n, c.ctype)
		}
	}
	// A reader that cannot seek works too.
	if err := h.Store.Put(context.Background(), "stream.wav", io.LimitReader(strings.NewReader(strings.Repeat("a", 5000)), 4000), ""); err != nil {
		t.Fatal(err)
	}
	if got, _ := mustGet(t, h.Store, "stream.wav"); len(got) != 4000 {
		t.Errorf("streamed put stored %d bytes", len(got))
	}
}

func testOverwrite(t *testing.T, h Harness) {
	mustPut(t, h.Store, "a/b.wav", []byte("first version, longer"))
	mustPut(t, h.Store, "a/b.wav", []byte("second"))
	if got, _ := mustGet(t, h.Store, "a/b.wav"); string(got) != "second" {
		t.Errorf("got %q after overwrite", got)
	}
}

func testMissing(t *testing.T, h Harness) {
	mustPut(t, h.Store, "dir/present.wav", []byte("x"))
	for _, key := range []string{"nothing.wav", "dir/absent.wav", "dir"} {
		if _, _, err := h.Store.Get(context.Background(), key); apperr.CodeOf(err) != apperr.NotFound {
			t.Errorf("Get(%q) = %v, want not_found", key, err)
		}
	}
}

func testDelete(t *testing.T, h Harness) {
	ctx := context.Background()
	mustPut(t, h.Store, "d/x.wav", []byte("x"))
	if err := h.Store.Delete(ctx, "d/x.wav"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := h.Store.Get(ctx, "d/x.wav"); apperr.CodeOf(err) != apperr.NotFound {
		t.Errorf("after delete: %v", err)
	}
	if err := h.Store.Delete(ctx, "d/x.wav"); err != nil {
		t.Errorf("deleting again: %v", err)
	}
}

func testBadKeys(t *testing.T, h Harness) {
	ctx := context.Background()
	for _, key := range []string{"", "../etc/passwd", "/abs.wav", "a//b.wav", "a/./b", "sp ace.wav", "a/", "é.wav", "q?x=1", strings.Repeat("k", 600)} {
		if err := h.Store.Put(ctx, key, strings.NewReader("x"), ""); apperr.CodeOf(err) != apperr.Invalid {
			t.Errorf("Put(%q) = %v, want invalid", key, err)
		}
		if _, _, err := h.Store.Get(ctx, key); apperr.CodeOf(err) != apperr.Invalid {
			t.Errorf("Get(%q) = %v, want invalid", key, err)
		}
		if _, err := h.Store.SignedURL(ctx, key, time.Minute); apperr.CodeOf(err) != apperr.Invalid {
			t.Errorf("SignedURL(%q) = %v, want invalid", key, err)
		}
	}
	if _, err := h.Store.DeleteOlderThan(ctx, "no-slash", time.Now()); apperr.CodeOf(err) != apperr.Invalid {
		t.Errorf("DeleteOlderThan without trailing slash: %v", err)
	}
}

func testSignedURL(t *testing.T, h Harness) {
	data := payload(3000, 1)
	mustPut(t, h.Store, "audio/s9/r.wav", data)
	u, err := h.Store.SignedURL(context.Background(), "audio/s9/r.wav", 10*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	status, body, ctype := fetch(t, h.Client, u)
	if status != http.StatusOK || !bytes.Equal(body, data) || !strings.HasPrefix(ctype, "audio/wav") {
		t.Errorf("GET signed URL: %d, %d bytes, %s", status, len(body), ctype)
	}
}

func fetch(t *testing.T, c *http.Client, u string) (int, []byte, string) {
	t.Helper()
	resp, err := c.Get(u)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b, resp.Header.Get("Content-Type")
}

func testRetention(t *testing.T, h Harness) {
	ctx := context.Background()
	mustPut(t, h.Store, "audio/old-1.wav", []byte("o"))
	mustPut(t, h.Store, "audio/s/old-2.wav", []byte("o"))
	mustPut(t, h.Store, "keep/old.wav", []byte("o"))
	cutoff := h.Between()
	mustPut(t, h.Store, "audio/new.wav", []byte("n"))
	n, err := h.Store.DeleteOlderThan(ctx, "audio/", cutoff)
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("deleted %d, want 2", n)
	}
	for key, want := range map[string]apperr.Code{"audio/old-1.wav": apperr.NotFound, "audio/s/old-2.wav": apperr.NotFound, "audio/new.wav": "", "keep/old.wav": ""} {
		rc, _, err := h.Store.Get(ctx, key)
		if rc != nil {
			rc.Close()
		}
		if apperr.CodeOf(err) != want {
			t.Errorf("after sweep Get(%q) = %v, want %q", key, err, want)
		}
	}
	if n, err := h.Store.DeleteOlderThan(ctx, "", h.Now().Add(time.Hour)); err != nil || n != 2 {
		t.Errorf("sweep everything: %d, %v; want the 2 left", n, err)
	}
}

func testConcurrent(t *testing.T, h Harness) {
	var wg sync.WaitGroup
	versions := make([][]byte, 4)
	for i := range versions {
		versions[i] = bytes.Repeat([]byte{byte('a' + i)}, 200<<10)
		wg.Go(func() {
			if err := h.Store.Put(context.Background(), "race.wav", bytes.NewReader(versions[i]), ""); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	got, _ := mustGet(t, h.Store, "race.wav")
	for _, v := range versions {
		if bytes.Equal(got, v) {
			return
		}
	}
	t.Errorf("blob is a mix of concurrent writes (%d bytes, starts %q)", len(got), fmt.Sprint(got[:min(4, len(got))]))
}
