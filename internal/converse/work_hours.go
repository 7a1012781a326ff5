package converse

import (
	"strings"
	"time"
)

// Full-time, part-time and freelance: what the jobs and the summary say
// about hours.

// asksHours reports "is he full time anywhere", "is that part-time".
func asksHours(q *query) bool {
	return q.has(" full time ") || q.has(" part time ") || hasAnyToken(q.ts, "fulltime", "parttime", "fte")
}

// partTimeMarks are the words by which a job's title or summary says it is
// part-time.
var partTimeMarks = []string{"part-time", "part time", " fte", "(fte", "days a week", "day a week", "nights a week", "hours a week", "half-time"}

// freelanceMarks are the words by which a job says it is paid per job or
// contract rather than as a staff post.
var freelanceMarks = []string{"freelance", "per diem", "per-diem", "self-employed", "on contract", "contract basis", "zero-hours", "casual basis"}

// statesHours reports whether low (" lower-case text ") says how much one
// works: "four days a week", "part-time", "30 hours per week".
func statesHours(low string) bool {
	return containsAny(low, partTimeMarks) || strings.Contains(low, "full-time") || strings.Contains(low, "full time") ||
		strings.Contains(low, " days per week") || strings.Contains(low, " hours per week")
}

// workHours answers whether the person works full- or part-time, from what
// the current jobs (else, or when ever is asked, all jobs) say of
// themselves.
func (x *Index) workHours(o *out, there *item, ever bool, now time.Time) {
	jobs := x.sorted(secWork)
	var cur []*item
	for _, it := range jobs {
		if it.current(now) {
			cur = append(cur, it)
		}
	}
	if len(cur) > 0 && !ever {
		jobs = cur
	}
	if there != nil { // "is he full time there": the job just discussed
		jobs = []*item{there}
	}
	var part, full, free []string
	for _, it := range jobs {
		w := x.r.Work[it.idx]
		text := " " + strings.ToLower(w.Position+" "+w.Summary) // " fte" needs a word start: not "after"
		switch {
		case marksOwnHours(text, partTimeMarks):
			part = append(part, it.roleAt()+it.span())
			o.citeItem(it)
		case strings.Contains(text, "full-time") || strings.Contains(text, "full time"):
			full = append(full, it.roleAt()+it.span())
			o.citeItem(it)
		case marksOwnHours(text, freelanceMarks):
			free = append(free, it.roleAt()+it.span())
			o.citeItem(it)
		}
	}
	if len(free) > 0 {
		// "Studio analyst ..., freelance": no hours, but no staff job either
		o.say("The profile marks these roles as freelance or per job: %s.", list(free))
		if len(part) == 0 && len(full) == 0 {
			o.focusOn(jobs...)
			if there == nil {
				x.quoteSentences(o, "The summary says:", x.summarySentences(statesHours))
			}
			if len(free) < len(jobs) {
				o.say("It doesn't say whether %s other roles are full-time.", x.whose())
			}
			return
		}
	}
	if len(part) == 0 && len(full) == 0 && there == nil && ever && x.onlyStudentPosts(o, jobs) {
		return // a doctoral candidate with assistantships and internships
	}
	if len(part) == 0 && len(full) == 0 {
		if there != nil {
			// "was it a full-time job" of a past job: that job, not today's
			o.say("The profile doesn't say whether %s job at %s was full- or part-time.", x.whose(), there.label())
			o.citeItem(there)
			o.focusOn(there)
			return
		}
		// "I work four days a week": the summary may say what no job does
		if !x.quoteSentences(o, "The summary says:", x.summarySentences(statesHours)) {
			o.say("The profile doesn't say whether %s work is full- or part-time.", x.whose())
		}
		x.currentRole(o, now)
		return
	}
	o.focusOn(jobs...)
	if len(part) > 0 {
		o.say("The profile marks these roles as part-time: %s.", list(part))
	}
	if len(full) > 0 {
		o.say("It marks these as full-time: %s.", list(full))
	} else if len(part) < len(jobs) {
		o.say("It doesn't say whether %s other roles are full-time.", x.whose())
	}
}

// marksOwnHours reports whether low (" lower-case text ") says of the job
// itself what one of marks says: a mark right after a count speaks of the
// people the job runs ("210 staff, of them 160 on contract", "40 part-time
// pickers"), not of the job's own hours. "Four days a week" is a count of
// the job's days, so marks that end on a unit still count after one.
func marksOwnHours(low string, marks []string) bool {
	for _, m := range marks {
		for from := 0; ; {
			i := strings.Index(low[from:], m)
			if i < 0 {
				break
			}
			i += from
			from = i + len(m)
			if strings.HasSuffix(m, " week") || !endsOnCount(low[:i]) {
				return true
			}
		}
	}
	return false
}

// endsOnCount reports whether text ends on a number word ("160 ", "them ").
func endsOnCount(text string) bool {
	f := strings.Fields(text)
	if len(f) == 0 {
		return false
	}
	w := strings.Trim(f[len(f)-1], ",;:()")
	if w == "them" {
		return true // "of them 160 on contract" reads the same turned round
	}
	if w == "" {
		return false
	}
	for _, r := range w {
		if (r < '0' || r > '9') && r != ',' && r != '.' {
			return false
		}
	}
	return true
}

func containsAny(s string, subs []string) bool {
	for _, p := range subs {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// selfEmployed reports an employer's name that is no employer: "Freelance",
// "Self-employed", "Independent consultant".
func selfEmployed(name string) bool {
	return hasAnyToken(tokens(name), "freelance", "freelancer", "freelancing", "self", "independent", "contractor")
}

// onOwnAccount says how someone works whose employer's whole name is a
// way of working ("Freelance", "Self-employed"): "at Freelance" reads as a
// company. It returns "" for any other name.
func onOwnAccount(name string) string {
	switch ownAcctWord(name) {
	case "freelance":
		return "currently works freelance"
	case "self-employed":
		return "is currently self-employed"
	case "independent":
		return "currently works independently"
	}
	return ""
}

// partTimeJob reports whether a job's title or summary says it is
// part-time.
func (x *Index) partTimeJob(it *item) bool {
	if it.sec != secWork || it.idx >= len(x.r.Work) {
		return false
	}
	w := x.r.Work[it.idx]
	return containsAny(" "+strings.ToLower(w.Position+" "+w.Summary), partTimeMarks)
}

// onlyFullJob is the one job of several that is not part-time, or nil.
func (x *Index) onlyFullJob(jobs []*item) *item {
	var full *item
	for _, it := range jobs {
		if it.sec != secWork {
			return nil
		}
		if !x.partTimeJob(it) {
			if full != nil {
				return nil
			}
			full = it
		}
	}
	if len(jobs) < 2 {
		return nil
	}
	return full
}
