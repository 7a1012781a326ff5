package converse

import "strings"

// "What's the most senior position he has held", "her highest title": the
// job whose title ranks highest by its words of seniority (Chief, Partner,
// Director, Staff, Senior, Junior, Intern), the most recent of equals. The
// list of every role does not answer it.

// seniorityRanks rank a title by its highest word; a title with none
// ranks as a plain one (3).
var seniorityRanks = map[string]int{
	"chief": 9, "ceo": 9, "cto": 9, "cfo": 9, "coo": 9, "cio": 9, "cmo": 9, "president": 9, "founder": 9, "cofounder": 9,
	"owner": 9, "proprietor": 9,
	"partner": 8, // a firm's partner, but under the chief of a company ("Venture Partner" beside a CEO)
	"vp":      8, "svp": 8, "evp": 8, "vice": 8, "head": 8,
	"director":  7,
	"principal": 6, "distinguished": 6,
	"staff": 5, "lead": 5, "manager": 5, "supervisor": 5,
	"senior": 4, "sr": 4,
	"junior": 2, "jr": 2, "assistant": 2,
	"intern": 1, "trainee": 1, "apprentice": 1, "student": 1,
}

// titleRank is the seniority rank of a job title.
func titleRank(title string) int {
	rank, found := 0, false
	for _, t := range tokens(title) {
		if r, ok := seniorityRanks[t]; ok && (!found || r > rank) {
			rank, found = r, true
		}
	}
	if !found {
		return 3
	}
	return rank
}

// asksMostSenior reports "most senior position/role/title/job", "highest
// title/position/rank", "senior-most role".
func asksMostSenior(ts []string) bool {
	for i, t := range ts {
		if t != "senior" && t != "highest" && t != "seniormost" {
			continue
		}
		if t == "senior" && at(ts, i-1) != "most" {
			continue
		}
		switch at(ts, i+1) {
		case "position", "positions", "role", "roles", "title", "titles", "job", "jobs", "rank", "post":
			return true
		}
	}
	return false
}

// mostSenior names the job (or jobs, when equal) of the highest-ranked
// title; false when the profile lists fewer than two jobs.
func (x *Index) mostSenior(o *out) bool {
	jobs := x.sorted(secWork)
	if len(jobs) < 2 {
		return false
	}
	best := 0
	for _, it := range jobs {
		if it.role != "" {
			best = max(best, titleRank(it.role))
		}
	}
	var top []*item
	for _, it := range jobs { // most recent first
		if it.role != "" && titleRank(it.role) == best {
			top = append(top, it)
		}
	}
	if len(top) == 0 {
		return false
	}
	o.in = iWork
	top = firstItems(top, 3)
	parts := make([]string, 0, len(top))
	for _, it := range top {
		parts = append(parts, it.roleAt()+it.span())
		o.citeItem(it)
	}
	if len(parts) == 1 {
		o.say("The most senior title in %s profile is %s.", x.whose(), parts[0])
	} else {
		o.say("The most senior titles in %s profile are %s.", x.whose(), strings.Join(parts[:len(parts)-1], ", ")+" and "+parts[len(parts)-1])
	}
	o.focusOn(top...)
	return true
}
