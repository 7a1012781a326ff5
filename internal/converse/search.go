package converse

import (
	"math/bits"
	"slices"
	"sort"
	"strings"
)

// snippet is one free-text sentence of the profile (a highlight, a
// summary) that a question can be matched against word by word.
type snippet struct {
	cite  Citation
	where string // "at Northwind Logistics", "in the project kubeprobe"
	text  string
	toks  []string
	// low is " " + strings.ToLower(text) + " ", made once when the
	// snippet is: the sentence tests read it on every turn.
	low string
	sum bool // hasSum(text): the money questions test every sentence
}

// newSnippet is the snippet of text, with its tokens and lowered form.
func newSnippet(c Citation, where, text string) snippet {
	return snippet{cite: c, where: where, text: text, toks: tokens(text), low: " " + strings.ToLower(text) + " ",
		sum: hasSum(text)}
}

// lower is strings.ToLower(sn.text).
func (sn *snippet) lower() string { return sn.low[1 : len(sn.low)-1] }

func (x *Index) compileSnippets() {
	add := func(c Citation, where string, texts ...string) {
		for _, t := range texts {
			if strings.IndexByte(t, '\n') >= 0 {
				// a text written as lines is searched, and quoted, line by line
				for _, l := range splitSentences(t) {
					x.snippets = append(x.snippets, newSnippet(c, where, l))
				}
				continue
			}
			if t = strings.TrimSpace(t); t != "" {
				x.snippets = append(x.snippets, newSnippet(c, where, t))
			}
		}
	}
	for i, w := range x.r.Work {
		add(Citation{Section: secWork, Index: i}, x.workWhere(i), append([]string{w.Summary}, w.Highlights...)...)
	}
	for i, p := range x.r.Projects {
		add(Citation{Section: secProjects, Index: i}, "in the project "+nonBlank(p.Name, "(unnamed)"), append([]string{p.Description}, p.Highlights...)...)
	}
	for i, v := range x.r.Volunteer {
		add(Citation{Section: secVolunteer, Index: i}, "while volunteering at "+nonBlank(v.Organization, "an organisation"), append([]string{v.Summary}, v.Highlights...)...)
	}
	for i, a := range x.r.Awards {
		add(Citation{Section: secAwards, Index: i}, "in the award "+nonBlank(a.Title, "(untitled)"), a.Summary)
	}
	for i, p := range x.r.Publications {
		add(Citation{Section: secPublications, Index: i}, "in the publication “"+nonBlank(p.Name, "(untitled)")+"”", p.Summary)
	}
	for i, e := range x.r.Education {
		add(Citation{Section: secEducation, Index: i, Field: "courses"}, "in the courses at "+nonBlank(e.Institution, "a school"), e.Courses...)
	}
	for i, r := range x.r.References {
		add(Citation{Section: secReferences, Index: i}, "in a reference from "+nonBlank(r.Name, "someone"), splitSentences(r.Reference)...)
	}
	// The summary last: an entry's own sentence is the better citation
	// when both match equally.
	add(Citation{Section: secBasics, Field: "summary"}, "in the summary", splitSentences(x.r.Basics.Summary)...)
}

// searchStop are the words a search ignores: function words and the verbs
// of asking. Narrower than commonWords, which also holds content words
// ("team", "mobile", "data") that are poor entity clues but good search
// terms.
var searchStop = setOf(`a about above after again against all also am an and any anything are
around as ask at be because been before being below between both but by can could did do does
doing done down during each else ever every few for from had has have having he her here hers
herself him himself his how i if in into is it its itself just me more most much my myself no nor
not now of off on once only or other our out over own same she should so some such than that the
their them then there these they this those through to too under until up very was we were what
when where which while who whom why will with would you your yours yourself tell give show list
name describe explain talk say said share please thanks thank any anything something things thing
stuff kind sort type lot lots bit people person someone anyone whats what's where's who's really well yes yeah okay ok sure
know knows done doing does has have had get got`)

