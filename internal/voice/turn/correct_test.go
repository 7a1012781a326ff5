package turn

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
	"github.com/parleyhq/parley/internal/voice/phonetic"
)

func sampleIndex(t *testing.T) *converse.Index {
	t.Helper()
	raw, err := os.ReadFile("../../profile/testdata/sample.resume.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := profile.Decode(raw)
	if err != nil {
		t.Fatal(err)
	}
	return converse.Compile(doc.Resume, profile.Privacy{}, time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC))
}

// TestCorrectUsesProfileTerms: Moonshine's transcript is corrected toward
// the profile's employers and technologies; pocketsphinx's, and any
// transcript when the word list is missing, pass unchanged.
func TestCorrectUsesProfileTerms(t *testing.T) {
	idx := sampleIndex(t)
	words := phonetic.Words{}
	for _, w := range []string{"where", "did", "he", "work", "at", "pie", "piper", "does", "know"} {
		words[w] = true
	}
	for _, tc := range []struct {
		name     string
		words    phonetic.Words
		provider string
		in, want string
	}{
		{"employer", words, "moonshine", "where did he work at pie piper", "where did he work at Pied Piper"},
		{"technology", words, "moonshine", "does he know jarrah scribbed", "does he know JavaScript"},
		{"pocketsphinx", words, "pocketsphinx", "where did he work at pie piper", "where did he work at pie piper"},
		{"no word list", nil, "moonshine", "does he know jarrah scribbed", "does he know jarrah scribbed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := &Service{}
			if tc.words != nil {
				s.words = ready(tc.words)
			}
			for range 2 { // the second time from the per-profile cache
				if got := s.correct(context.Background(), idx, "v1", tc.provider, tc.in); got != tc.want {
					t.Errorf("correct(%q) = %q, want %q", tc.in, got, tc.want)
				}
			}
		})
	}
}

// TestCorrectWordListUnreadable: a word list that cannot be read at the
// first correction leaves the transcript as it was, and is read again
// on the next.
func TestCorrectWordListUnreadable(t *testing.T) {
	idx := sampleIndex(t)
	fail := true
	s := &Service{logger: slog.New(slog.DiscardHandler), words: newLazy(func(context.Context) (phonetic.Words, error) {
		if fail {
			return nil, errors.New("gone")
		}
		return phonetic.Words{"does": true, "he": true, "know": true}, nil
	})}
	const in = "does he know jarrah scribbed"
	if got := s.correct(context.Background(), idx, "v1", "moonshine", in); got != in {
		t.Errorf("correct(%q) without a word list = %q, want it unchanged", in, got)
	}
	fail = false
	if got, want := s.correct(context.Background(), idx, "v1", "moonshine", in), "does he know JavaScript"; got != want {
		t.Errorf("correct(%q) once the list is back = %q, want %q", in, got, want)
	}
}
