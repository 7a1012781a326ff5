package converse

import "strings"

// "Did she work on EVs", "has he worked on payments", "did she ever work
// on search": a subject of the work, searched in the sentences of jobs,
// projects and volunteering (and the summary), plural- and
// abbreviation-tolerant ("EVs" finds "electric vehicles", "payments" finds
// "payment"); the sentences are quoted with their entries, or it is said
// plainly that the profile doesn't mention it. A technology ("worked on
// kubernetes") or an entry named ("worked on kubeprobe") is the later
// steps'.

// subjectAbbrevs spell out abbreviations a subject of work is asked by.
var subjectAbbrevs = map[string][]string{
	"ev": {"electric", "vehicle"}, "evs": {"electric", "vehicle"}, "ml": {"machine", "learning"},
	"ai": {"artificial", "intelligence"}, "iot": {"internet", "things"}, "vr": {"virtual", "reality"},
	"ar": {"augmented", "reality"}, "nlp": {"natural", "language"}, "hr": {"human", "resources"},
}

// workedOnSubject returns the subject of "did she work on X", or nil.
func workedOnSubject(ts []string) []string {
	if !yesNoQuestion(ts) {
		return nil
	}
	for i, t := range ts {
		if (t == "work" || t == "worked" || t == "working") && at(ts, i+1) == "on" {
			var words []string
			for _, w := range ts[i+2:] {
				if w == "a" || w == "an" || w == "the" || w == "any" || w == "anything" || w == "ever" {
					continue
				}
				if w == "at" || w == "in" || w == "for" || w == "with" || w == "before" || w == "there" {
					break
				}
				words = append(words, w)
			}
			if len(words) == 0 || len(words) > 3 {
				return nil
			}
			return words
		}
	}
	return nil
}

// subjectForms are the ways of matching each word asked: its stem, or the
// words of its abbreviation all together.
func subjectForms(words []string) [][]string {
	var forms [][]string
	for _, w := range words {
		if full, ok := subjectAbbrevs[w]; ok {
			forms = append(forms, full)
			continue
		}
		forms = append(forms, []string{w})
	}
	return forms
}

// holdsForms reports a sentence holding every form: each word of one by
// stem prefix, or the abbreviation itself ("EV" in "EV chargers").
func holdsForms(ts []string, forms [][]string, words []string) bool {
	for i, f := range forms {
		if hasAnyToken(ts, words[i], strings.TrimSuffix(words[i], "s")) && len(words[i]) <= 4 {
			continue
		}
		for _, w := range f {
			if !holdsWordForm(ts, w) {
				return false
			}
		}
	}
	return true
}

// workedOn answers whether the person worked on the subject asked.
func (r *resolver) workedOnAsked() bool {
	x, o, q := r.x, r.o, r.q
	if !q.person || len(q.techs) > 0 || len(q.ents) > 0 || q.hasWin {
		return false
	}
	words := workedOnSubject(q.ts)
	if words == nil {
		return false
	}
	forms := subjectForms(words)
	var sns []*snippet
	for i := range x.snippets {
		sn := &x.snippets[i]
		switch sn.cite.Section {
		case secWork, secProjects, secVolunteer, secBasics:
		default:
			continue
		}
		if holdsForms(sn.toks, forms, words) {
			sns = append(sns, sn)
		}
	}
	if len(sns) == 0 && x.nearForm(words) {
		return false // "acquisition" beside "acquired": the later steps read related forms
	}
	o.in = iSearch
	if len(sns) == 0 {
		o.say("The profile doesn't mention work on %s.", strings.Join(words, " "))
		return true
	}
	return x.quoteSentences(o, "Yes, the profile mentions it:", firstSnippets(sns, 3))
}

// wordBase folds a plural and its ending: "batteries" and "battery",
// "payments" and "payment" alike.
func wordBase(w string) string {
	if strings.HasSuffix(w, "ies") && len(w) > 4 {
		w = w[:len(w)-3] + "y"
	}
	return stem(w)
}

// holdsWordForm reports a token of the same base as w, or one beginning
// with it ("vehicle" in "electric-vehicle").
func holdsWordForm(ts []string, w string) bool {
	b := wordBase(w)
	for _, t := range ts {
		if wordBase(t) == b || len(b) >= 4 && strings.HasPrefix(t, b) {
			return true
		}
		if strings.IndexByte(t, '-') > 0 {
			for _, p := range strings.Split(t, "-") {
				if wordBase(p) == b {
					return true
				}
			}
		}
	}
	return false
}

// nearForm reports a word of the profile sharing the first five letters
// of a word asked: a form of it the plain match misses.
func (x *Index) nearForm(words []string) bool {
	for _, w := range words {
		if len(w) < 6 {
			continue
		}
		p := w[:5]
		for i := range x.snippets {
			for _, t := range x.snippets[i].toks {
				if strings.HasPrefix(t, p) {
					return true
				}
			}
		}
	}
	return false
}
