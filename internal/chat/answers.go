package chat

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"time"
	"unicode"

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
// much CPU as the engine's turn. Its keys (answer inputs, see
// appendAnswerInput: ~100 bytes) name the profile version and the day, so
// an entry never goes stale; the bound only caps memory.
const decodedAnswers = 4096

// answerKey names the reply to question from the index version (slug,
// version, hash and privacy choices, see index) on now's day: replies can
// name durations up to today. It is the answer cache's key (which may be
// Redis, shared and outliving a deploy): a digest of answerInput.
func answerKey(version, question string, now time.Time) string {
	var in [256]byte
	return digestKey(appendAnswerInput(in[:0], version, question, now))
}

// appendAnswerInput appends what names a reply: version, NUL, now's day,
// NUL, the question as converse.NormalizeQuestion gives it. The
// process-local layer of decoded replies is keyed by it as it is, so a
// turn that replays a decoded reply takes no SHA-256 (a twentieth of a
// turn's instructions outside the store).
func appendAnswerInput(b []byte, version, question string, now time.Time) []byte {
	b = append(b, version...)
	b = append(b, 0)
	b = now.AppendFormat(b, time.DateOnly)
	b = append(b, 0)
	return appendNormalized(b, question)
}

// digestKey is the answer cache's key for an answer input.
// (Built in stack buffers: one string allocated, the key.)
func digestKey(input []byte) string {
	h := sha256.Sum256(input)
	var out [len("answer:") + 2*sha256.Size]byte
	n := copy(out[:], "answer:")
	hex.Encode(out[n:], h[:])
	return string(out[:])
}

// appendNormalized appends converse.NormalizeQuestion(q) (the fields of q,
// split as strings.Fields splits, joined by single spaces) without the
// slice of fields and the joined string.
func appendNormalized(b []byte, q string) []byte {
	first := true
	for len(q) > 0 {
		i := strings.IndexFunc(q, func(r rune) bool { return !unicode.IsSpace(r) })
		if i < 0 {
			break
		}
		q = q[i:]
		j := strings.IndexFunc(q, unicode.IsSpace)
		if j < 0 {
			j = len(q)
		}
		if !first {
			b = append(b, ' ')
		}
		b = append(b, q[:j]...)
		first = false
		q = q[j:]
	}
	return b
}

// turn runs the engine, or replays a kept context-free reply.
func (s *Service) turn(ctx context.Context, idx *converse.Index, version string, st converse.State, question string, now time.Time) (converse.Reply, converse.State) {
	if s.answers == nil {
		return idx.Turn(st, question, now)
	}
	var in [256]byte
	input := appendAnswerInput(in[:0], version, question, now)
	local := string(input)
	// A decoded reply is shared by every turn that replays it: nothing
	// downstream writes to a reply's or a state's slices.
	if c, ok := s.decoded.GetIfPresent(local); ok {
		return c.Reply, c.Next(st)
	}
	key := digestKey(input)
	if b, ok, _ := s.answers.Get(ctx, key); ok {
		c := new(converse.Canned)
		if err := json.Unmarshal(b, c); err == nil {
			s.decoded.Set(local, c)
			return c.Reply, c.Next(st)
		}
	}
	reply, next, c := idx.TurnCanned(st, question, now)
	if c != nil {
		s.decoded.Set(local, c)
		if b, err := json.Marshal(c); err == nil {
			if err := s.answers.Set(ctx, key, b, AnswerTTL); err != nil {
				s.logger.WarnContext(ctx, "answer not cached", "err", err)
			}
		}
	}
	return reply, next
}
