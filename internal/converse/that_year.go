package converse

// "What was her sales volume in 2022", then "and how many transactions
// that year": the year is the one the question before asked, carried in
// the state as its window whatever step answered it.

// oneYear reports whether w is one calendar year.
func oneYear(w Window) bool {
	return !w.Current && w.From%12 == 0 && w.To-w.From == 11
}

// carryYear reads "that year" ("the same year") as the one year the
// question before asked, when this one names none.
func (r *resolver) carryYear() {
	q := r.q
	if q.hasWin || !q.has(" year ") ||
		!q.has(" that year ") && !q.has(" same year ") {
		return
	}
	r.o.stateRead = true
	if w := r.st.Window; w != nil && oneYear(*w) {
		q.win, q.hasWin = *w, true
	}
}

// keepYear carries the one year q asked into the next turn's state when
// no answer set a window of its own.
func keepYear(o *out, q *query) {
	if o.win == nil && q.hasWin && oneYear(q.win) {
		w := q.win
		o.win = &w
	}
}
