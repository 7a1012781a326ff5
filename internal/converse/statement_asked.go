package converse

import "strings"

// A yes/no question typed in the order of a statement ("so he was a
// skipper?", "so she worked at Acme?", "she knows python?", "he's a
// programmer?") asks what the question order asks ("was he a skipper",
// "did she work at Acme", "does she know python", "is he a programmer"):
// the visitor restates what they think they read and wants it checked.
// It is rewritten into that order before anything reads it, so every step
// that knows the question form answers it.

// statementOpeners may come before the subject: "so he ...", "wait, she ...".
var statementOpeners = setOf(`so but wait and oh hmm um really ok okay right`)

// claimTags close a statement as a claim put to the listener; the premise
// steps answer those, and a "so" inside joins a claim to a reason.
var claimTags = setOf(`right correct true yes yeah no so`)

// statementAux are the verbs put before the subject as they are.
var statementAux = setOf(`is was are were can could will would should does did do`)

// statementArticles follow a subject whose "'s" (is) the tokenizer dropped:
// "he's a programmer", "she's the founder".
var statementArticles = setOf(`a an the`)

// pastToBase maps irregular past forms to the base form "did" takes.
var pastToBase = map[string]string{"taught": "teach", "led": "lead", "wrote": "write", "ran": "run", "built": "build",
	"sold": "sell", "drew": "draw", "flew": "fly", "drove": "drive", "spoke": "speak", "knew": "know", "went": "go",
	"got": "get", "held": "hold", "won": "win", "made": "make", "began": "begin", "became": "become", "grew": "grow",
	"took": "take", "gave": "give", "met": "meet", "left": "leave", "found": "find", "brought": "bring",
	"thought": "think", "saw": "see", "sang": "sing", "swam": "swim", "rode": "ride", "fought": "fight",
	"served": "serve", "lived": "live", "used": "use", "studied": "study"}

// participles after "has" keep it an auxiliary: "she has worked at", "he has been".
var participleIrregular = setOf(`been done gone taught led written built sold drawn flown driven spoken known held won made begun become grown taken given met left found brought thought seen sung ridden fought run`)

// statementAsked rewrites, when ts is a yes/no question in statement order
// (an opener maybe, the person, a verb, more words; a question mark or an
// opener says it is asked), the question order, and returns it; anything
// else is returned as it is.
func (x *Index) statementAsked(raw string, ts []string) []string {
	if len(ts) < 2 || len(ts) > 14 {
		return ts
	}
	i := 0
	if statementOpeners[ts[0]] {
		i = 1
	}
	subj := at(ts, i)
	if !negSubjects[subj] && !x.isNameTok(subj) {
		return ts
	}
	if i == 0 && !strings.HasSuffix(strings.TrimSpace(raw), "?") {
		return ts // "she worked at Acme" without a mark may be told, not asked
	}
	j := i + 1
	if x.isNameTok(subj) && x.isNameTok(at(ts, j)) {
		j++ // "rui almeida was ..."
	}
	if j >= len(ts) {
		return ts
	}
	for _, t := range ts[j:] {
		if questionWordSet[t] || t == "why" {
			return ts // "she worked where?", "he led what": not a yes/no check
		}
		if claimTags[t] || negatedAux[t] != "" {
			return ts // "she trained in paris, right?": a claim, which the premise steps check
		}
	}
	subject, v, rest := ts[i:j], ts[j], ts[j+1:]
	var lead []string // the words put before the subject
	verb := ""        // the verb put after it, if any
	switch {
	case statementAux[v]:
		lead = []string{v}
	case v == "has" || v == "have" || v == "had":
		if n := at(ts, j+1); participleIrregular[n] || strings.HasSuffix(n, "ed") {
			lead = []string{v} // "she has worked at Acme": "has she worked"
		} else {
			lead, verb = []string{doFor(v)}, "have" // "he has a degree": "does he have a degree"
		}
	case statementArticles[v]:
		lead, rest = []string{"is"}, ts[j:] // "he's a programmer": "is he a programmer"
	case pastToBase[v] != "":
		lead, verb = []string{"did"}, pastToBase[v]
	case len(v) > 4 && strings.HasSuffix(v, "ed") && isAlphaWord(v):
		lead, verb = []string{"did"}, baseOfPast(v)
	case len(v) > 3 && strings.HasSuffix(v, "s") && !strings.HasSuffix(v, "ss") && isAlphaWord(v) && len(rest) > 0:
		lead, verb = []string{"does"}, baseOfPresent(v)
	default:
		return ts
	}
	out := make([]string, 0, len(ts)+1)
	out = append(out, lead...)
	out = append(out, subject...)
	if verb != "" {
		out = append(out, verb)
	}
	return append(out, rest...)
}

// questionWordSet holds the question words that make a question no yes/no
// check.
var questionWordSet = setOf(strings.Join(questionWords, " "))

// doFor is the "do" of a "have" in its tense.
func doFor(have string) string {
	switch have {
	case "had":
		return "did"
	case "have":
		return "do"
	}
	return "does"
}

// baseOfPast guesses the base form of a regular past: "worked" work,
// "studied" study, "planned" plan, "managed" manage, "created" create.
// stem() reads both alike, so a near miss still matches the profile.
func baseOfPast(v string) string {
	b := v[:len(v)-2]
	switch {
	case strings.HasSuffix(v, "ied"):
		return v[:len(v)-3] + "y"
	case len(b) > 2 && b[len(b)-1] == b[len(b)-2] && !strings.ContainsRune("lsz", rune(b[len(b)-1])):
		return b[:len(b)-1] // "shipped": ship
	case strings.HasSuffix(b, "at") || strings.HasSuffix(b, "ur") || strings.HasSuffix(b, "ir") || strings.ContainsRune("gvcz", rune(b[len(b)-1])):
		return b + "e" // "created", "managed", "served", "produced"
	}
	return b
}

// baseOfPresent is the base form of a third-person present: "knows" know,
// "teaches" teach, "flies" fly.
func baseOfPresent(v string) string {
	switch {
	case strings.HasSuffix(v, "ies"):
		return v[:len(v)-3] + "y"
	case strings.HasSuffix(v, "ches") || strings.HasSuffix(v, "shes") || strings.HasSuffix(v, "xes") || strings.HasSuffix(v, "sses") || strings.HasSuffix(v, "oes"):
		return v[:len(v)-2]
	}
	return v[:len(v)-1]
}
