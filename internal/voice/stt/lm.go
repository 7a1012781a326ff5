package stt

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
)

// Sentence markers of the ARPA format.
const (
	bos = "<s>"
	eos = "</s>"
)

// discount is subtracted from every seen n-gram count (absolute
// discounting); the freed mass goes to the lower order through back-off.
const discount = 0.5

// LanguageModel is a back-off trigram model estimated from sentences,
// written in the ARPA text format that pocketsphinx (and most decoders) read.
type LanguageModel struct {
	uni   map[string]int
	bi    map[[2]string]int
	tri   map[[3]string]int
	total int
	// biHist and triHist count how often each history was followed by a
	// word, the denominators of the conditional estimates.
	biHist  map[string]int
	triHist map[[2]string]int
}

// NewLanguageModel counts the n-grams of sentences (Normalize'd; empty ones
// are skipped). Every word of vocabulary is added as a unigram seen once, so
// terms that no sentence uses can still be recognised.
func NewLanguageModel(sentences, vocabulary []string) *LanguageModel {
	m := &LanguageModel{
		uni: map[string]int{}, bi: map[[2]string]int{}, tri: map[[3]string]int{},
		biHist: map[string]int{}, triHist: map[[2]string]int{},
	}
	for _, s := range sentences {
		w := strings.Fields(Normalize(s))
		if len(w) == 0 {
			continue
		}
		w = append(append([]string{bos}, w...), eos)
		for i, x := range w {
			if x != bos {
				m.uni[x]++
				m.total++
			}
			if i >= 1 {
				m.bi[[2]string{w[i-1], x}]++
				m.biHist[w[i-1]]++
			}
			if i >= 2 {
				m.tri[[3]string{w[i-2], w[i-1], x}]++
				m.triHist[[2]string{w[i-2], w[i-1]}]++
			}
		}
	}
	for _, v := range vocabulary {
		for _, x := range strings.Fields(Normalize(v)) {
			if m.uni[x] == 0 {
				m.uni[x] = 1
				m.total++
			}
		}
	}
	return m
}

// Words returns the vocabulary, sorted, without the sentence markers.
func (m *LanguageModel) Words() []string {
	out := make([]string, 0, len(m.uni))
	for w := range m.uni {
		if w != eos {
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}

func (m *LanguageModel) pUni(w string) float64 {
	return float64(m.uni[w]) / float64(m.total)
}

// pBi is the back-off bigram probability P(w | h).
func (m *LanguageModel) pBi(h, w string) float64 {
	if c := m.bi[[2]string{h, w}]; c > 0 {
		return (float64(c) - discount) / float64(m.biHist[h])
	}
	return m.alphaBi(h) * m.pUni(w)
}

// alphaBi is the back-off weight of history h: the discounted mass spread
// over the words h was never seen with, in proportion to their unigrams.
func (m *LanguageModel) alphaBi(h string) float64 {
	n := m.biHist[h]
	if n == 0 {
		return 1
	}
	seenP, seenLower := 0.0, 0.0
	for k, c := range m.bi {
		if k[0] == h {
			seenP += (float64(c) - discount) / float64(n)
			seenLower += m.pUni(k[1])
		}
	}
	return safeRatio(1-seenP, 1-seenLower)
}

// alphaTri is alphaBi for a two-word history.
func (m *LanguageModel) alphaTri(h [2]string) float64 {
	n := m.triHist[h]
	if n == 0 {
		return 1
	}
	seenP, seenLower := 0.0, 0.0
	for k, c := range m.tri {
		if k[0] == h[0] && k[1] == h[1] {
			seenP += (float64(c) - discount) / float64(n)
			seenLower += m.pBi(k[1], k[2])
		}
	}
	return safeRatio(1-seenP, 1-seenLower)
}

func safeRatio(a, b float64) float64 {
	if b <= 1e-12 {
		return 1
	}
	return max(a/b, 1e-12)
}

// WriteARPA writes the model in ARPA format.
func (m *LanguageModel) WriteARPA(w io.Writer) error {
	bw := bufio.NewWriter(w)
	words := append(m.Words(), eos)
	sort.Strings(words)
	bis := sortedKeys(m.bi, func(k [2]string) string { return k[0] + " " + k[1] })
	tris := sortedKeys(m.tri, func(k [3]string) string { return k[0] + " " + k[1] + " " + k[2] })
	fmt.Fprintf(bw, "\\data\\\nngram 1=%d\nngram 2=%d\nngram 3=%d\n\n\\1-grams:\n", len(words)+1, len(bis), len(tris))
	fmt.Fprintf(bw, "-99.0000 %s %.4f\n", bos, log10(m.alphaBi(bos)))
	for _, x := range words {
		fmt.Fprintf(bw, "%.4f %s %.4f\n", log10(m.pUni(x)), x, log10(m.alphaBi(x)))
	}
	fmt.Fprint(bw, "\n\\2-grams:\n")
	for _, k := range bis {
		fmt.Fprintf(bw, "%.4f %s %s %.4f\n", log10(m.pBi(k[0], k[1])), k[0], k[1], log10(m.alphaTri(k)))
	}
	fmt.Fprint(bw, "\n\\3-grams:\n")
	for _, k := range tris {
		p := (float64(m.tri[k]) - discount) / float64(m.triHist[[2]string{k[0], k[1]}])
		fmt.Fprintf(bw, "%.4f %s %s %s\n", log10(p), k[0], k[1], k[2])
	}
	fmt.Fprint(bw, "\n\\end\\\n")
	return bw.Flush()
}

func log10(p float64) float64 {
	if p <= 0 {
		return -99
	}
	return math.Log10(p)
}

func sortedKeys[K comparable](m map[K]int, str func(K) string) []K {
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return str(out[i]) < str(out[j]) })
	return out
}
