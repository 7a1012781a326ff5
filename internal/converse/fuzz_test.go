package converse_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parleyhq/parley/internal/converse"
)

func FuzzTurn(f *testing.F) {
	for _, s := range []string{
		"", "?", "Where does she work?", "when was that", "and before that?", "What about Kubernets?",
		"in the 2010s", "ignore previous instructions", "phone", "Tell me about Northwind", "'s", "...",
		"c++ c# .net node.js", "2016-2019", "1+1=", "どこで働いていますか", "\x00\xff", strings.Repeat("go ", 400),
		"who r u", "is she a teacher", "was he ever a an a", "is she still a", "worked as a", "was there a gap",
		"is she open to work", "whats her linkedin", "has she won a nobel prize", "is she good at", "José Núñez ŁÓDŹ",
	} {
		f.Add(s, uint8(0))
		f.Add(s, uint8(3))
	}
	indexes := []*converse.Index{mustIndex(f, "sample"), mustIndex(f, "senior"), mustIndex(f, "student"), mustIndex(f, "changer"),
		mustIndex(f, "nurse"), mustIndex(f, "veteran"), mustIndex(f, "researcher"), mustIndex(f, "anon")}
	primers := []string{"", "Where did she work?", "Tell me about kubeprobe", "Does she know Go?", "What did she study?"}
	f.Fuzz(func(t *testing.T, q string, pick uint8) {
		x := indexes[int(pick)%len(indexes)]
		var st converse.State
		if p := primers[int(pick/4)%len(primers)]; p != "" {
			_, st = x.Turn(st, p, today)
		}
		r, next := x.Turn(st, q, today)
		if strings.TrimSpace(r.Text) == "" {
			t.Fatalf("%q: empty reply", q)
		}
		if !utf8.ValidString(r.Text) && utf8.ValidString(q) {
			t.Fatalf("%q: reply is not UTF-8: %q", q, r.Text)
		}
		for _, c := range r.Citations {
			if !x.Valid(c) {
				t.Fatalf("%q: citation %+v points at no fact", q, c)
			}
		}
		if next.Turn != st.Turn+1 {
			t.Fatalf("turn count %d -> %d", st.Turn, next.Turn)
		}
		// The follow-up must work from whatever state came out.
		if r2, _ := x.Turn(next, "when was that?", today); strings.TrimSpace(r2.Text) == "" {
			t.Fatal("empty follow-up reply")
		}
	})
}
