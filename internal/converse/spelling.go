package converse

import (
	"sort"
	"strings"
	"sync"

	"github.com/parleyhq/parley/internal/english"
)

// Spelling: chat spellings, misspelt cue words and the roots of role words
// a question may use.

// slang maps chat spellings to the words the cue tables use ("who r u",
// "whats ur stack"); contractions are already cut at the apostrophe, so
// "whats" becomes "what" like "what's" does.
var slang = map[string][]string{
	"u": {"you"}, "r": {"are"}, "ur": {"your"}, "ya": {"you"}, "yr": {"your"}, "wat": {"what"}, "wut": {"what"},
	"whats": {"what"}, "wats": {"what"}, "whos": {"who", "is"}, "wheres": {"where"}, "whens": {"when"},
	"hows": {"how"}, "shes": {"she"}, "hes": {"he"}, "theyre": {"they", "are"}, "thats": {"that"},
	"abt": {"about"}, "bout": {"about"}, "yrs": {"years"}, "yoe": {"years", "of", "experience"},
	"pls": {"please"}, "plz": {"please"}, "tho": {"though"}, "cuz": {"because"}, "bc": {"because"},
	"wanna": {"want", "to"}, "gonna": {"going", "to"}, "kinda": {"kind", "of"}, "exp": {"experience"},
	"4": {"for"}, "2": {"to"}, "b4": {"before"}, "bfore": {"before"}, "befor": {"before"},
	"rn": {"right", "now"}, "atm": {"at", "the", "moment"}, "wrk": {"work"}, "wher": {"where"}, "whr": {"where"},
	"ppl": {"people"}, "dis": {"this"}, "sup": {"hello"}, "edu": {"education"}, "prev": {"previous"},
	"waht": {"what"}, "whta": {"what"}, "hwat": {"what"}, "wht": {"what"}, "lnog": {"long"}, "logn": {"long"},
	"pb": {"personal", "best"}, "pbs": {"personal", "bests"},
	// India's "CTC" (cost to company) is the yearly pay: "what is his current ctc".
	"ctc": {"salary"},
	"coz": {"because"}, "insta": {"instagram"}, "info": {"information"}, "lol": {}, "lmao": {}, "tbh": {}, "btw": {}, "ok": {}, "okay": {},
	// Hedges add nothing a cue or the profile can match and part cue words
	// ("what does she actually do").
	"actually": {}, "really": {}, "basically": {}, "honestly": {}, "literally": {},
}

