package converse

import "strings"

// theirPerson answers "who is her manager", "who was his boss at InPost",
// "who's her mentor" when the profile names no such person: résumés name a
// manager or mentor only in a reference or a sentence ("mentored by Prof.
// X"), and those are left to mentorNamed and the references. Without this,
// "her manager" read as her own title ("doesn't list her as manager at
// InPost") and "her mentor" as her mentoring of others.
func (r *resolver) theirPerson() bool {
	x, o, q := r.x, r.o, r.q
	if at(q.ts, 0) != "who" && at(q.ts, 0) != "whos" || len(q.techs) > 0 {
		return false
	}
	role := ""
	// "@p manager": her, his, their, your or her name before the relation
	for i := 1; i+1 < len(q.ts); i++ {
		if q.ts[i] == "@p" && othersAround[q.ts[i+1]] && copula[q.ts[i-1]] {
			role = q.ts[i+1]
			break
		}
	}
	if role == "" {
		return false
	}
	if refs := x.referencesBy(role); len(refs) > 0 {
		o.in = iReferences
		for _, i := range refs {
			x.reference(o, i)
		}
		return true
	}
	if x.namesAround(role) {
		return false
	}
	o.in = iUnknown
	where := ""
	for _, e := range q.ents {
		// the place named in the question ("at InPost"), not an entry the
		// relation's word found ("Mentor" at a mentoring charity)
		if (e.sec == secWork || e.sec == secEducation || e.sec == secVolunteer) && !holdsAll(tokens(e.role), []string{role}) {
			where = " at " + e.label()
			o.citeItem(e)
			break
		}
	}
	o.say("The profile doesn't name %s %s%s.", x.whose(), role, where)
	return true
}

// copula are the words before "her manager" in "who is her manager";
// "who does she mentor" asks the other way.
var copula = setOf(`is was s are were whos who`) // "who's" is tokenised "who"

// othersAround are people around the person a question may ask about by
// their relation to her.
var othersAround = setOf(`manager boss supervisor mentor advisor adviser director`)

// namesAround reports whether the profile may name the person asked about:
// a reference or a sentence with the relation in it ("my manager at
// Paylane", "supervised by", a reference from "her manager").
func (x *Index) namesAround(role string) bool {
	for _, ref := range x.r.References {
		if strings.Contains(strings.ToLower(ref.Reference+" "+ref.Name), role) {
			return true
		}
	}
	for _, st := range mentoredStems {
		if strings.Contains(strings.ToLower(x.r.Basics.Summary), strings.TrimSpace(st)) {
			return true
		}
	}
	for i := range x.snippets {
		low := " " + strings.ToLower(x.snippets[i].text) + " "
		if strings.Contains(low, " my "+role) || strings.Contains(low, " "+role+"s") && strings.Contains(low, " my ") ||
			strings.Contains(low, "by "+role) || containsAny(low, mentoredStems) {
			return true
		}
	}
	return false
}

// relationWords are what a referee's name or words say of the relation
// asked: "Jane Doe, her manager at Northwind", "the best engineer I have
// managed".
var relationWords = map[string]struct{ names, verbs []string }{
	"manager":    {[]string{"manager", "boss", "supervisor", "director", "head"}, []string{" managed", " reported to me", " my report", " my team"}},
	"boss":       {[]string{"manager", "boss", "supervisor", "director", "head"}, []string{" managed", " reported to me", " my report", " my team"}},
	"supervisor": {[]string{"supervisor", "manager"}, []string{" supervised"}},
	"director":   {[]string{"director"}, nil},
	"mentor":     {[]string{"mentor"}, []string{" mentored"}},
	"advisor":    {[]string{"advisor", "adviser", "supervisor"}, []string{" advised", " supervised"}},
	"adviser":    {[]string{"advisor", "adviser", "supervisor"}, []string{" advised", " supervised"}},
}

// referencesBy returns the references whose referee is named as, or says
// they were, the person's manager, mentor or the like.
func (x *Index) referencesBy(role string) []int {
	rw, ok := relationWords[role]
	if !ok {
		return nil
	}
	var out []int
	for i, ref := range x.r.References {
		if hasAnyToken(tokens(ref.Name), rw.names...) || containsAny(" "+strings.ToLower(ref.Reference), rw.verbs) {
			out = append(out, i)
		}
	}
	return out
}
