package tts_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/parleyhq/parley/internal/voice/tts"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"plain", "She works at Acme. She likes Go! Want more?", []string{"She works at Acme.", "She likes Go!", "Want more?"}},
		{"abbreviations and initials", "Dr. Ada Lovelace worked with C. Babbage, e.g. on the engine. Next.", []string{"Dr. Ada Lovelace worked with C. Babbage, e.g. on the engine.", "Next."}},
		{"numbers and dotted names", "She used Node.js for 3.5 years. Then Go.", []string{"She used Node.js for 3.5 years.", "Then Go."}},
		{"quotes close the sentence", `He said "hi." Then left.`, []string{`He said "hi."`, "Then left."}},
		{"line breaks", "Skills:\n- Go\n- SQL", []string{"Skills:", "- Go", "- SQL"}},
		{"no terminator", "  just words  ", []string{"just words"}},
		{"empty", "   ", nil},
		{"ellipsis", "Well... maybe. Yes.", []string{"Well...", "maybe.", "Yes."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tts.Sentences(tt.in, 0)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestSentencesCutsLongOnes(t *testing.T) {
	long := strings.Repeat("alpha beta gamma, ", 30) + "end."
	got := tts.Sentences(long, 60)
	if strings.Join(got, " ") != strings.TrimSpace(long) {
		t.Errorf("chunks lost or changed text:\n%q", got)
	}
	for _, c := range got {
		if len(c) > 60 {
			t.Errorf("chunk of %d bytes > 60: %q", len(c), c)
		}
	}
	// No break at all: cut on rune boundaries.
	for _, c := range tts.Sentences(strings.Repeat("é", 100), 15) {
		if !utf8.ValidString(c) || len(c) > 15 {
			t.Errorf("bad chunk %q", c)
		}
	}
}

func TestSplitterStreamsLikeSentences(t *testing.T) {
	text := "Dr. Smith led the team at Acme Corp. for 2.5 years! She shipped Node.js services. What else? Ask me."
	want := tts.Sentences(text, 0)
	for _, step := range []int{1, 2, 3, 7, 13} {
		var s tts.Splitter
		var got []string
		for i := 0; i < len(text); i += step {
			got = append(got, s.Write(text[i:min(len(text), i+step)])...)
		}
		if last := s.Flush(); last != "" {
			got = append(got, last)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("step %d (-want +got):\n%s", step, diff)
		}
	}
}

func FuzzSentences(f *testing.F) {
	f.Add("Hello there. General Kenobi!", 0)
	f.Add("e.g. 3.5 Node.js\n\n...", 10)
	f.Fuzz(func(t *testing.T, s string, maxLen int) {
		maxLen = maxLen%300 + 1
		if maxLen < 4 {
			maxLen = 4
		}
		for _, c := range tts.Sentences(s, maxLen) {
			if c == "" || len(c) > maxLen {
				t.Fatalf("chunk %q (max %d)", c, maxLen)
			}
		}
	})
}
