package stt

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Model is a profile's language model and dictionary, as files.
type Model struct {
	// LM is the ARPA language model's path.
	LM string
	// Dict is the dictionary's path.
	Dict string
	// Guessed lists the words whose pronunciation came from espeak-ng.
	Guessed []string
	// Dropped lists words that could not be pronounced at all; they are
	// left out of the dictionary and so can never be recognised.
	Dropped []string
}

// ModelSource is what a profile's recogniser is adapted to.
type ModelSource struct {
	// Sentences are question phrasings with the profile's terms filled in.
	Sentences []string
	// Terms are names, employers, technologies... (each may be several
	// words); they join the vocabulary even when no sentence uses them.
	Terms []string
	// Base is the general dictionary (the CMU dictionary).
	Base Pronunciations
	// Espeak is the espeak-ng binary for unknown words ("" = "espeak-ng").
	Espeak string
}

// BuildModel writes profile.lm and profile.dict into dir: a trigram model of
// src's sentences and terms, and the pronunciations of its words from the
// base dictionary, with espeak-ng's for the rest.
func BuildModel(ctx context.Context, dir string, src ModelSource) (Model, error) {
	lm := NewLanguageModel(src.Sentences, src.Terms)
	dict, missing := src.Base.Subset(lm.Words())
	var guessed, dropped []string
	if len(missing) > 0 {
		extra, err := Pronounce(ctx, src.Espeak, missing)
		if err != nil {
			return Model{}, err
		}
		for _, w := range missing {
			if p, ok := extra[w]; ok {
				dict[w] = p
				guessed = append(guessed, w)
			} else {
				dropped = append(dropped, w)
			}
		}
	}
	m := Model{LM: filepath.Join(dir, "profile.lm"), Dict: filepath.Join(dir, "profile.dict"), Guessed: guessed, Dropped: dropped}
	if err := writeFile(m.LM, lm.WriteARPA); err != nil {
		return Model{}, err
	}
	if err := writeFile(m.Dict, dict.Write); err != nil {
		return Model{}, err
	}
	return m, nil
}

func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("create %s: %w", filepath.Base(path), err)
	}
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", filepath.Base(path), err)
	}
	return f.Close()
}

// Fill expands templates ("where did {name} work") with each value of the
// slots they name, giving the sentences a profile's model is trained on.
// A template whose slot has no values is skipped.
func Fill(templates []string, slots map[string][]string) []string {
	var out []string
	for _, t := range templates {
		out = append(out, fill(t, slots)...)
	}
	return out
}

func fill(t string, slots map[string][]string) []string {
	i := strings.IndexByte(t, '{')
	j := strings.IndexByte(t, '}')
	if i < 0 || j < i {
		return []string{t}
	}
	var out []string
	for _, v := range slots[t[i+1:j]] {
		out = append(out, fill(t[:i]+v+t[j+1:], slots)...)
	}
	return out
}
