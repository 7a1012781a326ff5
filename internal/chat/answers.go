package chat

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"time"

	"github.com/maypok86/otter/v2"

	"github.com/parleyhq/parley/internal/cache"
	"github.com/parleyhq/parley/internal/converse"
)

// AnswerTTL is how long a context-free answer is kept. Its key names the
// profile version and the day, so an entry is never stale; the TTL only
// bounds memory.
const AnswerTTL = time.Hour

// WithAnswerCache keeps the engine's replies to questions that do not
// depend on the session's context ("Where does she work now?", unlike
// "when was that?") in c, keyed by profile version, day and normalised
// question, so that every session asking them gets the reply without
// running the engine. Turns are still persisted one by one. Without it
// (PARLEY_CACHE=off) every turn runs the engine.
func (s *Service) WithAnswerCache(c cache.Cache) *Service {
	s.answers = c
	s.decoded = otter.Must(&otter.Options[string, *converse.Canned]{MaximumSize: decodedAnswers})
	return s
}

// decodedAnswers bounds the process-local layer of decoded replies in
// front of the answer cache: decoding a kept reply's JSON cost about as
// much CPU as the engine's turn. Its keys name the profile version and the
// day, so an entry never goes stale; the bound only caps memory.
const decodedAnswers = 4096

// answerKey names the reply to question from the index version (slug,
// version, hash and privacy choices, see index) on now's day: replies can
// name durations up to today.
// (Built in stack buffers: one string allocated, the key, on every turn.)
func answerKey(version, question string, now time.Time) string {
	var in [256]byte
	b := append(in[:0], version...)
	b = append(b, 0)
	b = now.AppendFormat(b, time.DateOnly)
	b = append(b, 0)
	b = append(b, converse.NormalizeQuestion(question)...)
	h := sha256.Sum256(b)
	var out [len("answer:") + 2*sha256.Size]byte
	n := copy(out[:], "answer:")
	hex.Encode(out[n:], h[:])
	return string(out[:])
}

// turn runs the engine, or replays a kept context-free reply.
func (s *Service) turn(ctx context.Context, idx *converse.Index, version string, st converse.State, question string, now time.Time) (converse.Reply, converse.State) {
	if s.answers == nil {
		return idx.Turn(st, question, now)
	}
	key := answerKey(version, question, now)
	// A decoded reply is shared by every turn that replays it: nothing
	// downstream writes to a reply's or a state's slices.
	if c, ok := s.decoded.GetIfPresent(key); ok {
		return c.Reply, c.Next(st)
	}
	if b, ok, _ := s.answers.Get(ctx, key); ok {
		c := new(converse.Canned)
		if err := json.Unmarshal(b, c); err == nil {
			s.decoded.Set(key, c)
			return c.Reply, c.Next(st)
		}
	}
	reply, next, c := idx.TurnCanned(st, question, now)
	if c != nil {
		s.decoded.Set(key, c)
		if b, err := json.Marshal(c); err == nil {
			if err := s.answers.Set(ctx, key, b, AnswerTTL); err != nil {
				s.logger.WarnContext(ctx, "answer not cached", "err", err)
			}
		}
	}
	return reply, next
}
