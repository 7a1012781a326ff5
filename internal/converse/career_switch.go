package converse

import "strings"

// "When did she switch from teaching to data", "when did he change
// careers": a career changer's résumé seldom tells the moment in a
// sentence (switchWhen quotes one when it does), but the dates of the last
// job of the old field and the first of the new one do.

// careerNouns make "when did she change careers" a question about the
// switch itself, with no field named.
var careerNouns = wordSetOf(`career careers field fields profession professions`)

// switchTo are the words that open the new field: "from sales to/into".
var switchTo = setOf(`to into towards toward`)

// fieldAliases name, for a field said as a subject ("law", "data"), the
// words its jobs' titles use; the rest comes from roleFamilies.
var fieldAliases = map[string]string{
	"law": "lawyer", "legal": "lawyer", "medicine": "doctor", "education": "teacher",
	"tech": "engineer", "software": "engineer", "data": "data analytics",
	"analytics": "analytics data", "management": "manager", "academia": "researcher",
	"accounting": "accountant", "journalism": "writer", "writing": "writer", "recruiting": "recruiter",
}

// weakMembers are family members that come from a phrase ("business
// development", "account executive"): alone in a title they do not place
// it in the family ("Software Developer" is no sales job), two of them do.
var weakMembers = map[string]map[string]bool{
	stem("sales"):       stemSet(`business development account executive representative`),
	stem("salesperson"): stemSet(`account executive representative`),
	stem("recruiter"):   stemSet(`talent acquisition`),
	stem("support"):     stemSet(`customer success service`),
}

// statusFamilies say rank or way of working, not a line of work: "Senior
// Data Engineer" and "Data Engineer" are one field.
var statusFamilies = stemSet(`senior lead leader boss freelancer contractor intern student pro professional founder`)

// rankFamilies are, besides statusFamilies, the families a promotion
// reaches: "Site Engineer" to "Project Manager" is no change of career.
var rankFamilies = stemSet(`manager`)

// sideTitleWords mark a post held beside a career, not a new one:
// "Adjunct Instructor", "Guest Lecturer (part-time)".
var sideTitleWords = setOf(`part adjunct visiting guest relief casual evening honorary volunteer`)

func stemSet(s string) map[string]bool {
	m := map[string]bool{}
	for k := range setOf(s) {
		m[stem(k)] = true
	}
	return m
}

// fieldSet is the stems a field's job titles use, strong and weak.
type fieldSet struct{ strong, weak map[string]bool }

// fieldOf widens field words ("teaching") to the title words of that
// line of work (teacher, lecturer, tutor...). Empty when no word is left.
func fieldOf(words []string) fieldSet {
	f := fieldSet{strong: map[string]bool{}, weak: map[string]bool{}}
	add := func(w string) {
		s := stem(w)
		f.strong[s] = true
		for k, fam := range roleFamilies {
			if k != s && !fam[s] || statusFamilies[k] {
				continue
			}
			for m := range fam {
				if weakMembers[k][m] {
					f.weak[m] = true
				} else {
					f.strong[m] = true
				}
			}
		}
	}
	for _, w := range words {
		if careerNouns.has(w) || w == "work" || w == "working" {
			continue
		}
		add(w)
		for _, a := range fieldsOfAlias(w) {
			add(a)
		}
	}
	return f
}

func fieldsOfAlias(w string) []string {
	if a, ok := fieldAliases[w]; ok {
		return tokens(a)
	}
	return nil
}

// holds reports whether a job title is of the field: one strong word, or
// two weak ones ("Account Executive").
func (f fieldSet) holds(title string) bool {
	weak := 0
	for _, t := range titleCore(title) {
		s := stem(t)
		if f.strong[s] || f.prefixOf(s) {
			return true
		}
		if f.weak[s] {
			weak++
		}
	}
	return weak >= 2
}

// familiesOf are the roleFamilies a title belongs to, rank and way of
// working left out.
func familiesOf(title string) map[string]bool {
	out := map[string]bool{}
	core := titleCore(title)
	for k, fam := range roleFamilies {
		if statusFamilies[k] || rankFamilies[k] {
			continue
		}
		weak := 0
		for _, t := range core {
			s := stem(t)
			if fam[s] && !weakMembers[k][s] {
				out[k] = true
				break
			}
			if fam[s] {
				weak++
			}
		}
		if weak >= 2 {
			out[k] = true
		}
	}
	return out
}

