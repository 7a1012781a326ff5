package converse

import "strings"

// softwareStem is the stem of "software", the modifier of "a software
// engineer" and "a software developer".
var softwareStem = stem("software")

// softwareKinds are words of a title that make it a software one although
// it does not say "software": a Backend Engineer, an iOS Developer and a
// Full Stack Developer are software engineers and developers.
var softwareKinds = setOf(`backend frontend fullstack stack web mobile ios android back-end front-end full-stack` +
	// "Ingénieur logiciel", "Développeuse logicielle": French for software
	` logiciel logicielle logiciels`)

// foreignModifiers are title words of other languages that carry an
// English modifier of the asked role along with the role itself: a German
// "Werkstudent" is a working student, a "Softwareentwickler" a software
// developer (and any "Software…" compound a software one). Keys are stems.
var foreignModifiers = map[string]map[string]bool{
	stem("working"): setOf(`werkstudent werkstudentin`),
}

// modifierIn reports whether the title token t carries the asked
// modifier md (a stem) although it is not that word.
func modifierIn(md, t string) bool {
	if md == softwareStem && (softwareKinds[t] || len(t) > len("software") && strings.HasPrefix(t, "software")) {
		return true
	}
	return foreignModifiers[md][t]
}
