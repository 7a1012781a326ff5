package converse

import "strings"

// A speaker correcting themselves: "in 2018 no wait 2019", "does he know
// java no sorry go", "at monzo actually i mean at zalando". The words
// after the marker replace as many words before it (from a preposition
// they repeat, when they start with one); a whole question after the
// marker replaces everything before it.

// strongMarkers correct wherever they stand; weakMarkers ("sorry",
// "wait", "actually") only when a new question follows them ("sorry where
// did she study"): "what does she actually do" corrects nothing.
var (
	strongMarkers = [][]string{{"actually", "i", "mean"}, {"sorry", "i", "mean"}, {"no", "i", "mean"},
		{"no", "wait"}, {"wait", "no"}, {"no", "sorry"}, {"sorry", "no"}, {"sorry", "wait"}, {"i", "mean"},
		{"i", "meant"}, {"or", "rather"}, {"no", "no"}}
	weakMarkers = setOf(`sorry wait actually`)
	// correctionPreps start the corrected part that names its own place
	// or time ("at zalando", "in 2019").
	correctionPreps = setOf(`at in on for with from during before after since about to by`)
	// correctionEnds end the corrected part: the rest is a new clause.
	correctionEnds = setOf(`and or but what where when who how which`)
)

// selfCorrect keeps the last of the alternatives a speaker said.
func selfCorrect(ws []sword) []sword {
	for from := 0; from < len(ws); {
		m, n, strong := findMarker(ws, from)
		if m < 0 {
			return ws
		}
		before, after := ws[:m], ws[m+n:]
		switch {
		case len(after) > 0 && opensQuestion(joinWords(after), false):
			ws = append(ws[:0:0], after...) // a new question: the one before is dropped
			from = 0
			continue
		case !strong:
			from = m + n
			continue
		case len(after) == 0 || len(before) == 0:
			ws = append(append(ws[:0:0], before...), after...)
			from = len(before)
			continue
		}
		span := 1
		for span < len(after) && span < 3 && !correctionEnds[after[span].core] {
			span++
		}
		cut := len(before) - min(span, len(before))
		if correctionPreps[after[0].core] {
			for k := len(before) - 1; k >= max(0, len(before)-4); k-- {
				if before[k].core == after[0].core {
					cut = k
					break
				}
			}
		}
		ws = append(append(ws[:0:0], before[:cut]...), after...)
		from = cut + span
	}
	return ws
}

// findMarker finds the first correction marker at or after from: its
// position, length and whether it is a strong one; -1 when none.
func findMarker(ws []sword, from int) (int, int, bool) {
	for i := from; i < len(ws); i++ {
		for _, mk := range strongMarkers {
			if i+len(mk) > len(ws) {
				continue
			}
			ok := true
			for k, w := range mk {
				if ws[i+k].core != w {
					ok = false
					break
				}
			}
			if ok {
				return i, len(mk), true
			}
		}
		if weakMarkers[ws[i].core] {
			return i, 1, false
		}
	}
	return -1, 0, false
}

func joinWords(ws []sword) string {
	var b strings.Builder
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.text)
	}
	return b.String()
}

// Homophones a recogniser writes for the word said. The engine reads
// them by two rules only, never by guessing: grammar (after "did she" a
// verb stands, so "right" is "write" and "no" is "know"; "which won" is
// "which one"; a question opening "wear did" asks where), and the
// profile's own words (it says "site reliability", so "sight reliability"
// is that).
var (
	verbHomophones = map[string]string{"right": "write", "rite": "write", "no": "know"}
	// pairHomophones are read as their other spelling when the profile
	// writes that spelling next to the word beside it.
	pairHomophones = map[string]string{"sight": "site", "cite": "site", "hire": "higher"}
	// homophoneTargets are the spellings the profile's pairs are kept for.
	homophoneTargets = setOf(`site higher`)
	subjectWords     = setOf(`he she they you i we`)
	verbAux          = setOf(`do does did can could will would should didn't doesn't don't can't won't`)
	whereHomophones  = setOf(`wear were ware`)
)

func (x *Index) homophones(ws []sword) []sword {
	for i := range ws {
		c := ws[i].core
		alt := ""
		switch {
		case verbHomophones[c] != "" && i >= 2 && verbAux[ws[i-2].core] && (subjectWords[ws[i-1].core] || x.isNameTok(ws[i-1].core)):
			alt = verbHomophones[c] // "did she right anything"
		case c == "won" && i >= 1 && ws[i-1].core == "which":
			alt = "one" // "which won was at kdd"
		case whereHomophones[c] && i == 0 && len(ws) > 2 && auxSet[ws[1].core] && ws[1].core != "there":
			alt = "where" // "wear did he volunteer"
		case pairHomophones[c] != "" && !x.words[stem(c)]:
			h := pairHomophones[c]
			if i+1 < len(ws) && x.heard.bigrams[h+" "+ws[i+1].core] || i > 0 && x.heard.bigrams[ws[i-1].core+" "+h] {
				alt = h // "sight reliability" where the profile says "site reliability"
			}
		}
		if alt != "" {
			ws[i] = sword{alt + ws[i].tail(), alt}
		}
	}
	return ws
}

// mendNames reads a word that is no English word, nor the profile's, one
// letter off a word of the person's or an entry's name as that word:
// "kenjy" for Kenji, "rakuton" for Rakuten, "deloit" for Deloitte.
func (x *Index) mendNames(ws []sword) []sword {
	for i, w := range ws {
		if k := x.mendTarget(w.core); k != "" {
			ws[i] = sword{k + w.tail(), k}
		}
	}
	return ws
}

// mendable is mendTarget as a test.
func (x *Index) mendable(w string) bool { return x.mendTarget(w) != "" }

// mendTarget returns the name word w is misheard for, or "" when w is a
// word in its own right or near no name word, or near two.
func (x *Index) mendTarget(w string) string {
	if len(w) < 4 || len(w) > 24 || commonWords[w] || x.isNameTok(w) || cueTable[w] != nil || !isAlphaWord(w) ||
		personWords[w] || spokenLanguages[w] || x.locWords[w] || x.words[stem(w)] || searchStop[w] {
		return ""
	}
	best := ""
	for _, k := range x.heard.keys {
		if !nearName(w, k) {
			continue
		}
		if best != "" && best != k {
			return "" // "two names as near: no guess"
		}
		best = k
	}
	if best == "" {
		return ""
	}
	// asked last: most words are near no name, and these cost more
	if _, tech := x.techs.vocab[w]; tech || realWord(w) {
		return ""
	}
	if _, tech := aliasTable().phrase[w]; tech {
		return ""
	}
	return best
}

// nearName reports w a mishearing of the name word k: one letter off (the
// first one too, from six letters: "clarna" for Klarna), cut short by up
// to two letters ("deloit"), or two letters off in words of seven or more.
func nearName(w, k string) bool {
	if d := len(w) - len(k); d > 2 || d < -2 {
		return false
	}
	switch {
	case w[0] != k[0] && (len(w) < 6 || len(k) < 6):
		return false
	case within(w, k, 1):
		return true
	case len(w) >= 5 && len(k)-len(w) <= 2 && strings.HasPrefix(k, w):
		return true
	}
	return len(w) >= 7 && len(k) >= 7 && w[0] == k[0] && within(w, k, 2)
}
