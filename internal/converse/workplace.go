package converse

// "Where is her restaurant?", "where's his company": the place of the
// business she works at now, named by what it is. The noun is no word of
// the cue tables, so without this the question is searched for and every
// sentence naming a restaurant answers it, past ones included.

// workplaceWhere answers "where is @p N" with the one current job whose
// entry calls itself N (or, for a kind of employer such as "company", the
// one current job).
func (r *resolver) workplaceWhere() bool {
	x, o, q := r.x, r.o, r.q
	if len(q.ents) > 0 || len(q.techs) > 0 || q.hasWin || q.inPlace {
		return false
	}
	noun := workplaceAsked(q.ts)
	if noun == "" {
		return false
	}
	var found *item
	for _, it := range x.sorted(secWork) {
		if it.brk || !it.current(x.compiled) || !employerNouns[noun] && !x.entryHasWord(it, noun) {
			continue
		}
		if found != nil {
			return false // two businesses fit: the search says more
		}
		found = it
	}
	if found == nil || x.r.Work[found.idx].Location == "" {
		return false
	}
	o.in = iWhere
	o.citeItem(found)
	o.focusOn(found)
	owner := x.whose()
	if x.first == "" {
		owner = "This person's"
	}
	o.say("%s %s is %s, in %s.", owner, noun, found.label(), x.r.Work[found.idx].Location)
	return true
}

// workplaceAsked returns N in "where is her N" or "where's his N located"
// (the tokenizer drops the "'s"), "" for another question.
func workplaceAsked(ts []string) string {
	i := 1
	if at(ts, 1) == "is" {
		i = 2
	}
	if at(ts, 0) != "where" || at(ts, i) != "@p" {
		return ""
	}
	n := at(ts, i+1)
	switch rest := len(ts) - (i + 2); {
	case rest == 1 && (ts[i+2] == "located" || ts[i+2] == "based"):
	case rest != 0:
		return ""
	}
	if len(n) < 4 || !isAlphaWord(n) || cueTable[n] != nil || searchStop[n] {
		return ""
	}
	return n
}

// entryHasWord reports whether the job's own text (summary, description,
// position or name) holds w.
func (x *Index) entryHasWord(it *item, w string) bool {
	for i := range x.snippets {
		sn := &x.snippets[i]
		if sn.cite.Section == it.sec && sn.cite.Index == it.idx && (hasAnyToken(sn.toks, w) || hasAnyToken(sn.toks, singular(w))) {
			return true
		}
	}
	return hasAnyToken(tokens(it.title+" "+it.role), w)
}
