package converse

import (
	"strings"
)

// Questions that point at the entry the conversation is on: "which one?",
// "who was it for?", "in what?", "is there a link?"; and people a profile
// may not name.

// asksWhichOne reports "which one?", "which company was that?", "what
// company?": a request to name the entry just mentioned.
func asksWhichOne(ts []string) bool {
	if len(ts) < 2 || len(ts) > 5 || ts[0] != "which" && ts[0] != "what" {
		return false
	}
	for _, t := range ts[1:] {
		switch t {
		case "one", "company", "employer", "job", "was", "is", "that", "it", "organisation", "organization", "firm", "place", "project", "course", "class", "subject", "team":
		default:
			return false
		}
	}
	return true
}

// asksForWhom reports "who was it for?", "for whom?", "which client?".
func asksForWhom(joined string) bool {
	switch strings.TrimSpace(joined) {
	case "who was it for", "who was that for", "who was this for", "who is it for", "for whom", "for who",
		"which client", "what client", "for which company", "for what company", "who was the client":
		return true
	}
	return false
}

// asksSubject reports "in what?", "what subject?", "which field?".
func asksSubject(ts []string) bool {
	if len(ts) < 2 || len(ts) > 4 {
		return false
	}
	j := strings.Join(ts, " ")
	for _, p := range []string{"in what", "what in", "what subject", "which subject", "what field", "which field", "what major", "what area", "which area", "what discipline"} {
		if j == p || strings.HasPrefix(j, p+" ") {
			return true
		}
	}
	return false
}

// asksLink reports "is there a link?", "what's the url?", "can I see it?".
func asksLink(joined string) bool {
	return linkPhrases.in(joined)
}

var linkPhrases = newPhraseSet(" link ", " links ", " url ", " address of it ", " can i see it ", " where can i see it ", " is it online ", " is it live ",
	" recording ", " a video ", " the video ", " slides ", " watch it ", " read it ", " source code ", " repo ", " repository ")

// entryURL is an entry's own web address, "" when it has none.
func (x *Index) entryURL(it *item) string {
	switch it.sec {
	case secProjects:
		return x.r.Projects[it.idx].URL
	case secWork:
		return x.r.Work[it.idx].URL
	case secPublications:
		return x.r.Publications[it.idx].URL
	case secVolunteer:
		return x.r.Volunteer[it.idx].URL
	case secEducation:
		return x.r.Education[it.idx].URL
	}
	return ""
}

// roleOfOthers are people around the person a résumé may name: "who is
// her advisor".
var roleOfOthers = setOf(`advisor adviser supervisor boss manager mentor mentors pi professor colleagues teammates cofounder co-founder partner`)
