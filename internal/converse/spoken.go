package converse

import (
	"strings"

	"github.com/parleyhq/parley/internal/numwords"
)

// Questions reach the engine as a speech recogniser writes them, too:
// lower case, no punctuation, fillers ("um", "okay so"), numbers spelt out
// ("twenty nineteen"), names split where they are heard as two words ("java
// script", "bright loop"), acronyms letter by letter ("p h d"), a speaker
// correcting themselves ("in twenty eighteen no wait twenty nineteen"),
// homophones ("did she right anything") and names one letter off ("inez"
// for Inês). spokenForm rewrites those into what the rest of the engine
// reads; a typed question passes through unchanged and unallocated unless
// one of these shapes is in it.

// spokenForm returns q as the engine reads it (see above).
func (x *Index) spokenForm(q string) string {
	if !x.spokenShape(q) {
		return q
	}
	ws := spokenWords(q)
	if hasNumberWord(q) {
		ws = spokenDigits(ws)
	}
	ws = dropFillers(ws)
	ws = spokenSymbols(ws)
	ws = joinLetters(ws, x.knownJoin)
	ws = x.joinSplitNames(ws)
	ws = selfCorrect(ws)
	ws = x.homophones(ws)
	ws = x.mendNames(ws)
	if len(ws) == 0 {
		return q
	}
	var b strings.Builder
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.text)
	}
	return b.String()
}

// sword is one word of a question: as written (with the punctuation after
// it) and its lowercase core.
type sword struct{ text, core string }

func spokenWords(q string) []sword {
	fs := strings.Fields(q)
	ws := make([]sword, 0, len(fs))
	for _, f := range fs {
		core := strings.ToLower(strings.TrimRight(f, "?.!,;:"))
		if core == "" {
			core = f
		}
		ws = append(ws, sword{f, core})
	}
	return ws
}

// tail is the punctuation after w's core ("?"), kept when w is rewritten.
func (w sword) tail() string {
	if n := len(strings.TrimRight(w.text, "?.!,;:")); n > 0 {
		return w.text[n:]
	}
	return ""
}

// spokenShape reports whether q may hold a shape spokenForm rewrites; it
// allocates nothing, so the typed questions most visitors ask cost a scan.
func (x *Index) spokenShape(q string) bool {
	var cur, prev [32]byte
	var cb, pb []byte
	var pf uint8 // the class of the word before
	pos := 0
	found := false
	eachWord(q, func(w string) bool {
		cb = lowerCore(cur[:0], w)
		f := spokenClass[string(cb)] // looked up, not converted
		switch {
		case f&clsTrigger != 0, pos == 0 && f&clsLead != 0:
			found = true
		case f&clsKnow != 0 && string(pb) == "you", f&clsWon != 0 && string(pb) == "which",
			f&clsVerb != 0 && (pf&clsSubject != 0 || x.nameToks[string(pb)]):
			found = true
		case len(cb) == 1 && len(pb) == 1 && isLetter(cb[0]) && isLetter(pb[0]):
			found = true // "p h d"
		case len(pb) > 0 && (pf|f)&clsCommon == clsCommon && (pf&f)&clsCommon == 0 && x.joinsPair(pb, cb, pf&clsPrefix != 0, f&clsCommon == 0),
			len(pb) > 0 && (pf|f)&clsCommon == 0 && x.joinsPair(pb, cb, pf&clsPrefix != 0, true):
			found = true // "bright loop"; two everyday words ("where does") name nothing
		case f&clsCommon == 0 && len(cb) >= 4 && x.mendable(string(cb)):
			found = true // "inez"
		}
		pb, pf = append(prev[:0], cb...), f
		pos++
		return !found
	})
	return found
}

// The classes of words spokenShape reads, in one look-up per word.
const (
	clsTrigger uint8 = 1 << iota // starts a rewrite wherever it stands
	clsLead                      // starts one at the start of a question ("okay", "wear")
	clsKnow                      // "know", a filler after "you"
	clsWon                       // "won", "one" after "which"
	clsVerb                      // a homophone of a verb ("right")
	clsSubject                   // a subject before a verb ("she")
	clsPrefix                    // a first syllable written as a word ("pie")
	clsCommon                    // an everyday word: no name, no piece of one
)

var spokenClass = func() map[string]uint8 {
	m := map[string]uint8{}
	for _, set := range []struct {
		words map[string]bool
		cls   uint8
	}{{spokenTrigger, clsTrigger}, {leadFillers, clsLead}, {whereHomophones, clsLead}, {subjectWords, clsSubject},
		{commonWords, clsCommon}, {searchStop, clsCommon}, {glueStop, clsCommon}, {fillers, clsCommon}} {
		for w := range set.words {
			m[w] |= set.cls
		}
	}
	for w := range verbHomophones {
		m[w] |= clsVerb
	}
	for w := range spokenPrefixes {
		m[w] |= clsPrefix
	}
	m["know"] |= clsKnow
	m["won"] |= clsWon
	return m
}()

