package converse

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// phrasesOf lists the phrases of s (the filed ones and the loose ones).
func phrasesOf(s *phraseSet) []string {
	out := append([]string(nil), s.loose...)
	for _, ps := range s.byFirst {
		out = append(out, ps...)
	}
	return out
}

// TestQueryPhrasesMatchContains: q.has(p) is strings.Contains(q.joined, p)
// and q.hasAnyOf(s) is strings.Contains over s's phrases (the old
// phraseSet.in), on every public question with the package's phrase sets
// and on the phrases cut from the questions themselves, whole and slipped.
func TestQueryPhrasesMatchContains(t *testing.T) {
	sets := []*phraseSet{kindPhrases(), sizePhrases, popularPhrases, softSkillPhrases, schoolAskedSet, jobsModePhrases,
		projectsModePhrases, branchSet, leadershipSet, linkPhrases}
	var all []string
	for _, s := range sets {
		all = append(all, phrasesOf(s)...)
	}
	for _, g := range employerGroups {
		all = append(all, g.phrases...)
	}
	all = append(all, sendPhrases...)
	all = append(all, servicePhrases...)
	all = append(all, " big", " send", " size ", " @p get me ", "c++", "", " ", "  ", " a", "ab")
	r := rand.New(rand.NewPCG(7, 8))
	n := 0
	for _, ts := range publicQuestionTokens(t) {
		q := &query{ts: ts, joined: joinTokens(ts)}
		ps := all
		for range 6 { // pieces of the question: found, and slipped
			i, j := r.IntN(len(q.joined)), r.IntN(len(q.joined)+1)
			if i < j {
				ps = append(ps, q.joined[i:j], typoed(r, q.joined[i:j]))
			}
		}
		for _, p := range ps {
			n++
			if got, want := q.has(p), strings.Contains(q.joined, p); got != want {
				t.Fatalf("has(%q) on %q = %v, strings.Contains gives %v", p, q.joined, got, want)
			}
		}
		for _, s := range sets {
			if got, want := q.hasAnyOf(s), containsAnyRef(q.joined, phrasesOf(s)); got != want {
				t.Fatalf("hasAnyOf(%q) on %q = %v, strings.Contains gives %v", phrasesOf(s), q.joined, got, want)
			}
		}
	}
	if n < 100000 {
		t.Fatalf("only %d phrases tested", n)
	}
}

// TestQueryPhrasesRandom: has and hasAnyOf against strings.Contains for
// random texts of a small vocabulary (spaces doubled, missing at the
// ends, more than 40 words and 255 bytes), and after q.joined changes.
func TestQueryPhrasesRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	vocab := []string{"a", "b", "ab", "ba", "team", "led", "", "x", "abcdefghijklmnopqrst"}
	text := func(n int) string {
		var b strings.Builder
		if r.IntN(4) > 0 {
			b.WriteByte(' ')
		}
		for range n {
			b.WriteString(vocab[r.IntN(len(vocab))])
			b.WriteByte(' ')
		}
		s := b.String()
		if r.IntN(4) == 0 {
			s = strings.TrimSuffix(s, " ")
		}
		return s
	}
	q := &query{}
	for k := range 30000 {
		var phrases []string
		for range 1 + r.IntN(4) {
			phrases = append(phrases, text(1+r.IntN(3)))
		}
		s := newPhraseSet(phrases...)
		if k%3 > 0 { // a new text, or the same one again
			q.joined = text(r.IntN([]int{8, 60}[r.IntN(2)]))
		}
		if got, want := q.hasAnyOf(s), containsAnyRef(q.joined, phrases); got != want {
			t.Fatalf("hasAnyOf(%q) on %q = %v, strings.Contains gives %v", phrases, q.joined, got, want)
		}
		for _, p := range phrases {
			if got, want := q.has(p), strings.Contains(q.joined, p); got != want {
				t.Fatalf("has(%q) on %q = %v, strings.Contains gives %v", p, q.joined, got, want)
			}
		}
	}
}

// TestWordSetsMatchMaps: has and anyIn of every wordSet answer as the map
// they filter, on every word of the public questions, each set's own
// words and slips of them.
func TestWordSetsMatchMaps(t *testing.T) {
	sets := map[string]*wordSet{"toolNouns": toolNouns, "methodNouns": methodNouns, "switchVerbs": switchVerbs,
		"careerNouns": careerNouns, "validityWords": validityWords, "certPlurals": certPlurals, "gossipTopics": gossipTopics,
		"licenceWords": licenceWords, "placeNouns": placeNouns, "practiseWords": practiseWords, "referenceNouns": referenceNouns,
		"regionVerbs": regionVerbs, "graduationWords": graduationWords, "taughtCourseWords": taughtCourseWords}
	qs := publicQuestionTokens(t)
	r := rand.New(rand.NewPCG(11, 12))
	for name, s := range sets {
		var words []string
		for w := range s.m {
			words = append(words, w, w+"s", w[:len(w)-1], w[1:], typoed(r, w), "")
		}
		for _, w := range words {
			if s.has(w) != s.m[w] {
				t.Fatalf("%s.has(%q) = %v, the map gives %v", name, w, s.has(w), s.m[w])
			}
		}
		for _, ts := range append(qs, words) {
			if got, want := s.anyIn(ts), hasAnyTokenIn(ts, s.m); got != want {
				t.Fatalf("%s.anyIn(%q) = %v, hasAnyTokenIn gives %v", name, ts, got, want)
			}
			for _, w := range ts {
				if s.has(w) != s.m[w] {
					t.Fatalf("%s.has(%q) = %v, the map gives %v", name, w, s.has(w), s.m[w])
				}
			}
		}
	}
}