// stem cuts common English endings so "leadership" finds "lead" and
// "managed" finds "manage": the first of "ership", "ship", "ments",
// "ment", "ings", "ing", "ers", "er", "ed", "es", "s", "e" that w ends
// with and that leaves three bytes or more. The endings are told apart by
// their last byte, so a word is tested against the one or few endings it
// can have instead of all twelve (stem runs on every word of a question
// and of many profile texts, several times a turn).
func stem(w string) string {
	n := len(w)
	if n < 4 {
		return w // every ending leaves three bytes or more
	}
	switch w[n-1] {
	case 'p':
		if cutEnding(w, "ership") {
			return w[:n-6]
		}
		if cutEnding(w, "ship") {
			return w[:n-4]
		}
	case 's':
		for _, suf := range [...]string{"ments", "ings", "ers", "es", "s"} {
			if cutEnding(w, suf) {
				return w[:n-len(suf)]
			}
		}
	case 't':
		if cutEnding(w, "ment") {
			return w[:n-4]
		}
	case 'g':
		if cutEnding(w, "ing") {
			return w[:n-3]
		}
	case 'r':
		if cutEnding(w, "er") {
			return w[:n-2]
		}
	case 'd':
		if cutEnding(w, "ed") {
			return w[:n-2]
		}
	case 'e':
		return w[:n-1] // n >= 4 leaves three
	}
	return w
}

// cutEnding reports whether stem may cut suf from w: w ends with it and
// keeps three bytes or more before it.
func cutEnding(w, suf string) bool {
	return len(w)-len(suf) >= 3 && w[len(w)-len(suf):] == suf
}

// search answers from the sentences that share the question's content
// words, when no intent or entity did. It reports whether it found any.
func (x *Index) search(o *out, q *query) bool { return x.searchCover(o, q) > 0 }

// noLonger adds, to "does she still work emergency shifts" answered by a
// sentence of a job that has ended, that it has: the sentence is in the
// present tense, the job is not.
func (x *Index) noLonger(o *out, q *query) {
	if len(o.focus) != 1 || o.sec != secWork && o.sec != secVolunteer || !hasAnyToken(q.ts, "still") || !yesNoQuestion(q.ts) {
		return
	}
	items := x.section(o.sec)
	if o.focus[0] >= len(items) {
		return
	}
	it := &items[o.focus[0]]
	if !it.dated || it.per.Open {
		return
	}
	o.say("Not any more: %s ended in %s (%s).", it.roleAt(), fmtDate(it.per.End), strings.TrimPrefix(it.when(), "in "))
}

// searchCover is search, reporting how many of the question's words the
// best sentence holds (0: nothing found, nothing said).
func (x *Index) searchCover(o *out, q *query) int { return x.searchWords(o, q, true) }

// searchLast is search for a question nothing else understood: a word
// that begins a cue phrase is kept when no cue fired, since "call" in "how
// does she handle on-call" is no request for a phone number. Elsewhere
// such words are left out: "first" in "who issued the first one" points
// at a list.
func (x *Index) searchLast(o *out, q *query) bool {
	cued := false
	for _, v := range q.scores {
		cued = cued || v > 0
	}
	return x.searchWords(o, q, cued) > 0
}

func (x *Index) searchWords(o *out, q *query, skipCues bool) int {
	var stems []string
	for i, t := range q.ts {
		if len(t) < 4 && searchAlts[t] == nil && titleAbbrevs[t] == "" || searchStop[t] || t == "@p" || skipCues && cueTable[t] != nil || offTopicTable[t] != nil {
			continue
		}
		if i > 0 && q.ts[i-1] == "age" && (t == "group" || t == "groups" || t == "range") {
			continue // "what age group": ages, not a group
		}
		stems = append(stems, stem(t))
	}
	n := x.searchStems(o, stems)
	if n > 0 {
		x.noLonger(o, q)
	}
	return n
}

