package converse

import "strings"

// "How did she get into coding", "what got him into design", "how did he
// start out in fisheries": how the person came to a field. A sentence of
// the profile telling the start ("I came to code from translating
// technical manuals", "started in print and branding") answers; else the
// earliest entry of that field (first job, study or project), said as the
// earliest, since the profile does not tell how. Not a list of the
// languages she knows, not a refusal, not the summary read whole.

// fieldFamilies widen a field asked to the words a profile uses for it.
var fieldFamilies = map[string][]string{
	"coding": {"code", "coding", "programming", "program", "software", "developer", "development", "computer", "computers"},
	"design": {"design", "designer", "ux", "ui", "graphic", "branding"},
}

// familyOf maps each word of a family to the family.
var familyOf = func() map[string]string {
	m := map[string]string{}
	for f, ws := range fieldFamilies {
		for _, w := range ws {
			m[w] = f
		}
		m[f] = f
	}
	m["programming"], m["tech"], m["software"] = "coding", "coding", "coding"
	return m
}()

// startCues tell how something began, as a sentence's words: the strong
// ones tell a start, the weak ones may only order things ("first in Tokyo").
var (
	strongStartCues = setOf(`came got started began moved turned switched retrained retraining discovered introduced fell modding`)
	weakStartCues   = setOf(`first start begin since former into`)
)

// startScore weighs a sentence's words of a start: 0 for none.
func startScore(ts []string) int {
	n := 0
	for _, t := range ts {
		switch {
		case strongStartCues[t]:
			n += 2
		case weakStartCues[t]:
			n++
		}
	}
	return n
}

// gotIntoField returns the words of the field asked, or nil.
func gotIntoField(ts []string) []string {
	k := -1
	switch at(ts, 0) {
	case "how":
		if at(ts, 1) == "did" || at(ts, 1) == "does" || at(ts, 1) == "has" {
			for i, t := range ts {
				if (t == "into" && hasAnyToken(ts[:i], "get", "got", "gotten", "go", "come", "came", "fall", "end")) ||
					(t == "in" || t == "out") && hasAnyToken(ts[:i], "start", "started", "begin", "get") {
					k = i
					break
				}
			}
		}
	case "what":
		if hasAnyToken(ts, "got", "drew", "brought", "led", "made") {
			for i, t := range ts {
				if t == "into" || t == "to" && i > 2 && at(ts, i-2) == "@p" {
					k = i
					break
				}
			}
		}
	}
	if k < 0 {
		return nil
	}
	var words []string
	for _, w := range ts[k+1:] {
		if w == "in" || w == "out" || w == "the" || w == "a" || searchStop[w] && w != "design" {
			continue
		}
		words = append(words, w)
	}
	if len(words) == 0 || len(words) > 3 {
		return nil
	}
	return words
}

// fieldStems are the stems a field's words and family match by.
func fieldStems(words []string) []string {
	var out []string
	for _, w := range words {
		out = append(out, stem(w))
		if f, ok := familyOf[w]; ok {
			for _, v := range fieldFamilies[f] {
				out = append(out, stem(v))
			}
		}
	}
	return out
}

// holdsStem reports a token beginning with one of the stems.
func holdsStem(ts []string, stems []string) bool {
	for _, t := range ts {
		for _, s := range stems {
			if len(s) >= 2 && strings.HasPrefix(t, s) {
				return true
			}
		}
	}
	return false
}

// gotInto answers how the person came to the field asked.
func (r *resolver) gotInto() bool {
	x, o, q := r.x, r.o, r.q
	if !q.person || anyInSection(q.ents, secEducation) {
		return false // "how did he get into oxford": admission, no field
	}
	words := gotIntoField(q.ts)
	if words == nil {
		return false
	}
	stems := fieldStems(words)
	var told []*snippet // the sentences of the best score, the summary's first
	best := 0
	for i := range x.snippets {
		sn := &x.snippets[i]
		if !holdsStem(sn.toks, stems) {
			continue
		}
		switch n := startScore(sn.toks); {
		case n > best:
			best, told = n, append(told[:0], sn)
		case n == best && n > 0:
			told = append(told, sn)
		}
	}
	if best >= 2 {
		o.in = iSearch
		return x.quoteSentences(o, "The profile says:", firstSnippets(told, 2))
	}
	var first *item
	for _, sec := range []string{secWork, secEducation, secProjects, secVolunteer} {
		for _, it := range x.sorted(sec) {
			if !it.dated || first != nil && !it.per.From().Before(first.per.From()) {
				continue
			}
			ts := tokens(it.role + " " + it.title)
			if holdsStem(ts, stems) || familyOf[words[0]] == "coding" && len(it.techs) > 0 {
				first = it
			}
		}
	}
	if first == nil {
		return false
	}
	o.in = iFirst
	o.say("The profile doesn't say how; the earliest entry of it is %s%s.", first.describeOrRole(), first.span())
	o.citeItem(first)
	o.focusOn(first)
	return true
}

// describeOrRole names an entry by its role and place, or its name.
func (it *item) describeOrRole() string {
	if it.sec == secWork || it.role != "" && it.title != "" {
		return it.roleAt()
	}
	return it.title
}
