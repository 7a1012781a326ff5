package converse

// "Did he work at Hooli?" — "what did he do there?": the reply said that no
// job entry is at Hooli and quoted the summary's sentence that names it,
// then listed the jobs. "There" is Hooli, not the listed job; the honest
// answer is the quoted sentences and that the profile has no entry.

// secSaid marks a focus on sentences (indexes into the snippets) rather
// than on entries: what a reply quoted about something no entry holds.
const secSaid = "said"

// focusSaid keeps the sentences quoted as the reply's focus.
func (x *Index) focusSaid(o *out, sns []*snippet) {
	if len(sns) == 0 {
		return
	}
	o.focus, o.sec = o.focus[:0], secSaid
	for _, sn := range sns {
		for k := range x.snippets {
			if &x.snippets[k] == sn {
				o.focus = append(o.focus, k)
			}
		}
	}
}

// thereSaid answers a follow-up about "there" after such a reply.
func (r *resolver) thereSaid() bool {
	q := r.q
	if !q.anaph || len(q.ents) > 0 || len(q.techs) > 0 || q.hasWin {
		return false
	}
	if r.o.stateRead = true; r.st.Section != secSaid {
		return false
	}
	var sns []*snippet
	for _, k := range r.st.Focus {
		if k >= 0 && k < len(r.x.snippets) {
			sns = append(sns, &r.x.snippets[k])
		}
	}
	if len(sns) == 0 {
		return false
	}
	o := r.o
	o.in = iWork
	o.say("The profile has no entry for that job, so it gives no title, dates or duties of its own.")
	r.x.quoteSentences(o, "All it says of it:", sns)
	r.x.focusSaid(o, sns)
	return true
}
