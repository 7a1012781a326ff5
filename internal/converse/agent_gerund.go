package converse

import "strings"

// "How long has he been driving trucks", "how many years has she been
// interpreting": the time in the roles whose title is the verb's doer (a
// Driver, an Interpreter), which no list can name in full; gerundRoles
// holds the doers this rule gets wrong ("nurse", "consultant").

// orAgents end the stems whose doer ends in -or: "translating" ->
// translator, "directing" -> director, "editing" -> editor.
var orAgents = []string{"at", "ct", "edit", "audit", "supervis", "advis", "counsel", "invent"}

// notDoing are -ing words after "been" that name no activity of a role:
// "been working", "been doing", "been living".
var notDoing = setOf(`working doing living being going getting having making using looking staying something anything nothing during
engineering according including morning evening building`)

// agentOfGerund returns the doer of the activity g ("driving" -> "driver"),
// or "" when g is no such word.
func agentOfGerund(g string) string {
	if len(g) < 6 || !strings.HasSuffix(g, "ing") || notDoing[g] || !isAlphaWord(g) {
		return ""
	}
	base := g[:len(g)-3]
	for _, suf := range orAgents {
		if strings.HasSuffix(base, suf) {
			return base + "or"
		}
	}
	if strings.HasSuffix(base, "er") {
		return "" // "engineering", "volunteering": a noun or its own doer
	}
	return base + "er"
}

// anaphAfterGerund reports "been running it", "been doing that": the
// entry just discussed, not a role.
func anaphAfterGerund(joined string) bool {
	g := wordAfter(joined, " @p been ")
	switch wordAfter(joined, " @p been "+g+" ") {
	case "it", "that", "this", "there", "them", "those", "these":
		return true
	}
	return false
}

// wordAfter returns the word after the first lead in joined, or "".
func wordAfter(joined, lead string) string {
	i := strings.Index(joined, lead)
	if i < 0 {
		return ""
	}
	rest := joined[i+len(lead):]
	if j := strings.IndexByte(rest, ' '); j >= 0 {
		return rest[:j]
	}
	return rest
}

// fieldDoers are the doers of fields whose name is not a verb's:
// "data science" is done by data scientists.
var fieldDoers = map[string]string{"science": "scientist", "sciences": "scientist", "economics": "economist", "physics": "physicist",
	"chemistry": "chemist", "journalism": "journalist", "pharmacy": "pharmacist", "dentistry": "dentist", "statistics": "statistician",
	"mathematics": "mathematician", "linguistics": "linguist", "therapy": "therapist", "photography": "photographer",
	"architecture": "architect", "accounting": "accountant", "law": "lawyer", "surgery": "surgeon", "midwifery": "midwife"}

// doerOfField returns who does the field f ("scientist" for "science",
// "biologist" for "biology"), or "".
func doerOfField(f string) string {
	if d := fieldDoers[f]; d != "" {
		return d
	}
	if len(f) > 6 && strings.HasSuffix(f, "ology") {
		return f[:len(f)-1] + "ist"
	}
	return ""
}
