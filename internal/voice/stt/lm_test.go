package stt_test

import (
	"bufio"
	"bytes"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/parleyhq/parley/internal/voice/stt"
)

// arpa is a model read back from its ARPA text, to check it as a decoder
// would use it.
type arpa struct {
	p, bo map[string]float64 // key: n-gram words joined by spaces
	vocab []string
}

func readARPA(t *testing.T, b []byte) arpa {
	t.Helper()
	a := arpa{p: map[string]float64{}, bo: map[string]float64{}}
	order := 0
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "\\") && strings.HasSuffix(line, "-grams:"):
			order = int(line[1] - '0')
			continue
		case order == 0 || line == "" || line == "\\end\\":
			continue
		}
		f := strings.Fields(line)
		if len(f) < order+1 {
			t.Fatalf("bad line %q", line)
		}
		lp, err := strconv.ParseFloat(f[0], 64)
		if err != nil {
			t.Fatal(err)
		}
		key := strings.Join(f[1:order+1], " ")
		a.p[key] = math.Pow(10, lp)
		if len(f) == order+2 {
			bo, _ := strconv.ParseFloat(f[order+1], 64)
			a.bo[key] = math.Pow(10, bo)
		}
		if order == 1 && f[1] != "<s>" {
			a.vocab = append(a.vocab, f[1])
		}
	}
	return a
}

// prob is P(w | hist) with back-off, as the ARPA format defines it.
func (a arpa) prob(hist []string, w string) float64 {
	key := strings.Join(append(append([]string(nil), hist...), w), " ")
	if p, ok := a.p[key]; ok {
		return p
	}
	if len(hist) == 0 {
		return 0
	}
	bo, ok := a.bo[strings.Join(hist, " ")]
	if !ok {
		bo = 1
	}
	return bo * a.prob(hist[1:], w)
}

func TestLanguageModelIsNormalised(t *testing.T) {
	sentences := []string{
		"where did richard work", "where did he work", "what did he study",
		"where did he study", "does he know javascript", "does he know python",
		"tell me about pied piper", "where is he based",
	}
	lm := stt.NewLanguageModel(sentences, []string{"Hendriks", "Pied Piper"})
	var buf bytes.Buffer
	if err := lm.WriteARPA(&buf); err != nil {
		t.Fatal(err)
	}
	a := readARPA(t, buf.Bytes())
	if diff := cmp.Diff(lm.Words(), filterEOS(a.vocab)); diff != "" {
		t.Errorf("vocabulary (-model +arpa):\n%s", diff)
	}
	for _, hist := range [][]string{{"<s>"}, {"did"}, {"he"}, {"hendriks"}, {"<s>", "where"}, {"did", "he"}, {"he", "know"}, {"know", "where"}} {
		sum := 0.0
		for _, w := range a.vocab {
			sum += a.prob(hist, w)
		}
		if math.Abs(sum-1) > 0.002 {
			t.Errorf("P(. | %v) sums to %.4f, want 1", hist, sum)
		}
	}
	// Seen continuations beat unseen ones.
	if a.prob([]string{"did", "he"}, "work") <= a.prob([]string{"did", "he"}, "javascript") {
		t.Errorf("P(work | did he) should exceed P(javascript | did he)")
	}
	if a.prob([]string{"<s>"}, "hendriks") <= 0 {
		t.Errorf("a vocabulary-only term must keep some probability")
	}
}

func filterEOS(v []string) []string {
	var out []string
	for _, w := range v {
		if w != "</s>" {
			out = append(out, w)
		}
	}
	return out
}

func TestFill(t *testing.T) {
	got := stt.Fill([]string{"where did {name} work", "does {name} know {tech}", "hello", "what about {missing}"},
		map[string][]string{"name": {"richard", "he"}, "tech": {"go", "sql"}})
	want := []string{"where did richard work", "where did he work", "does richard know go", "does richard know sql", "does he know go", "does he know sql", "hello"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestDictionaryAndPhonemes(t *testing.T) {
	d, err := stt.ReadDictionary(strings.NewReader(";;; comment\nread R EH D\nread(2) R IY D\nhendriks HH EH N D R IH K S\n"))
	if err != nil {
		t.Fatal(err)
	}
	sub, missing := d.Subset([]string{"read", "kubernetes"})
	if diff := cmp.Diff(stt.Dictionary{"read": {"R EH D", "R IY D"}}, sub); diff != "" {
		t.Errorf("subset (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"kubernetes"}, missing); diff != "" {
		t.Errorf("missing: %s", diff)
	}
	var buf bytes.Buffer
	if err := sub.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if buf.String() != "read R EH D\nread(2) R IY D\n" {
		t.Errorf("written %q", buf.String())
	}
	// espeak-ng mnemonics as it prints them for words the CMU dictionary
	// also has: the mapping must agree with the dictionary.
	for espeak, cmu := range map[string]string{
		"h'EndrIks": "HH EH N D R IH K S",
		"p'aIp3r-":  "P AY P ER",
		"dZ'VdZ":    "JH AH JH",
		"T'O:t":     "TH AO T",
		"tS'3:tS":   "CH ER CH",
		"s'IN":      "S IH NG",
		"j'EloU":    "Y EH L OW",
		"a#b'aUt":   "AH B AW T",
		"k'aU b'OI": "K AW B OY",
	} {
		if got := stt.ToARPAbet(espeak); got != cmu {
			t.Errorf("ToARPAbet(%q) = %q, want %q", espeak, got, cmu)
		}
	}
}

func BenchmarkLanguageModel1500Sentences(b *testing.B) {
	var terms []string
	for i := range 40 {
		terms = append(terms, "term"+strconv.Itoa(i))
	}
	sentences := stt.Fill(evalTemplates, map[string][]string{
		"p": {"dana kowalski", "she", "he", "they", "dana"}, "poss": {"her", "his", "dana's"}, "obj": {"her", "him"},
		"org": terms[:10], "tech": terms[10:30], "proj": terms[30:35], "net": {"github"}, "cert": {"cka"}, "lang": {"polish"},
	})
	for b.Loop() {
		lm := stt.NewLanguageModel(sentences, terms)
		if err := lm.WriteARPA(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
