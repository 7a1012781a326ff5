package converse

import (
	"strconv"
	"strings"
)

// Spoken languages: the list, one language, how many, and whether a level
// is fluent. Levels below fluency, as résumés write them: words
// ("Basic", "Elementary", "Conversational") and CEFR grades (A1 to B2).
// Asked "is he fluent in Danish", a "Basic" Danish is no yes.

var (
	// lowLevelWords settle it whatever else the text says: "Limited
	// working proficiency", "Elementary (A2)".
	lowLevelWords = setOf(`basic elementary beginner beginners limited rudimentary survival a1 a2`)
	// fluentWords name fluency: "Fluent (C1)", "Full professional proficiency".
	fluentWords = setOf(`fluent native bilingual c1 c2 proficiency professional full mother advanced`)
	// midLevelWords are below fluent unless a fluent word says otherwise.
	midLevelWords = setOf(`conversational intermediate b1 b2 some learning`)
)

// belowFluent reports whether a fluency text names a level below fluent.
func belowFluent(f string) bool {
	ts := tokens(levelText(f))
	mid := false
	for _, t := range ts {
		if lowLevelWords[t] {
			return true
		}
		mid = mid || midLevelWords[t]
	}
	for _, t := range ts {
		if fluentWords[t] {
			return false
		}
	}
	return mid
}

// asksFluent reports a question about fluency: "is he fluent in Danish".
func asksFluent(ts []string) bool {
	return hasAnyToken(ts, "fluent", "fluently", "fluency")
}

// asksLevel reports a question about how well a language is spoken:
// "how good is her Polish", "what level", "is he fluent".
func asksLevel(ts []string) bool {
	return asksFluent(ts) || hasAnyToken(ts, "level", "proficient", "proficiency") ||
		hasAnyToken(ts, "how") && hasAnyToken(ts, "good", "well")
}

// languages answers the spoken languages, or whether one is spoken.
// q is nil for a follow-up ("how well?") that asks nothing more.
func (x *Index) spoken(o *out, lang string, q *query) {
	fluentAsked := q != nil && asksFluent(q.ts)
	if q != nil && x.spokenBesides(o, q) {
		return
	}
	if q != nil && q.lang2 != "" && lang == q.lang && x.compareSpoken(o, q.lang2, lang) {
		return
	}
	if lang != "" {
		if i, ok := x.languages[lang]; ok {
			l := x.r.Languages[i]
			switch {
			case fluentAsked && belowFluent(l.Fluency): // "is he fluent in Danish": not at "Basic"
				o.say("Not fluently: %s speaks %s at a level the profile gives as %s.", x.who(), spokenName(l.Language), fluency(l.Fluency))
			case strings.TrimSpace(l.Fluency) == "" && q != nil && asksLevel(q.ts):
				// "how good is her Polish" with no level listed: a bare
				// "Yes" would pass for an answer to how well.
				o.say("%s speaks %s, but the profile doesn't say how well.", x.Who(), spokenName(l.Language))
			case q != nil && asksLevel(q.ts) && !fluentAsked && !yesNoQuestion(q.ts):
				// "how good is her English": the level, which a "Yes"
				// before it would not answer
				o.say("%s speaks %s at the level the profile gives as %s%s.", x.Who(), spokenName(l.Language), fluency(l.Fluency), cefrGloss(l.Fluency))
			default:
				o.say("Yes, %s speaks %s%s.", x.who(), spokenName(l.Language), prefixed(" — ", fluency(l.Fluency)))
			}
			o.cite(secLanguages, i, "")
			o.tech = lang // "how well?" next asks about this language
			return
		}
		o.say("The profile doesn't mention %s speaking %s.", x.who(), capital(lang))
		if len(x.r.Languages) == 0 {
			return
		}
	}
	if len(x.r.Languages) == 0 {
		o.say("The profile doesn't list any spoken languages.")
		return
	}
	// "which languages is she native in": only the languages whose
	// fluency says native, when any does; otherwise all, after saying so.
	native := asksNative(q)
	if native {
		n := 0
		for _, l := range x.r.Languages {
			if l.Language != "" && nativeLevel(l.Fluency) {
				n++
			}
		}
		if n == 0 {
			o.say("The profile doesn't give any language as native.")
			native = false
		}
	}
	var parts []string
	// "the last one" next counts in the list shown, which may be only
	// some of the profile's ("her native languages")
	o.sec, o.focus = secLanguages, o.focus[:0]
	for i, l := range x.r.Languages {
		if l.Language == "" || native && !nativeLevel(l.Fluency) {
			continue
		}
		o.focus = append(o.focus, i)
		parts = append(parts, spokenName(l.Language)+prefixed(" (", fluency(l.Fluency))+map[bool]string{true: ")"}[l.Fluency != ""])
		o.cite(secLanguages, i, "")
	}
	if q != nil && strings.Contains(q.joined, " how many ") {
		o.say("%s speaks %s: %s.", x.Who(), plural(len(parts), "one language", strconv.Itoa(len(parts))+" languages"), list(parts))
		return
	}
	if native {
		o.say("%s native %s: %s.", capital(x.whose()), plural(len(parts), "language is", "languages are"), list(parts))
		return
	}
	o.say("%s speaks %s.", x.Who(), list(parts))
}

