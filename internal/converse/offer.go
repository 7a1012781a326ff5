package converse

// Visitors who are would-be clients ask whether the person takes them on:
// "is she accepting new clients", "could he advise my startup". The
// profile answers only in its own words (a summary's "Not taking on new
// advisory roles"); when it has none, the reply says that this is not
// said, not that the person is or is not looking for a job.

// clientsAsked returns the kind of client a question asks whether the
// person takes on ("clients", "patients", "students"), or "".
func clientsAsked(ts []string) string {
	for i, t := range ts {
		switch t {
		case "clients", "patients", "students", "customers", "cases", "referrals":
			if i > 0 && (ts[i-1] == "new" || ts[i-1] == "accepting" || ts[i-1] == "taking") {
				return t
			}
		}
	}
	return ""
}

// notOfferVerbs ask about an ability, not a service: "can she speak our
// language", "can he read my handwriting".
var notOfferVerbs = setOf(`speak speaks read reads write writes understand understands talk use reach contact call email`)

// offerAsked reports a request for the person's services: "could he
// advise my startup", "would she mentor me", "can he help our team": a
// modal, the person, a verb and who would be served.
func offerAsked(ts []string) bool {
	if len(ts) < 4 || ts[1] != "@p" {
		return false
	}
	switch ts[0] {
	case "could", "can", "would", "will":
	default:
		return false
	}
	if searchStop[ts[2]] || notOfferVerbs[ts[2]] {
		return false // "can she speak our language": a skill, not a service
	}
	switch ts[3] {
	case "my", "our", "us", "me":
		return true
	}
	return false
}

// unsaidOffer says, for a would-be client, that the profile doesn't say
// whether the person takes new clients or work of that kind; false when
// the question is about a job instead.
func (x *Index) unsaidOffer(o *out, q *query) bool {
	if q == nil {
		return false
	}
	if c := clientsAsked(q.ts); c != "" {
		o.say("The profile doesn't say whether %s is taking new %s.", x.who(), c)
	} else if offerAsked(q.ts) && q.ts[2] != "join" && q.ts[2] != "work" { // "could she join our team" is a job
		o.say("The profile doesn't say whether %s takes on new work of that kind.", x.who())
	} else {
		return false
	}
	if c := x.r.Basics.Email; c != "" {
		o.say("You could ask at %s.", c)
		o.cite(secBasics, 0, "email")
	}
	return true
}

// serveVerbs put people a professional works with before "kids" or
// "children": "does she see kids", "does he work with children".
var serveVerbs = setOf(`see sees seeing treat treats treating work works working teach teaches teaching coach coaches coaching
help helps helping serve serves serving take takes taking accept accepts accepting counsel counsels tutor tutors with`)

// servesPeople reports whether the word w of ts (kids, children) follows
// a verb of serving people within two words: whom a professional works
// with, not a question about the person's family.
func servesPeople(ts []string, w string) bool {
	for i, t := range ts {
		if t != w {
			continue
		}
		for j := max(0, i-2); j < i; j++ {
			if serveVerbs[ts[j]] {
				return true
			}
		}
	}
	return false
}

// whatAboutUnsaid answers "what about Cigna" after a reply quoting the
// profile's sentences ("does she take Aetna"): the same question of a
// thing the profile never names, which it plainly doesn't mention. A
// thing it does name is left to the search.
func (r *resolver) whatAboutUnsaid() bool {
	x, o, q := r.x, r.o, r.q
	if r.topScore != 0 || r.modScore != 0 || r.named || q.off != 0 || q.person || !(at(q.ts, 1) == "about" || at(q.ts, 0) == "and") || len(q.ts) > 4 {
		return false
	}
	obj := x.askedObject(q.raw)
	if obj == "" {
		return false
	}
	for _, t := range tokens(obj) {
		if x.words[stem(t)] || commonWords[t] || searchStop[t] {
			return false
		}
	}
	if !r.intentWas(iSearch) && !r.intentWas(iHighlights) {
		return false
	}
	o.in = iSearch
	o.say("The profile doesn't mention %s.", obj)
	return true
}