// eachWord calls f with each space-separated word of q until f returns false.
func eachWord(q string, f func(string) bool) {
	for i := 0; i < len(q); {
		for i < len(q) && (q[i] == ' ' || q[i] == '\t' || q[i] == '\n') {
			i++
		}
		j := i
		for j < len(q) && q[j] != ' ' && q[j] != '\t' && q[j] != '\n' {
			j++
		}
		if j > i && !f(q[i:j]) {
			return
		}
		i = j
	}
}

// lowerCore appends w lowercased, without its trailing punctuation, to b
// (cut at b's capacity).
func lowerCore(b []byte, w string) []byte {
	for len(w) > 0 && strings.IndexByte("?.!,;:", w[len(w)-1]) >= 0 {
		w = w[:len(w)-1]
	}
	for i := 0; i < len(w) && len(b) < cap(b); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' }

// spokenTrigger are the words that start a rewrite anywhere in a question.
var spokenTrigger = setOf(`um umm uhm uh uhh erm er hmm mm plus sharp
mean meant wait sorry rather actually sight cite hire
two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
hundred thousand`)

// hasNumberWord reports a spelt-out number other than a lone "one" ("which
// one"), for numwords to read.
func hasNumberWord(q string) bool {
	found := false
	eachWord(q, func(w string) bool {
		var buf [16]byte
		c := string(lowerCore(buf[:0], w))
		found = c != "one" && spokenNumbers[c]
		return !found
	})
	return found
}

// spokenDigits writes a number said in several words as digits:
// "twenty nineteen" 2019, "two thousand and eight" 2008, "n twenty six"
// "n 26". A number of one word stays a word ("five years", "the big four"):
// the engine reads those as words already.
func spokenDigits(ws []sword) []sword {
	var out []sword
	for i := 0; i < len(ws); {
		j, n := i, 0
		for j < len(ws) && (spokenNumbers[ws[j].core] || n > 0 && (ws[j].core == "and" || ws[j].core == "oh") && j+1 < len(ws) && spokenNumbers[ws[j+1].core]) {
			if spokenNumbers[ws[j].core] {
				n++
			}
			j++
		}
		if n < 2 {
			out = append(out, ws[i])
			i++
			continue
		}
		cores := make([]string, 0, j-i)
		for _, w := range ws[i:j] {
			cores = append(cores, w.core)
		}
		said := strings.Fields(numwords.Normalize(strings.Join(cores, " ")))
		for k, d := range said {
			w := sword{d, d}
			if k == len(said)-1 {
				w.text += ws[j-1].tail()
			}
			out = append(out, w)
		}
		i = j
	}
	return out
}

var spokenNumbers = setOf(`one two three four five six seven eight nine ten eleven twelve thirteen
fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty
ninety hundred thousand`)

// fillers are sounds with no meaning, dropped wherever they are;
// leadFillers open a spoken question ("okay so", "so like") and are dropped
// at its start when a question follows.
var (
	fillers     = setOf(`um umm uhm uh uhh erm er hmm mm`)
	leadFillers = setOf(`okay ok so like well alright anyway right oh`)
)

// dropFillers drops fillers, the leading ones, and "you know" said as a
// filler (not after "do" or another auxiliary: "do you know").
func dropFillers(ws []sword) []sword {
	out := ws[:0]
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		if fillers[w.core] {
			continue
		}
		if w.core == "you" && i+1 < len(ws) && ws[i+1].core == "know" && (len(out) == 0 || !auxSet[out[len(out)-1].core] && !strings.HasSuffix(out[len(out)-1].core, "n't")) {
			i++ // "has he won any awards you know"
			continue
		}
		out = append(out, w)
	}
	lead := 0
	for lead < len(out) && leadFillers[out[lead].core] && (out[lead].core != "right" || lead+1 < len(out) && out[lead+1].core == "so") {
		lead++
	}
	if lead > 0 && len(out)-lead >= 2 {
		out = out[lead:]
	}
	return out
}

// chatLetters reports two chat spellings in a row ("r u a bot"): typed
// words, not letters said one by one.
func chatLetters(ws []sword) bool {
	for k := 0; k+1 < len(ws); k++ {
		if slang[ws[k].core] != nil && slang[ws[k+1].core] != nil {
			return true
		}
	}
	return false
}

// joinLetters joins an acronym said letter by letter ("p h d", "i b m")
// into one word. A leading "a" or "i" stays a word of its own ("is she a
// c p a") unless the whole run is a word the engine knows ("a w s").
func joinLetters(ws []sword, known func(string) bool) []sword {
	out := ws[:0]
	for i := 0; i < len(ws); {
		j := i
		for j < len(ws) && len(ws[j].core) == 1 && isLetter(ws[j].core[0]) {
			j++
		}
		if j-i < 2 {
			out = append(out, ws[i])
			i++
			continue
		}
		if chatLetters(ws[i:j]) {
			out = append(out, ws[i:j]...)
			i = j
			continue
		}
		var b strings.Builder
		for _, w := range ws[i:j] {
			b.WriteString(w.core)
		}
		run := b.String()
		if (run[0] == 'a' || run[0] == 'i') && j-i >= 3 && !known(run) {
			out = append(out, ws[i])
			run = run[1:]
		}
		out = append(out, sword{run + ws[j-1].tail(), run})
		i = j
	}
	return out
}
