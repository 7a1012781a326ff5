package converse

import "strings"

// JavaScript libraries are written with and without their ".js": a profile
// lists "Grunt.js" and a visitor asks about Grunt, or the other way round.
// The alias table knows the well-known ones (Node.js, Vue.js); these rules
// give the same reach to the profile's own keywords the table lacks.

// jsStem returns the name without its ".js" for a keyword written
// "Grunt.js", "Grunt.JS", "Gruntjs" or "Grunt js". Short stems are left
// out, as the engine's other partial names are: "Go.js" is no reason to
// read "Go" as it.
func jsStem(kt []string) (string, bool) {
	var w string
	switch {
	case len(kt) == 1:
		w = strings.TrimSuffix(strings.TrimSuffix(kt[0], "js"), ".")
		if w == kt[0] {
			return "", false
		}
	case len(kt) == 2 && kt[1] == "js":
		w = kt[0]
	default:
		return "", false
	}
	if !plainStem(w) {
		return "", false
	}
	return w, true
}

// plainStem reports whether w may stand for a longer technology name: four
// letters or more and no word every question uses, or a short name with a
// digit in it ("d3", "p5"), which no English word is.
func plainStem(w string) bool {
	if strings.ContainsAny(w, ".-") {
		return false
	}
	return len(w) >= 4 && !commonWords[w] || len(w) >= 2 && hasLetterAndDigit(w)
}

func hasLetterAndDigit(w string) bool {
	return strings.ContainsAny(w, "0123456789") && strings.ContainsAny(w, "abcdefghijklmnopqrstuvwxyz")
}

// addJSForms lets the keyword kw (display name name) be asked for with or
// without ".js". The bare stem counts only with a technology cue, as a
// product's name without its vendor does: "Chart.js" must not turn every
// "chart" into a technology.
func (t *techTable) addJSForms(kw, name string) {
	if t.alias != nil {
		if _, known := t.alias.Canonical(kw); known {
			return
		}
	}
	kt := tokens(kw)
	if stem, ok := jsStem(kt); ok {
		if _, own := t.tails[stem]; !own {
			t.tails[stem] = name
		}
		return
	}
	if len(kt) == 1 && plainStem(kt[0]) {
		if _, own := t.compact[kt[0]+"js"]; !own {
			t.compact[kt[0]+"js"] = name // "grunt.js" and "gruntjs" find "Grunt"
		}
	}
}
