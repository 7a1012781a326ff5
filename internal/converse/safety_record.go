package converse

import "strings"

// "What's his safety record like": a record of safety is written as what
// did not happen ("Zero lost-time injuries over 9 years in command", "No
// lost-time incidents in 610 days", "a million miles without a
// preventable accident"), words the question does not use. Those
// sentences answer it, not a certificate or a sentence that merely says
// "safety".

// safetyRecordMarks are how a résumé states a safety record.
var safetyRecordMarks = []string{"lost-time", "lost time", "accident-free", "accident free", "injury-free", "incident-free",
	"preventable accident", "without an accident", "without a single accident", "without accident", "zero incidents",
	"zero accidents", "zero injuries", "no accidents", "no incidents", "no injuries", "recordable", "safety record", "trir"}

// safetyRecord answers a question about someone's safety record with the
// sentences that state one.
func (r *resolver) safetyRecord() bool {
	x, q := r.x, r.q
	if !hasAnyToken(q.ts, "safety") || !hasAnyToken(q.ts, "record", "records") || !q.person && !hasAnyToken(q.ts, "his", "her", "their", "@p") {
		return false // "which airline has the best safety record" asks of no one here
	}
	var sns []*snippet
	for i := range x.snippets {
		low := strings.ToLower(x.snippets[i].text)
		if containsAny(low, safetyRecordMarks) {
			sns = append(sns, &x.snippets[i])
		}
	}
	if len(sns) == 0 {
		return false
	}
	if len(sns) > 4 {
		sns = sns[:4]
	}
	r.o.in = iHighlights
	return x.quoteSentences(r.o, "On safety, the profile says:", sns)
}
