package eval_test

import (
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/converse/eval"
)

// TestPublicSet is the CI gate: the public question set must pass at 95% or
// better.
func TestPublicSet(t *testing.T) {
	set, err := eval.Load("testdata/public.yaml")
	if err != nil {
		t.Fatal(err)
	}
	now, ok, err := set.Today()
	if err != nil || !ok {
		t.Fatalf("public set must pin now: %v", err)
	}
	r := eval.Run(set, now)
	if r.Turns < 150 {
		t.Errorf("public set has %d turns, want at least 150", r.Turns)
	}
	for _, m := range r.Misses {
		t.Log(m)
	}
	t.Logf("accuracy %.1f%% (%d/%d)", 100*r.Accuracy, r.Passed, r.Turns)
	if r.Accuracy < 0.95 {
		t.Errorf("accuracy %.3f below 0.95", r.Accuracy)
	}
}

// TestHeldOutSet is the second gate: informal questions over profiles of
// shapes the engine was not written against (see heldout.yaml), at the
// same 95% bar.
func TestHeldOutSet(t *testing.T) {
	set, err := eval.Load("testdata/heldout.yaml")
	if err != nil {
		t.Fatal(err)
	}
	now, ok, err := set.Today()
	if err != nil || !ok {
		t.Fatalf("held-out set must pin now: %v", err)
	}
	r := eval.Run(set, now)
	if r.Turns < 120 {
		t.Errorf("held-out set has %d turns, want at least 120", r.Turns)
	}
	for _, m := range r.Misses {
		t.Log(m)
	}
	t.Logf("accuracy %.1f%% (%d/%d)", 100*r.Accuracy, r.Passed, r.Turns)
	if r.Accuracy < 0.95 {
		t.Errorf("accuracy %.3f below 0.95", r.Accuracy)
	}
}

func TestRunCountsMisses(t *testing.T) {
	set, err := eval.Load("testdata/public.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// A set whose expectations cannot hold must report every turn missed.
	for i := range set.Threads {
		for j := range set.Threads[i].Turns {
			set.Threads[i].Turns[j].Expect.Facts = []string{"\x00never in any reply"}
		}
	}
	r := eval.Run(set, time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC))
	if r.Passed != 0 || len(r.Misses) != r.Turns || r.Accuracy != 0 {
		t.Errorf("got %d passed, %d misses of %d turns", r.Passed, len(r.Misses), r.Turns)
	}
}

// TestCheck scores replies given outside Run (the voice endpoint's) the way
// Run does, including each profile's own privacy choices.
func TestCheck(t *testing.T) {
	set, err := eval.Load("testdata/public.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, profile string
		expect        eval.Expect
		reply         converse.Reply
		problems      int
	}{
		{"fact present", "sample", eval.Expect{Facts: []string{"pied piper"}}, converse.Reply{Text: "He worked at Pied Piper."}, 0},
		{"fact missing", "sample", eval.Expect{Facts: []string{"Pied Piper"}}, converse.Reply{Text: "He studied."}, 1},
		{"forbidden", "sample", eval.Expect{Forbidden: []string{"Yes"}}, converse.Reply{Text: "yes, fluently"}, 1},
		{"unshared phone", "changer", eval.Expect{}, converse.Reply{Text: "Call +1 215 555 0142."}, 1},
		{"shared phone", "changer-shared", eval.Expect{}, converse.Reply{Text: "Call +1 215 555 0142."}, 0},
		{"refusal wanted", "sample", eval.Expect{Refused: true}, converse.Reply{Text: "It is sunny."}, 1},
		{"refusal given", "sample", eval.Expect{Refused: true, Intent: "off_topic"}, converse.Reply{Text: "I only answer about Richard.", Refused: true, Intent: "off_topic"}, 0},
		{"empty", "sample", eval.Expect{}, converse.Reply{}, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := set.Check(c.profile, c.expect, c.reply); len(got) != c.problems {
				t.Errorf("Check = %q, want %d problems", got, c.problems)
			}
		})
	}
}
