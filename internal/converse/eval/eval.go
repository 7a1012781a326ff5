// Package eval runs question sets against profiles through the
// deterministic engine and measures how many turns meet their expectations.
//
// A set is YAML:
//
//	profiles:
//	  - name: sample
//	    path: sample.resume.json   # relative to the YAML file
//	    share_phone: false         # the owner's privacy choices (default: share neither)
//	    share_address: false
//	threads:
//	  - profile: sample
//	    name: work follow-ups
//	    turns:
//	      - question: Where did he work?
//	        expect:
//	          facts: [Pied Piper]        # substrings the reply must contain (any case)
//	          forbidden: [Hooli]         # substrings it must not contain
//	          refused: false             # whether the reply must be a refusal
//	          intent: work_history       # optional
//
// The phone number and street address of a profile whose owner does not
// share them are forbidden in every reply of its threads.
package eval

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// Set is a loaded question set.
type Set struct {
	// Now is the "today" the set was written for (YYYY-MM-DD), if pinned.
	Now      string    `yaml:"now"`
	Profiles []Profile `yaml:"profiles"`
	Threads  []Thread  `yaml:"threads"`

	docs    map[string]*profile.Document
	private map[string][]string // profile -> phone and address its owner does not share
}

// Profile names a JSON Resume file and the owner's privacy choices.
type Profile struct {
	Name         string `yaml:"name"`
	Path         string `yaml:"path"`
	SharePhone   bool   `yaml:"share_phone"`
	ShareAddress bool   `yaml:"share_address"`
}

// Thread is one conversation: turns asked in order on one session.
type Thread struct {
	Profile string `yaml:"profile"`
	Name    string `yaml:"name"`
	Turns   []Turn `yaml:"turns"`
}

// Turn is one question and what its reply must satisfy.
type Turn struct {
	Question string `yaml:"question"`
	Expect   Expect `yaml:"expect"`
}

// Expect is what a reply must satisfy.
type Expect struct {
	Facts     []string `yaml:"facts"`
	Forbidden []string `yaml:"forbidden"`
	Refused   bool     `yaml:"refused"`
	Intent    string   `yaml:"intent"`
}

// Miss is one turn that did not meet its expectations.
type Miss struct {
	Profile  string
	Thread   string
	Turn     int // 1-based within the thread
	Question string
	Reply    converse.Reply
	Problems []string
}

// Report is the outcome of a run.
type Report struct {
	Turns    int
	Passed   int
	Accuracy float64 // Passed / Turns, 0..1
	Misses   []Miss
	Log      []string // every turn, one line each: profile, question, pass or miss, reply
}

// Load reads a set from path and the profiles it names (paths relative to
// the set's directory). Errors: apperr.Invalid for a malformed set or
// profile, or the read error.
func Load(path string) (*Set, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read question set: %w", err)
	}
	var s Set
	if err := yaml.Unmarshal(data, &s); err != nil {
		return nil, apperr.Wrap(apperr.Invalid, err, "question set %s: %v", path, err)
	}
	s.docs = map[string]*profile.Document{}
	dir := filepath.Dir(path)
	for _, p := range s.Profiles {
		if p.Name == "" || p.Path == "" {
			return nil, apperr.New(apperr.Invalid, "question set %s: every profile needs a name and a path", path)
		}
		pp := p.Path
		if !filepath.IsAbs(pp) {
			pp = filepath.Join(dir, pp)
		}
		raw, err := os.ReadFile(pp)
		if err != nil {
			return nil, fmt.Errorf("read profile %s: %w", p.Name, err)
		}
		doc, err := profile.Decode(raw)
		if err != nil {
			return nil, fmt.Errorf("profile %s: %w", p.Name, err)
		}
		s.docs[p.Name] = doc
	}
	s.private = map[string][]string{}
	for _, p := range s.Profiles {
		b := s.docs[p.Name].Resume.Basics
		if !p.SharePhone && strings.TrimSpace(b.Phone) != "" {
			s.private[p.Name] = append(s.private[p.Name], b.Phone)
		}
		if !p.ShareAddress && strings.TrimSpace(b.Location.Address) != "" {
			s.private[p.Name] = append(s.private[p.Name], b.Location.Address)
		}
	}
	for i, t := range s.Threads {
		if _, ok := s.docs[t.Profile]; !ok {
			return nil, apperr.New(apperr.Invalid, "question set %s: thread %d names unknown profile %q", path, i+1, t.Profile)
		}
	}
	return &s, nil
}

