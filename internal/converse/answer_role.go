package converse

import (
	"slices"
	"strings"
	"time"
)

// leadershipPhrases ask about managing or leading people without naming a
// role ("did he ever manage people"): they are answered as "is he a
// manager", from titles and the words of the entries.
var leadershipPhrases = []string{" manage people ", " managed people ", " managing people ", " manage a team ",
	" managed a team ", " managing a team ", " manage teams ", " managed teams ", " lead a team ", " led a team ",
	" leading a team ", " lead teams ", " led teams ", " leadership ", " people management ", " people manager ",
	" direct reports ", " manage anyone ", " managed anyone ", " managed others ", " supervise people ",
	" supervised people ", " management experience ", " managerial ", " run a team ", " ran a team ", " in charge of a team ",
	" lead people ", " led people "}

var leadershipSet = newPhraseSet(leadershipPhrases...)

// impliedRole finds the role a question asks about without "a/an X":
// leading people ("has she led a team"), seniority ("is he senior").
func impliedRole(joined string) []string {
	if asksICOrManager(joined) {
		return []string{"manager"}
	}
	if leadershipSet.in(joined) {
		return []string{"manager"}
	}
	if strings.Contains(joined, " @p still ") || strings.Contains(joined, " @p currently ") {
		// "is she still nursing"
		if r := firstWordRole(joined, gerundRoles, " still ", " currently "); r != "" {
			return []string{r}
		}
	}
	if strings.Contains(joined, " @p been ") && (strings.HasPrefix(joined, " how long ") || strings.HasPrefix(joined, " how many years ")) {
		// "how long has she been teaching": the time as a teacher, not
		// the time at the job the turn before was about
		if r := firstWordRole(joined, gerundRoles, " @p been "); r != "" {
			return []string{r}
		}
		if r := agentOfGerund(wordAfter(joined, " @p been ")); r != "" && !anaphAfterGerund(joined) {
			return []string{r} // "how long has he been driving (trucks)": as a driver
		}
	}
	if strings.HasPrefix(joined, " did @p ") || strings.HasPrefix(joined, " has @p ") || strings.HasPrefix(joined, " have @p ") {
		// "did he ever teach", "has she taught": yes or no on the role;
		// "does she teach" and "what did he teach" read the entries' words
		if r := firstWordRole(joined, verbRoles, " @p ", " @p ever "); r != "" {
			return []string{r}
		}
	}
	// Each phrase below holds its guard's word: one search rules most questions out.
	if strings.Contains(joined, " freelance ") && (strings.Contains(joined, " @p freelance ") || strings.Contains(joined, " @p do freelance ") || strings.Contains(joined, " @p take freelance ")) {
		return []string{"freelancer"} // "does she freelance"
	}
	if strings.Contains(joined, " senior ") {
		for _, p := range []string{" is @p senior ", " was @p senior ", " is @p still senior ", " is @p a senior person "} {
			if strings.Contains(joined, p) {
				return []string{"senior"}
			}
		}
	}
	return nil
}

// asksICOrManager reports a recruiter's "is she more of an IC or a
// manager", "individual contributor?": whether the person leads people,
// answered as "is she a manager" (titles, then the sentences on leading).
// "IC" alone could be a chip; it counts beside a word of managing.
func asksICOrManager(joined string) bool {
	if strings.Contains(joined, " individual contributor ") {
		return true
	}
	return strings.Contains(joined, " ic ") && (strings.Contains(joined, " manager ") || strings.Contains(joined, " manage ") ||
		strings.Contains(joined, " management ") || strings.Contains(joined, " lead ") || strings.Contains(joined, " leader "))
}

// roleAdverbs may sit between the person and "a": "is she still a nurse".
var roleAdverbs = setOf(`still currently ever also really actually now already been even working worked work employed always`)

// roleStop ends the role noun: "is he a manager at Lumen".
var roleStop = setOf(`at in for with of on from by and or to since before after who that which than anywhere somewhere anymore now today yet too again here there`)

// roleNoun finds "is/was @p (still) a/an X" or "(work|worked) as a/an X" in
// ts and returns the words of X (at most three), or nil.
// oldestDated returns the dated entry that began first, or nil.
func oldestDated(items []*item) *item {
	var first *item
	for _, it := range items {
		if it.dated && (first == nil || it.per.From().Before(first.per.From())) {
			first = it
		}
	}
	return first
}

// bareRanks are titles said without an article: "was he captain".
var bareRanks = setOf(`captain skipper`)

