package converse_test

import (
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
