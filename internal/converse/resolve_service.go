package converse

import (
	"strings"
	"time"
)

// Steps for questions a plain reading of the sections misses: military
// service, and a word the profile has only inside a sentence.

// militaryWords in an employer's name mark military service.
// "Marine" alone is no service: marine biology, a marine engineer, the
// Nova Scotia Marine Institute; "the Marines" and "Marine Corps" are.
var militaryWords = setOf(`army navy marines military armed forces guard airforce bundeswehr`)

// isMilitary reports whether a job or volunteer role was with the armed
// forces: "U.S. Army", "Royal Navy", "Texas Army National Guard".
func isMilitary(it *item) bool {
	for _, t := range tokens(it.title) {
		if militaryWords[t] && t != "guard" && t != "armed" && t != "forces" {
			return true
		}
	}
	return strings.Contains(it.norm, " air force ") || strings.Contains(it.norm, " armed forces ") || strings.Contains(it.norm, " marine corps ") ||
		strings.Contains(it.norm, " national guard ") || strings.Contains(it.norm, " coast guard ")
}

// branches are the armed forces a question may name, as " phrase ".
var branches = []string{" air force ", " armed forces ", " army ", " navy ", " marines ", " marine corps ", " coast guard ", " national guard ", " military "}

// namesBranch reports whether a question's joined tokens name the armed
// forces or one of their branches.
func namesBranch(joined string) bool {
	return branchSet.in(joined)
}

var branchSet = newPhraseSet(branches...)

// entryNamesBranch reports whether any entry's name holds a branch of the
// armed forces, whatever its section ("Army Cadets" as volunteering).
func (x *Index) entryNamesBranch() bool {
	for _, sec := range []string{secWork, secVolunteer, secEducation, secAwards, secCertificates, secProjects} {
		for _, it := range x.sorted(sec) {
			if namesBranch(it.norm) {
				return true
			}
		}
	}
	return false
}

// militaryService answers "was he in the military", "what rank was he" and
// "his first civilian job" on a profile whose jobs include the armed forces.
func (r *resolver) militaryService() bool {
	x, o, q := r.x, r.o, r.q
	civilian := hasAnyToken(q.ts, "civilian")
	served := r.mod == iDuration && hasAnyToken(q.ts, "serve", "served", "serving", "service", "military")
	branch := q.hasAnyOf(branchSet)
	asked := civilian || served || branch || hasAnyToken(q.ts, "military", "veteran", "rank", "ranks")
	if !asked || q.hasWin || len(q.techs) > 0 || q.off > 0 {
		return false
	}
	var mil, civ []*item
	for _, it := range x.sorted(secWork) {
		if isMilitary(it) {
			mil = append(mil, it)
		} else {
			civ = append(civ, it)
		}
	}
	if len(mil) == 0 {
		// "was he ever in the air force" of an airline pilot: no service,
		// not "Horizon Air" and "Civil Air Patrol", which share a word;
		// an entry holding the whole phrase is left to the later steps
		if !branch || civilian || !yesNoQuestion(q.ts) || x.entryNamesBranch() {
			return false
		}
		o.in = iWork
		o.say("The profile doesn't list any military service for %s.", x.Who())
		return true
	}
	if civilian {
		if len(civ) == 0 {
			o.in = iWork
			o.say("Every job in the profile is military: %s.", rolesList(mil))
			o.focusOn(mil...)
			return true
		}
		if r.mod == iFirst {
			pick := oldest(civ)
			o.in = iFirst
			o.say("%s first civilian job in the profile is %s%s.", capital(x.whose()), pick.describe(), commaWhen(pick))
			o.citeItem(pick)
			o.focusOn(pick)
			return true
		}
		o.in = iWork
		o.say("%s civilian jobs: %s.", capital(x.whose()), allRoles(civ))
		for _, it := range civ {
			o.citeItem(it)
		}
		o.focusOn(civ...)
		return true
	}
	if served { // "how long did he serve": the military jobs, overlaps counted once
		var dated []*item
		for _, it := range mil {
			if it.dated {
				dated = append(dated, it)
			}
		}
		if x.serviceLength(o, dated, r.now) {
			return true
		}
	}
	// "was he in the military", "what rank was he": the military roles,
	// whose titles carry the ranks
	o.in = iWork
	switch at(q.ts, 0) {
	case "was", "is", "were", "has", "have", "had", "did", "does":
		o.say("Yes.") // "was he in the military": a yes/no question
	}
	o.say("%s military service in the profile: %s.", capital(x.whose()), allRoles(mil))
	for _, it := range mil {
		o.citeItem(it)
	}
	o.focusOn(mil...)
	return true
}

// serviceLength answers "how long did he serve" from the dated military
// jobs: active duty and part-time service (reserve, National Guard) are
// counted apart, since a weekend a month for years is no years of service
// in the usual sense. False when there are none.
func (x *Index) serviceLength(o *out, jobs []*item, now time.Time) bool {
	var active, part []*item
	for _, it := range jobs {
		if x.partTimeService(it) {
			part = append(part, it)
		} else {
			active = append(active, it)
		}
	}
	if len(active) == 0 || len(part) == 0 {
		return x.tenureOfJobs(o, jobs, "served", now)
	}
	x.tenureOfJobs(o, active, "served", now)
	var c coverage
	for i := len(part) - 1; i >= 0; i-- {
		c.add(part[i].per.From(), part[i].per.Until(now))
		o.citeItem(part[i])
	}
	o.say("That is active duty; besides it, part-time service (reserve or National Guard) for %s: %s.", roughly(c.total), rolesList(part))
	o.focusOn(jobs...)
	return true
}

