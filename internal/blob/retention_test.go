package blob_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/blob"
	"github.com/parleyhq/parley/internal/blob/blobtest"
)

// TestSweeperRun drives the retention loop with explicit ticks and the
// local store's settable clock: each tick deletes what is older than the
// retention under the prefix, nothing else.
func TestSweeperRun(t *testing.T) {
	_, store, c := newLocal(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	put := func(key string) {
		t.Helper()
		if err := store.Put(ctx, key, strings.NewReader("RIFF"), ""); err != nil {
			t.Fatal(err)
		}
	}
	exists := func(key string) bool {
		_, _, err := store.Get(ctx, key)
		if err != nil && !apperr.Is(err, apperr.NotFound) {
			t.Fatal(err)
		}
		return err == nil
	}
	put("replies/d1/old.wav")
	put("other/kept.wav") // outside the prefix: never swept
	c.Advance(5 * 24 * time.Hour)
	put("replies/d6/young.wav")
	c.Advance(3 * 24 * time.Hour) // old is 8 days old, young 3

	sw := blob.Sweeper{Store: store, Prefix: "replies/", MaxAge: 7 * 24 * time.Hour, Now: c.Now, Logger: slog.New(slog.DiscardHandler)}
	// Unbuffered: a send returns once Run is waiting again, i.e. the sweep
	// before it is over. Two sends after moving the clock: the first
	// finishes any sweep that began earlier and starts one at the new time,
	// the second waits for that one. (Run also sweeps once at start.)
	ticks := make(chan time.Time)
	done := make(chan struct{})
	go func() { sw.Run(ctx, ticks); close(done) }()
	for i, step := range []struct {
		advance time.Duration
		present map[string]bool
	}{
		{0, map[string]bool{"replies/d1/old.wav": false, "replies/d6/young.wav": true, "other/kept.wav": true}},
		{3 * 24 * time.Hour, map[string]bool{"replies/d6/young.wav": true}}, // 6 days old: kept
		{2 * 24 * time.Hour, map[string]bool{"replies/d6/young.wav": false, "other/kept.wav": true}},
	} {
		c.Advance(step.advance)
		ticks <- time.Time{}
		ticks <- time.Time{}
		for key, want := range step.present {
			if got := exists(key); got != want {
				t.Errorf("step %d: %s present %v, want %v", i, key, got, want)
			}
		}
	}
	cancel()
	<-done
}

type lifecycleXML struct {
	Rules []struct {
		ID     string `xml:"ID"`
		Status string `xml:"Status"`
		Prefix string `xml:"Filter>Prefix"`
		Days   int    `xml:"Expiration>Days"`
	} `xml:"Rule"`
}

func TestS3EnsureExpiry(t *testing.T) {
	const otherRule = `<LifecycleConfiguration><Rule><ID>keep-logs</ID><Status>Enabled</Status><Filter><Prefix>logs/</Prefix></Filter><Expiration><Days>90</Days></Expiration></Rule></LifecycleConfiguration>`
	for _, c := range []struct {
		name      string
		lifecycle bool   // the server implements lifecycle configuration
		existing  string // its configuration before; "" for none
		days      []int32
		wantErr   apperr.Code
		wantRules string // "ID:prefix:days,..." after the calls
	}{
		{"installs the rule", true, "", []int32{7}, "", "parley-retention:replies/:7"},
		{"keeps the bucket's other rules", true, otherRule, []int32{7}, "", "keep-logs:logs/:90,parley-retention:replies/:7"},
		{"replaces its own rule, once", true, otherRule, []int32{7, 3}, "", "keep-logs:logs/:90,parley-retention:replies/:3"},
		{"stand-in without lifecycle support", false, "", []int32{7}, apperr.Unavailable, ""},
		{"less than a day", true, "", []int32{0}, apperr.Invalid, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			backend := s3mem.New()
			var h http.Handler = gofakes3.New(backend).Server()
			standIn := &blobtest.LifecycleStandIn{Next: h}
			if c.existing != "" {
				standIn.Set([]byte(c.existing))
			}
			if c.lifecycle {
				h = standIn
			}
			srv := httptest.NewServer(h)
			t.Cleanup(srv.Close)
			if err := backend.CreateBucket("parley-test"); err != nil {
				t.Fatal(err)
			}
			store, err := blob.NewS3(blob.S3Options{Bucket: "parley-test", Endpoint: srv.URL, PathStyle: true, AccessKeyID: "k", SecretAccessKey: "s"})
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range c.days {
				err = errors.Join(err, store.EnsureExpiry(context.Background(), "replies/", d))
			}
			if apperr.CodeOf(err) != c.wantErr {
				t.Fatalf("EnsureExpiry: %v (%s), want %q", err, apperr.CodeOf(err), c.wantErr)
			}
			if c.wantErr != "" {
				return
			}
			var got lifecycleXML
			if err := xml.NewDecoder(bytes.NewReader(standIn.Config())).Decode(&got); err != nil {
				t.Fatalf("stored configuration %q: %v", standIn.Config(), err)
			}
			var rules []string
			for _, r := range got.Rules {
				if r.Status != "Enabled" {
					t.Errorf("rule %s is %q", r.ID, r.Status)
				}
				rules = append(rules, r.ID+":"+r.Prefix+":"+strconv.Itoa(r.Days))
			}
			if s := strings.Join(rules, ","); s != c.wantRules {
				t.Errorf("rules %s, want %s", s, c.wantRules)
			}
		})
	}
}
