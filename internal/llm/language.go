package llm

import (
	"strings"
	"unicode"
)

// A language is told by its function words: short, frequent, and mostly
// its own. The lists are small on purpose: the check runs on every
// sentence of a streamed answer, and it only has to tell the few languages
// a visitor is likely to write in apart from English and from each other.
// Words shared by two lists count for both; a tie keeps both candidates.
var languageWords = map[string][]string{
	"en": strings.Fields(`a an the is are was were be been has have had do does did not no
		at in on of for to from with by as and or but if than then that this these those it its
		she he they her his their him them who which what when where how there here
		worked works work used uses using studied studies led leads built also since until
		profile mention mentions says doesn't isn't wasn't can could would about any some`),
	"es": strings.Fields(`el la los las un una unos unas es son fue era está están ha han
		de del en con por para sin sobre desde hasta como y o pero que qué quién cuál cuáles
		dónde donde cuándo cuando cómo cuánto su sus ella él ellos lo le les se al
		trabaja trabajó trabajado estudió usa usó también perfil menciona`),
	"fr": strings.Fields(`le la les un une des du est sont était été a ont avait de en dans
		avec pour par sans sur depuis chez comme et ou mais que qui quoi quel quelle quels
		où quand comment combien son sa ses elle il elles ils leur lui se au aux ne pas
		travaille travaillé étudié utilise utilisé aussi profil mentionne`),
	"de": strings.Fields(`der die das den dem des ein eine einen einem einer ist sind war waren
		hat haben hatte wird von zu mit bei seit für auf aus nach als und oder aber nicht kein
		keine wer was wo wann wie welche welcher sie er ihr ihre sein seine es im am zum zur
		arbeitet arbeitete gearbeitet studierte nutzt benutzt auch profil erwähnt`),
	"pt": strings.Fields(`o a os as um uma uns umas é são foi era está estão tem têm de do da
		dos das em no na nos nas com por para sem sobre desde até como e ou mas que quem qual
		quais onde quando quanto seu sua seus suas ela ele eles elas lhe se ao também
		trabalha trabalhou trabalhado estudou usa usou perfil menciona`),
	"it": strings.Fields(`il lo la i gli le un una è sono era erano ha hanno di del della dei
		in nel nella con per da su come e o ma che chi quale dove quando quanto suo sua suoi
		lei lui loro anche lavora lavorato studiato usa usato profilo menziona`),
	"nl": strings.Fields(`de het een is zijn was waren heeft hebben had van in op met bij
		sinds voor naar als en of maar niet geen wie wat waar wanneer hoe welke zij hij haar
		zijn hun ook werkt werkte gewerkt studeerde gebruikt profiel vermeldt`),
}

// wordLanguages maps each function word to the languages using it.
var wordLanguages = func() map[string][]string {
	m := make(map[string][]string)
	for lang, words := range languageWords {
		for _, w := range words {
			m[w] = append(m[w], lang)
		}
	}
	return m
}()

// languages are the languages text's function words point to (the ones
// with the most hits; several on a tie), and how many of its words could
// have told (lowercase, no digits, not in skip). No language with counted
// words means: none of these.
func languages(text string, skip map[string]bool, lowerFirst bool) (best []string, counted int) {
	hits := make(map[string]int)
	for _, w := range strings.FieldsFunc(citationRE.ReplaceAllString(text, " "), notWordRune) {
		if lowerFirst {
			w = strings.ToLower(w)
		}
		if w == "" || strings.ToLower(w) != w || skip[w] {
			continue
		}
		if strings.IndexFunc(w, unicode.IsDigit) >= 0 {
			continue
		}
		counted++
		langs, ok := wordLanguages[w]
		if !ok {
			langs = wordLanguages[strings.TrimSuffix(w, "'s")]
		}
		if len(langs) == 0 {
			// French and Italian elide ("qu'elle", "l'azienda"):
			// the part before the apostrophe names the language.
			if head, _, cut := strings.Cut(w, "'"); cut {
				langs = wordLanguages[head]
			}
		}
		for _, l := range langs {
			hits[l]++
		}
	}
	top := 0
	for _, n := range hits {
		top = max(top, n)
	}
	for l, n := range hits {
		if n == top {
			best = append(best, l)
		}
	}
	return best, counted
}

func notWordRune(r rune) bool {
	return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '-')
}

// inVisitorsLanguage is false when an answer of four or more telling words
// (lowercase, outside the facts' own words, which say nothing about the
// language) is neither English, the language of the deterministic replies,
// nor the language the visitor asked in. An English question answered in
// Spanish is refused; a Spanish question answered in Spanish is not.
func inVisitorsLanguage(text, question string, facts []string) bool {
	factWords := make(map[string]bool)
	for _, f := range facts {
		for _, t := range termTokens(f) {
			factWords[t] = true
		}
	}
	text = strings.ReplaceAll(text, "’", "'")
	answer, counted := languages(text, factWords, false)
	if counted < 4 || has(answer, "en") {
		return true
	}
	// The question's first word is capitalised ("Wo arbeitet sie?") and
	// its words are the visitor's own, facts or not.
	asked, _ := languages(strings.ReplaceAll(question, "’", "'"), nil, true)
	for _, l := range answer {
		if has(asked, l) {
			return true
		}
	}
	return false
}

func has(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}
