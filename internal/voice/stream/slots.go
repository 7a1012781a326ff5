package stream

import (
	"sync"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
)

// Slots caps the streams open at once, per client and in all. A stream
// holds a recogniser, a synthesiser and a session lock for as long as the
// client keeps it open, and the rate limit only counts openings and
// questions, so without a cap one visitor could hold every core. The caps
// are per process: each replica counts its own streams.
type Slots struct {
	perClient, total int
	retry            time.Duration

	mu   sync.Mutex
	open int
	by   map[string]int
}

// NewSlots allows perClient streams per client key and total in all;
// refusals tell the client to retry after retry (5 s when 0).
func NewSlots(perClient, total int, retry time.Duration) *Slots {
	if retry <= 0 {
		retry = 5 * time.Second
	}
	return &Slots{perClient: perClient, total: total, retry: retry, by: map[string]int{}}
}

// Acquire takes a slot for client (the rate limiter's caller key) or
// refuses with apperr.RateLimited carrying the retry delay. release gives
// the slot back; calling it more than once is harmless.
func (s *Slots) Acquire(client string) (release func(), err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.by[client] >= s.perClient {
		e := apperr.New(apperr.RateLimited, "this client already has %d voice streams open, the most allowed; close one first", s.perClient)
		e.RetryAfter = s.retry
		return nil, e
	}
	if s.open >= s.total {
		e := apperr.New(apperr.RateLimited, "the server has %d voice streams open, the most it allows; retry later", s.total)
		e.RetryAfter = s.retry
		return nil, e
	}
	s.open++
	s.by[client]++
	var once sync.Once
	return func() { once.Do(func() { s.release(client) }) }, nil
}

func (s *Slots) release(client string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.open--
	if s.by[client]--; s.by[client] <= 0 {
		delete(s.by, client) // the map holds only clients with open streams
	}
}

// Open returns how many streams hold a slot.
func (s *Slots) Open() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.open
}