// searchStems is searchCover for stems chosen by the caller.
func (x *Index) searchStems(o *out, stems []string) int {
	if len(stems) == 0 {
		return 0
	}
	type hit struct {
		s     *snippet
		score int
	}
	// A rare word says more than a common one: each stem is worth
	// 1000/(number of sentences it matches), so "hired people" prefers the
	// one sentence about hiring to the many that mention people.
	var (
		hitBuf  [16]hit
		maskBuf [16]uint64
		farBuf  [16]uint64
	)
	hits, masks, fars := hitBuf[:0], maskBuf[:0], farBuf[:0]
	if len(stems) > 64 {
		stems = stems[:64]
	}
	var df [64]int
	var alts [64][]string
	for k, st := range stems {
		alts[k] = searchAlts[st]
	}
	for i := range x.snippets {
		sn := &x.snippets[i]
		var mask, far uint64
		for k, st := range stems {
			alts := alts[k]
			farAt := -1 // a sentence that has the word itself or its first alternate is nearer the question than one with a looser one
		toks:
			for i, t := range sn.toks {
				if strings.HasPrefix(t, st) || (len(t) >= 3 && strings.HasPrefix(st, t) && len(st)-len(t) <= 1) ||
					len(st) >= 6 && len(t) >= 6 && t[0] == st[0] && within(t, st, 1) {
					mask |= 1 << k
					farAt = -1
					break
				}
				for a, alt := range alts {
					if strings.HasPrefix(t, alt) {
						mask |= 1 << k
						if a == 0 {
							farAt = -1
							break toks
						}
						if farAt < 0 {
							farAt = i
						}
						break
					}
				}
			}
			if mask&(1<<k) != 0 {
				df[k]++
				if farAt >= 0 {
					far |= 1 << k
				}
			}
		}
		if mask != 0 {
			hits = append(hits, hit{s: sn})
			masks = append(masks, mask)
			fars = append(fars, far)
		}
	}
	if len(hits) == 0 {
		return 0
	}
	// Coverage first (how many of the question's words a sentence has,
	// generic verbs counting half), rarity to order sentences that tie.
	for i := range hits {
		cover, rare := 0, 0
		for k, st := range stems {
			if masks[i]&(1<<k) != 0 {
				cover += 2
				if genericStems[st] {
					cover--
				}
				if fars[i]&(1<<k) != 0 {
					rare += 500 / df[k]
				} else {
					rare += 1000 / df[k]
				}
			}
		}
		hits[i].score = cover*100000 + rare
	}
	bestIdx := 0
	for i := range hits {
		if hits[i].score > hits[bestIdx].score {
			bestIdx = i
		}
	}
	sort.SliceStable(hits, func(a, b int) bool { return hits[a].score > hits[b].score })
	bestScore := hits[0].score / 100000
	isNear := func(h hit) bool {
		return o.near != nil && h.s.cite.Section == o.near.sec && h.s.cite.Index == o.near.idx || citesItem(h.s.cite, o.there)
	}
	onlyNear := false
	for _, h := range hits {
		if h.score/100000 == bestScore && isNear(h) {
			onlyNear = true
			break
		}
	}
	o.in = iSearch
	n := 0
	// The best hit's entry is what "it" means next, not the last one
	// quoted; entries of its section whose sentences match the question
	// exactly as well (the same words: "were any of them acquired") were
	// named alike: they are the reply's list, which a bare follow-up reads
	// ("by whom?": both buyers; see searchTies).
	var quoted [3]*item
	nq := 0
	for _, h := range hits {
		if h.score/100000 < bestScore || n == 3 || onlyNear && !isNear(h) {
			continue
		}
		n++
		o.mentions(h.s)
		if sec := h.s.cite.Section; sectionNoun(sec) != "" {
			items := x.section(sec)
			if i := h.s.cite.Index; i < len(items) && (nq == 0 || h.score == hits[0].score) && !slices.Contains(quoted[:nq], &items[i]) {
				quoted[nq] = &items[i]
				nq++
			}
		}
	}
	if nq > 0 {
		o.focusOn(quoted[0])
	}
	if nq > 1 {
		o.list = make([]int, 0, nq)
		for _, it := range quoted[:nq] {
			if it.sec == quoted[0].sec {
				o.list = append(o.list, it.idx)
			}
		}
		if len(o.list) < 2 {
			o.list = nil
		}
	}
	return bits.OnesCount64(masks[bestIdx])
}

// genericStems are résumé verbs that say little about the topic: "game
// development" is about games.
var genericStems = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`develop development developed developing build building create created
	creating make making work working deliver delivered improve improved support supported help helped provide
	implement implemented manage managed handle handled own owned run running experience`) {
		m[stem(w)] = true
	}
	return m
}()

// countedNouns are what "how many" asks of a section, which countSection
// answers by counting entries; any other noun ("how many contracts") is
// counted in the text itself.
var countedNouns = setOf(`years year months month jobs job roles role positions projects project languages companies company
employers employer certificates certifications certs awards papers publications talks degrees schools times people`)

