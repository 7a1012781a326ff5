package stt

import (
	"strings"
	"unicode/utf8"
)

// biasCandidates is how many of a step's most likely tokens the bias
// considers: a term the model gives no real chance is not forced in.
const biasCandidates = 8

// biasMinMatch is how much of a phrase (in bytes, from a word start) a
// token must complete to earn its boost: every letter starts some term,
// and boosting one-letter pieces made the decoder spell ("D. D.", "e e e").
const biasMinMatch = 3

// Bias steers a general recogniser's decoding toward phrases it should
// expect (a profile's names, employers, technologies; question phrasings
// the engine understands): a token that starts or continues one of them,
// at a word boundary, gets the phrase's boost added to its logit. This is
// shallow fusion with a prefix tree, as in contextual biasing for
// Whisper-class models; it works on characters, so it does not depend on
// how the tokenizer splits a phrase. Greedy decoding cannot take a bonus
// back when the phrase is abandoned, so boosts must stay small against the
// model's own margins; the beam search (beamSearch) keeps a word's boosts
// only when the word ends whole (wholeWord). The zero value and nil change
// nothing.
type Bias struct {
	prefixes map[string]float32 // the largest boost of a phrase with this prefix
	// words holds the prefixes that end a word of some phrase: where a
	// beam search keeps the boosts it gave a word (hyp.settle).
	words   map[string]bool
	longest int
}

// NewBias is a bias toward phrases with boost in logits (natural-log
// odds); see Add.
func NewBias(phrases []string, boost float32) *Bias {
	return new(Bias).Add(phrases, boost)
}

// Add adds phrases with boost and returns b. Phrases shorter than three
// letters are left out ("Go", "C" would pull ordinary short words).
func (b *Bias) Add(phrases []string, boost float32) *Bias {
	if boost <= 0 {
		return b
	}
	if b.prefixes == nil {
		b.prefixes = map[string]float32{}
		b.words = map[string]bool{}
	}
	for _, p := range phrases {
		p = strings.Join(strings.Fields(strings.ToLower(p)), " ")
		if utf8.RuneCountInString(p) < 3 {
			continue
		}
		b.longest = max(b.longest, len(p))
		for i := range len(p) {
			b.prefixes[p[:i+1]] = max(b.prefixes[p[:i+1]], boost)
			if i+1 == len(p) || p[i+1] == ' ' {
				b.words[p[:i+1]] = true
			}
		}
	}
	return b
}

// active tells whether b would change any choice.
func (b *Bias) active() bool { return b != nil && len(b.prefixes) > 0 }

// Boost is what appending piece (a decoded token, spaces as " ") to text
// (the transcript so far, lower-cased) earns: the largest boost among the
// phrases that some word start in the new text begins a prefix of; 0
// when none does.
func (b *Bias) Boost(text, piece string) float32 {
	if !b.active() || strings.TrimSpace(piece) == "" {
		return 0
	}
	s := text + strings.ToLower(piece)
	var best float32
	for i := max(0, len(s)-b.longest-1); i < len(s); i++ {
		if i > 0 && s[i-1] != ' ' || s[i] == ' ' || len(s)-i < biasMinMatch {
			continue
		}
		best = max(best, b.prefixes[s[i:]])
	}
	return best
}

// wholeWord tells whether text (lower-cased, as for Boost) ends in whole
// words of a phrase, from a word start: the words of "acme corp" or the
// first one alone, not "acm" nor "acmex".
func (b *Bias) wholeWord(text string) bool {
	if !b.active() {
		return false
	}
	for i := max(0, len(text)-b.longest-1); i <= len(text)-biasMinMatch; i++ {
		if i > 0 && text[i-1] != ' ' || text[i] == ' ' {
			continue
		}
		if b.words[text[i:]] {
			return true
		}
	}
	return false
}

// choose is step's token: the best of the candidates' logits with their
// boosts added. text is the transcript so far, lower-cased, and piece
// gives a token's decoded text.
func (b *Bias) choose(logits []float32, candidates []int, text string, piece func(int) string) int {
	best, bestScore := candidates[0], float32(0)
	for i, id := range candidates {
		score := logits[id] + b.Boost(text, piece(id))
		if i == 0 || score > bestScore {
			best, bestScore = id, score
		}
	}
	return best
}

// topK is the indices of the k largest values, largest first (fewer when
// xs is shorter).
func topK(xs []float32, k int) []int {
	k = min(k, len(xs))
	out := make([]int, 0, k+1)
	for i, x := range xs {
		if len(out) == k && x <= xs[out[k-1]] {
			continue
		}
		j := len(out)
		out = append(out, i)
		for j > 0 && xs[out[j-1]] < x {
			out[j] = out[j-1]
			j--
		}
		out[j] = i
		if len(out) > k {
			out = out[:k]
		}
	}
	return out
}