// partTimeService reports a military job held part-time: in the reserve
// or the National Guard, or one that says it is part-time.
func (x *Index) partTimeService(it *item) bool {
	if strings.Contains(it.norm, " national guard ") || strings.Contains(it.norm, " reserve ") || strings.Contains(it.norm, " reserves ") {
		return true
	}
	if it.sec != secWork || it.idx >= len(x.r.Work) {
		return false
	}
	w := x.r.Work[it.idx]
	ts := tokens(w.Position + " " + w.Summary)
	return hasAnyToken(ts, "reserve", "reserves", "reservist", "part-time", "drilling") || strings.Contains(joinTokens(ts), " part time ")
}

// allRoles renders every role as "Captain at U.S. Army (2015–2018)".
func allRoles(items []*item) string {
	parts := make([]string, 0, len(items))
	for _, it := range items {
		parts = append(parts, it.roleAt()+it.span())
	}
	return list(parts)
}

// rareWord answers a question whose subject is a word found only inside
// the profile's sentences ("where was he deployed", "does he have a
// security clearance", "does she work nights") with those sentences,
// rather than the location, a certificate sharing another word, or the
// current job.
func (r *resolver) rareWord() bool {
	x, o, q := r.x, r.o, r.q
	if !q.third || q.anaph || o.near != nil || q.hasWin || len(q.techs) > 0 || q.lang != "" || q.inPlace || q.off > 0 || q.kind != nil ||
		r.topScore > 2 || r.topScore > 0 && r.top != iWork && r.top != iCurrent ||
		r.modScore > 2 || r.modScore > 0 && r.mod != iWhere && r.mod != iWhen {
		return false
	}
	var buf [4]string
	stems := buf[:0]
	for _, t := range q.ts {
		if len(t) < 5 || searchStop[t] || commonWords[t] || cueTable[t] != nil || cueTable[singular(t)] != nil || x.nameToks[t] ||
			!x.words[stem(t)] || x.namesAnEntry(stem(t)) || wordOfNamed(q.ents, t) {
			continue
		}
		stems = append(stems, stem(t))
	}
	if len(stems) == 0 {
		return false
	}
	if len(q.ents) > 0 && stem(q.ts[len(q.ts)-1]) != stems[len(stems)-1] && !x.qualifiesLast(q.ts, stems[len(stems)-1]) {
		// "has he played glastonbury": the entry named; "does he have a
		// security clearance": the last word is the thing asked, not the
		// certificate "Security+"
		return false
	}
	sub := &out{x: x, near: o.near}
	if x.searchStems(sub, stems) == 0 {
		return false
	}
	o.adopt(sub)
	return true
}

// qualifiesLast reports whether the rare stem is the word just before the
// question's last, which names an entry, and follows no subject: "does
// she do literary translation" asks about literary work (a sentence), not
// the translation jobs; "has he played glastonbury" names the festival.
func (x *Index) qualifiesLast(ts []string, st string) bool {
	n := len(ts)
	if n < 3 || stem(ts[n-2]) != st || ts[n-3] == "@p" || personWords[ts[n-3]] || x.nameToks[ts[n-3]] {
		return false
	}
	return x.namesAnEntry(stem(ts[n-1]))
}

// namesAnEntry reports whether a stem is, or begins or is begun by, a word
// of an entry's name or role: "mentor", "clerk", "boards", "postdoc" name
// entries, which later steps answer better than a sentence.
func (x *Index) namesAnEntry(st string) bool {
	near := func(k string) bool {
		return k == st || len(k) >= 5 && len(st) >= 5 && (strings.HasPrefix(k, st) || strings.HasPrefix(st, k))
	}
	for _, e := range x.entities {
		for _, k := range e.keys {
			if near(stem(k)) {
				return true
			}
		}
		for _, k := range e.roleKeys {
			if near(k) {
				return true
			}
		}
	}
	return false
}

// certsForTech answers "any agile certs" when no certificate names the
// technology: says so, then lists the certificates (a Certified
// ScrumMaster is for the visitor to weigh).
func (r *resolver) certsForTech() bool {
	x, o, q := r.x, r.o, r.q
	if r.top != iCerts || r.topScore < 3 || len(q.techs) != 1 || len(x.certificates) == 0 || q.hasWin {
		return false
	}
	for i := range x.certificates {
		if containsString(x.certificates[i].techs, q.techs[0]) {
			return false
		}
	}
	o.say("No certificate in the profile names %s.", q.techs[0])
	x.topic(o, iCerts, &query{}, nil, r.now)
	return true
}

// placeAfterCerts answers "what about california" right after a licence
// question: the certificates for that place, not the jobs there.
func (r *resolver) placeAfterCerts() bool {
	x, o, q := r.x, r.o, r.q
	if !q.inPlace || len(q.ents) > 0 || r.topScore > 0 || q.hasWin || len(q.ts) > 5 ||
		at(q.ts, 1) != "about" && at(q.ts, 0) != "and" || !r.intentWas(iCerts) {
		return false
	}
	o.in = iCerts
	x.certsInPlace(o, q.place)
	return true
}