// genericTitleWords say rank or time, not the work.
var genericTitleWords = setOf(`senior junior lead head chief principal staff associate assistant deputy of and the for at in a an i ii iii iv intern trainee part time full contract freelance acting interim`)

// sameField reports two titles in one line of work: families sharing a
// member, or,
// when either has none, a shared word of substance.
func sameField(a, b string) bool {
	fa, fb := familiesOf(a), familiesOf(b)
	for k := range fa {
		for l := range fb {
			if k == l || shareMember(k, l) {
				return true // "Audit Manager" and "VP Finance": accounting is in both
			}
		}
	}
	if len(fa) > 0 && len(fb) > 0 {
		// "Data Scientist" and "Machine Learning Engineer": families
		// apart, one line of work
		return shareCluster(a, b)
	}
	for _, t := range titleCore(a) {
		if genericTitleWords[t] || len(t) < 2 {
			continue
		}
		for _, u := range titleCore(b) {
			if stem(t) == stem(u) {
				return true
			}
		}
	}
	return false
}

// fieldClusters are subjects whose titles name different trades of one
// line of work: a data scientist who becomes a machine-learning engineer
// has not changed careers.
var fieldClusters = []map[string]bool{
	stemSet(`data machine learning ml ai analytics statistician statistics quantitative bi`),
	stemSet(`software backend frontend fullstack web platform devops sre reliability infrastructure cloud mobile ios android`),
}

// shareCluster reports two titles with words of one field cluster.
func shareCluster(a, b string) bool {
	for _, c := range fieldClusters {
		if anyStemIn(titleCore(a), c) && anyStemIn(titleCore(b), c) {
			return true
		}
	}
	return false
}

func anyStemIn(ts []string, set map[string]bool) bool {
	for _, t := range ts {
		if set[stem(t)] {
			return true
		}
	}
	return false
}

// switchQuestion reads the fields of "when did she switch from X to Y" or
// "... move into Y"; career is set for "when did he change careers".
func switchQuestion(ts []string) (from, to []string, career bool) {
	if !switchVerbs.anyIn(ts) {
		return nil, nil, false
	}
	if at(ts, 0) != "when" && !(at(ts, 0) == "what" && at(ts, 1) == "year") {
		// "has she changed careers", "did he ever switch careers"
		if (at(ts, 0) == "has" || at(ts, 0) == "did") && at(ts, 1) == "@p" && careerNouns.anyIn(ts) {
			return nil, nil, true
		}
		return nil, nil, false
	}
	fi, ti := -1, -1
	for i, t := range ts {
		if t == "from" && fi < 0 {
			fi = i
		} else if switchTo[t] && ti < 0 && i > fi {
			ti = i
		}
	}
	if fi >= 0 {
		end := len(ts)
		if ti > fi {
			end = ti
		}
		from = switchFieldWords(ts[fi+1 : end])
	}
	if ti >= 0 {
		to = switchFieldWords(ts[ti+1:])
	}
	career = careerNouns.anyIn(ts)
	return from, to, career
}

// careerSwitch answers "when did she switch from teaching to data" and
// "when did he change careers" from the jobs' titles and dates.
func (r *resolver) careerSwitch() bool {
	x, o, q := r.x, r.o, r.q
	fromW, toW, career := switchQuestion(q.ts)
	if len(fromW) == 0 && len(toW) == 0 && !career {
		return false
	}
	jobs := x.datedJobsOldestFirst()
	var old, next *item
	if len(fromW) == 0 && len(toW) == 0 {
		old, next = x.lastFieldChange(jobs)
	} else {
		old, next = fieldChange(jobs, fieldOf(fromW), fieldOf(toW), len(fromW) > 0, len(toW) > 0)
	}
	if old == nil || next == nil {
		if len(fromW) == 0 && len(toW) == 0 {
			return x.noFieldChange(o, jobs)
		}
		return false
	}
	o.in = iWhen
	if len(fromW) > 0 {
		o.say("%s left %s in %s (%s) and started as %s in %s.", x.Who(), strings.Join(fromW, " "), fmtDate(old.per.End), old.roleAt(), next.roleAt(), fmtDate(next.per.Start))
	} else if len(toW) > 0 {
		// "when did she move into management": the asked field, not a claim of a new career
		o.say("%s moved into %s in %s, as %s; the job before was %s, until %s.", x.Who(), strings.Join(toW, " "), fmtDate(next.per.Start), next.roleAt(), old.roleAt(), fmtDate(old.per.End))
	} else {
		o.say("%s changed careers in %d: %s until %s, then %s from %s.", x.Who(), next.per.Start.Year, old.roleAt(), fmtDate(old.per.End), next.roleAt(), fmtDate(next.per.Start))
	}
	o.citeItem(old)
	o.citeItem(next)
	if tr := x.trainingAround(old, next); len(tr) > 0 {
		parts := make([]string, len(tr))
		for i, it := range tr {
			parts[i] = it.roleAt() + " (" + it.when() + ")"
			o.citeItem(it)
		}
		o.say("Training dated around the change: %s.", list(parts))
	}
	o.focusOn(next)
	return true
}

