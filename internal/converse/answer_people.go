package converse

import "strings"

// leadStems mark sentences about leading, growing and working with people.
// Chairing and being in charge lead people too ("Co-chairs the practice
// group", "Charge nurse on night shifts"), but only as phrases: "charged
// clients" and "first-chaired a trial" are no one led.
var leadStems = []string{"lead", "led ", "mentor", "manag", "hire", "hiring", "hired", "coach", "squad", "team",
	"cross-functional", "cross functional", "stakeholder", "direct report", "supervis", "train", "onboard",
	"co-chair", "chairs the ", "chaired the ", "chair of ", "charge nurse", "in charge of ", "head of ", "headed ",
	// "Coordinated 12 volunteers": people counted after the verb
	"coordinated 1", "coordinated 2", "coordinated 3", "coordinated 4", "coordinated 5", "coordinated 6", "coordinated 7", "coordinated 8", "coordinated 9",
	"coordinates 1", "coordinates 2", "coordinates 3", "coordinates 4", "coordinates 5", "coordinates 6", "coordinates 7", "coordinates 8", "coordinates 9",
	// the same in highlights written in Spanish, Portuguese, French or
	// German: "Lidero un equipo de 4", "Dirigí", "Leitet ein Team"
	"lider", "dirig", "equipo de ", "equipe de ", "encadr", "leitet", "leitete"}

// managesThings reports a sentence whose only managing is of money or
// things: "managed an annual budget", "Management Accounting Techniques".
func managesThings(low string) bool {
	ts := tokens(low)
	for i, t := range ts {
		if !strings.HasPrefix(t, "manag") {
			continue
		}
		for j := i + 1; j < len(ts) && j <= i+4; j++ {
			switch ts[j] {
			case "budget", "budgets", "accounting", "portfolio", "portfolios", "inventory", "fund", "funds":
				return true
			}
		}
		return false
	}
	return false
}

// monitoringWords are what "supervision" watches when it is monitoring,
// as French and IT English use the word: servers and the tools for it.
var monitoringWords = setOf(`prometheus grafana nagios zabbix centreon datadog icinga kibana elk monitoring alerting alertes
	serveurs servers infrastructure infra reseau network systemes systems`)

// supervisesSystems reports a sentence (lower case) whose "supervision"
// is of machines: "la supervision avec Prometheus", "server supervision".
func supervisesSystems(low string) bool {
	return strings.Contains(low, "supervision") && hasAnyTokenIn(tokens(low), monitoringWords)
}

// talkStems mark sentences about communicating.
var talkStems = []string{"communicat", "present", "talk", "speak", "wrote", "writing", "facilitat", "negotiat",
	"collaborat", "workshop", "teach", "taught", "lectur"}

// peopleSentences returns the profile's sentences (highlights, summaries)
// that match any of the stems, newest entries first, at most n.
func (x *Index) peopleSentences(n int, stems ...[]string) []*snippet {
	var out []*snippet
	for i := range x.snippets {
		sn := &x.snippets[i]
		low := sn.low
		hit := false
		for _, set := range stems {
			for _, st := range set {
				if containsAfterSpace(low, st) {
					if st == "train" && (strings.Contains(low, " train-") || strings.Count(low, " train") == strings.Count(low, " trainee")) {
						continue // "a train-delay notifier": the railway, not training people; a "trainee programme" is the person's own training
					}
					if (st == "train" || st == "onboard") && contentForOthers(low) {
						continue // "designs customer training": a product, not people led
					}
					if st == "led " && strings.Contains(low, " led by ") {
						continue // "a round led by General Catalyst"
					}
					if st == "manag" && managesThings(low) {
						continue // "Managed an annual budget of £38,000": money, not people
					}
					if st == "supervis" && supervisesSystems(low) {
						continue // "Mise en place de la supervision avec Prometheus": monitoring, not people
					}
					hit = true
					break
				}
			}
		}
		if hit {
			out = append(out, sn)
		}
	}
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// containsAfterSpace is strings.Contains(s, " "+w) for a non-empty w,
// without building " "+w: peopleSentences tries every stem on every
// sentence of the profile.
func containsAfterSpace(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		if i+j > 0 && s[i+j-1] == ' ' {
			return true
		}
		i += j + 1
	}
}

