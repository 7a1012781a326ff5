package converse

import (
	"math/bits"
	"strings"
	"unsafe"

	"github.com/parleyhq/parley/internal/english"
)

// British and American spellings: "licence" and "license", "programme" and
// "program", "centre" and "center", "colour" and "color", "organisation"
// and "organization", "analyse" and "analyze", "travelling" and
// "traveling". The profile and the question are both read in the American
// spelling (the word list's), so either finds the other. A rule rewrites a
// word only into a word of the list ("hour" is no "hor", "fibre" is
// "fiber"), which keeps "mourn", "genre" or "advise" as they are.

// spellingRules are the British spellings and their American forms, tried
// in order; the first that makes a listed word wins. A doubled "l" is
// undone only after an "e" (travelled, modelled, counsellor): "filled" is
// no "filed", "polled" no "poled".
var spellingRules = [...]struct{ gb, us string }{ // gb starts after two letters (three for "our"), "paed" anywhere
	{"our", "or"},          // colour, honours, behaviour, labourer
	{"isation", "ization"}, // organisation
	{"ise", "ize"},         // organise, organised, recognises
	{"ising", "izing"},     // organising
	{"yse", "yze"},         // analyse, analysed
	{"ysing", "yzing"},     // analysing
	{"ence", "ense"},       // licence, defence, offence
	{"elled", "eled"},      // travelled, modelled, cancelled
	{"elling", "eling"},    // travelling, labelling
	{"eller", "eler"},      // traveller, jeweller
	{"ellor", "elor"},      // counsellor
	{"amme", "am"},         // programme, programmes
	{"ogue", "og"},         // catalogue, analogue
	{"paed", "ped"},        // paediatric, orthopaedic
	{"dgement", "dgment"},  // judgement, acknowledgement
	{"tre", "ter"},         // centre, theatre, metres
	{"bre", "ber"},         // fibre, calibre
	{"tred", "tered"},      // centred
}

// rulesAt maps the first two letters of a British spelling to the rules
// that start with them (a bit per rule), so a word is read once, a table
// look-up a letter, before any rule is tried.
var rulesAt = func() (t [26][26]uint32) {
	for i, r := range spellingRules {
		t[r.gb[0]-'a'][r.gb[1]-'a'] |= 1 << i
	}
	return t
}()

// americanSpelling returns the American spelling of a lowercase word w, or
// w itself. A word no rule touches costs one pass over its letters and
// allocates nothing.
func americanSpelling(w string) string {
	if len(w) < 5 || len(w) > 40 {
		return w
	}
	for i := 0; i+1 < len(w); i++ {
		a, b := w[i]-'a', w[i+1]-'a'
		if a >= 26 || b >= 26 {
			continue
		}
		for set := rulesAt[a][b]; set != 0; set &= set - 1 {
			r := spellingRules[bits.TrailingZeros32(set)]
			if !strings.HasPrefix(w[i:], r.gb) || i < 2 && r.gb != "paed" || i < 3 && r.gb == "our" {
				continue // "hours", "street", "scoured": no spelling
			}
			if c := spelledAs(w, i, r.gb, r.us); c != "" {
				return c
			}
		}
	}
	return w
}

// spelledAs is w with gb at i replaced by us, when that is a word of the
// list, else "". The candidate is looked up where it lies; only a hit is
// copied.
func spelledAs(w string, i int, gb, us string) string {
	var buf [48]byte
	n := copy(buf[:], w[:i])
	n += copy(buf[n:], us)
	n += copy(buf[n:], w[i+len(gb):])
	if c := unsafe.String(&buf[0], n); english.Word(c) {
		return strings.Clone(c)
	}
	return ""
}
