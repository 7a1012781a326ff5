package converse

import "strings"

// "Does he know BDD" of a résumé that lists Cucumber but never the word:
// some tools exist only to do one practice, so listing one says the
// practice was at least met. Only such tools count (JUnit or pytest serve
// any way of testing, so they say nothing of TDD), and the reply says what
// the profile lists rather than a plain yes.

// practiceTools maps a practice, lower case, to the tools made for it.
var practiceTools = map[string][]string{
	"behavior-driven development": {"Cucumber", "SpecFlow", "Behave", "JBehave"},
	"infrastructure as code":      {"Terraform", "Pulumi", "AWS CloudFormation"},
}

// practiceByTools answers a practice the profile doesn't name from the
// tools made for it that it lists; it reports whether it found one.
func (x *Index) practiceByTools(o *out, practice string) bool {
	var have []string
	var uses []Citation
	for _, t := range practiceTools[strings.ToLower(practice)] {
		if u := x.techUse[strings.ToLower(t)]; len(u) > 0 {
			have = append(have, t)
			uses = append(uses, u...)
		}
	}
	if len(have) == 0 {
		return false
	}
	kind := practiceShort(practice)
	tools := plural(len(have), "a "+kind+" tool", kind+" tools")
	o.say("The profile doesn't name %s itself, but it lists %s, %s: %s.", lowerPractice(practice), list(have), tools, x.whereUsed(o, uses, modeAny))
	return true
}

// practiceShort is the initials a practice of several hyphenated words
// goes by ("BDD" of "Behavior-driven development"), else its name in lower
// case.
func practiceShort(p string) string {
	if ac := initials(p); len(ac) >= 2 && strings.Count(p, "-") > 0 {
		return strings.ToUpper(ac)
	}
	return lowerPractice(p)
}
