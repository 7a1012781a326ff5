package converse

import "strings"

// "What kind of law does she practice", "what cuisine does she cook": the
// kind of the person's own trade. The entries that share the noun (a law
// clerkship, a bar admission, a cook's apprenticeship) do not say it; the
// summary's sentence does, by the question's verb ("We cook over wood and
// vine cuttings") or by the doer of the noun ("Trial and appellate
// lawyer."), and a headline that short is followed by the sentence that
// says more.

// tradeKindNouns ask for a kind: "what kind of law", "what area of law".
var tradeKindNouns = setOf(`kind kinds type types sort sorts area areas style styles field`)

// notTradeVerbs and notTradeNouns ask for an entry or a field the engine
// answers elsewhere: "what company does she work for", "what degree does
// he have", "what language does she speak".
var (
	notTradeVerbs = setOf(`work works worked working live lives lived use uses used speak speaks spoke have has had hold holds own owns want wants like likes earn earns make makes study studies studied`)
	notTradeNouns = setOf(`company companies firm firms employer job jobs role roles position title degree degrees school university college language languages year years city country town place`)
)

// tradeKindAsked returns the noun and verb of "what (kind of) N does she
// V", the verb "" when there is none ("what area of law is she in").
func (x *Index) tradeKindAsked(q *query) (noun, verb string) {
	ts := q.ts
	if at(ts, 0) != "what" {
		return "", ""
	}
	i := 1
	if tradeKindNouns[at(ts, 1)] && at(ts, 2) == "of" {
		i = 3
	}
	noun = at(ts, i)
	switch at(ts, i+1) {
	case "does", "do", "did", "is":
	default:
		return "", ""
	}
	if p := at(ts, i+2); p != "@p" && !personWords[p] && !x.nameToks[p] {
		return "", ""
	}
	if len(ts) > i+4 {
		return "", "" // "what law does she practice in chicago": more than the kind
	}
	verb = at(ts, i+3)
	if notTradeVerbs[verb] {
		return "", "" // "what company does she work for" asks for an employer
	}
	if searchStop[verb] || commonWords[verb] {
		verb = ""
	}
	if len(noun) < 3 || commonWords[noun] || searchStop[noun] || notTradeNouns[noun] {
		return "", ""
	}
	return noun, verb
}

// tradeKind quotes the summary's sentence that names the kind asked, and
// the latest job's sentence with the verb ("cooking over live fire"); it
// reports whether it found either.
func (x *Index) tradeKind(o *out, q *query) bool {
	noun, verb := x.tradeKindAsked(q)
	if noun == "" {
		return false
	}
	var said []string
	ss := splitSentences(x.r.Basics.Summary)
	for i, s := range ss {
		if !namesTrade(tokens(s), noun, verb) {
			continue
		}
		quoted := "“" + sentence(s) + "”"
		if len(tokens(s)) <= 5 && i+1 < len(ss) {
			quoted += " “" + sentence(ss[i+1]) + "”" // "Trial and appellate lawyer." says little alone
		}
		said = append(said, capital(x.whose())+" summary says: "+quoted)
		o.cite(secBasics, 0, "summary")
		break
	}
	if jobs := x.sorted(secWork); verb != "" && len(jobs) > 0 {
		for _, s := range splitSentences(x.r.Work[jobs[0].idx].Summary) {
			if namesTrade(tokens(s), "", verb) {
				said = append(said, "At "+jobs[0].title+": “"+sentence(s)+"”")
				o.citeItem(jobs[0])
				break
			}
		}
	}
	if len(said) == 0 {
		return false
	}
	o.in = iSummary
	o.say("%s", strings.Join(said, " "))
	return true
}

// namesTrade reports whether a sentence's words hold the verb asked ("cook")
// or a doer of the noun ("lawyer" of "law").
func namesTrade(ts []string, noun, verb string) bool {
	for _, t := range ts {
		if verb != "" && stem(t) == stem(verb) || noun != "" && (t == noun+"yer" || t == noun+"er" || t == noun+"ist") {
			return true
		}
	}
	return false
}

// entrySaysVerb reports whether the one entry a question named says the
// verb of "what subjects did she teach" itself (a "Science Teacher"), so
// the entry answers, not the summary.
func (x *Index) entrySaysVerb(it *item, q *query) bool {
	_, verb := x.tradeKindAsked(q)
	if verb == "" || it.sec != secWork {
		return false
	}
	w := x.r.Work[it.idx]
	return namesTrade(tokens(w.Position+" "+w.Summary), "", verb)
}
