package gateway_test

import (
	"context"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/parleyhq/parley/internal/gateway"
	"github.com/parleyhq/parley/internal/testenv"
)

func TestServeAdminAndGracefulShutdown(t *testing.T) {
	release, arrived := make(chan struct{}), make(chan struct{})
	b := newBackend(t, "a", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			close(arrived)
			<-release
		}
		_, _ = w.Write([]byte("done"))
	})
	path := filepath.Join(t.TempDir(), "gw.yaml")
	cfg := "admin_listen: 127.0.0.1:0\nreload_interval: -1s\n" + poolConfig(urls(b), "", "")
	if err := os.WriteFile(path, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var logs testenv.LogBuffer
	addrs := make(chan [2]string, 1)
	errc := make(chan error, 1)
	go func() {
		errc <- gateway.Serve(ctx, gateway.Options{ConfigPath: path, Logger: slog.New(slog.NewTextHandler(&logs, nil)),
			Ready: func(p, a string) { addrs <- [2]string{p, a} }})
	}()
	var proxy, admin string
	select {
	case a := <-addrs:
		proxy, admin = "http://"+a[0], "http://"+a[1]
	case err := <-errc:
		t.Fatal(err)
	}
	get(t, http.DefaultClient, proxy+"/warm")
	for path, want := range map[string]string{
		"/healthz": `"ok"`,
		"/metrics": `parley_gateway_requests_total{code="2xx",route="route0",upstream="api"} 1`,
		"/status":  `"healthy":true`,
		// profiles come from the admin listener only (default.pgo is built from them)
		"/debug/pprof/": `goroutine`,
	} {
		resp, body := get(t, http.DefaultClient, admin+path)
		if resp.StatusCode != 200 || !strings.Contains(body, want) {
			t.Errorf("admin %s: %d, lacks %q", path, resp.StatusCode, want)
		}
	}
	// SIGHUP reloads (polling is off): the new file routes only /slow.
	if err := os.WriteFile(path, []byte(strings.Replace(cfg, "path_prefix: /", "path_prefix: /slow", 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "reload on SIGHUP", func() bool {
		resp, _ := get(t, http.DefaultClient, proxy+"/warm")
		return resp.StatusCode == http.StatusNotFound
	})
	slow := make(chan string, 1)
	go func() { _, body := get(t, http.DefaultClient, proxy+"/slow"); slow <- body }()
	<-arrived
	cancel() // shutdown starts with a request in flight
	close(release)
	if body := <-slow; body != "done" {
		t.Errorf("in-flight request got %q", body)
	}
	if err := <-errc; err != nil {
		t.Errorf("Serve: %v", err)
	}
	// The default front end is named in the start-up line (it was "").
	if l := logs.String(); !strings.Contains(l, "front_end="+gateway.FrontEndFastHTTP) {
		t.Errorf("start-up log does not name the front end:\n%s", l)
	}
}