// noFieldChange answers "when did he change careers" when the titles
// show no change of field: a move into management, which some call a
// new career, said for what it is; or one line of work throughout.
func (x *Index) noFieldChange(o *out, jobs []*item) bool {
	var main []*item
	for _, it := range jobs {
		if !hasAnyTokenIn(tokens(it.role), sideTitleWords) && !x.duringStudy(it) {
			main = append(main, it)
		}
	}
	if len(main) < 2 {
		return false
	}
	var old, next *item
	for i := 1; i < len(main); i++ {
		if managesTitle(main[i].role) && !managesTitle(main[i-1].role) && sameField(main[i-1].role, main[i].role) {
			old, next = main[i-1], main[i]
		}
	}
	o.in = iWhen
	if next != nil {
		o.say("The job titles show no change of field, but %s moved into management in %s, as %s; the job before was %s, until %s.", x.who(), fmtDate(next.per.Start), next.roleAt(), old.roleAt(), fmtDate(old.per.End))
		o.citeItem(old)
		o.citeItem(next)
		o.focusOn(next)
		return true
	}
	last := main[len(main)-1]
	for _, it := range main {
		if !sameField(it.role, last.role) {
			return false // fields the engine cannot place: say nothing of a change
		}
	}
	o.say("The job titles show no change of career: %s has worked in one line of work throughout, from %s (%s) to %s (%s).", x.who(), main[0].roleAt(), fmtDate(main[0].per.Start), last.roleAt(), strings.TrimPrefix(last.when(), "in "))
	o.citeItem(main[0])
	o.citeItem(last)
	o.focusOn(last)
	return true
}

// managesTitle reports a title of management: a manager, head or
// director, not a team's lead.
func managesTitle(title string) bool {
	for _, t := range titleCore(title) {
		switch stem(t) {
		case stem("manager"), stem("management"), "head", stem("director"), "chief", "vp", "cto", "ceo", "cfo", "coo", stem("president"), stem("supervisor"):
			return true
		}
	}
	return false
}

