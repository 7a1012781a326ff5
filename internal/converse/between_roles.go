package converse

import "slices"

// "What did she do between analyst and consultant": two of her titles
// bound a stretch of time, which is asked like "between 2015 and 2016",
// from the month after the earlier role ended (its exclusive end) to the
// month before the later one began.

// betweenRoles answers with her work and studies in the stretch between
// two roles named by their titles; it reports whether both were found and
// one ended before the other began.
func (r *resolver) betweenRoles() bool {
	x, o, q := r.x, r.o, r.q
	// a technology asked may be an employer's name too ("NATS" in a
	// sentence): both sides must still name a role or an employer
	if q.hasWin {
		return false
	}
	b, and := -1, -1
	for i, t := range q.ts {
		switch {
		case t == "between" && b < 0:
			b = i
		case t == "and" && b >= 0 && and < 0:
			and = i
		}
	}
	if b < 0 || and <= b+1 || and >= len(q.ts)-1 {
		return false
	}
	first, second := x.roleOrEmployer(q.ts[b+1:and], false), x.roleOrEmployer(q.ts[and+1:], true)
	if first == nil || second == nil || first == second {
		return false
	}
	if second.per.From().Before(first.per.From()) {
		first, second = second, first
	}
	if first.per.Open {
		return false
	}
	end, start := first.per.Until(r.now), second.per.From()
	w := Window{From: monthOf(end.Year(), int(end.Month())), To: monthOf(start.Year(), int(start.Month())) - 1}
	if w.To < w.From {
		o.in = iWork
		o.say("%s went straight from %s to %s%s.", x.Who(), first.roleAt()+first.span(), second.roleAt(), second.span())
		o.citeItem(first)
		o.citeItem(second)
		return true
	}
	x.topic(o, iWork, q, &w, r.now)
	return true
}

// servedAs names the one serving the time a word names: "his
// apprenticeship" is the job titled Apprentice.
var servedAs = map[string]string{"apprenticeship": "apprentice", "traineeship": "trainee", "internship": "intern"}

// roleOrEmployer is roleNamed, else the employer the words name: its
// first role when it comes second in "between X and Y", its last when
// first.
func (x *Index) roleOrEmployer(ts []string, earliest bool) *item {
	if it := x.roleNamed(ts); it != nil {
		return it
	}
	var words []string
	for _, t := range ts {
		if len(t) >= 3 && !searchStop[t] && !commonWords[t] {
			words = append(words, t)
		}
	}
	if len(words) == 0 {
		return nil
	}
	var found *item
	for _, it := range x.sorted(secWork) { // most recent first
		if !it.dated || it.title == "" {
			continue
		}
		name := tokens(it.title)
		all := true
		for _, w := range words {
			all = all && slices.Contains(name, w)
		}
		switch {
		case !all:
		case found == nil:
			found = it
		case found.norm != it.norm:
			return nil // two employers share the words
		case earliest:
			found = it
		}
	}
	return found
}

// roleNamed returns the one work entry whose title the words name
// ("analyst", "engagement manager"); nil when none or several do.
func (x *Index) roleNamed(ts []string) *item {
	var words []string
	for _, t := range ts {
		if t != "a" && t != "an" && t != "the" && t != "her" && t != "his" && t != "their" && t != "@p" && t != "role" && t != "job" {
			if r := servedAs[t]; r != "" {
				t = r
			}
			words = append(words, t)
		}
	}
	if len(words) == 0 || len(words) > 3 {
		return nil
	}
	m := newRoleMatcher(words)
	var found, exact *item
	n, nExact := 0, 0
	for _, it := range x.sorted(secWork) {
		if !it.dated || it.role == "" || !m.matchesToks(it.roleTokens()) {
			continue
		}
		found, n = it, n+1
		if joinTokens(tokens(it.role)) == joinTokens(words) {
			exact, nExact = it, nExact+1 // "consultant" is the Consultant, not the Senior Consultant
		}
	}
	switch {
	case n == 1:
		return found
	case nExact == 1:
		return exact
	}
	return nil
}
