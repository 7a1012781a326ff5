package converse

import (
	"strings"
	"time"
)

// Employer groups: "a Big Four firm", "FAANG", "MBB" name well-known sets
// of companies; the question is whether any job was at one of them.

type employerGroup struct {
	phrases []string // in the question's joined form, spaces around
	noun    string   // for the reply: "a Big Four firm"
	members []string // employer names, tokens joined by spaces
}

var employerGroups = []employerGroup{
	{[]string{" big four ", " big 4 ", " big4 "}, "a Big Four firm",
		[]string{"deloitte", "pwc", "pricewaterhousecoopers", "ey", "ernst young", "ernst and young", "kpmg"}},
	{[]string{" faang ", " maang ", " big tech "}, "a big tech company",
		[]string{"facebook", "meta", "apple", "amazon", "netflix", "google", "alphabet", "microsoft", "aws", "amazon web services"}},
	{[]string{" mbb ", " big three consulting ", " big 3 consulting ", " top tier consulting ", " top consulting "}, "an MBB consulting firm",
		[]string{"mckinsey", "mckinsey company", "mckinsey and company", "boston consulting group", "bcg", "bain", "bain company", "bain and company"}},
}

// askedGroup returns the employer group a question names, if any.
func askedGroup(q *query) *employerGroup {
	if !q.has(" big") && !q.has(" faang ") && !q.has(" maang ") &&
		!q.has(" mbb ") && !q.has(" consulting ") {
		return nil
	}
	for i := range employerGroups {
		for _, p := range employerGroups[i].phrases {
			if q.has(p) {
				return &employerGroups[i]
			}
		}
	}
	return nil
}

// groupAnswer lists the jobs at a member of g, or says there is none.
func (x *Index) groupAnswer(o *out, g *employerGroup, now time.Time) {
	o.in = iWork
	var hits []*item
	for _, it := range x.sorted(secWork) {
		name := " " + strings.Join(tokens(it.title), " ") + " "
		for _, m := range g.members {
			if strings.Contains(name, " "+m+" ") {
				hits = append(hits, it)
				break
			}
		}
	}
	if len(hits) == 0 {
		o.say("The profile doesn't list a job at %s.", g.noun)
		x.workHistory(o, nil, now)
		o.in = iWork
		return
	}
	var names []string
	for _, it := range hits {
		if len(names) == 0 || names[len(names)-1] != it.title {
			names = append(names, it.title)
		}
		o.citeItem(it)
	}
	verb := "is"
	if len(names) > 1 {
		verb = "are each"
	}
	o.say("Yes: %s %s %s. %s was %s.", list(names), verb, g.noun, x.Who(), rolesList(hits))
	o.focusOn(hits...)
}
