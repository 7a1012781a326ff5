// Package converse is Parley's deterministic conversation engine: it
// understands a visitor's question about a profile (intent, named entities,
// technologies, time windows, follow-ups), composes a grounded answer with
// a citation for every fact, suggests next questions and declines what it
// must not answer. It does no I/O; callers keep the compiled Index per
// profile version and the small State per session.
package converse

import (
	"strings"
	"time"
	"unicode/utf8"
)

// MaxQuestionRunes is the longest question the engine reads. Longer text is
// declined; the HTTP layer rejects it before it gets here.
const MaxQuestionRunes = 1000

// Reply is the engine's answer to one question.
type Reply struct {
	Text        string     `json:"text"`
	Refused     bool       `json:"refused"`
	Citations   []Citation `json:"citations"`
	Suggestions []string   `json:"suggestions"`
	Intent      string     `json:"intent"`
}

// State is what a session remembers between turns so follow-ups ("when was
// that?", "and before that?", "what about Python?") resolve. It is small
// and JSON-serialisable; the zero State starts a conversation.
type State struct {
	Turn    int     `json:"turn,omitempty"`
	Intent  string  `json:"intent,omitempty"`
	Section string  `json:"section,omitempty"`
	Focus   []int   `json:"focus,omitempty"`
	Tech    string  `json:"tech,omitempty"`
	Mode    uint8   `json:"mode,omitempty"`
	Window  *Window `json:"window,omitempty"`
	// List is the last reply that named several entries (of ListSection),
	// kept while later replies focus on one of them: "the second one".
	List        []int  `json:"list,omitempty"`
	ListSection string `json:"list_section,omitempty"`
	// Said marks the last reply's text (saidMark), so that a follow-up
	// which would say the same again says that nothing more is known.
	Said uint32 `json:"said,omitempty"`
}

// moreAsked reports a request for more of the last reply: "tell me more
// (about it)", "more", "what else", "anything else", "go on".
func moreAsked(q *query) bool {
	j := q.joined
	return strings.HasPrefix(j, " tell me more ") || strings.HasPrefix(j, " more ") || strings.HasPrefix(j, " go on ") ||
		strings.HasPrefix(j, " what else ") && len(q.ts) <= 2 || strings.HasPrefix(j, " anything else ") && len(q.ts) <= 2 ||
		strings.HasPrefix(j, " and what else ") && len(q.ts) <= 3
}

// saidMark is a cheap mark of a reply's text: its length and its first 64
// bytes. Two different replies that share both are rare enough for what it
// guards (a repeated "tell me more").
func saidMark(s string) uint32 {
	h := uint32(2166136261) ^ uint32(len(s))
	for i := 0; i < len(s) && i < 64; i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h | 1 // never 0, which means "no reply yet"
}

// Turn answers question in the conversation state st and returns the reply
// and the next state. It is a pure function of its arguments.
func (x *Index) Turn(st State, question string, now time.Time) (Reply, State) {
	question = x.askedWhether(dropTopicLead(x.spokenForm(x.correctedAsk(st, question))))
	if first, second, ok := splitTwoQuestions(question); ok && len(question) <= MaxQuestionRunes {
		return x.turnTwo(st, first, second, now)
	}
	if first, second, ok := splitFieldPair(question); ok {
		if r, next, ok := x.turnParts(st, first, second, true, now); ok {
			return r, next
		}
	}
	c, _ := x.turn(st, question, now)
	return c.Reply, c.Next(st)
}

// Canned is a reply that did not depend on the conversation state: every
// session asking the same question (up to NormalizeQuestion) of the same
// Index on the same day gets the same reply, so callers may keep it. Next
// applies it to a session's state.
type Canned struct {
	Reply Reply `json:"reply"`
	// Carry is the next state's part taken from the reply (Turn and Mode
	// come from the session's state).
	Carry State `json:"carry"`
	// Keep: the reply was a detour (greeting, refusal, ...) and the
	// session's context is kept.
	Keep bool `json:"keep,omitempty"`
}

// Next returns the state after c in a session whose state was st.
func (c *Canned) Next(st State) State {
	if c.Keep {
		st.Turn++
		return st
	}
	next := c.Carry
	next.Turn, next.Mode = st.Turn+1, 0
	if len(next.Focus) >= 2 {
		next.List, next.ListSection = next.Focus, next.Section
	} else if len(next.List) == 0 {
		next.List, next.ListSection = st.List, st.ListSection
	}
	if next.Intent == iTech.String() {
		next.Mode = st.Mode
	}
	return next
}

