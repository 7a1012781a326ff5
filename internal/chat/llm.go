package chat

import (
	"context"
	"strings"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/llm"
	"github.com/parleyhq/parley/internal/profile"
)

// WithLLM makes the service phrase grounded replies with an LLM: the model
// sees only the facts the deterministic engine retrieved, and any answer
// that fails the grounding check (or any provider failure) leaves the
// deterministic reply in place.
func (s *Service) WithLLM(a *llm.Answerer) *Service {
	s.llm = a
	return s
}

// intents the LLM does not rephrase: nothing to ground, or a refusal.
var plainIntents = map[string]bool{
	"greeting": true, "thanks": true, "goodbye": true, "help": true, "empty": true,
	"too_long": true, "off_topic": true, "injection": true, "private": true,
}

// polish asks the LLM to phrase reply from its cited facts. It returns the
// reply to send and the prompt version to record.
func (s *Service) polish(ctx context.Context, idx *converse.Index, version, question string, reply converse.Reply, onDelta func(string) error) (converse.Reply, string) {
	if s.llm == nil || reply.Refused || len(reply.Citations) == 0 || plainIntents[reply.Intent] {
		return reply, PromptVersion
	}
	facts := make([]string, 0, len(reply.Citations))
	cites := make([]converse.Citation, 0, len(reply.Citations))
	for _, c := range reply.Citations {
		if f := idx.Fact(c); f != "" {
			facts = append(facts, f)
			cites = append(cites, c)
		}
	}
	if len(facts) == 0 {
		return reply, PromptVersion
	}
	q := llm.Query{
		Question: question, Subject: idx.Name(), Facts: facts, ProfileVersion: version,
		Vocab: vocabulary(idx, question),
	}
	var ans llm.Answer
	var err error
	if onDelta != nil {
		ans, err = s.llm.AnswerStream(ctx, q, llm.DeltaFunc(onDelta))
	} else {
		ans, err = s.llm.Answer(ctx, q)
	}
	if err != nil {
		s.logger.DebugContext(ctx, "llm answer not used; deterministic reply kept", "err", err)
		return reply, PromptVersion
	}
	out := reply
	out.Text = ans.Text
	out.Citations = out.Citations[:0:0]
	for _, n := range ans.Citations {
		if n >= 1 && n <= len(cites) {
			out.Citations = append(out.Citations, cites[n-1])
		}
	}
	if len(out.Citations) == 0 {
		out.Citations = cites
	}
	return out, ans.PromptVersion
}

// vocabulary is what the grounding check may accept beyond the facts.
func vocabulary(idx *converse.Index, question string) llm.Vocabulary {
	v := idx.Vocabulary()
	techs := profile.Technologies()
	terms := func(names []string) []llm.Term {
		out := make([]llm.Term, 0, len(names))
		for _, n := range names {
			if strings.TrimSpace(n) != "" {
				out = append(out, llm.Term{Name: n})
			}
		}
		return out
	}
	tt := make([]llm.Term, 0, len(v.Technologies))
	for _, n := range v.Technologies {
		t := llm.Term{Name: n}
		if info, ok := techs.Lookup(n); ok {
			t.Aliases = info.Aliases
		}
		tt = append(tt, t)
	}
	return llm.Vocabulary{
		Employers: terms(v.Employers), Schools: terms(v.Schools), Technologies: tt,
		Allowed: v.Names, Asked: question,
		FindTechnologies: func(text string) []string {
			var out []string
			for _, m := range techs.Find(text) {
				out = append(out, m.Name)
			}
			return out
		},
	}
}
