package auth

import (
	"context"
	"testing"

	"github.com/parleyhq/parley/internal/apperr"
)

// TestPasswordsCapConcurrency fills the semaphore and checks that a further
// hash waits, and gives up with Unavailable when its context ends.
func TestPasswordsCapConcurrency(t *testing.T) {
	p := NewPasswords(Argon2Params{MemoryKiB: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}, 2)
	p.sem <- struct{}{}
	p.sem <- struct{}{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := p.Verify(ctx, "", "correct horse battery")
		done <- err
	}()
	select {
	case err := <-done:
		t.Fatalf("hash ran beyond the cap: %v", err)
	default:
	}
	cancel()
	if err := <-done; !apperr.Is(err, apperr.Unavailable) {
		t.Fatalf("waiting hash: %v, want Unavailable", err)
	}
	<-p.sem
	if _, err := p.Verify(context.Background(), "", "correct horse battery"); err != nil {
		t.Fatalf("with a free slot: %v", err)
	}
}