// datedJobsOldestFirst are the jobs with dates, the oldest start first.
func (x *Index) datedJobsOldestFirst() []*item {
	var out []*item
	for i := len(x.jobs) - 1; i >= 0; i-- { // x.jobs is newest first
		if it := x.jobs[i]; it.dated && it.role != "" && !it.noEnd {
			out = append(out, it)
		}
	}
	for i := 1; i < len(out); i++ { // keep it stable when starts tie
		for j := i; j > 0 && out[j].per.From().Before(out[j-1].per.From()); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// fieldChange finds the last ended job of the old field and the first
// job of the new one after it. With only the new field named, the old job
// is the one that ended last before the first job of the new field; with
// only the old field, the new job is the first of another field after it.
func fieldChange(jobs []*item, was, now fieldSet, hasWas, hasNow bool) (old, next *item) {
	inNow := func(it *item) bool { return hasNow && now.holds(it.role) && !(hasWas && was.holds(it.role)) }
	if hasWas {
		for _, it := range jobs {
			if was.holds(it.role) && !it.per.Open && (old == nil || it.per.End.End().After(old.per.End.End())) {
				old = it
			}
		}
		if old == nil {
			return nil, nil
		}
		for _, it := range jobs {
			if it == old || !it.per.From().After(old.per.From()) || was.holds(it.role) {
				continue
			}
			if !hasNow || inNow(it) {
				return old, it
			}
		}
		return nil, nil
	}
	for _, it := range jobs {
		if inNow(it) {
			next = it
			break
		}
	}
	if next == nil {
		return nil, nil
	}
	for _, it := range jobs {
		if it != next && !it.per.Open && !inNow(it) && !it.per.From().After(next.per.From()) && (old == nil || it.per.End.End().After(old.per.End.End())) {
			old = it
		}
	}
	return old, next
}

// lastFieldChange is the latest point where a career of two years or
// more gives way to a job of another field never held before. Alternating
// seasonal trades, promotions at one employer, student jobs and side posts
// (adjunct, part-time) are no change of career. Two titles of known
// families that share none differ in field; titles the families do not
// know must share no word and have training dated around the change.
func (x *Index) lastFieldChange(jobs []*item) (old, next *item) {
	for i := 1; i < len(jobs); i++ {
		n := jobs[i]
		if hasAnyTokenIn(tokens(n.role), sideTitleWords) {
			continue
		}
		var prev *item // the job ending last before n began
		for _, p := range jobs[:i] {
			if !p.per.Open && !p.per.End.Start().After(n.per.From().AddDate(0, 3, 0)) && (prev == nil || p.per.End.End().After(prev.per.End.End())) {
				prev = p
			}
		}
		if prev == nil || prev.title == n.title || sameField(prev.role, n.role) || x.duringStudy(prev) {
			continue
		}
		if len(familiesOf(prev.role)) == 0 || len(familiesOf(n.role)) == 0 {
			if len(x.trainingAround(prev, n)) == 0 {
				continue
			}
		}
		seen, tenure := false, 0
		for _, p := range jobs[:i] {
			seen = seen || sameField(p.role, n.role)
			if sameField(p.role, prev.role) {
				tenure += p.per.Months(p.per.Until(n.per.From()))
			}
		}
		for _, p := range jobs {
			// the old field going on, or taken up again, is no change
			seen = seen || p != prev && p != n && sameField(p.role, prev.role) && (p.per.Open || p.per.End.End().After(n.per.From()))
		}
		for _, p := range jobs[i+1:] {
			// a third trade taken up after it, not alongside: seasonal work
			seen = seen || !sameField(p.role, n.role) && !fieldRunning(jobs, n, p)
		}
		if !seen && tenure >= 24 {
			old, next = prev, n
		}
	}
	return old, next
}

// duringStudy reports a job held wholly within a course of study: a
// teaching assistant's post is no career left behind.
func (x *Index) duringStudy(it *item) bool {
	for _, e := range x.sorted(secEducation) {
		if e.dated && !e.per.From().After(it.per.From()) && (e.per.Open || !e.per.End.End().Before(it.per.End.End())) {
			return true
		}
	}
	return false
}

// trainingAround are the studies begun while the old job ran or in the gap
// (within two years of the new job): the course taken to change.
func (x *Index) trainingAround(old, next *item) []*item {
	from := next.per.From().AddDate(-2, 0, 0)
	if f := old.per.From(); f.After(from) {
		from = f
	}
	var out []*item
	for _, it := range x.sorted(secEducation) {
		if !it.dated {
			continue
		}
		s := it.per.From()
		if !s.Before(from) && !s.After(next.per.From()) {
			out = append(out, it)
		}
	}
	return out
}

// fieldRunning reports a job of n's field going on when p began: p is a
// side post, not a move away.
func fieldRunning(jobs []*item, n, p *item) bool {
	for _, j := range jobs {
		if j != p && sameField(j.role, n.role) && !j.per.From().After(p.per.From()) && (j.per.Open || j.per.End.End().After(p.per.From())) {
			return true
		}
	}
	return false
}

// shareMember reports two families holding one word, phrase words aside:
// the "development" of sales' "business development" is no developer.
func shareMember(k, l string) bool {
	for m := range roleFamilies[k] {
		if roleFamilies[l][m] && !weakMembers[k][m] && !weakMembers[l][m] {
			return true
		}
	}
	return false
}

// prefixOf reports a strong word of four letters or more that begins s:
// "control" of "controll" (Controller), as stems cut them.
func (f fieldSet) prefixOf(s string) bool {
	for w := range f.strong {
		if len(w) >= 4 && len(s) > len(w) && s[:len(w)] == w {
			return true
		}
	}
	return false
}
