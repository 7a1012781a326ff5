package converse

import "strings"

// leadStems mark sentences about leading, growing and working with people.
var leadStems = []string{"lead", "led ", "mentor", "manag", "hire", "hiring", "hired", "coach", "squad", "team",
	"cross-functional", "cross functional", "stakeholder", "direct report", "supervis", "train", "onboard"}

// talkStems mark sentences about communicating.
var talkStems = []string{"communicat", "present", "talk", "speak", "wrote", "writing", "facilitat", "negotiat",
	"collaborat", "workshop", "teach", "taught", "lectur"}

// peopleSentences returns the profile's sentences (highlights, summaries)
// that match any of the stems, newest entries first, at most n.
func (x *Index) peopleSentences(n int, stems ...[]string) []*snippet {
	var out []*snippet
	for i := range x.snippets {
		sn := &x.snippets[i]
		low := " " + strings.ToLower(sn.text) + " "
		hit := false
		for _, set := range stems {
			for _, st := range set {
				if strings.Contains(low, " "+st) {
					hit = true
					break
				}
			}
		}
		if hit {
			out = append(out, sn)
		}
	}
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// quoteSentences says the sentences with where each comes from, skipping
// any the reply already quotes.
func (x *Index) quoteSentences(o *out, lead string, sns []*snippet) bool {
	var parts []string
	said := o.b.String()
	for _, sn := range sns {
		t := strings.TrimRight(sn.text, ".")
		if strings.Contains(said, t) {
			continue
		}
		parts = append(parts, "“"+t+"” ("+sn.where+")")
		o.cite(sn.cite.Section, sn.cite.Index, sn.cite.Field)
	}
	if len(parts) == 0 {
		return false
	}
	o.say("%s %s.", lead, strings.Join(parts, "; "))
	return true
}

// softSkills answers "what are her soft skills": résumés rarely list them,
// so it says so and quotes what the entries show of leading and
// communicating.
func (x *Index) softSkills(o *out) {
	o.in = iSkills
	o.say("The profile doesn't list soft skills as such.")
	if !x.quoteSentences(o, "What it shows of working with people:", x.peopleSentences(4, leadStems, talkStems)) {
		o.say("Its entries don't describe leading or communicating either.")
	}
}
