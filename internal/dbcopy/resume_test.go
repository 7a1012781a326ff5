package dbcopy_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/dbcopy"
	"github.com/parleyhq/parley/internal/testenv"
)

// TestMain lets the test binary act as a "parley dbcopy" child process that
// the resume test kills with SIGKILL at random points.
func TestMain(m *testing.M) {
	if raw := os.Getenv("DBCOPY_CHILD_ARGS"); raw != "" {
		var args []string
		if err := json.Unmarshal([]byte(raw), &args); err != nil {
			os.Exit(2)
		}
		if err := dbcopy.Main(context.Background(), args, os.Stdout, os.Stderr, slog.Default()); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// startChild runs "dbcopy args..." in a child process and kills it with
// SIGKILL after delay; it reports whether the kill happened before the end.
func startChild(t *testing.T, args []string, delay time.Duration) bool {
	t.Helper()
	raw, _ := json.Marshal(args)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "DBCOPY_CHILD_ARGS="+string(raw))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("start child: %v", err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("child failed before the kill: %v\n%s", err, stderr.String())
		}
		return false
	case <-time.After(delay):
		_ = cmd.Process.Kill()
		<-done
		return true
	}
}

func TestKillAndResume(t *testing.T) {
	src, dsn := loadSakila(t)
	hz, err := os.ReadFile("testdata/hazards.sql")
	if err != nil {
		t.Fatal(err)
	}
	mysqlExec(t, dsn, string(hz))
	wantRejects := 0
	for _, rows := range hazardExpectFor("null") { // the default --zero-dates
		for _, cols := range rows {
			for _, v := range cols {
				if strings.HasPrefix(v, "REJECT ") {
					wantRejects++
				}
			}
		}
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 0))
	const trials = 10
	interrupted := 0
	for trial := range trials {
		dst := testenv.PostgresURL(t)
		rejects := fmt.Sprintf("%s/rejects-%d.jsonl", t.TempDir(), trial)
		args := []string{"run", "--from", src, "--to", dst, "--workers", "2", "--chunk-rows", "700", "--reject-file", rejects}
		// Up to two interruptions per trial: kill -9 of a child process,
		// or (odd trials) cancelling the context of an in-process run.
		for range 2 {
			delay := time.Duration(10+rng.IntN(450)) * time.Millisecond
			if trial%2 == 0 {
				if startChild(t, args, delay) {
					interrupted++
				}
				continue
			}
			ctx, cancel := context.WithTimeout(context.Background(), delay)
			err := dbcopy.Main(ctx, args, &strings.Builder{}, &strings.Builder{}, testLogger(t))
			cancel()
			if err != nil {
				interrupted++
			}
		}
		if _, err := runCLI(t, context.Background(), args...); err != nil {
			t.Fatalf("trial %d: resumed run: %v", trial, err)
		}
		if out, err := runCLI(t, context.Background(), "verify", "--from", src, "--to", dst); err != nil {
			t.Fatalf("trial %d: verify after resume: %v\n%s", trial, err, out)
		}
		if got := len(readRejects(t, rejects)); got != wantRejects {
			t.Errorf("trial %d: %d rejects, want %d (each exactly once across resumes)", trial, got, wantRejects)
		}
		checkSakilaValues(t, dst)
	}
	t.Logf("%d of %d runs were interrupted before finishing", interrupted, 2*trials)
	if interrupted < trials {
		t.Errorf("only %d interruptions: the test did not exercise resume", interrupted)
	}
}
