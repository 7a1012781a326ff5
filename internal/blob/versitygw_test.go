package blob_test

import (
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/blob"
	"github.com/parleyhq/parley/internal/blob/blobtest"
	"github.com/parleyhq/parley/internal/testenv"
)

// versityInstall is how .ci/run gets the server (a Go module, so it
// installs from the module proxy like the project's own dependencies).
const versityInstall = "go install github.com/versity/versitygw/cmd/versitygw@v1.8.0"

// TestS3ConformanceOnVersityGW runs the conformance suite against a real
// S3-compatible server process: Versity Gateway with its POSIX backend
// (buckets are directories under its root), on a free port. gofakes3 above
// checks the same suite in process; this one catches what a fake accepts
// and a server does not (signatures, headers, listing pagination).
func TestS3ConformanceOnVersityGW(t *testing.T) {
	bin := testenv.Tool(t, "versitygw", versityInstall)
	root := t.TempDir()
	addr := testenv.FreeAddr(t)
	cmd := exec.Command(bin, "--access", "parley", "--secret", "parley-secret-key", "--port", addr, "posix", root)
	logf, err := os.Create(filepath.Join(t.TempDir(), "versitygw.log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	deadline := time.Now().Add(20 * time.Second)
	for {
		c, err := net.Dial("tcp", addr)
		if err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			b, _ := os.ReadFile(logf.Name())
			t.Fatalf("versitygw did not listen on %s: %v\n%s", addr, err, b)
		}
		time.Sleep(50 * time.Millisecond)
	}

	var n atomic.Int64
	blobtest.Run(t, func(t *testing.T) blobtest.Harness {
		// A fresh, empty bucket per case: a directory under the root.
		bucket := "parley-" + strconv.FormatInt(n.Add(1), 10)
		if err := os.Mkdir(filepath.Join(root, bucket), 0o755); err != nil {
			t.Fatal(err)
		}
		store, err := blob.NewS3(blob.S3Options{
			Bucket: bucket, Endpoint: "http://" + addr, PathStyle: true,
			AccessKeyID: "parley", SecretAccessKey: "parley-secret-key",
		})
		if err != nil {
			t.Fatal(err)
		}
		return blobtest.Harness{
			Store: store,
			Now:   time.Now,
			// The server stamps whole seconds (Last-Modified): wait past
			// one on each side of the moment returned.
			Between: func() time.Time {
				time.Sleep(1100 * time.Millisecond)
				at := time.Now()
				time.Sleep(1100 * time.Millisecond)
				return at
			},
		}
	})
}