// TurnCanned is Turn that also returns the reply as a Canned when it did
// not depend on st (nil when it did: a follow-up such as "when was that?").
func (x *Index) TurnCanned(st State, question string, now time.Time) (Reply, State, *Canned) {
	if _, ok := correctionRest(question); ok {
		r, next := x.Turn(st, question, now) // asked again of the last question in some states: never kept
		return r, next, nil
	}
	question = x.askedWhether(dropTopicLead(x.spokenForm(question)))
	if first, second, ok := splitTwoQuestions(question); ok && len(question) <= MaxQuestionRunes {
		r, next := x.turnTwo(st, first, second, now) // the second part leans on the first: never kept
		return r, next, nil
	}
	if first, second, ok := splitFieldPair(question); ok {
		if r, next, ok := x.turnParts(st, first, second, true, now); ok {
			return r, next, nil
		}
	}
	c, free := x.turn(st, question, now)
	if !free {
		return c.Reply, c.Next(st), nil
	}
	return c.Reply, c.Next(st), &c
}

// NormalizeQuestion returns the form of a question under which replies are
// kept: the engine reads words, never the spaces between them.
func NormalizeQuestion(q string) string { return strings.Join(strings.Fields(q), " ") }

// turn answers question and reports whether the reply is free of st.
func (x *Index) turn(st State, question string, now time.Time) (c Canned, free bool) {
	o := &out{x: x}
	more := false // "tell me more", "what else": a repeat is no answer
	question = strings.TrimSpace(question)
	switch {
	case utf8.RuneCountInString(question) > MaxQuestionRunes:
		o.in, o.refused = iTooLong, true
		o.say("That message is too long for me; please ask a shorter question about %s.", x.who())
	case question == "":
		o.in = iEmpty
		x.help(o)
	default:
		q := x.understand(question, now)
		more = moreAsked(q)
		x.respond(o, q, st, now)
		x.addMentoring(o, q)
		keepYear(o, q)
	}
	if o.b.Len() == 0 {
		o.say("The profile doesn't say anything about that.")
	}
	r := Reply{Text: polish(o.b.String()), Refused: o.refused, Citations: o.cites, Intent: o.in.String()}
	said := saidMark(r.Text)
	if more && o.stateRead && st.Said == said && !o.refused {
		// "tell me more", "what else" after a reply that already said
		// everything: the same text again reads as a loop
		r.Text, o.cites = "I've given everything the profile says on that. You could also ask about "+list(x.topics())+".", nil
		r.Citations = nil
	}
	if r.Citations == nil {
		r.Citations = []Citation{}
	}
	r.Suggestions = x.suggest(o)
	c.Reply = r
	switch o.in {
	case iTooLong, iEmpty, iOffTopic, iInjection, iThanks, iGreeting, iBye, iHelp:
		// Keep the context: after a detour, "and before that?" still works.
		c.Keep = true
		return c, !o.stateRead
	}
	if o.in == iSearch && len(o.cites) == 0 && o.sec == "" && o.tech == "" && o.win == nil {
		// "does she treat horses": a reply that found nothing names no
		// entry, so the one discussed before stays the subject
		c.Keep = true
		return c, !o.stateRead
	}
	c.Carry = State{Intent: o.in.String(), Section: o.sec, Focus: o.focus, Tech: o.tech, Window: o.win, Said: said}
	if len(o.list) >= 2 && o.in == iSearch && len(o.focus) == 1 && o.focus[0] == o.list[0] {
		c.Carry.List, c.Carry.ListSection = o.list, o.sec // a search's equally good entries
	}
	return c, !o.stateRead
}

// help describes what the visitor can ask.
func (x *Index) help(o *out) {
	o.say("I answer questions about %s profile: %s. Ask in your own words, for example about a company, a technology or a year.", x.whose(), list(x.topics()))
}

// topics names the parts of the profile that have something to ask about.
func (x *Index) topics() []string {
	var topics []string
	if len(x.work) > 0 {
		topics = append(topics, "work history")
	}
	if len(x.projects) > 0 {
		topics = append(topics, "projects")
	}
	if len(x.r.Skills) > 0 || len(x.techOrder) > 0 {
		topics = append(topics, "skills and technologies")
	}
	if len(x.education) > 0 {
		topics = append(topics, "education")
	}
	for _, s := range []struct {
		n    int
		name string
	}{{len(x.certificates), "certificates"}, {len(x.awards), "awards"}, {len(x.publications), "publications"},
		{len(x.volunteer), "volunteering"}, {len(x.r.Languages), "languages"}, {len(x.r.Interests), "interests"}} {
		if s.n > 0 {
			topics = append(topics, s.name)
		}
	}
	if len(topics) == 0 {
		topics = append(topics, "background")
	}
	return topics
}

// decline fills a refusal.
func (x *Index) decline(o *out, in intent) {
	o.in, o.refused = in, true
	switch in {
	case iInjection:
		o.say("I can't change how I work or share hidden instructions. I only answer questions about %s profile.", x.whose())
	default:
		o.say("Sorry, I can only answer questions about %s profile — work, projects, skills, education and the like.", x.whose())
	}
}