// expandSlang rewrites chat spellings in ts; it allocates only when one is
// present. A digit counts as a word ("4 fun") only between two words.
func expandSlang(ts []string) []string {
	var out []string
	for i, t := range ts {
		rep, ok := slang[t]
		if ok && (t == "4" || t == "2") && (i == 0 || i == len(ts)-1 || !isAlphaWord(ts[i-1]) || !isAlphaWord(ts[i+1]) || monthOrUnit[ts[i+1]]) {
			ok = false
		}
		if ok && t == "r" && i > 0 && i == len(ts)-1 {
			ok = false // "does she know r": the language; "are" ends no question
		}
		if !ok {
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		if out == nil {
			out = append(make([]string, 0, len(ts)+2), ts[:i]...)
		}
		out = append(out, rep...)
	}
	if out == nil {
		return ts
	}
	return out
}

// neverAsEver reads "never" after an auxiliary as "ever": "has she never
// managed anyone?" asks what "has she ever managed anyone?" asks, and the
// profile answers it the same way (a role, or that it lists none). It
// rewrites ts in place; "never" in a statement ("she never finished?")
// has no auxiliary before it and stays.
func neverAsEver(ts []string) {
	for i, t := range ts {
		if t != "never" {
			continue
		}
		for _, a := range ts[:i] {
			if neverAux[a] {
				ts[i] = "ever"
				break
			}
		}
	}
}

var neverAux = map[string]bool{"has": true, "have": true, "had": true, "did": true, "does": true, "do": true,
	"is": true, "was": true, "were": true, "are": true}

// splitGlued parts a number glued to its unit ("100m", "5km") when the
// profile writes them apart ("100 m: 10.12 s") and never glued: the
// visitor's spelling then finds the profile's. It allocates only when it
// parts one.
func (x *Index) splitGlued(ts []string) []string {
	var out []string
	for i, t := range ts {
		d := 0
		for d < len(t) && t[d] >= '0' && t[d] <= '9' {
			d++
		}
		if d == 0 || d == len(t) || !isAlphaWord(t[d:]) || x.words[stem(t)] || !x.words[t[:d]] || !x.words[stem(t[d:])] {
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		if out == nil {
			out = append(make([]string, 0, len(ts)+2), ts[:i]...)
		}
		out = append(out, t[:d], t[d:])
	}
	if out == nil {
		return ts
	}
	return out
}

// fixCueTypos mends a misspelt word of the cue tables ("educaton",
// "certifcates") that is no word of the profile, no technology and no
// common word; it allocates only when it mends one.
func (x *Index) fixCueTypos(ts []string) []string {
	var out []string
	for i, t := range ts {
		// the person's own name is no typo: "who is grace" is not "grade"
		if len(t) < 5 || cueTable[t] != nil || cueTable[singular(t)] != nil || offTopicTable[t] != nil || commonWords[t] ||
			x.words[stem(t)] || x.nameToks[t] || !isAlphaWord(t) || knownWord(t) || x.techs.matchAt(ts, i, false).size > 0 {
			continue
		}
		for _, v := range cueWordsByFirst()[t[0]] {
			if !fuzzyEq(t, v) {
				continue
			}
			// A word spelt right is no typo: "coming" is not "coding",
			// "greeting" no "greetings" (a hello). It is still read as
			// another form of the cue's word ("licenced": "licence").
			// Asked only on a near miss, so a turn rarely pays for it.
			if realWord(t) && !sameRoot(t, v) {
				break
			}
			if out == nil {
				out = append([]string(nil), ts...)
			}
			out[i] = v
			break
		}
	}
	if out == nil {
		return ts
	}
	return out
}

// realWord reports an everyday English word: the fuzzy matchers never
// read one as a misspelling of another word.
func realWord(t string) bool { return english.Word(t) }

// sameRoot reports t and the cue word v one word in two of its forms:
// "introduced" and "introduce", "launched" and "launches", "recognize"
// (the other spelling of "-ise") and "recognised"; not "compute" and
// "computer", nor "greeting" and "greetings".
func sameRoot(t, v string) bool {
	r := inflRoot(v)
	return inflRoot(t) == r || strings.Contains(t, "iz") && inflRoot(strings.ReplaceAll(t, "iz", "is")) == r
}

// inflRoot cuts one inflection's ending off w: "launches", "launched"
// and "launching" are "launch"; "introduce" and "introduced" "introduc".
func inflRoot(w string) string {
	for _, suf := range []string{"ing", "es", "ed", "s", "e"} { // no "-d": "aware" is no "award"
		if len(w)-len(suf) >= 3 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// pluralPair reports w and v one word, one of them in the plural.
func pluralPair(w, v string) bool {
	return w != v && (w == v+"s" || v == w+"s")
}

// knownWord reports a word another of the engine's word lists reads:
// "employees" is a team noun, not a misspelt "employed".
func knownWord(t string) bool {
	_, personal := personalTopics[t]
	return teamNouns[t] || personal
}

// agentOf turns a doer into what is done, as role titles write it:
// "contractor" -> "contract", "freelancer" -> "freelanc" (the stem of
// "freelance"), "" for other words.
func agentOf(t string) string {
	if len(t) < 8 {
		return ""
	}
	for _, suf := range []string{"or", "er"} {
		if strings.HasSuffix(t, suf) {
			return stem(t[:len(t)-len(suf)])
		}
	}
	return ""
}

// irregular maps past forms to the stem a role title has: "has she
// taught" -> Teaching Assistant.
var irregular = map[string]string{"taught": "teach", "led": "lead", "wrote": "writ", "ran": "run", "built": "build", "sold": "sell", "drew": "draw", "flew": "fly", "drove": "driv", "spoke": "speak",
	"driven": "driv", "drawn": "draw", "flown": "fly", "spoken": "speak",
	// the time served names the one serving it: "his apprenticeship" is the
	// Apprentice Carpenter job
	"apprenticeship": "apprentic", "traineeship": "traine", "internship": "intern"}

// cueWordsByFirst are the cue tables' words of five letters or more, by
// first letter: a typo rarely changes the first.
var cueWordsByFirst = sync.OnceValue(func() map[byte][]string {
	m := map[byte][]string{}
	for k := range cueTable {
		if len(k) >= 5 && isAlphaWord(k) {
			m[k[0]] = append(m[k[0]], k)
		}
	}
	for _, ws := range m {
		sort.Strings(ws) // the same mend every run
	}
	return m
})
