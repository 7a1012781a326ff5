package converse

import "strings"

// "Did he manage anyone in that job", "was he union at the time", "did she
// use React at that company": phrases that point back to the entry just
// discussed, spelt out. The steps that keep to the entry in focus read
// "there" and "then"; these phrases are rewritten to those words so that
// every yes/no and count question keeps the focus, not only those worded
// "there".

// thatEntryNouns are the nouns of "that job": a job, or the place of one.
// "In that role" stays: "how long has she been in that role" asks for the
// role's time, not the employer's.
var thatEntryNouns = setOf(`job company firm employer gig`)

// thatTimeNouns are the nouns of "at that time".
var thatTimeNouns = setOf(`time period point stage`)

// thatJobAsThere rewrites "in/at that job" (or this) to "there", and "at
// the time", "at that time" to "then". "During that time" stays: "was he
// working anywhere else during that time" asks about other jobs.
func thatJobAsThere(ts []string) []string {
	var out []string // allocated only when a phrase is rewritten: most questions have none
	for i := 0; i < len(ts); i++ {
		rep := ""
		if (ts[i] == "in" || ts[i] == "at" || ts[i] == "for") && i+2 < len(ts) {
			det, noun := ts[i+1], ts[i+2]
			switch {
			case (det == "that" || det == "this") && thatEntryNouns[noun]:
				rep = "there"
			case ts[i] == "at" && (det == "that" || det == "the") && thatTimeNouns[noun] && (i+3 == len(ts) || ts[i+3] != "of" && ts[i+3] != "when"):
				// "at the time of the merger" and "at the time when …"
				// name their own time
				rep = "then"
			}
		}
		if rep != "" {
			if out == nil {
				out = append(make([]string, 0, len(ts)), ts[:i]...)
			}
			out = append(out, rep)
			i += 2
			continue
		}
		if out != nil {
			out = append(out, ts[i])
		}
	}
	if out == nil {
		return ts
	}
	return out
}

// jobRemote answers "was that a remote job" of one job: what its location
// or its own words say.
func (x *Index) jobRemote(o *out, it *item) {
	o.in = iWhere
	o.citeItem(it)
	o.focusOn(it)
	w := x.r.Work[it.idx]
	where := " " + strings.Join(tokens(it.loc+" "+it.role), " ") + " "
	if strings.Contains(where, " remote ") || strings.Contains(where, " remotely ") || describesRemoteWork(w.Summary+" "+strings.Join(w.Highlights, " ")) {
		o.say("Yes: the profile lists %s as remote.", it.roleAt()+it.span())
		return
	}
	o.say("The profile doesn't say whether %s job at %s was remote.", x.whose(), it.label())
	if it.loc != "" {
		o.say("It lists the job %s.", inLocation(it.loc))
	}
}
