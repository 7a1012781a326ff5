package converse

import "strings"

// degreeWords name a qualification asked "in" a field: "a degree in
// physics", "a masters in finance".
var degreeWords = setOf(`degree degrees bachelor bachelors master masters phd doctorate diploma ba bsc ma msc mba meng beng qualification major`)

// studyVerbs ask what was studied: "did he study law", "did she major in
// economics".
var studyVerbs = setOf(`study studied major majored`)

// fieldEnd ends the field asked: "in physics at Leeds", "law in 2010".
var fieldEnd = setOf(`at from in during between before after since when while or`)

// notAField are words after "study" that say how or where, not what.
var notAField = setOf(`there here abroad overseas online remotely hard much long part full locally together anything something`)

// degreeFieldAsked returns the field of "does he have a degree in X" /
// "did she study X", as tokens, or nil.
func degreeFieldAsked(ts []string) []string {
	if !yesNoQuestion(ts) || at(ts, 1) != "@p" {
		return nil
	}
	for i := 2; i < len(ts); i++ {
		start := -1
		switch {
		case (ts[i] == "degree" || ts[i] == "degrees") && i > 2 && !plainDegreeWords[ts[i-1]] && degreeLevelWords[ts[i-1]] == 0:
			// "does he have a CS degree", "a computer science degree": the
			// words between the article and "degree"
			j := i - 1
			for j > 2 && !plainDegreeWords[ts[j-1]] {
				j--
			}
			if field := ts[j:i]; len(field) <= 3 && !searchStop[field[0]] {
				return field
			}
			continue
		case degreeWords[ts[i]] && at(ts, i+1) == "in":
			start = i + 2
		case studyVerbs[ts[i]] && at(ts, i+1) == "in":
			start = i + 2
		case studyVerbs[ts[i]]:
			start = i + 1
		}
		if start < 0 || start >= len(ts) {
			continue
		}
		var field []string
		for _, t := range ts[start:] {
			if fieldEnd[t] {
				break
			}
			if notAField[t] || searchStop[t] && t != "a" && t != "an" && t != "the" && t != "and" && t != "it" {
				return nil // "did he study there", "did she study abroad": no field
			}
			if t != "a" && t != "an" && t != "the" && t != "and" {
				field = append(field, t)
			}
		}
		return field
	}
	return nil
}

// degreeInField answers "does he have a degree in computer science" and
// "did she study law": yes with the entries whose field holds every word
// asked, else a plain no that names what was studied; a single entry
// would otherwise be described without the answer.
func (r *resolver) degreeInField() bool {
	x, o, q := r.x, r.o, r.q
	if len(q.techs) > 0 || q.inPlace {
		return false // "did she study python", "did he study in Japan": other steps
	}
	field := degreeFieldAsked(q.ts)
	if len(field) == 0 || len(field) > 4 {
		return false
	}
	items := x.sorted(secEducation)
	if len(items) == 0 {
		return false
	}
	var hits []*item
	var parts []string
	for _, it := range items {
		e := &x.r.Education[it.idx]
		text := " " + strings.Join(tokens(e.Area+" "+e.StudyType), " ") + " "
		if fieldWordsIn(text, field) || len(field) == 1 && field[0] == initialsOf(e.Area) || foreignFieldIn(text, field) {
			hits = append(hits, it)
			parts = append(parts, article(it.describe())+it.span())
			continue
		}
		for _, c := range e.Courses {
			if fieldWordsIn(" "+strings.Join(tokens(c), " ")+" ", field) {
				hits = append(hits, it)
				parts = append(parts, article(it.describe())+it.span()+", with the course “"+strings.TrimSpace(c)+"”")
				break
			}
		}
	}
	asked := fieldSpelling(field)
	if len(hits) == 0 && len(field) == 1 && (field[0] == "it" || field[0] == "that" || field[0] == "this") {
		return false // "did he major in it": the subject just discussed
	}
	o.in = iEducation
	if len(hits) > 0 {
		for _, it := range hits {
			o.citeItem(it)
		}
		if hasAnyToken(q.ts, "degree", "degrees") && !x.anyDegreeAmong(hits) {
			// "does he have a law degree" of a certificate in maritime law
			o.say("The profile doesn't list a degree in %s; it lists %s.", asked, list(parts))
			if len(hits) == 1 {
				o.focusOn(hits[0])
			}
			return true
		}
		o.say("Yes: the profile lists %s.", list(parts))
		if len(hits) == 1 {
			o.focusOn(hits[0])
		}
		return true
	}
	parts = parts[:0]
	for _, it := range items {
		parts = append(parts, article(it.describe())+it.span())
		o.citeItem(it)
	}
	o.say("The profile doesn't list studies in %s for %s; the education it lists is %s.", asked, x.who(), list(parts))
	if len(items) == 1 {
		o.focusOn(items[0])
	}
	return true
}

// fieldWordsIn reports whether text (" a b c ") holds every word of field,
// as a word or its stem.
func fieldWordsIn(text string, field []string) bool {
	for _, w := range field {
		if !strings.Contains(text, " "+w+" ") && !strings.Contains(text, " "+stem(w)) {
			return false
		}
	}
	return true
}

// initialsOf is a field's initials, as it is asked in short: "it" for
// Information Technology, "cs" for Computer Science ("" for one word).
func initialsOf(area string) string {
	var b strings.Builder
	n := 0
	for _, t := range tokens(area) {
		if t == "and" || t == "of" || t == "in" || t == "the" {
			continue
		}
		b.WriteByte(t[0])
		n++
	}
	if n < 2 {
		return ""
	}
	return b.String()
}

// foreignStudyFields are fields asked in English as French, German,
// Spanish, Portuguese and Italian areas write them (folded tokens):
// "Informatique" is computer science, "Wirtschaftsinformatik" business
// informatics or information systems.
var foreignStudyFields = map[string][]string{
	"computer science":     {"informatique", "informatik", "informatica", "ciencias de la computacion", "ciencia de la computacion", "ciencia da computacao", "ciencias da computacao"},
	"cs":                   {"informatique", "informatik", "informatica", "ciencias de la computacion", "ciencia da computacao", "ciencias da computacao"},
	"information systems":  {"wirtschaftsinformatik", "sistemas de informacao", "sistemas de informacion", "systemes d information"},
	"business informatics": {"wirtschaftsinformatik"},
}

// foreignFieldIn reports a study field asked in English that the padded
// tokens of an area name in another language.
func foreignFieldIn(text string, field []string) bool {
	asked := strings.Join(field, " ")
	for _, f := range foreignStudyFields[asked] {
		if strings.Contains(text, " "+f+" ") {
			return true
		}
	}
	if len(field) != 1 {
		return false
	}
	for t := range foreignFields[stem(field[0])] {
		if strings.Contains(text, " "+t+" ") {
			return true
		}
	}
	return false
}

// anyDegreeAmong reports whether an entry may be a degree: a certificate,
// a diploma or a bootcamp is not, a type that can't be read may be.
func (x *Index) anyDegreeAmong(its []*item) bool {
	for _, it := range its {
		e := x.r.Education[it.idx]
		if r := degreeRankOf(e.StudyType); r != 1 && (r >= 2 || !nonDegreeEntry(e.StudyType)) {
			return true
		}
	}
	return false
}