// countSearch answers "how many contracts has she negotiated" from the
// sentences that put a number next to the noun asked about. It reports
// whether it found one.
func (x *Index) countSearch(o *out, q *query, near func() *item, focus func() []*item) bool {
	if at(q.ts, 0) != "how" || at(q.ts, 1) != "many" {
		return false
	}
	noun := at(q.ts, 2)
	if len(noun) < 4 || countedNouns[noun] || cueTable[noun] != nil || asksTeamSize(q) {
		return false
	}
	st := stem(noun)
	alts := searchAlts[st] // "how many warehouses": "four distribution centres"
	var picked []*snippet
	for i := range x.snippets {
		sn := &x.snippets[i]
		lastNum := -10 // "over 300 enterprise customer contracts": a number shortly before the noun
		for j, t := range sn.toks {
			if isCount(t) {
				lastNum = j
			} else if (strings.HasPrefix(t, st) || hasPrefixAny(t, alts)) && j-lastNum <= 4 {
				picked = append(picked, sn)
				break
			}
		}
	}
	// "how many exhibitions": the projects of that kind, not a sentence's
	// "two major exhibitions"; but "how many bridges did it have" counts in
	// the project in focus when a sentence of its own gives the number
	if !(hasAnyToken(q.ts, "it", "its") && len(picked) > 0 && nearHolds(picked, near())) && x.kindCount(o, noun) {
		return true
	}
	if len(picked) == 0 {
		return false
	}
	if len(picked) > 1 && hasAnyToken(q.ts, "it", "its") {
		picked = keepNear(picked, near()) // "how many stars does it have": the project in focus, not another's
	} else if len(picked) > 1 && hasAnyToken(q.ts, "there", "that", "then") {
		picked = keepFocused(picked, focus()) // "how many associates there": the jobs just named
	}
	// "how many visitors did Paper Cities get": the entry named, not
	// another's count of the same noun; and that entry is then "it".
	var named *item
	if ents := entsNamed(q.ents, st); q.byName && len(ents) <= 2 {
		// the entries named besides the noun counted: "how many miles"
		// names no "Million-Mile Award"; and a word that names many ("has
		// he driven": every driving job) names none of them
		for _, e := range ents {
			if kept := keepNear(picked, e); len(kept) < len(picked) || len(picked) == 1 && kept[0].cite.Section == e.sec && kept[0].cite.Index == e.idx {
				if named != nil {
					named = nil // two entries named: keep them all
					break
				}
				named, picked = e, kept
			}
		}
	}
	// "how many hours has he flown": a stated total ("11,400 total flight
	// hours") answers it before a part of it ("3,100 hours on type").
	sortByCount(picked, st, alts, near())
	o.in = iSearch
	for i, sn := range picked {
		if i == 2 {
			break
		}
		o.mentions(sn)
	}
	if named != nil {
		o.focusOn(named)
	} else if it := x.snippetItem(picked[0]); it != nil {
		o.focusOn(it) // as for search: the first sentence's entry is what "they" or "it" means next
	}
	return true
}

// keepNear keeps the sentences of near, the one entry a question's "it"
// stands for, when some are among picked; all of picked otherwise.
func keepNear(picked []*snippet, near *item) []*snippet {
	if near == nil {
		return picked
	}
	var kept []*snippet
	for _, sn := range picked {
		if sn.cite.Section == near.sec && sn.cite.Index == near.idx {
			kept = append(kept, sn)
		}
	}
	if len(kept) == 0 {
		return picked
	}
	return kept
}

// countRank orders the sentences a count question found: one that says it
// gives a total first. Rates ("12 nurses per shift", "180 students a
// year") and the summary keep their place: which of those answers depends
// on the verb, and the public set has both kinds.
func countRank(sn *snippet) int {
	for _, t := range sn.toks { // not "in all": "in all four distribution centres" is no total
		if t == "total" || t == "overall" || t == "altogether" || t == "lifetime" {
			return 0
		}
	}
	return 1
}

// mentions quotes one sentence of the profile, where it stands, and cites it.
func (o *out) mentions(sn *snippet) {
	o.say("The profile mentions, %s: “%s”.", sn.where, strings.TrimRight(sn.text, "."))
	o.cite(sn.cite.Section, sn.cite.Index, sn.cite.Field)
}

// nameHoldsOneWord reports whether the one entry a question named shares
// a single content word with it, so that a sentence holding two of them
// says more: "how big is the voucher pilot" named the paper "Housing
// Vouchers and ..." by "voucher", and a job's highlight holds "voucher
// pilot".
func (x *Index) nameHoldsOneWord(it *item, q *query) bool {
	if it.sec != secPublications && it.sec != secAwards && it.sec != secCertificates {
		return false
	}
	name := map[string]bool{}
	for _, t := range tokens(it.title) {
		name[stem(t)] = true
	}
	n, content := 0, 0
	for _, t := range q.ts {
		if len(t) < 4 || searchStop[t] || t == "@p" || cueTable[t] != nil || offTopicTable[t] != nil {
			continue
		}
		content++
		if name[stem(t)] {
			n++
		}
	}
	return n == 1 && content >= 2
}
