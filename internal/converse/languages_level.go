package converse

// Spoken-language levels below fluency, as résumés write them: words
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
	ts := tokens(f)
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
