package converse

import (
	"strings"
	"time"
)

// "Is he still a licensed pilot", "is she a certified paramedic": the
// adjective asks for the credential, not for a title that holds it. No job
// is titled "licensed pilot", and "the profile doesn't describe him as a
// licensed pilot" of an airline captain with an ATP certificate is wrong.

// credentialAdjectives say a role is held by licence or certificate.
var credentialAdjectives = setOf(`licensed licenced certified registered accredited chartered`)

// credentialedRole answers from the certificates whose name holds the
// role's word ("Airline Transport Pilot", "Veterinary License"), or, when a
// job title holds the role, the licences ("Attending Physician" and
// "Massachusetts Medical License"). A title that holds the whole role
// ("Registered Nurse") is left to the role answer.
func (r *resolver) credentialedRole() bool {
	x, q := r.x, r.q
	if len(q.role) < 2 || !credentialAdjectives[q.role[0]] || len(x.certificates) == 0 || x.titleHolds(q.role) {
		return false
	}
	rest := q.role[1:]
	head := stem(rest[len(rest)-1])
	if len(head) < 3 {
		return false
	}
	var held []*item
	for _, it := range x.sorted(secCertificates) {
		if !it.lapsed && !it.pending() && hasStemPrefix(tokens(it.title), head) {
			held = append(held, it)
		}
	}
	if q.role[0] == "licensed" || q.role[0] == "licenced" {
		// "a licensed vet": the licence among the veterinary certificates
		if lic := licencesIn(held); len(lic) > 0 {
			held = lic
		}
	}
	if len(held) == 0 && q.role[0] != "certified" && x.titleHolds(rest) {
		held = licencesIn(x.sorted(secCertificates))
	}
	if len(held) == 0 {
		return false
	}
	x.sayCredentialHeld(r.o, held, r.now)
	return true
}

// sayCredentialHeld says yes with the certificates, and when each runs out
// where its name says so: "still" asks for that.
func (x *Index) sayCredentialHeld(o *out, held []*item, now time.Time) {
	var valid, gone []string
	for _, it := range held {
		o.citeItem(it)
		if _, d, ok := nameExpiry(it.title); ok && endOf(d).Before(now) {
			gone = append(gone, "“"+it.title+"”"+it.span())
			continue
		}
		valid = append(valid, "“"+it.title+"”"+it.span())
	}
	o.in = iCerts
	o.focusOn(held...)
	if len(valid) == 0 {
		o.say("No longer, by the dates in their names: %s.", list(gone))
		return
	}
	o.say("Yes: %s holds %s.", x.Who(), list(valid))
	for _, it := range held {
		if _, d, ok := nameExpiry(it.title); ok && !endOf(d).Before(now) {
			x.expiry(o, it)
		}
	}
	if len(gone) > 0 {
		o.say("Past the date in its name: %s.", list(gone))
	}
}

// titleHolds reports a job title that holds every word of role.
func (x *Index) titleHolds(role []string) bool {
	m := newRoleMatcher(role)
	for _, it := range x.sorted(secWork) {
		if m.matchesToks(it.roleTokens()) {
			return true
		}
	}
	return false
}

// licencesIn returns the held certificates of items named as licences.
func licencesIn(items []*item) []*item {
	var lic []*item
	for _, it := range items {
		if !it.lapsed && !it.pending() && containsAny(strings.ToLower(it.title), licenceNameWords) {
			lic = append(lic, it)
		}
	}
	return lic
}
