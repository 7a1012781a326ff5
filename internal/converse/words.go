package converse

import "strings"

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
		m[americanSpelling(w)] = true // the question's words are read in that spelling
	}
	return m
}

// genericNameWords do not identify an organisation on their own: "the
// University of X" is found by "X".
var genericNameWords = setOf(`the of and for at in on a an & with from to by inc inc. llc ltd ltd. gmbh ag sa bv
corp corporation co company companies group holdings university universität universidad college
school institute institution academy polytechnic technical technology technologies tech labs lab
solutions services systems software consulting international global state national community
foundation association society center centre department dept team project app application de la
del der le los das di du von van high`)

// issuerWords are generic in the name of a body that issues certificates
// or awards ("Texas State Board of Public Accountancy"): "any board
// experience" is not about that certificate.
var issuerWords = setOf(`board council commission authority agency bureau ministry chamber office committee`)

// commonWords are everyday English words a question uses; they never count
// as a misspelt technology or as the only clue to an employer's name.
var commonWords = setOf(`a about above after again against all also am an and any anything are
around as ask at be because been before being below between both but by can could did do does
doing done down during each else ever every few for from had has have having he her here hers
herself him himself his how i if in into is it its itself just know knows known like me more
most much my myself no nor not now of off on once only or other our out over own same she should
so some such than that the their them then there these they this those through to too under
until up very was we were what when where which while who whom why will with would you your
yours yourself tell me give show list name describe explain talk say said share please thanks
thank hello hi hey great good nice cool okay ok yes yeah sure really well work works worked
working job jobs role roles position positions career company companies employer employers
experience experienced years year months month long time first last latest recent current
currently previous previously next before after earlier later start started starting end ended
still ever since today now where when study studied school degree education university college
skill skills project projects built build make made use used using uses familiar proficient
expert good best strong stack tools tool language languages speak speaks spoken fluent hobby
hobbies interests interest free spare enjoy enjoys fun contact email reach touch phone number
address live lives living based located location from city country home award awards won
certificate certificates certified publication publications paper papers talk talks volunteer
volunteering charity summary background overview profile resume person people someone anyone
everything something nothing more less many much few several other another again same different
whole total overall about around approximately roughly exactly kind sort type way ways thing
things stuff lot lots bit other others his hers there their theirs what's whats where's who's
world weather today tomorrow yesterday morning evening night week weekend day days president
capital country countries city cities write code function explain help could would
should shall might must reached react reach manager lead leader senior junior
staff principal engineer engineering developer development software data science scientist
design designer product research researcher analyst consultant intern student main
team teams open source side personal client clients customer customers business market
marketing sales public private government free online web mobile cloud backend frontend
full-stack fullstack price prices cost costs stock stocks share shares`)

// personWords refer to the person the profile is about (or, for "you",
// to the assistant speaking for them).
var personWords = setOf(`she he they her him his hers their theirs them you your yours
yourself herself himself themselves themself candidate person`)

func hasAnyToken(ts []string, words ...string) bool {
	for _, t := range ts {
		for _, w := range words {
			if t == w {
				return true
			}
		}
	}
	return false
}

func hasAnyTokenIn(ts []string, set map[string]bool) bool {
	for _, t := range ts {
		if set[t] {
			return true
		}
	}
	return false
}

// wordAfterIn returns the content word after the last "in" ("years in
// sales" -> "sales"), or "".
func wordAfterIn(ts []string) string {
	for i := len(ts) - 2; i >= 0; i-- {
		if ts[i] == "in" {
			w := ts[i+1]
			if w == "@p" || searchStop[w] || len(w) < 3 {
				return ""
			}
			return w
		}
	}
	return ""
}

// isAlphaWord reports a token of lowercase ASCII letters only.
func isAlphaWord(t string) bool {
	for i := 0; i < len(t); i++ {
		if c := t[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return t != ""
}

// nonEmpty returns the strings that are not blank, trimmed.
func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
