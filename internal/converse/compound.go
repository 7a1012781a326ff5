package converse

import (
	"strings"
	"time"
)

// Two questions in one ("where does she live and who does she work for",
// "what's his email and where is he based"): every step of the engine
// picks one reading, so the second question would go unanswered. Each part
// is answered as its own turn, the second in the state the first left, and
// the replies are joined.

// questionWords open a question; auxWords are the verbs a question puts
// right after its question word ("where DOES she", "who IS her").
var (
	questionWords = strings.Fields("what whats where wheres who whos when which how hows")
	auxWords      = strings.Fields("is are was were does do did has have can could will would should")
	auxSet        = setOf(strings.Join(auxWords, " ")) // the same, for lowercase tokens
	// contractedQuestionWords carry their verb: "whats her email".
	contractedQuestionWords = strings.Fields("whats wheres whos hows")
)

// splitTwoQuestions returns the two parts of q when it joins two
// questions with "and": the part after "and" opens with a question word
// carrying a verb ("what's", "whats") or followed, within three words, by a
// verb of a question, and the part before opens with a question word or a
// verb of a question; both have at least three words. "when he joined" or "Procter and Gamble" are no
// second question, nor is "since when", which leans on the first part.
func splitTwoQuestions(q string) (string, string, bool) {
	from := 0
	for {
		i := indexAnd(q, from)
		if i < 0 {
			return splitAtQuestionMark(q)
		}
		first, second := strings.TrimSpace(q[:i]), strings.TrimSpace(q[i+len(" and "):])
		if (opensQuestion(first, false) || askedAlready(first)) && opensQuestion(second, true) {
			return strings.TrimRight(first, ",;") + "?", second, true
		}
		from = i + 1
	}
}

// askedAlready reports a part closed by its own question mark and of at
// least two words ("any certifications? and what languages does he
// speak?"): a question however it opens.
func askedAlready(s string) bool {
	return strings.HasSuffix(s, "?") && strings.IndexByte(strings.TrimSpace(s), ' ') > 0
}

// splitAtQuestionMark splits "any certifications? what languages does he
// speak?" after the first question mark, when the part after it opens a
// question of its own and the part before has at least two words.
func splitAtQuestionMark(q string) (string, string, bool) {
	i := strings.Index(q, "? ")
	if i < 0 {
		return "", "", false
	}
	first, second := strings.TrimSpace(q[:i+1]), strings.TrimSpace(q[i+2:])
	if askedAlready(first) && opensQuestion(second, true) {
		return first, second, true
	}
	return "", "", false
}

// splitFieldPair splits a question asking for two things of the person
// by their nouns ("what's her email and phone number", "what are his
// strengths and weaknesses", "what is Ada's name and title") into one
// question per noun phrase: each part then reaches the step that knows its
// noun, where the whole question reached only one of them. Only the shape
// "what is/are POSSESSIVE X and [POSSESSIVE] Y" with at most two words in X
// and three in Y, and no preposition in either, is split: "what is the
// name and location of his company" is one question.
func splitFieldPair(q string) (string, string, bool) {
	if indexAnd(q, 0) < 0 {
		return "", "", false
	}
	ws := strings.Fields(strings.TrimRight(q, "?!. "))
	if len(ws) < 5 || len(ws) > 9 {
		return "", "", false
	}
	i := 0
	w0 := strings.ToLower(ws[0])
	switch w0 {
	case "what's", "what’s", "whats":
		i = 1
	case "what":
		if len(ws) < 6 || !foldIn(ws[1], []string{"is", "are", "was", "were"}) {
			return "", "", false
		}
		i = 2
	default:
		return "", "", false
	}
	if !possessive(ws[i]) {
		return "", "", false
	}
	prefix := strings.Join(ws[:i+1], " ")
	and := -1
	for k := i + 1; k < len(ws); k++ {
		if strings.EqualFold(ws[k], "and") {
			and = k
			break
		}
	}
	x := and - (i + 1)
	if and < 0 || x < 1 || x > 2 {
		return "", "", false
	}
	y := ws[and+1:]
	if len(y) > 0 && possessive(y[0]) {
		y = y[1:]
	}
	if len(y) < 1 || len(y) > 3 {
		return "", "", false
	}
	for _, w := range append(append([]string{}, ws[i+1:and]...), y...) {
		if foldIn(strings.Trim(w, ","), fieldPairStops) {
			return "", "", false
		}
	}
	return prefix + " " + strings.TrimRight(strings.Join(ws[i+1:and], " "), ",") + "?",
		prefix + " " + strings.Join(y, " ") + "?", true
}