// contentForOthers reports a sentence about training or onboarding made
// for customers or as courses, which is no sign of leading colleagues.
func contentForOthers(low string) bool {
	for _, w := range []string{" customer", " client", " user", " course", " e-learning", " elearning", " learner"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// quoteSentences says the sentences with where each comes from, skipping
// any the reply already quotes.
func (x *Index) quoteSentences(o *out, lead string, sns []*snippet) bool {
	var parts []string
	said := o.b.String()
	for _, sn := range sns {
		t := strings.TrimRight(sn.text, ".")
		if strings.Contains(said, t) {
			continue
		}
		if sn.cite.Section == secBasics && strings.HasPrefix(lead, "The summary") {
			parts = append(parts, "“"+t+"”")
		} else {
			parts = append(parts, "“"+t+"” ("+sn.where+")")
		}
		o.cite(sn.cite.Section, sn.cite.Index, sn.cite.Field)
	}
	if len(parts) == 0 {
		return false
	}
	o.say("%s %s.", lead, strings.Join(parts, "; "))
	return true
}

// softSkills answers "what are her soft skills": résumés rarely list them,
// so it says so and quotes what the entries show of leading and
// communicating.
func (x *Index) softSkills(o *out) {
	o.in = iSkills
	o.say("The profile doesn't list soft skills as such.")
	if !x.quoteSentences(o, "What it shows of working with people:", x.peopleSentences(4, leadStems, talkStems)) {
		o.say("Its entries don't describe leading or communicating either.")
	}
}

// teachStems mark sentences about teaching others.
var teachStems = []string{"teach", "taught", "lectur", "tutor"}

// mentorStems mark sentences about teaching and growing others.
var mentorStems = []string{"mentor", "coach", "taught", "teach", "tutor", "train", "onboard", "grew the team", "grew a team", "supervis", "co-supervis", "precept"}

// addMentoring completes an answer to "did she mentor anyone": the entry
// whose title says mentor answers it in part; the highlights that say
// so elsewhere ("Mentored four junior engineers") are the rest.
func (x *Index) addMentoring(o *out, q *query) {
	if o.refused || mentoredBy(q) {
		return
	}
	mentor := hasAnyToken(q.ts, "mentor", "mentored", "mentoring", "mentors", "mentorship", "coach", "coached", "coaching", "tutor", "tutored",
		"supervise", "supervises", "supervised", "supervising", "supervision")
	// "does she teach students", "has he precepted": the word "students"
	// reads as her own studies; when only they answered, teaching others
	// is the answer (a teaching job is answered elsewhere, so no addendum).
	teach := !mentor && o.in == iEducation && q.third && hasAnyToken(q.ts, "teach", "teaches", "taught", "precept", "precepts", "precepted")
	if !mentor && !teach {
		return
	}
	switch o.in {
	case iOffTopic, iInjection, iPrivate, iTooLong, iEmpty, iTech:
		return
	}
	defer x.mentoringSkills(o)
	if o.in != iUnknown && o.in != iEducation && o.in != iSummary {
		x.quoteSentences(o, "Mentoring and teaching in the profile:", x.peopleSentences(4, mentorStems))
		return
	}
	// Nothing else answered: the quotes are the answer, not an addendum
	// to "the profile doesn't say".
	sub := &out{x: x}
	if x.quoteSentences(sub, "Mentoring and teaching in the profile:", x.peopleSentences(4, mentorStems)) {
		o.b.Reset()
		o.cites = o.cites[:0]
		o.adopt(sub)
		o.in = iHighlights
	}
}

// peopleSentencesOf is peopleSentences for one entry.
func (x *Index) peopleSentencesOf(it *item, stems ...[]string) []*snippet {
	var out []*snippet
	for _, sn := range x.peopleSentences(len(x.snippets), stems...) {
		if sn.cite.Section == it.sec && sn.cite.Index == it.idx {
			out = append(out, sn)
		}
	}
	return out
}

// mentoringSkills names the skills that are about growing others
// ("Coaching" under Leadership).
func (x *Index) mentoringSkills(o *out) {
	var parts []string
	for i, s := range x.r.Skills {
		for _, k := range s.Keywords {
			low := " " + strings.ToLower(k)
			for _, st := range mentorStems {
				if strings.Contains(low, " "+st) {
					parts = append(parts, k+" ("+s.Name+")")
					o.cite(secSkills, i, "")
					break
				}
			}
		}
	}
	if len(parts) > 0 && !strings.Contains(o.b.String(), parts[0]) {
		o.say("Skills listed: %s.", list(parts))
	}
}
