package converse

import "strings"

// skillLevelWider answers "how good is he with Schrodinger" when the
// skills section lists the technology only inside a longer name
// ("Schrödinger Maestro"): the level of the one keyword or group whose
// words hold the asked words in a row. Two such names leave the question
// to the technology answer. It returns the name it answered for, or "".
func (x *Index) skillLevelWider(o *out, tech string) string {
	want := " " + strings.Join(tokens(strings.ReplaceAll(tech, "-", " ")), " ") + " "
	if len(want) <= 2 {
		return ""
	}
	hit, group, n := -1, "", 0
	for i, sk := range x.r.Skills {
		for _, name := range append([]string{sk.Name}, sk.Keywords...) {
			if strings.Contains(" "+strings.Join(tokens(strings.ReplaceAll(name, "-", " ")), " ")+" ", want) {
				if n++; n > 1 {
					return ""
				}
				hit, group = i, name
			}
		}
	}
	if hit < 0 || !x.skillLevel(o, &query{joined: " " + strings.Join(tokens(group), " ") + " "}) {
		return ""
	}
	return group
}

// levelOfWider answers "how good is he with schrodinger" when the
// question names no technology the engine knows: the words after its last
// "with", "at" or "in", looked up inside the skills section's names.
func (r *resolver) levelOfWider() bool {
	q := r.q
	if len(q.techs) > 0 || len(q.ents) > 0 || q.hasWin || len(r.x.r.Skills) == 0 || !techLevelAsked(q.ts) {
		return false
	}
	at := -1
	for i, t := range q.ts {
		if t == "with" || t == "at" || t == "in" || t == "using" {
			at = i
		}
	}
	words := q.ts[at+1:]
	if at < 0 || len(words) == 0 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		if commonWords[w] || !isAlphaWord(w) {
			return false
		}
	}
	name := r.x.skillLevelWider(r.o, strings.Join(words, " "))
	if name == "" {
		return false
	}
	r.o.tech = name
	return true
}