func roleNoun(ts []string) []string {
	switch at(ts, 0) {
	case "how":
		if at(ts, 1) != "long" && !(at(ts, 1) == "many" && (at(ts, 2) == "years" || at(ts, 2) == "months")) { // "how long / how many years was she a nurse" is about that role
			return nil
		}
	case "when":
		if !hasAnyToken(ts, "become", "became") {
			return nil
		} // "when did she become a CFO": the role, with its dates
	case "what", "which", "who", "whom", "where", "why", "whose":
		return nil // "what is she a fan of" asks something else
	}
	for i, t := range ts {
		var j int
		switch {
		case t == "@p" && i > 0 && (ts[i-1] == "is" || ts[i-1] == "was" || ts[i-1] == "are" || ts[i-1] == "were" || ts[i-1] == "been"):
			j = i + 1
			for j < len(ts) && roleAdverbs[ts[j]] && ts[j] != "as" {
				j++
			}
			if at(ts, j) == "as" {
				j++
			}
		case t == "been" && i > 1 && (ts[i-1] == "@p" || ts[i-2] == "@p"): // "has she (always) been a designer"
			j = i + 1
		case t == "as" && i > 0 && (ts[i-1] == "work" || ts[i-1] == "worked" || ts[i-1] == "working" || ts[i-1] == "employed"):
			j = i + 1
		case (t == "become" || t == "became") && i > 0:
			j = i + 1
		default:
			continue
		}
		if a := at(ts, j); a != "a" && a != "an" {
			if _, ok := titleAbbrevs[a]; ok || bareRanks[a] { // "was he ever CEO", "how long was he captain"
				return []string{a}
			}
			continue
		}
		var noun []string
		for _, w := range ts[j+1:] {
			if len(noun) == 0 && (judgement[w] || w == "a" || w == "an") {
				continue // "was he a good teacher": the profile can say whether he was a teacher
			}
			if roleStop[w] || w == "@p" || !isAlphaWord(strings.ReplaceAll(w, "-", "")) {
				break
			}
			noun = append(noun, w)
			if len(noun) == 3 {
				break
			}
		}
		if len(noun) > 0 && !likingNouns[noun[0]] {
			if full, ok := roleAbbrev[noun[len(noun)-1]]; ok { // "is she a PM"
				noun = append(noun[:len(noun)-1:len(noun)-1], full...)
			}
			return noun
		}
	}
	return nil
}

// currentJobSays reports whether it is a current job whose summary says
// the way of working asked ("Freelance studio."): "is she freelance" is
// answered by what she does now, not only by a past title.
func (x *Index) currentJobSays(it *item, m roleMatcher, now time.Time) bool {
	return it.sec == secWork && it.idx < len(x.r.Work) && it.current(now) && m.matches(x.r.Work[it.idx].Summary)
}

// gerundRoles read "is she still nursing" as "is she still a nurse".
var gerundRoles = []wordRole{{"nursing", "nurse"}, {"teaching", "teacher"}, {"consulting", "consultant"}, {"freelancing", "freelancer"},
	{"lecturing", "lecturer"}, {"tutoring", "tutor"}, {"researching", "researcher"}, {"designing", "designer"}, {"coaching", "coach"}, {"managing", "manager"},
	{"coding", "coder"}, {"programming", "programmer"}}

// verbRoles are verbs that ask whether the person held a role: "did he
// ever teach" is "was he ever a teacher".
var verbRoles = []wordRole{{"teach", "teacher"}, {"taught", "teacher"}, {"lecture", "lecturer"}, {"lectured", "lecturer"},
	{"tutor", "tutor"}, {"tutored", "tutor"}, {"nurse", "nurse"}, {"nursed", "nurse"}, {"coach", "coach"}, {"coached", "coach"}}

// roleAbbrev spells out the short titles visitors type.
var roleAbbrev = map[string][]string{"pm": {"product", "manager"}, "em": {"engineering", "manager"}, "swe": {"software", "engineer"},
	"sde": {"software", "engineer"}, "sre": {"site", "reliability", "engineer"}, "dev": {"developer"}, "devs": {"developer"},
	"vc": {"venture"}}

// modeRoles are ways of working a résumé may write in the employer's
// place ("Freelance", "Self-employed").
var modeRoles = setOf(`freelancer freelance contractor consultant independent`)

// likingNouns are no job: "is he a fan of jazz" asks about his interests.
var likingNouns = setOf(`fan fans lover enthusiast fanatic buff big huge fit match candidate hire choice`)

