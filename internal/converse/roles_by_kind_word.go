package converse

import (
	"strings"
)

// "What advisory roles does she have", "which teaching posts has he held":
// a word before "roles" that is a word of the positions held, or the
// adjective of one ("advisory" of Scientific Advisor and of an Advisory
// Panel), asks for those roles, as the plural noun of rolesByWord does.
// "Now" or "currently" keeps the ones still held, and names the ended ones
// only when none is.

// roleNounsAsked are the nouns such a question puts after the word.
var roleNounsAsked = setOf(`roles positions posts jobs`)

// rolesByKindWord answers it; it reports whether a role matched.
func (r *resolver) rolesByKindWord() bool {
	x, o, q := r.x, r.o, r.q
	if q.anaph || len(q.techs) > 0 || len(q.ts) < 4 || q.hasWin && !q.win.Current {
		return false
	}
	if w := q.ts[0]; w != "what" && w != "which" || !roleNounsAsked[q.ts[2]] {
		return false
	}
	switch q.ts[3] {
	case "has", "have", "did", "does", "is", "was", "were", "are", "do":
	default:
		return false
	}
	word := q.ts[1]
	fam := roleFamilies[stem(word)] // "teaching": Visiting Faculty, Lecturer
	if len(word) < 5 || cueTable[word] != nil && fam == nil && !strings.HasSuffix(word, "ory") {
		return false
	}
	forms := map[string]bool{stem(word): true}
	for k := range fam {
		forms[k] = true
	}
	if strings.HasSuffix(word, "ory") { // advisory: advisor; supervisory: supervisor
		forms[stem(word[:len(word)-1])] = true
	}
	now := q.hasWin && q.win.Current || hasAnyToken(q.ts, "now", "currently", "current", "still", "today")
	var hits, ended []*item
	for _, sec := range []string{secWork, secVolunteer} {
		for _, it := range x.bySec[sec] { // newest first
			if it.brk || !roleKeyIn(it.roleKeys, forms) {
				continue
			}
			if now && !it.current(r.now) {
				ended = append(ended, it)
				continue
			}
			hits = append(hits, it)
		}
	}
	if len(hits) == 0 && len(ended) == 0 {
		return false
	}
	o.in = iWork
	if len(hits) == 0 {
		o.say("None now: %s %s ended.", x.whose(), rolesSpanList(o, ended))
		o.focusOn(ended...)
		return true
	}
	o.say("%s %s: %s.", capital(x.whose()), word+" roles"+map[bool]string{true: " now", false: ""}[now], rolesSpanList(o, hits))
	o.focusOn(hits...)
	return true
}

func roleKeyIn(keys []string, forms map[string]bool) bool {
	for _, k := range keys {
		if forms[k] {
			return true
		}
	}
	return false
}

// rolesSpanList lists the roles with their spans and cites them.
func rolesSpanList(o *out, its []*item) string {
	parts := make([]string, len(its))
	for i, it := range its {
		parts[i] = it.roleAt() + it.span()
		o.citeItem(it)
	}
	return list(parts)
}
