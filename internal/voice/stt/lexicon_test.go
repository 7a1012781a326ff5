package stt_test

import (
	"bytes"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/parleyhq/parley/internal/testenv"
	"github.com/parleyhq/parley/internal/voice/stt"
)

// TestLexiconLookup: the packed dictionary answers as the map does, for
// words out of order, variants given before their base form, upper case,
// comments, blank lines and words sharing a prefix.
func TestLexiconLookup(t *testing.T) {
	const src = ";;; comment\n\nzulu Z UW L UW\nread(2) R IY D\nREAD R EH D\nread(3)  R EH D Z \nreader R IY D ER\nre R EY\nhendriks HH EH N D R IH K S\nnophones\n"
	l, err := stt.ReadLexicon(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	d, err := stt.ReadDictionary(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if l.Len() != len(d) {
		t.Errorf("Len() = %d, want %d", l.Len(), len(d))
	}
	for _, tc := range []struct {
		word string
		want []string
	}{
		{"read", []string{"R IY D", "R EH D", "R EH D Z"}},
		{"re", []string{"R EY"}},
		{"reader", []string{"R IY D ER"}},
		{"zulu", []string{"Z UW L UW"}},
		{"hendriks", []string{"HH EH N D R IH K S"}},
		{"rea", nil},
		{"readers", nil},
		{"a", nil},
		{"zz", nil},
		{"nophones", nil},
		{"", nil},
	} {
		if diff := cmp.Diff(tc.want, l.Lookup(tc.word)); diff != "" {
			t.Errorf("Lookup(%q) (-want +got):\n%s", tc.word, diff)
		}
		if diff := cmp.Diff(d[tc.word], l.Lookup(tc.word)); diff != "" {
			t.Errorf("Lookup(%q) differs from ReadDictionary (-map +lexicon):\n%s", tc.word, diff)
		}
	}
	words := []string{"read", "kubernetes", "zulu"}
	lsub, lmissing := l.Subset(words)
	dsub, dmissing := d.Subset(words)
	if diff := cmp.Diff(dsub, lsub); diff != "" {
		t.Errorf("Subset (-map +lexicon):\n%s", diff)
	}
	if diff := cmp.Diff(dmissing, lmissing); diff != "" {
		t.Errorf("Subset missing (-map +lexicon):\n%s", diff)
	}
}

// TestLexiconMatchesDictionary compares the packed general dictionary
// with the map over every word it has.
func TestLexiconMatchesDictionary(t *testing.T) {
	testenv.File(t, stt.DefaultSphinxDict, "apt-get install pocketsphinx-en-us")
	raw, err := os.ReadFile(stt.DefaultSphinxDict)
	if err != nil {
		t.Fatal(err)
	}
	d, err := stt.ReadDictionary(strings.NewReader(string(raw)))
	if err != nil {
		t.Fatal(err)
	}
	l, err := stt.ReadLexicon(strings.NewReader(string(raw)))
	if err != nil {
		t.Fatal(err)
	}
	if l.Len() != len(d) || len(d) < 100000 {
		t.Fatalf("Lexicon has %d words, the map %d", l.Len(), len(d))
	}
	for w, want := range d {
		if got := l.Lookup(w); !slices.Equal(got, want) {
			t.Fatalf("Lookup(%q) = %q, want %q", w, got, want)
		}
		// A word with a letter added or removed: absent from both or equal.
		for _, v := range []string{w + "x", w[:len(w)-1]} {
			if got := l.Lookup(v); !slices.Equal(got, d[v]) {
				t.Fatalf("Lookup(%q) = %q, want %q", v, got, d[v])
			}
		}
	}
}

// BenchmarkReadDictionary reads the general dictionary both ways and
// reports what each keeps live (after a GC) besides the time and
// allocations of reading it.
func BenchmarkReadDictionary(b *testing.B) {
	testenv.File(b, stt.DefaultSphinxDict, "apt-get install pocketsphinx-en-us")
	raw, err := os.ReadFile(stt.DefaultSphinxDict)
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		read func() (any, error)
	}{
		{"map", func() (any, error) { return stt.ReadDictionary(bytes.NewReader(raw)) }},
		{"lexicon", func() (any, error) { return stt.ReadLexicon(bytes.NewReader(raw)) }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			var kept any
			for b.Loop() {
				if kept, err = bc.read(); err != nil {
					b.Fatal(err)
				}
			}
			runtime.GC()
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)), "live-B")
			b.ReportMetric(float64(int64(after.HeapObjects)-int64(before.HeapObjects)), "live-objects")
			runtime.KeepAlive(kept)
		})
	}
}
