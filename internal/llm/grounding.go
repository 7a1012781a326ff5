package llm

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Vocabulary is what the grounding check knows beyond the retrieved facts:
// the profile's own names, finders for names outside it, and the question.
//
// Limits: an invented employer or school is caught when a finder knows it,
// when it carries an institutional or corporate form ("University of X",
// "X College", "X Inc", "X GmbH"), or when it follows "at", "for", "from",
// "joined", "attended" or "left" in capitals. A name found by pattern passes
// when each of its words occurs in the facts or profile ("Acme London" passes
// if both words do). A bare invented name elsewhere
// ("Globex hired her") is not detected; technologies are only as complete as
// FindTechnologies.
type Vocabulary struct {
	// Employers, Schools and Technologies are the profile's own, with aliases.
	// Naming them is allowed even when this turn's facts do not mention them.
	Employers    []Term
	Schools      []Term
	Technologies []Term
	// Allowed are other words an answer may use in a name position: the
	// person's names, places, the assistant's name.
	Allowed []string
	// FindTechnologies finds technologies from a global catalogue (nil: no
	// check for technologies outside the profile).
	FindTechnologies TechFinder
	// FindOrganizations finds known employers or schools from a wider list
	// (other profiles, well-known companies); nil: none.
	FindOrganizations TechFinder
	// Asked is the visitor's question. A name or year taken from it but
	// absent from the facts is tolerated only in a sentence that denies it
	// ("The profile does not mention Rust.").
	Asked string
}

// Finding kinds.
const (
	KindYear         = "year"
	KindTechnology   = "technology"
	KindOrganization = "organization"
)

// Finding is one ungrounded name in an answer.
type Finding struct {
	Kind string
	Term string
}

// ErrUngrounded matches (with errors.Is) every *UngroundedError.
var ErrUngrounded = errors.New("llm answer is not grounded in the facts")

// UngroundedError lists what an answer named without support.
type UngroundedError struct {
	Findings []Finding
}

func (e *UngroundedError) Error() string {
	parts := make([]string, len(e.Findings))
	for i, f := range e.Findings {
		parts[i] = f.Kind + " " + strconv.Quote(f.Term)
	}
	return fmt.Sprintf("%v: %s", ErrUngrounded, strings.Join(parts, ", "))
}

// Is makes errors.Is(err, ErrUngrounded) true.
func (e *UngroundedError) Is(target error) bool { return target == ErrUngrounded }

var (
	citationRE = regexp.MustCompile(`\[\s*\d+(?:\s*[,;–-]\s*\d+)*\s*\]`)
	sentenceRE = regexp.MustCompile(`[.!?]+(?:\s+|$)|;\s+|\n+`)
	negationRE = regexp.MustCompile(`(?i)\b(?:not|no|never|none|nor|neither|without|nothing|unknown|unclear)\b|n['’]t\b`)
)

// nameStopwords are tokens that carry no identity in an organisation name.
var nameStopwords = map[string]bool{
	"of": true, "and": true, "&": true, "the": true, "de": true, "du": true, "der": true, "für": true,
	"inc": true, "corp": true, "corporation": true, "ltd": true, "llc": true, "gmbh": true, "plc": true,
	"ag": true, "s.a": true, "b.v": true, "co": true, "company": true, "labs": true,
	"university": true, "college": true, "institute": true, "academy": true, "school": true, "polytechnic": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "present": true, "now": true, "today": true,
	"she": true, "he": true, "they": true, "her": true, "his": true, "their": true, "i": true, "it": true,
	"this": true, "that": true, "these": true, "those": true, "a": true, "an": true,
	// Words that open sentences and so may be caught in front of a name.
	"before": true, "after": true, "then": true, "later": true, "in": true, "at": true, "on": true,
	"yes": true, "also": true, "previously": true, "currently": true, "since": true, "during": true,
	"while": true, "when": true, "as": true, "but": true, "so": true, "there": true, "today's": true,
}

// CheckGrounded returns an *UngroundedError when answer names a year, a
// technology or an organisation that neither the facts nor the profile
// vocabulary supports, and nil otherwise.
//
// Years (1900–2099, and decades like "2010s") must occur in the facts; a
// year the visitor asked about may also fall inside a fact's span of years.
// Technologies found by vocab.FindTechnologies, and organisations found by
// vocab.FindOrganizations or by name patterns (see Vocabulary), must occur
// in the facts or among the profile's own terms.
func CheckGrounded(answer string, facts []string, vocab Vocabulary) error {
	g := newGrounder(facts, vocab)
	var findings []Finding
	seen := make(map[Finding]bool)
	for _, sentence := range sentences(citationRE.ReplaceAllString(answer, " ")) {
		for _, f := range g.check(sentence) {
			if !seen[f] {
				seen[f] = true
				findings = append(findings, f)
			}
		}
	}
	if len(findings) > 0 {
		return &UngroundedError{Findings: findings}
	}
	return nil
}

func sentences(text string) []string {
	var out []string
	for _, s := range sentenceRE.Split(text, -1) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
