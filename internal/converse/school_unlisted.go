package converse

import "strings"

// schoolAsked name schooling before higher education; "secondary" alone
// is not one of them ("his secondary skills").
var schoolAsked = []string{" high school ", " secondary school ", " secondary education ", " grammar school ", " sixth form ", " middle school ", " elementary school ", " primary school "}

var schoolAskedSet = newPhraseSet(schoolAsked...)

// schoolOwnWords are what an entry at school level says of itself.
var schoolOwnWords = append([]string{" sixth form ", " grammar school ", " middle school ", " elementary school ", " primary school "}, schoolLevels[0].own...)

// schoolUnlisted answers "where did he go to high school" when no
// education entry is at school level: the degree listed would otherwise be
// described as if it were the school asked about.
func (r *resolver) schoolUnlisted() bool {
	x, o, q := r.x, r.o, r.q
	if !q.hasAnyOf(schoolAskedSet) {
		return false // the scan below names the phrase found
	}
	asked := ""
	for _, a := range schoolAsked {
		if strings.Contains(q.joined, a) {
			asked = strings.TrimSpace(a)
			break
		}
	}
	if asked == "" {
		return false
	}
	items := x.sorted(secEducation)
	for _, it := range items {
		e := &x.r.Education[it.idx]
		if containsAny(" "+strings.Join(tokens(e.Institution+" "+e.StudyType+" "+e.Area), " ")+" ", schoolOwnWords) {
			return false // the steps for entries answer it
		}
	}
	o.in = iEducation
	if len(items) == 0 {
		o.say("The profile doesn't list %s's %s, or any other education.", x.who(), asked)
		return true
	}
	var listed []string
	for _, it := range items {
		listed = append(listed, article(it.describe())+it.span())
		o.citeItem(it)
	}
	o.say("The profile doesn't list %s's %s; the education it lists is %s.", x.who(), asked, list(listed))
	if len(items) == 1 {
		o.focusOn(items[0])
	}
	return true
}
