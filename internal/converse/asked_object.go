package converse

import (
	"strings"
	"unicode"
)

// askedObject returns, as the visitor wrote it, the thing after a
// technology cue ("does she know Haskell" -> "Haskell"), or "".
func (x *Index) askedObject(question string) string {
	orig := tokenize(question, false)
	low := make([]string, len(orig))
	for i, t := range orig {
		low[i] = strings.ToLower(t)
	}
	// "can he fly the boeing 737": whatever follows the verb of "can he"
	canVerb := len(low) > 3 && (low[0] == "can" || low[0] == "could") && (personWords[low[1]] || x.nameToks[low[1]])
	for i, t := range low {
		if canVerb && i == 2 {
			t = "use"
		}
		switch t {
		case "know", "knows", "use", "used", "uses", "using", "with", "in", "familiar", "proficient", "skilled", "about", "support", "supports":
		case "at": // "good at maths", not "at Google"
			if i == 0 || !goodAt[low[i-1]] {
				continue
			}
		default:
			continue
		}
		var obj []string
		for _, w := range orig[i+1:] {
			lw := strings.ToLower(w)
			if commonWords[lw] || personWords[lw] || x.nameToks[lw] || howWords[lw] {
				if len(obj) > 0 {
					break
				}
				continue
			}
			obj = append(obj, w)
			if len(obj) == 3 {
				break
			}
		}
		if len(obj) > 0 {
			s := strings.Join(obj, " ")
			if r := []rune(s); unicode.IsLower(r[0]) {
				r[0] = unicode.ToUpper(r[0])
				s = string(r)
			}
			return s
		}
	}
	return ""
}

// embeddedAsk returns where the question proper starts in a visitor's text
// that opens with a statement ("im hiring for a unity role and ... has he
// shipped anything in unity"): the last "has he", "does she", "did
// Tariq"; -1 when the text opens as a question itself or has no such ask.
func (x *Index) embeddedAsk(raw []string) int {
	if len(raw) < 4 || questionOpeners[raw[0]] {
		return -1
	}
	for i := len(raw) - 2; i > 0; i-- {
		if askAux[raw[i]] && (personWords[raw[i+1]] || x.nameToks[raw[i+1]]) {
			return i
		}
	}
	return -1
}

var (
	askAux          = setOf(`has have had does do did is was can could would will`)
	questionOpeners = setOf(`has have had does do did is was are were can could would will should what which who whom whose when where why how tell list give show any`)
)

var goodAt = setOf(`good great strong excellent bad better best decent skilled expert experienced`)

// howWords say how, how much or when a thing is used, never what: "which
// one did he use more recently" names no technology "Recently".
var howWords = setOf(`recently lately currently mostly mainly primarily regularly daily weekly frequently often usually
professionally personally heavily extensively actively anymore nowadays today ago earlier later longer longest
least most much lot lots`)
