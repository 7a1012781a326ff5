package converse

import (
	"strings"
)

// Sentences: splitting free text and quoting the entries a reply is about.

func splitSentences(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			// A line of its own is a sentence of its own: summaries written
			// as "- did this\n- did that" have no full stops to split at.
			if t := unbullet(s[start:i]); t != "" {
				out = append(out, t)
			}
			start = i + 1
			continue
		}
		if s[i] != '.' && s[i] != '!' && s[i] != '?' {
			continue
		}
		// closing brackets and quotes belong to the sentence they end:
		// "(Go Sooners!) Before starting …", "(see below.) Then …"
		end := i + 1 + closers(s[i+1:])
		if end < len(s) && s[end] != ' ' && s[end] != '\n' && s[end] != '\t' && s[end] != '\r' {
			continue
		}
		if s[i] == '.' && end < len(s) && (abbreviation(s[start:i]) || end == i+1 && initial(s[start:i])) {
			continue // "Main St. Company", "Dr. Smith", "with J. Alvarado and M. Chen"
		}
		if t := unbullet(s[start:end]); t != "" {
			out = append(out, t)
		}
		start = end
		i = end - 1
	}
	if t := unbullet(s[start:]); t != "" {
		out = append(out, t)
	}
	return out
}

// unbullet trims a sentence and the list marker a line starts with
// ("- ", "• ", "* ", "· ").
func unbullet(s string) string {
	s = strings.TrimSpace(s)
	for _, m := range []string{"- ", "• ", "* ", "· ", "·", "•", "– "} {
		if strings.HasPrefix(s, m) {
			return strings.TrimSpace(s[len(m):])
		}
	}
	return s
}

// closers is the length of the closing brackets and quotes at the start
// of s.
func closers(s string) int {
	n := 0
	for n < len(s) {
		switch {
		case s[n] == ')' || s[n] == ']' || s[n] == '"' || s[n] == '\'':
			n++
		case strings.HasPrefix(s[n:], "”") || strings.HasPrefix(s[n:], "’"):
			n += len("”")
		default:
			return n
		}
	}
	return n
}

// abbreviation reports text ending in a word that a full stop shortens
// ("St", "Dr", "Inc") rather than ends a sentence after.
func abbreviation(text string) bool {
	w := text[strings.LastIndexAny(text, " (")+1:]
	switch strings.ToLower(w) {
	case "st", "mr", "mrs", "ms", "dr", "prof", "inc", "co", "ltd", "jr", "sr", "vs", "etc", "e.g", "i.e", "no", "approx", "dept", "univ", "corp", "mt", "ave":
		return true
	}
	return false
}

// initial reports whether text ends in a lone capital letter, a person's
// initial ("M. Chen"): names with initials are commoner in résumés than
// sentences ending in one ("Plan B.").
func initial(text string) bool {
	w := text[strings.LastIndexAny(text, " (")+1:]
	return len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z'
}

// focusSentences are the highlights and summaries of the entries the
// reply is about, at most n.
func (x *Index) focusSentences(o *out, n int) []*snippet {
	var out []*snippet
	for i := range x.snippets {
		sn := &x.snippets[i]
		if sn.cite.Section != o.sec {
			continue
		}
		for _, idx := range o.focus {
			if sn.cite.Index == idx {
				out = append(out, sn)
				break
			}
		}
		if len(out) == n {
			break
		}
	}
	return out
}

// seniorityNote completes "is he a senior developer" when no title says
// "senior": the skill levels that do.
func (x *Index) seniorityNote(o *out, role []string) {
	level := askedLevel(role)
	if level == "" || strings.Contains(strings.ToLower(o.b.String()), level) {
		return
	}
	var parts []string
	for i, s := range x.r.Skills {
		if strings.EqualFold(strings.TrimSpace(s.Level), level) {
			parts = append(parts, s.Name)
			o.cite(secSkills, i, "level")
		}
	}
	if len(parts) == 0 {
		o.say("No title in the profile says %s.", level)
		return
	}
	o.say("No title says %s, but the skills list %s at level %s.", level, list(parts), capital(level))
}

// askedLevel is the seniority word of an asked role ("senior" in "a
// senior developer"), "" when none.
func askedLevel(role []string) string {
	var level string
	for _, w := range role {
		switch w {
		case "senior", "junior", "lead", "principal", "staff", "expert", "intermediate":
			level = w
		}
	}
	return level
}

// judgement words praise or fault a role; the profile answers for the
// role, not the praise.
var judgement = setOf(`good great bad strong decent excellent effective successful competent skilled talented solid real proper`)
