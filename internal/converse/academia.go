package converse

import "strings"

// "Has she ever worked in industry" asks for a yes or a no: industry is
// work outside academia and research institutions, so the answer depends
// on whether any job is outside them.

// asksIndustryVsAcademia reports a question that sets industry against
// academia ("worked in industry", "any industry experience", "outside
// academia").
func asksIndustryVsAcademia(joined string) bool {
	for _, p := range []string{" in industry ", " industry experience ", " industry job", " industry role", " outside academia ", " outside of academia ", " outside the university "} {
		if strings.Contains(joined, p) {
			return true
		}
	}
	return strings.HasSuffix(joined, " in industry") // joined may end without a space
}

// academicEmployerWords in an employer's name, and academicRoleWords in a
// job's title, mark a job in academia or a research institution.
var (
	academicEmployerWords = setOf(`university universities universität université universidad universidade università college institute institution academy polytechnic`)
	academicRoleWords     = setOf(`professor lecturer postdoctoral postdoc faculty phd doctoral tutor dean provost`)
)

func (x *Index) academicJob(it *item) bool {
	if hasAnyTokenIn(tokens(it.title), academicEmployerWords) {
		return true
	}
	role := tokens(it.role)
	if hasAnyTokenIn(role, academicRoleWords) {
		return true
	}
	j := joinTokens(role)
	for _, p := range academicRolePhrases {
		if strings.Contains(j, p) {
			return true
		}
	}
	return false
}

var academicRolePhrases = []string{" teaching assistant ", " research assistant ", " research fellow ", " graduate researcher ", " graduate student ", " doctoral researcher "}

// industryVsAcademia answers it from the jobs: no when every one is
// academic, yes with the others when some are. False when none is
// academic: the question then is about industries, answered elsewhere.
func (x *Index) industryVsAcademia(o *out, jobs []*item) bool {
	var acad, other []*item
	for _, it := range jobs {
		if it.brk {
			continue
		}
		if x.academicJob(it) {
			acad = append(acad, it)
		} else {
			other = append(other, it)
		}
	}
	if len(acad) == 0 {
		return false
	}
	if len(other) == 0 {
		o.say("No, every job in the profile is in academia or research: %s.", employerList(acad))
	} else {
		o.say("Yes, outside academia: %s.", allRoles(other))
		acad = other
	}
	for _, it := range acad {
		o.citeItem(it)
	}
	o.focusOn(acad...)
	return true
}

// employerList names each employer once, in order.
func employerList(items []*item) string {
	var names []string
	seen := map[string]bool{}
	for _, it := range items {
		if !seen[it.title] {
			seen[it.title] = true
			names = append(names, it.label())
		}
	}
	return list(names)
}
