package converse_test

import (
	"encoding/json"
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// BenchmarkTurn measures the engine alone: understanding, follow-up
// resolution and composition, over a mix of questions and follow-ups.
func BenchmarkTurn(b *testing.B) {
	x := mustIndex(b, "senior")
	qs := []string{
		"Where does Dana work now?", "How long has she been at Northwind?", "And before that?",
		"Does she know Kubernets?", "Which jobs used Python?", "What about Java?",
		"Where did she work between 2016 and 2019?", "Any certifications?", "What's her phone number?",
		"What's the weather in Berlin?", "Tell me about kubeprobe", "When was that?",
	}
	var st converse.State
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_, st = x.Turn(st, qs[i%len(qs)], today)
	}
}

// BenchmarkCompile measures building the Index of a profile, which callers
// do once per profile version.
func BenchmarkCompile(b *testing.B) {
	r := mustLoad(b, "senior")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		converse.Compile(r, profile.Privacy{}, today)
	}
}

// BenchmarkCannedReplay measures what a kept context-free reply costs the
// chat service instead of a Turn: decoding it (as it comes out of the
// cache) and applying it to the session's state. Compare with
// BenchmarkTurnContextFree, the same question run by the engine.
func BenchmarkCannedReplay(b *testing.B) {
	x := mustIndex(b, "senior")
	_, _, c := x.TurnCanned(converse.State{}, "Where does Dana work now?", today)
	if c == nil {
		b.Fatal("question not context-free")
	}
	raw, err := json.Marshal(c)
	if err != nil {
		b.Fatal(err)
	}
	var st converse.State
	b.ReportAllocs()
	for b.Loop() {
		var got converse.Canned
		if err := json.Unmarshal(raw, &got); err != nil {
			b.Fatal(err)
		}
		st = got.Next(st)
	}
}

// BenchmarkTurnContextFree is the engine answering the question of
// BenchmarkCannedReplay.
func BenchmarkTurnContextFree(b *testing.B) {
	x := mustIndex(b, "senior")
	var st converse.State
	b.ReportAllocs()
	for b.Loop() {
		_, st = x.Turn(st, "Where does Dana work now?", today)
	}
}
