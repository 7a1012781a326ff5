package converse

import "strings"

// A product is often a vendor's name and one more word: "SAP Ariba",
// "Oracle NetSuite", "Google Looker". When the profile knows the vendor's
// name as a technology but never uses the other word, "does she use SAP
// Ariba" is not answered by "Yes, SAP appears": the profile doesn't
// mention SAP Ariba, and what it does say of SAP comes after.

// artifactNouns are what one publishes or writes with a technology: "her
// npm package", "a WordPress plugin", "VBA macros", "SQL queries" ask for
// what she made with it, not for a product named "npm Package".
var artifactNouns = setOf(`package packages library libraries lib libs plugin plugins module modules extension extensions addon addons gem gems crate crates component components
macro macros script scripts query queries formula formulas formulae`)

// unknownTail returns raw[j] when it closes the question (or a word ending
// a noun follows) and is a word the profile never uses, no everyday word,
// cue or technology: "ariba" of "does she use sap ariba". "" otherwise.
func (x *Index) unknownTail(raw []string, j int) string {
	w := at(raw, j)
	if len(w) < 3 || !isAlphaWord(w) || strings.HasSuffix(w, "ly") {
		return "" // "does she know python professionally"
	}
	if next := at(raw, j+1); next != "" && !roleStop[next] {
		return ""
	}
	if artifactNouns[w] || techKindNouns[w] || commonWords[w] || searchStop[w] || personWords[w] || x.nameToks[w] || techPerson[w] || cueTable[w] != nil || x.words[stem(w)] {
		return ""
	}
	if h := x.techs.matchAt(raw, j, false); h.size > 0 {
		return ""
	}
	return w
}

// narrowerTech says that the profile doesn't mention the product asked
// (the technology's words as asked, and the word after them), then where
// it mentions the technology. When it mentions the technology nowhere
// either, the product is still what was asked: "Oracle Hyperion" is no
// "Oracle Database", which the alias "oracle" alone would name.
func (x *Index) narrowerTech(o *out, tech string, asked []string) bool {
	uses := x.techUse[strings.ToLower(tech)]
	if len(uses) == 0 {
		if x.widerTech(&out{x: x}, tech) {
			return false // the usual answer names a wider family it does mention
		}
		o.tech = tech
		o.say("The profile doesn't mention %s.", productName(tech, asked))
		x.techsMentioned(o)
		return true
	}
	o.tech = tech
	o.say("The profile doesn't mention %s.", productName(tech, asked))
	o.say("It mentions %s %s.", tech, x.whereUsed(o, uses, modeAny))
	return true
}

var (
	// techKindNouns say what kind of technology a name before them is: a
	// "CAN bus", the "MQTT protocol"; they qualify it, naming no product.
	techKindNouns = setOf(`bus buses protocol protocols`)
	// verbTech are technologies named by a verb ("CAN"): in a question one
	// counts only before a word of its kind ("can bus").
	verbTech = setOf(`can`)
)

// productName spells the product asked: the vendor's words as the
// technology spells them ("SAP Ariba"), the others capitalised.
func productName(tech string, asked []string) string {
	name := make([]string, len(asked))
	for i, w := range asked {
		name[i] = capital(w)
	}
	if n := len(asked) - 1; strings.EqualFold(strings.Join(tokens(tech), " "), strings.Join(asked[:n], " ")) {
		name = append(strings.Fields(tech), name[n]) // "SAP Ariba", as the profile spells SAP
	}
	return strings.Join(name, " ")
}