// nativeLevel reports a fluency that names a first language: "Native
// speaker", "Mother tongue", "Native or bilingual proficiency".
func nativeLevel(f string) bool {
	return hasAnyToken(tokens(levelText(f)), "native", "mother")
}

// cefrGloss says in words what a CEFR level written alone means ("C1":
// advanced), for visitors who do not know the scale; empty otherwise.
func cefrGloss(f string) string {
	g, ok := map[string]string{"A1": "beginner", "A2": "elementary", "B1": "intermediate", "B2": "upper intermediate",
		"C1": "advanced", "C2": "proficient"}[strings.ToUpper(fluency(f))]
	if !ok {
		return ""
	}
	return " (" + g + ", on the European CEFR scale)"
}

// fluency is a level as a reply quotes it, with what it means in English
// when it is written in another language ("Muttersprache (native)").
func fluency(f string) string {
	s := strings.TrimSpace(strings.TrimRight(f, "."))
	g := levelGloss(s)
	switch {
	case g == "":
		return s
	case strings.HasSuffix(s, ")") && strings.LastIndexByte(s, '(') > 0:
		i := strings.LastIndexByte(s, '(') + 1 // "Avanzado (advanced, C1)"
		return s[:i] + g + ", " + s[i:]
	}
	return s + " (" + g + ")"
}

// compareSpoken answers a question naming two languages the profile lists
// ("is her French better than her German") with both levels, the
// stronger first when the fluencies rank apart, so no bare "yes" answers
// a comparison. It reports whether both languages are listed.
func (x *Index) compareSpoken(o *out, a, b string) bool {
	i, okA := x.languages[a]
	j, okB := x.languages[b]
	if !okA || !okB {
		return false
	}
	la, lb := x.r.Languages[i], x.r.Languages[j]
	if ra, rb := fluencyRank(la.Fluency), fluencyRank(lb.Fluency); ra != rb && ra > 0 && rb > 0 {
		if ra < rb {
			la, lb = lb, la
		}
		o.say("By the levels the profile lists, %s speaks %s (%s) better than %s (%s).", x.Who(), spokenName(la.Language), fluency(la.Fluency), spokenName(lb.Language), fluency(lb.Fluency))
	} else {
		o.say("%s speaks %s (%s) and %s (%s).", x.Who(), spokenName(la.Language), fluency(la.Fluency), spokenName(lb.Language), fluency(lb.Fluency))
	}
	o.cite(secLanguages, i, "")
	o.cite(secLanguages, j, "")
	return true
}
