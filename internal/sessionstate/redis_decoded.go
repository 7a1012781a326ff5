package sessionstate

import (
	"context"
	"sync"
	"time"
)

// keptCap bounds the decoded states a Redis store keeps in process: a
// busy server's live sessions fit; beyond them one kept state makes room.
const keptCap = 4096

// kept is a state's bytes as this process last stored them in Redis, and
// the value the caller decoded from them.
type kept struct {
	state   []byte
	decoded any
}

// keptStates holds a Redis store's kept states by session.
type keptStates struct {
	mu sync.Mutex
	m  map[string]kept
}

// match returns the kept state of id when it holds exactly the bytes v
// that Redis returned: the decoded value goes with those bytes only, so a
// state another replica (or an expiry) changed is decoded afresh.
func (k *keptStates) match(id, v string) (kept, bool) {
	k.mu.Lock()
	e, ok := k.m[id]
	k.mu.Unlock()
	if !ok || string(e.state) != v {
		return kept{}, false
	}
	return e, true
}

// put keeps state and decoded for id (forgets id when decoded is nil).
func (k *keptStates) put(id string, state []byte, decoded any) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if decoded == nil || state == nil {
		delete(k.m, id)
		return
	}
	if k.m == nil {
		k.m = make(map[string]kept)
	}
	if _, ok := k.m[id]; !ok && len(k.m) >= keptCap {
		for other := range k.m {
			delete(k.m, other)
			break
		}
	}
	k.m[id] = kept{state, decoded}
}

var _ Decoder = (*Redis)(nil)

// AcquireDecoded implements Decoder. Redis holds the truth; beside it this
// process keeps the state it last stored for each session with its decoded
// value, and hands that value out only when Redis returns exactly the kept
// bytes (then also the kept bytes themselves, so nothing is copied). Its
// release keeps next without copying it.
func (r *Redis) AcquireDecoded(ctx context.Context, id string, ttl time.Duration) ([]byte, any, bool, func([]byte, any) error, error) {
	v, found, release, err := r.acquire(ctx, id, ttl)
	if err != nil {
		return nil, nil, false, nil, err
	}
	var state []byte
	var decoded any
	if found {
		if e, ok := r.kept.match(id, v); ok {
			state, decoded = e.state, e.decoded
		} else {
			state = []byte(v)
		}
	}
	return state, decoded, found, func(next []byte, decoded any) error {
		err := release(next)
		if err != nil {
			decoded = nil
		}
		if next != nil || err != nil {
			r.kept.put(id, next, decoded)
		}
		return err
	}, nil
}