// fieldPairStops end the noun-pair reading: prepositions tie the nouns to
// something else, and question words or verbs make the part a clause.
var fieldPairStops = append(strings.Fields("of at in for from with on to about like by than as when where who why how what which"), auxWords...)

// possessive reports whether w is a possessive pronoun or a name's
// possessive ("Ada's").
func possessive(w string) bool {
	if foldIn(w, []string{"his", "her", "their", "your"}) {
		return true
	}
	l := strings.ToLower(w)
	return len(l) > 2 && (strings.HasSuffix(l, "'s") || strings.HasSuffix(l, "’s")) && !foldIn(strings.TrimRight(strings.TrimRight(l, "s"), "'’"), []string{"it", "that", "what", "there", "here", "who", "where"})
}

// indexAnd is the index of the first " and " (any case) in q at or after
// from, -1 when there is none; it runs on every turn, so it neither lowers
// nor copies q.
func indexAnd(q string, from int) int {
	for i := from; i+5 <= len(q); i++ {
		if q[i] == ' ' && q[i+4] == ' ' && q[i+1]|0x20 == 'a' && q[i+2]|0x20 == 'n' && q[i+3]|0x20 == 'd' {
			return i
		}
	}
	return -1
}

// opensQuestion reports whether s reads as a question of its own: see
// splitTwoQuestions. It compares words case-insensitively in place: no
// copy of s is made.
func opensQuestion(s string, second bool) bool {
	var ws [4]string
	n, rest := 0, s
	for {
		rest = strings.TrimLeft(rest, " \t\n")
		if rest == "" {
			break
		}
		w := rest
		if k := strings.IndexAny(rest, " \t\n"); k >= 0 {
			w, rest = rest[:k], rest[k:]
		} else {
			rest = ""
		}
		if n < len(ws) {
			ws[n] = w
		}
		n++
	}
	if n < 3 {
		return false
	}
	w0, contracted := ws[0], false
	if k := strings.IndexAny(w0, "'’"); k > 0 {
		w0, contracted = w0[:k], true // "what's", "where's"
	}
	if !foldIn(w0, questionWords) {
		return !second && foldIn(w0, auxWords)
	}
	if contracted || !second || foldIn(w0, contractedQuestionWords) {
		return true
	}
	for _, w := range ws[1:min(n, 4)] {
		if foldIn(strings.Trim(w, "?,.!"), auxWords) {
			return true
		}
	}
	return false
}

// foldIn reports whether w is one of words, in any case.
func foldIn(w string, words []string) bool {
	for _, v := range words {
		if strings.EqualFold(w, v) {
			return true
		}
	}
	return false
}

// turnTwo answers the two parts of a joined question as two turns and
// merges the replies; the state is the second turn's, counted as one turn.
func (x *Index) turnTwo(st State, first, second string, now time.Time) (Reply, State) {
	r, next, _ := x.turnParts(st, first, second, false, now)
	return r, next
}

// turnParts is turnTwo; when strict, it declines (false) unless the engine
// understood both parts, for splits that may have cut one question in two.
func (x *Index) turnParts(st State, first, second string, strict bool, now time.Time) (Reply, State, bool) {
	r1, s1 := x.Turn(st, first, now)
	r2, s2 := x.Turn(s1, second, now)
	if strict && (r1.Intent == iUnknown.String() || r2.Intent == iUnknown.String()) {
		return Reply{}, State{}, false
	}
	s2.Turn = st.Turn + 1
	r := Reply{
		Text:        r1.Text + " " + r2.Text,
		Refused:     r1.Refused && r2.Refused,
		Citations:   append([]Citation{}, r1.Citations...),
		Suggestions: r2.Suggestions,
		Intent:      r1.Intent,
	}
	if t := unsaid(r1.Text, r2.Text); t != r2.Text {
		// Both parts said it ("his hobbies and interests", the e-mail
		// offered after each refusal): once is enough.
		r.Text = strings.TrimSpace(r1.Text + " " + t)
	}
	for _, c := range r2.Citations {
		if !hasCitation(r.Citations, c) {
			r.Citations = append(r.Citations, c)
		}
	}
	if r1.Refused && !r2.Refused {
		r.Intent = r2.Intent // the part answered names the reply
	}
	return r, s2, true
}

// unsaid returns the sentences of b that a does not already contain.
func unsaid(a, b string) string {
	var out strings.Builder
	for _, sent := range strings.SplitAfter(b, ". ") {
		if t := strings.TrimSpace(sent); t != "" && !strings.Contains(a, t) {
			out.WriteString(sent)
		}
	}
	return strings.TrimSpace(out.String())
}

func hasCitation(cs []Citation, c Citation) bool {
	for _, h := range cs {
		if h == c {
			return true
		}
	}
	return false
}