// Today returns the set's pinned "today", if it names one.
func (s *Set) Today() (time.Time, bool, error) {
	if s.Now == "" {
		return time.Time{}, false, nil
	}
	t, err := time.Parse(time.DateOnly, s.Now)
	if err != nil {
		return time.Time{}, false, apperr.New(apperr.Invalid, "question set: now %q is not YYYY-MM-DD", s.Now)
	}
	return t, true, nil
}

// Run asks every thread's questions in order, each thread on a fresh
// session, with now as "today", and checks each reply.
func Run(s *Set, now time.Time) Report {
	idx := map[string]*converse.Index{}
	for _, p := range s.Profiles {
		priv := profile.Privacy{SharePhone: p.SharePhone, ShareAddress: p.ShareAddress}
		idx[p.Name] = converse.Compile(s.docs[p.Name].Resume, priv, now)
	}
	var r Report
	for _, th := range s.Threads {
		x := idx[th.Profile]
		var st converse.State
		for i, t := range th.Turns {
			reply, next := x.Turn(st, t.Question, now)
			st = next
			r.Turns++
			probs := s.Check(th.Profile, t.Expect, reply)
			mark := "ok  "
			if len(probs) > 0 {
				mark = "MISS"
			}
			r.Log = append(r.Log, fmt.Sprintf("%s %s: %q -> [%s] %s", mark, th.Profile, t.Question, reply.Intent, reply.Text))
			if len(probs) == 0 {
				r.Passed++
				continue
			}
			r.Misses = append(r.Misses, Miss{Profile: th.Profile, Thread: th.Name, Turn: i + 1,
				Question: t.Question, Reply: reply, Problems: probs})
		}
	}
	if r.Turns > 0 {
		r.Accuracy = float64(r.Passed) / float64(r.Turns)
	}
	return r
}

// Check lists what reply, given in a thread on the named profile, gets
// wrong against e; the profile's unshared phone number and street address
// are forbidden too. Nil means the reply passes. Run scores every turn with
// it; other front ends (the voice endpoint) use it to be scored alike.
func (s *Set) Check(profileName string, e Expect, reply converse.Reply) []string {
	return check(e, reply, s.private[profileName])
}

// check lists what reply gets wrong against e.
func check(e Expect, reply converse.Reply, private []string) []string {
	var probs []string
	text := strings.ToLower(reply.Text)
	for _, f := range e.Facts {
		if !strings.Contains(text, strings.ToLower(f)) {
			probs = append(probs, fmt.Sprintf("missing %q", f))
		}
	}
	for _, f := range append(append([]string(nil), e.Forbidden...), private...) {
		if f != "" && strings.Contains(text, strings.ToLower(f)) {
			probs = append(probs, fmt.Sprintf("contains forbidden %q", f))
		}
	}
	if reply.Refused != e.Refused {
		probs = append(probs, fmt.Sprintf("refused is %v, want %v", reply.Refused, e.Refused))
	}
	if e.Intent != "" && reply.Intent != e.Intent {
		probs = append(probs, fmt.Sprintf("intent is %q, want %q", reply.Intent, e.Intent))
	}
	if strings.TrimSpace(reply.Text) == "" {
		probs = append(probs, "empty reply")
	}
	return probs
}

// String renders a miss for a terminal.
func (m Miss) String() string {
	return fmt.Sprintf("%s / %s #%d: %q\n  reply (%s): %s\n  %s", m.Profile, m.Thread, m.Turn, m.Question,
		m.Reply.Intent, m.Reply.Text, strings.Join(m.Problems, "; "))
}