// roleCheck answers "is she a teacher", "was he a manager", "is she still a
// nurse": the jobs, headline, degrees and certificates that carry that
// role, whether it is current, and otherwise what the profile says instead.
// yesNo is false for "when did he become a captain", which wants the dates
// without a leading "Yes".
func (x *Index) roleCheck(o *out, noun []string, yesNo bool, now time.Time) {
	o.in = iRoleCheck
	m := newRoleMatcher(noun)
	asked := "a " + strings.Join(noun, " ")
	if strings.ContainsAny(noun[0][:1], "aeiou") {
		asked = "an " + strings.Join(noun, " ")
	}
	if _, ok := titleAbbrevs[noun[0]]; ok && len(noun) == 1 {
		asked = "a " + strings.ToUpper(noun[0]) // "a CEO"
	}
	asked = x.certAcronymsUp(asked, noun) // "a CFA charterholder"
	var cur, past []*item
	for _, sec := range []string{secWork, secVolunteer} {
		for _, it := range x.sorted(sec) {
			if (it.role == "" || !m.matchesToks(it.roleTokens())) && !(modeRoles[noun[len(noun)-1]] && (m.matchesToks(it.titleTokens()) || x.currentJobSays(it, m, now))) {
				continue // but "Freelance" as the employer answers "was she freelance", as does a current job's "Freelance studio."
			}
			if it.current(now) {
				cur = append(cur, it)
			} else {
				past = append(past, it)
			}
		}
	}
	cur, past = dropUnpaidKin(cur, past, noun)
	label := x.r.Basics.Label
	labelHit := label != "" && m.matches(label)
	var quals []*item
	deg := m
	deg.shipMaster = false // a "Master" degree is no captain's
	for _, sec := range []string{secEducation, secCertificates} {
		for _, it := range x.sorted(sec) {
			if sec == secEducation && deg.matchesToks(it.roleTokens()) || sec == secCertificates && m.matchesToks(it.roleTokens()) || sec == secCertificates && (m.matchesToks(it.titleTokens()) || compoundIn(it.title, noun) && m.modsIn(it.title)) {
				quals = append(quals, it)
			}
		}
	}
	// "Yes" only when the titles found carry the level asked as well:
	// "is he a senior developer" against the headline "Programmer" states
	// the headline and lets seniorityNote say that no title is senior.
	yes, start := "Yes: ", func(s string) string { return s }
	if !yesNo { // "when did he become a captain": the dates, no "Yes"
		yes, start = "", capital
	}
	if level := askedLevel(noun); yesNo && level != "" {
		titles := label
		for _, it := range cur {
			titles += " " + it.role
		}
		if !strings.Contains(strings.ToLower(titles), level) {
			yes, start = "", capital
		}
	}
	if first := oldestDated(append(slices.Clone(cur), past...)); !yesNo && first != nil && first.per.Start.Month != 0 {
		// "when did he become captain": the month the first such title began
		o.say("%s became %s in %s.", x.Who(), article(first.roleAt()), fmtDate(first.per.Start))
	}
	switch {
	case len(cur) > 0:
		o.say(yes+"%s is currently %s.", start(x.who()), rolesList(cur))
		if len(past) > 0 {
			o.say("Before that %s was %s.", x.who(), rolesList(past))
		}
	case len(past) > 0 && leadNouns[noun[len(noun)-1]] && x.leadsTeamNow(now):
		// "does she lead a team" with "leading a small team of 2" in her
		// current job: no title says so, which is not "not currently"
		o.say("No current title says so, but %s was %s.", x.who(), rolesList(past))
		x.nowInstead(o, now)
	case len(past) > 0 && labelHit && !formerIn(label):
		// the headline is how the person describes the work today
		// ("Développeuse back-end" over a current "Ingénieure logicielle
		// senior"): a yes from it, the past titles as the record
		o.say(yes+"%s profile headline is “%s”, and %s was %s.", start(x.whose()), label, x.who(), rolesList(past))
		o.cite(secBasics, 0, "label")
		x.nowInstead(o, now)
	case len(past) > 0:
		o.say("Not currently, but %s was %s.", x.who(), rolesList(past))
		x.nowInstead(o, now)
	case labelHit:
		o.say(yes+"%s profile headline is “%s”.", start(x.whose()), label)
		o.cite(secBasics, 0, "label")
		// "Two-time Olympian" in the headline: the summary's sentence
		// on it says when and where ("London 2012, Rio 2016").
		x.summarySays(o, strings.ToLower(noun[len(noun)-1]))
	}
	if len(quals) > 0 {
		parts := make([]string, 0, len(quals))
		var studying []string // a degree still under way is not held yet
		var towards []string  // nor a certificate its name says is in progress
		var gone []string     // nor one lapsed or past its end
		for _, it := range firstItems(quals, 3) {
			switch {
			case it.pending():
				towards = append(towards, "the certificate “"+it.title+"”")
			case it.gone(now):
				gone = append(gone, "the certificate “"+it.title+"”"+it.span())
			case it.sec == secCertificates:
				parts = append(parts, "the certificate “"+it.title+"”"+it.span())
			case it.sec == secEducation && !it.unfin && it.current(now):
				studying = append(studying, article(it.describe())+it.span())
			default:
				parts = append(parts, article(it.describe())+it.span())
			}
			o.citeItem(it)
		}
		if len(parts) > 0 {
			o.say("%s holds %s.", x.Who(), list(parts))
		}
		if len(gone) > 0 {
			o.say("%s held %s; it is no longer current.", x.Who(), list(gone))
		}
		if len(studying) > 0 {
			o.say("%s is studying for %s.", x.Who(), list(studying))
		}
		if len(towards) > 0 {
			o.say("%s is working towards %s; the profile does not list it as held yet.", x.Who(), list(towards))
		}
	}
	found := len(cur) > 0 || len(past) > 0 || labelHit || len(quals) > 0
	items := append(append([]*item{}, cur...), past...)
	if len(items) > 0 {
		for _, it := range items {
			o.citeItem(it)
		}
		o.focusOn(items...)
	} else if len(quals) > 0 {
		o.focusOn(firstItems(quals, 3)...) // "since when?" after "is she a CPA": the certificate
	}
	if found || x.awardAsTitle(o, m, yesNo) {
		return
	}
	// No title says it: what the job descriptions say may still answer it
	// ("Leads a team of 7 engineers" for "is he a manager").
	var quotes []string
	lastWhere := ""
	for i := range x.snippets {
		sn := &x.snippets[i]
		if sn.cite.Section != secWork && sn.cite.Section != secVolunteer && sn.cite.Section != secReferences && sn.cite.Section != secBasics || !m.matchesToks(sn.toks) {
			continue
		}
		q := "“" + strings.TrimRight(sn.text, ".") + "”"
		if sn.where != lastWhere {
			q = sn.where + ": " + q
		}
		lastWhere = sn.where
		quotes = append(quotes, q)
		o.cite(sn.cite.Section, sn.cite.Index, sn.cite.Field)
		if len(quotes) == 3 {
			break
		}
	}
	if len(quotes) > 0 {
		o.say("The profile doesn't list a job titled %s, but it mentions %s.", strings.Join(noun, " "), list(quotes))
		return
	}
	// "is he a cubs fan", "is she a runner": an interest, not a job.
	for i, in := range x.r.Interests {
		text := " " + strings.Join(tokens(in.Name+" "+strings.Join(in.Keywords, " ")), " ") + " "
		for _, w := range noun {
			st := stem(w)
			if strings.HasSuffix(w, "or") && len(w) > 5 {
				st = w[:len(w)-2] // "sailor" sails
			}
			if len(w) >= 3 && !fanWords[w] && (strings.Contains(text, " "+w+" ") || strings.Contains(text, " "+st)) {
				o.say("The profile lists %s among %s interests.", nonBlank(in.Name, w), x.whose())
				o.cite(secInterests, i, "")
				return
			}
		}
	}
	o.say("The profile doesn't describe %s as %s.", x.who(), asked)
	// "is she a black belt" with a Green Belt: a certificate (or award) whose name
	// has a word of the role (the head word first) says what she is
	// certified as.
	for j := len(noun) - 1; j >= 0; j-- {
		w := noun[j]
		if (len(w) < 4 && !x.certAcronym(w)) || commonWords[w] || genericNameWords[w] || fanWords[w] {
			continue // a short word only as a certificate's acronym: "CFA" of "CFA Level II"
		}
		for i, c := range x.r.Certificates {
			if hasAnyToken(tokens(c.Name), w) {
				issuer := ""
				if c.Issuer != "" {
					issuer = " from " + c.Issuer
				}
				o.say("It lists the certificate %s%s.", quoteName(c.Name, ""), issuer)
				o.cite(secCertificates, i, "")
				return
			}
		}
		// "is she a kaggle master" with a Kaggle Competitions Grandmaster:
		// an award whose title has the word.
		for i, a := range x.r.Awards {
			if hasAnyToken(tokens(a.Title), w) {
				by := ""
				if a.Awarder != "" {
					by = " from " + a.Awarder
				}
				o.say("It lists the award %s%s.", quoteName(a.Title, ""), by)
				o.cite(secAwards, i, "")
				return
			}
		}
	}
	x.nowInstead(o, now)
}

// fanWords name a liking, not the thing liked: "a cubs fan".
var fanWords = setOf(`fan fans lover enthusiast person guy girl player big huge real`)
