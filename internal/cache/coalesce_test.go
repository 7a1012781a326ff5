package cache

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/parleyhq/parley/internal/testenv"
)

// TestReadCoalescerNeverAnswersFromAnEarlierRead holds the first read in
// flight while more readers arrive: they must share one later read (sent
// after they asked), never take the answer of the one already sent.
func TestReadCoalescerNeverAnswersFromAnEarlierRead(t *testing.T) {
	for _, waiting := range []int{1, 2, 10} {
		var sent atomic.Int64
		release := make(chan struct{})
		started := make(chan struct{}, 16)
		c := newReadCoalescer(func(context.Context, string) (int64, error) {
			n := sent.Add(1) // the value a read returns is its own number
			started <- struct{}{}
			if n == 1 {
				<-release
			}
			return n, nil
		}, time.Minute)
		ctx := context.Background()
		first := make(chan int64)
		go func() { v, _ := c.read(ctx, "p"); first <- v }()
		<-started // read 1 is in flight
		var wg sync.WaitGroup
		got := make(chan int64, waiting)
		for range waiting {
			wg.Add(1)
			go func() {
				defer wg.Done()
				v, err := c.read(ctx, "p")
				if err != nil {
					t.Error(err)
				}
				got <- v
			}()
		}
		// Wait until every reader has queued behind read 1.
		for {
			c.mu.Lock()
			queued := 0
			if st := c.names["p"]; st != nil && st.next != nil {
				queued = st.next.joiners
			}
			c.mu.Unlock()
			if queued == waiting {
				break
			}
			time.Sleep(time.Millisecond)
		}
		close(release)
		if v := <-first; v != 1 {
			t.Errorf("%d waiting: first reader got read %d, want 1", waiting, v)
		}
		wg.Wait()
		close(got)
		for v := range got {
			if v < 2 {
				t.Errorf("%d waiting: a reader that asked during read 1 got read %d", waiting, v)
			}
		}
		if n := sent.Load(); n != 2 {
			t.Errorf("%d waiting: %d reads sent, want 2 (one in flight, one shared by the rest)", waiting, n)
		}
	}
}

// TestRedisVersionsReadYourWrites advances a pointer while many readers
// read it: a read that starts after an Advance returned never sees an
// older version.
func TestRedisVersionsReadYourWrites(t *testing.T) {
	opt, err := redis.ParseURL(testenv.RedisURL(t))
	if err != nil {
		t.Fatal(err)
	}
	client := redis.NewClient(opt)
	defer client.Close()
	v := NewRedisVersions(client, testenv.KeyPrefix(t), time.Minute)
	ctx := context.Background()
	var advanced atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				floor := advanced.Load()
				got, err := v.Version(ctx, "p")
				if err != nil {
					t.Error(err)
					return
				}
				if got < floor {
					t.Errorf("read %d after version %d was advanced", got, floor)
					return
				}
			}
		}()
	}
	for i := int64(1); i <= 200; i++ {
		if err := v.Advance(ctx, "p", i); err != nil {
			t.Fatal(err)
		}
		advanced.Store(i)
	}
	close(stop)
	wg.Wait()
	if got, err := v.Version(ctx, "p"); err != nil || got != 200 {
		t.Errorf("Version = %d, %v; want 200", got, err)
	}
}
