package converse

import "strings"

// summaryBefore quotes the summary's sentence on what came before ref,
// the earliest entry listed ("Before starting Pied Piper, he worked for
// Hooli"): the list stops there, the person's own account does not.
func (x *Index) summaryBefore(o *out, ref *item) {
	if len(ref.keys) == 0 {
		return
	}
	for _, s := range splitSentences(x.r.Basics.Summary) {
		ts := tokens(s)
		if !hasAnyToken(ts, "before", "previously", "prior", "earlier") || !hasAnyToken(ts, ref.keys...) {
			continue
		}
		if strings.HasPrefix(s, "(") {
			// "(Go Sooners!) Before starting Pied Piper, ...": an aside
			// the splitter left in front
			if _, rest, ok := strings.Cut(s, ") "); ok {
				s = rest
			}
		}
		o.say("The summary says: “%s”.", strings.TrimRight(s, "."))
		o.cite(secBasics, 0, "summary")
		return
	}
}
