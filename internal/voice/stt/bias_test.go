package stt

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestBiasBoosts(t *testing.T) {
	b := NewBias([]string{"JavaScript", "Kubernetes", "Acme  Corp", "Go", "UCL"}, 2)
	tests := []struct {
		name, text, piece string
		want              bool
	}{
		{"term starts a transcript", "", " Java", true},
		{"term starts a later word", " does he know", " Java", true},
		{"term continues", " does he know java", "Script", true},
		{"term abandoned", " does he know java", "rah", false},
		{"inside a word is no start", " does he know", "java", false},
		{"a word's middle is no start", " does he know aja", "va", false},
		{"second word of a phrase", " at acme", " corp", true},
		{"spaces collapsed in the phrase", " at acme", " c", true},
		{"two-letter terms left out", " does he know", " Go", false},
		{"three letters kept", " at", " UCL", true},
		{"one letter is too little", " at", " U", false},
		{"two letters are too little", " at", " Ja", false},
		{"then the third earns it", " at ja", "v", true},
		{"space only", " does he know java", " ", false},
		{"unrelated word", " where is he", " based", false},
		{"case folded", " knows", " KUBER", true},
		{"camel case is one word", " does he know java", " script", false},
		{"and continues as one", " does he know java", "script", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := b.Boost(tt.text, tt.piece) == 2; got != tt.want {
				t.Errorf("Boost(%q, %q) = %v, want 2: %v", tt.text, tt.piece, b.Boost(tt.text, tt.piece), tt.want)
			}
		})
	}
	for _, off := range []*Bias{nil, NewBias(nil, 2), NewBias([]string{"JavaScript"}, 0)} {
		if off.Boost("", " Java") != 0 {
			t.Errorf("%+v boosts", off)
		}
	}
}

func TestBiasTiers(t *testing.T) {
	b := NewBias([]string{"Kubernetes"}, 2).Add([]string{"does he know kubernetes", "what did he study"}, 0.5)
	tests := []struct {
		text, piece string
		want        float32
	}{
		{" what did he st", "udy", 0.5},
		{" what did he st", "art", 0},
		{" does he know", " kube", 2}, // the term's boost wins
		{" does he", " know", 0.5},
		{" where", " is", 0},
	}
	for _, tt := range tests {
		if got := b.Boost(tt.text, tt.piece); got != tt.want {
			t.Errorf("Boost(%q, %q) = %v, want %v", tt.text, tt.piece, got, tt.want)
		}
	}
}

func TestBiasChoose(t *testing.T) {
	pieces := map[int]string{0: " the", 1: " java", 2: " jarrah", 3: " job"}
	piece := func(id int) string { return pieces[id] }
	tests := []struct {
		name   string
		boost  float32
		logits []float32
		want   int
	}{
		{"close call goes to the term", 2, []float32{-9, 4, 5, 1}, 1},
		{"a clear winner stays", 2, []float32{-9, 1, 5, 1}, 2},
		{"no boost is argmax", 0, []float32{-9, 4, 5, 1}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := NewBias([]string{"JavaScript"}, tt.boost)
			if got := b.choose(tt.logits, topK(tt.logits, 3), " does he know", piece); got != tt.want {
				t.Errorf("choose = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestTopK(t *testing.T) {
	tests := []struct {
		xs   []float32
		k    int
		want []int
	}{
		{[]float32{1, 5, 3, 9, 2}, 3, []int{3, 1, 2}},
		{[]float32{1, 5}, 3, []int{1, 0}},
		{[]float32{4, 4, 1}, 2, []int{0, 1}},
		{[]float32{1, 2, 3, 4, 5, 6}, 1, []int{5}},
		{nil, 2, []int{}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, topK(tt.xs, tt.k)); diff != "" {
			t.Errorf("topK(%v, %d) (-want +got):\n%s", tt.xs, tt.k, diff)
		}
	}
}

// BenchmarkBiasStep is the bias's cost per decoded token: the top
// candidates of a 32,000-token step and their boosts, with 60 terms and
// 1,600 phrasings (a profile's sizes).
func BenchmarkBiasStep(b *testing.B) {
	var terms, sentences []string
	for i := range 60 {
		terms = append(terms, fmt.Sprintf("technology%d", i))
	}
	for i := range 1600 {
		sentences = append(sentences, fmt.Sprintf("what did he do at employer number %d in the year", i))
	}
	bias := NewBias(terms, 2).Add(sentences, 1)
	logits := make([]float32, 32000)
	for i := range logits {
		logits[i] = float32((i * 7919) % 1000)
	}
	piece := func(id int) string { return fmt.Sprintf(" tok%d", id) }
	b.ResetTimer()
	for range b.N {
		bias.choose(logits, topK(logits, biasCandidates), " what did he do at employer", piece)
	}
}
