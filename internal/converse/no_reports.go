package converse

import "strings"

// noReportsPhrases say in a job's own words that it leads no one.
var noReportsPhrases = []string{"no direct reports", "no reports", "individual contributor", "no people management", "not a people manager"}

// noReportsNow answers "does she manage anyone now", "is he managing a
// team" when a job held today says it has no reports: a "Manager" title
// ("Product Operations Manager") is no team. Asked in the past ("has she
// managed people") it answers nothing, as earlier roles may have led.
func (r *resolver) noReportsNow() bool {
	x, o, q := r.x, r.o, r.q
	if len(q.role) == 0 || q.role[0] != "manager" || len(q.techs) > 0 || q.hasWin && !q.win.Current ||
		at(q.ts, 0) != "does" && at(q.ts, 0) != "is" && !hasAnyToken(q.ts, "now", "currently", "today") {
		return false
	}
	if impliedRole(q.joined) == nil {
		return false // "is she a manager": the title's question
	}
	for _, it := range x.sorted(secWork) {
		if !it.current(r.now) {
			continue
		}
		w := x.r.Work[it.idx]
		for _, s := range append([]string{w.Summary}, w.Highlights...) {
			for _, sn := range splitSentences(s) {
				low := strings.ToLower(sn)
				for _, p := range noReportsPhrases {
					if strings.Contains(low, p) {
						o.in = iRoleCheck
						o.citeItem(it)
						o.focusOn(it)
						o.say("Not in %s current job, as the profile gives it: as %s, “%s”.", x.whose(), it.roleAt(), strings.TrimRight(strings.TrimSpace(sn), "."))
						return true
					}
				}
			}
		}
	}
	return false
}
