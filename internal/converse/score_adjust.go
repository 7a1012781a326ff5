package converse

import "strings"

// adjustScores settles cues that read differently together.
func (x *Index) adjustScores(q *query) {
	s := &q.scores
	j := q.joined
	if ts := q.ts[greetingLead(q.ts):]; len(ts) == 3 && (ts[0] == "who" || ts[0] == "what") && ts[1] == "are" && ts[2] == "@p" {
		if rt := tokenize(q.raw, true); len(rt) > 0 && (rt[len(rt)-1] == "you" || rt[len(rt)-1] == "u") {
			s[iHelp] += 3 // the assistant itself, not "who are her clients"
		}
	}
	if s[iSummary] > 0 {
		// "tell me about her education": the section, not her summary
		for i := 2; i+1 < len(q.ts); i++ {
			if q.ts[i] == "@p" && q.ts[i-1] == "about" && cueTable[q.ts[i+1]] != nil && !summaryWords[q.ts[i+1]] {
				s[iSummary] = max(0, s[iSummary]-5)
				break
			}
		}
	}
	if s[iSummary] > 0 && s[iSummary] <= 2 && asksOwnedThing(q.raw) {
		s[iSummary] = 0 // "what is his shift schedule": a thing of his, not what he is
	}
	if toolsAsked(q.ts) {
		s[iSkills] += 5 // "what does she shoot with": her tools, not sentences with "shoot"
	}
	if s[iSkills] >= 5 { // "programming languages" are not spoken ones
		s[iLangs] = 0
	}
	if s[iProjects] > 0 && (q.has(" work on ") || q.has(" worked on ")) {
		s[iWork] = 0 // "what projects did she work on"
	}
	if q.hasWin && !q.win.Current {
		s[iPrev], s[iNext] = 0, 0 // "before 2013" is a window, not "before that"
		if s[iWhere] > 0 && s[iLocation] == 0 {
			s[iWhere] = 0 // "where was she in 2016": her work then
			s[iWork] += 2
		}
	}
	if s[iPubs] > 0 && q.has(" the books ") && hasAnyToken(q.ts, "close", "closes", "closing", "closed", "keep", "keeps", "keeping", "kept", "balance", "balancing", "cook", "cooking") {
		s[iPubs] = 0 // "how fast does she close the books": accounting, not writing
	}
	if q.has(" online store") || q.has(" online shop") {
		s[iContact] = 0 // "has he built an online store": e-commerce, not his online profiles
	}
	if strings.HasPrefix(j, " how long ") && x.hasBreak && (s[iGaps] > 0 || strings.Contains(j, " off work ") || strings.Contains(j, " @p break ") || strings.Contains(j, " on leave ")) {
		// "how long was her career break", "how long was she off work":
		// the break the work history lists, not her whole career
		s[iGaps] += 8
		s[iTotalExp], s[iDuration], s[iInterests] = 0, 0, 0
	}
	if countsVolunteers(q.ts) {
		s[iVolunteer] = 0 // "how many health volunteers did she train": the people counted, not her volunteering
	}
	for i, t := range q.ts {
		if gapWord(t) && notCareerGap[at(q.ts, i-1)] {
			s[iGaps] = max(0, s[iGaps]-6) // "the pay gap she closed": a figure of her work, not a break in it
		}
		if networkMeasure(at(q.ts, i+1)) {
			if x.isNetwork(t) || cueNetwork(t) {
				s[iContact] = max(0, s[iContact]-4) // "how many github stars": the project's
			}
			continue
		}
		if x.isNetwork(t) {
			s[iContact] += 4 // "is she on SoundCloud"
		}
	}
}

// notCareerGap are words that make the gap after them something other than
// time out of work: a gender pay gap, a skills gap, a funding gap.
var notCareerGap = setOf(`pay wage wages salary gender skills skill funding knowledge price pricing coverage
attainment achievement performance trade budget revenue talent`)

func gapWord(t string) bool { return t == "gap" || t == "gaps" }

// countsVolunteers reports "how many (community health) volunteers did she
// train": volunteers in the noun counted, before the question's verb.
func countsVolunteers(ts []string) bool {
	if at(ts, 0) != "how" || at(ts, 1) != "many" {
		return false
	}
	for _, t := range ts[2:] {
		switch t {
		case "volunteers", "volunteer":
			return true
		case "did", "does", "do", "has", "have", "had", "is", "was", "were", "are", "@p":
			return false
		}
	}
	return false
}

// asksOwnedThing reports "what is his X" with X no cue word: the cue
// "what is @p" ("what is she?") reads "his" as "he".
func asksOwnedThing(raw string) bool {
	rt := tokenize(raw, true)
	for i := 0; i+3 < len(rt); i++ {
		if rt[i] == "what" && rt[i+1] == "is" && (rt[i+2] == "his" || rt[i+2] == "her" || rt[i+2] == "their") && cueTable[rt[i+3]] == nil && !searchStop[rt[i+3]] {
			return true
		}
	}
	return false
}
